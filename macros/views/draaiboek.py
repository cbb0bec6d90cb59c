"""The draaiboek: the procesbegeleider's script for one meeting, with a clock that counts
from a start time, and a plan that fits the steps to the time the group has."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from . import addresses
from .common import source_line
from .forms import SectionView, sections
from .method import StepView, steps
from .planning import DEFAULT_START, longest_time, plans, shortest_time
from .seating import SeatingView, seating

# Times offered as buttons in the session planner, besides the method's own.
SESSION_TIMES = (60, 90, 120)


@dataclass(frozen=True)
class Plan:
    """The times of a method and how far they stretch, for the pages that follow a plan."""

    own: int
    shortest: int
    longest: int
    source_min: int | None
    choices: list[int]
    data: dict[str, object]  # every workable plan, for the scripts


def plan(catalogue: Catalogue, slug: str) -> Plan:
    method = catalogue.methods[slug]
    minutes = [step.minutes for step in method.steps]
    own, shortest, longest = method.total_minutes, shortest_time(minutes), longest_time(minutes)
    choices = sorted({own, *(t for t in SESSION_TIMES if shortest <= t <= longest)})
    source_min = method.source_minutes.min if method.source_minutes else None
    return Plan(own, shortest, longest, source_min, choices, plans(minutes))


@dataclass(frozen=True)
class ScriptStep:
    step: StepView
    say: str | None  # the procesbegeleider's task, if the step gives one


@dataclass(frozen=True)
class DraaiboekPage:
    name: str
    slug: str
    steps: list[ScriptStep]
    total: int
    start: int
    plan: Plan
    before: list[SectionView]
    after: list[SectionView]
    source: str
    links: dict[str, str]  # the method's other pages that follow the same plan
    seating: SeatingView | None = None


def draaiboek_page(catalogue: Catalogue, slug: str) -> DraaiboekPage:
    method = catalogue.methods[slug]
    leader = catalogue.role_with("leiden")
    return DraaiboekPage(
        name=method.name,
        slug=slug,
        steps=[ScriptStep(view, method.steps[view.number - 1].roles.get(leader)) for view in steps(catalogue, method)],
        total=method.total_minutes,
        start=DEFAULT_START,
        plan=plan(catalogue, slug),
        before=sections("voor", *catalogue.draaiboek_checklists("voor")),
        after=sections("na", *catalogue.draaiboek_checklists("na")),
        source=source_line(catalogue, method.sources),
        links={
            "cards": addresses.link(addresses.draaiboek(slug), addresses.role_cards(slug)),
            "timer": addresses.link(addresses.draaiboek(slug), addresses.timer(slug)),
        },
        seating=seating(catalogue, method),
    )
