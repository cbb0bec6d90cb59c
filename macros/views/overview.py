"""The method overview at methoden/: every method with its key facts, and the chooser.

The list is complete without JavaScript. docs/assets/chooser.js reads each row's data
(kinds, shortest time, group size, levels) and hides the rows that do not fit the filters;
the filters' names are the keys in the address (?vraag=relatie&tijd=60).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.vocabulary import EXPERIENCE, FACILITATOR, QUESTION_KINDS, kind_label
from . import addresses
from .common import Link, group_size, method_link
from .planning import shortest_time


@dataclass(frozen=True)
class Row:
    link: Link
    minutes: int
    shortest: int
    group: str
    group_min: int
    group_max: int | None
    experience: str
    experience_level: int
    leader: str
    leader_level: int
    kinds: list[str]  # codes
    kind_labels: list[str]


@dataclass(frozen=True)
class Overview:
    kinds: list[tuple[str, str]]  # code, label, for the filter
    experience: list[tuple[str, str]]  # code, choice, in order of level
    leaders: list[tuple[str, str]]
    rows: list[Row]


def overview(catalogue: Catalogue, here: str = addresses.METHOD_OVERVIEW) -> Overview:
    used = {kind for m in catalogue.methods.values() for kind in m.question_kinds}
    levels, leaders = list(EXPERIENCE), list(FACILITATOR)
    rows = [
        Row(
            link=method_link(catalogue, here, slug),
            minutes=method.total_minutes,
            shortest=shortest_time([step.minutes for step in method.steps]),
            group=group_size(method.group_size),
            group_min=method.group_size.min,
            group_max=method.group_size.max,
            experience=EXPERIENCE[method.experience].choice,
            experience_level=levels.index(method.experience),
            leader=FACILITATOR[method.facilitator].choice,
            leader_level=leaders.index(method.facilitator),
            kinds=list(method.question_kinds),
            kind_labels=[kind_label(kind) for kind in method.question_kinds],
        )
        for slug, method in catalogue.methods.items()
    ]
    return Overview(
        kinds=[(kind, kind_label(kind)) for kind in QUESTION_KINDS if kind in used],
        experience=[(code, term.choice) for code, term in EXPERIENCE.items()],
        leaders=[(code, term.choice) for code, term in FACILITATOR.items()],
        rows=rows,
    )
