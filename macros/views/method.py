"""What a method page shows: the facts, the time bar, the steps with each role's task,
and everything a reader needs after that."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.model import Method
from ..data.vocabulary import CONVERSATIONS, EXPERIENCE, FACILITATOR, kind_label
from . import addresses
from .common import Link, SourceView, group_size, method_link, page_link, sources
from .seating import SeatingView, seating

@dataclass(frozen=True)
class Task:
    role: str
    text: str


@dataclass(frozen=True)
class StepView:
    number: int
    anchor: str
    title: str
    minutes: int
    start: int  # minutes from the start of the meeting
    description: str
    tasks: list[Task]

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    ours: bool = False  # a guideline or judgement of Intervisiewijzer, not of the sources


@dataclass(frozen=True)
class Facts:
    """What a reader needs first, each fact by name, so that a template can pick one."""

    goal: Fact
    time: Fact
    group: Fact
    leader: Fact
    experience: Fact
    conversation: Fact
    kinds: list[str]  # the kinds of question, as readers see them

    @property
    def shown(self) -> list[Fact]:
        """The facts in the order of the fact box."""
        return [self.goal, self.time, self.group, self.leader, self.experience, self.conversation]

    @property
    def ours_note(self) -> str | None:
        """One sentence on the figures that are Intervisiewijzer's own, if any are."""
        return OURS_NOTE if any(fact.ours for fact in self.shown) else None


OURS_NOTE = "Met * gemarkeerd: een richtlijn of inschatting van Intervisiewijzer. De bronnen geven dit niet."


def steps(catalogue: Catalogue, method: Method) -> list[StepView]:
    """The steps with their start times (a scaled plan is written over them by plan.js)."""
    views, start = [], 0
    for number, step in enumerate(method.steps, start=1):
        tasks = [Task(catalogue.roles[role].name, text) for role, text in step.roles.items()]
        views.append(StepView(number, f"stap-{number}", step.title, step.minutes, start, step.description, tasks))
        start += step.minutes
    return views


def facts(method: Method) -> Facts:
    """What for, how long, with how many, who leads, and which figures are our own."""
    ours = set(method.guideline)
    return Facts(
        goal=Fact("Doel", method.goal),
        time=Fact("Tijd", f"{method.total_minutes} minuten, {len(method.steps)} stappen", "minutes" in ours),
        group=Fact("Groep", group_size(method.group_size), bool(ours & {"group_size", "group_min", "group_max"})),
        leader=Fact("Wie leidt", _sentence(FACILITATOR[method.facilitator].label), True),
        experience=Fact("Ervaring", _sentence(EXPERIENCE[method.experience].label), True),
        conversation=Fact("Soort gesprek", _sentence(CONVERSATIONS[method.conversation].label)),
        kinds=[kind_label(kind) for kind in method.question_kinds],
    )


def _sentence(label: str) -> str:
    return label[:1].upper() + label[1:] + "."


@dataclass(frozen=True)
class MethodPage:
    method: Method
    facts: Facts
    steps: list[StepView]
    total: int
    prints: list[Link]  # role cards, draaiboek
    roles: list[tuple[str, str]]  # name, purpose
    differs: list[tuple[Link, str]]
    related: list[Link]
    sources: list[SourceView]
    source_minutes: str | None
    seating: SeatingView | None = None


def method_page(catalogue: Catalogue, slug: str) -> MethodPage:
    method = catalogue.methods[slug]
    here = addresses.method(slug)
    source_minutes = None
    if method.source_minutes:
        low, high = method.source_minutes.min, method.source_minutes.max
        source_minutes = f"{low} tot {high} minuten" if high else f"minstens {low} minuten"
    return MethodPage(
        method=method,
        facts=facts(method),
        steps=steps(catalogue, method),
        total=method.total_minutes,
        prints=[
            page_link("Rolkaarten", here, addresses.role_cards(slug)),
            page_link("Draaiboek", here, addresses.draaiboek(slug)),
            page_link("Klok voor de tijdbewaker", here, addresses.timer(slug)),
        ],
        roles=[(role.name, role.purpose) for _, role in catalogue.roles_of(method)],
        differs=[(method_link(catalogue, here, d.method), d.how) for d in method.differs_from],
        # A method under "niet te verwarren met" is linked there, with how they differ.
        related=[method_link(catalogue, here, other) for other in method.related if other not in {d.method for d in method.differs_from}],
        sources=sources(catalogue, method.sources),
        source_minutes=source_minutes,
        seating=seating(catalogue, method),
    )
