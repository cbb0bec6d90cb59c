"""The catalogue at methoden/: a card per method with what a reader picks from, and the chooser.

The cards are complete without JavaScript. The chooser's script (chooser.js) reads each
card's data (kinds, shortest time, group size, levels, kind of conversation), hides the
cards that do not fit the filters, and when none fits shows the nearest methods with what
to relax; the filters' names are the keys in the address (?vraag=relatie&tijd=60).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.vocabulary import CONVERSATIONS, EXPERIENCE, FACILITATOR, QUESTION_KINDS, kind_label
from . import addresses
from .common import Link, group_size, method_link
from .handbook import first_sentence
from .planning import shortest_time

USUAL = "intervisie"  # the kind of conversation a card does not need to name


@dataclass(frozen=True)
class Card:
    link: Link
    line: str  # what the method brings, in one sentence (the first of its goal)
    minutes: int
    shortest: int
    steps: list[int]  # the minutes of each step, for the small time bar
    group: str
    group_min: int
    group_max: int | None
    experience: str
    experience_level: int
    leader: str
    leader_level: int
    kinds: list[str]  # codes
    kind_labels: list[str]
    conversation: str  # code
    conversation_label: str | None  # named on the card when it is not intervisie


@dataclass(frozen=True)
class Overview:
    kinds: list[tuple[str, str]]  # code, label, for the filter
    experience: list[tuple[str, str]]  # code, choice, in order of level
    leaders: list[tuple[str, str]]
    conversations: list[tuple[str, str]]  # only when the catalogue has more than one kind
    cards: list[Card]


def overview(catalogue: Catalogue, here: str = addresses.METHOD_OVERVIEW) -> Overview:
    used_kinds = {kind for m in catalogue.methods.values() for kind in m.question_kinds}
    used_conversations = {m.conversation for m in catalogue.methods.values()}
    levels, leaders = list(EXPERIENCE), list(FACILITATOR)
    cards = [
        Card(
            link=method_link(catalogue, here, slug),
            line=first_sentence(method.goal),
            minutes=method.total_minutes,
            shortest=shortest_time([step.minutes for step in method.steps]),
            steps=[step.minutes for step in method.steps],
            group=group_size(method.group_size),
            group_min=method.group_size.min,
            group_max=method.group_size.max,
            experience=EXPERIENCE[method.experience].choice,
            experience_level=levels.index(method.experience),
            leader=FACILITATOR[method.facilitator].choice,
            leader_level=leaders.index(method.facilitator),
            kinds=list(method.question_kinds),
            kind_labels=[kind_label(kind) for kind in method.question_kinds],
            conversation=method.conversation,
            conversation_label=None if method.conversation == USUAL else CONVERSATIONS[method.conversation].choice,
        )
        for slug, method in catalogue.methods.items()
    ]
    return Overview(
        kinds=[(kind, kind_label(kind)) for kind in QUESTION_KINDS if kind in used_kinds],
        experience=[(code, term.choice) for code, term in EXPERIENCE.items()],
        leaders=[(code, term.choice) for code, term in FACILITATOR.items()],
        conversations=[(code, term.choice) for code, term in CONVERSATIONS.items() if code in used_conversations]
        if len(used_conversations) > 1
        else [],
        cards=cards,
    )
