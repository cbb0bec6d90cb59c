"""What a method page shows: the facts, the time bar, the steps with each role's task,
and everything a reader needs after that."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.model import Method
from ..data.vocabulary import CONVERSATIONS, EXPERIENCE, FACILITATOR, GUIDELINE, kind_label
from . import addresses
from .common import Link, SourceView, group_size, method_link, page_link, sources

OUR_GUIDELINE = "richtlijn van Intervisiewijzer"
OUR_JUDGEMENT = "inschatting van Intervisiewijzer"


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
    note: str | None = None  # whose figure or judgement it is


def steps(catalogue: Catalogue, method: Method) -> list[StepView]:
    """The steps with their start times (a scaled plan is written over them by plan.js)."""
    views, start = [], 0
    for number, step in enumerate(method.steps, start=1):
        tasks = [Task(catalogue.roles[role].name, text) for role, text in step.roles.items()]
        views.append(StepView(number, f"stap-{number}", step.title, step.minutes, start, step.description, tasks))
        start += step.minutes
    return views


def facts(method: Method) -> list[Fact]:
    """What a reader needs first: what for, how long, with how many, who leads."""
    ours = set(method.guideline)
    group_note = None
    if "group_size" in ours or {"group_min", "group_max"} <= ours:
        group_note = OUR_GUIDELINE
    elif ours & {"group_min", "group_max"}:
        bound = "kleinste" if "group_min" in ours else "grootste"
        group_note = f"de {bound} groep is een {OUR_GUIDELINE}"
    return [
        Fact("Doel", method.goal),
        Fact("Tijd", f"{method.total_minutes} minuten, {len(method.steps)} stappen", _minutes_note(method)),
        Fact("Groep", group_size(method.group_size), group_note),
        Fact("Wie leidt", _sentence(FACILITATOR[method.facilitator].label), OUR_JUDGEMENT),
        Fact("Ervaring", _sentence(EXPERIENCE[method.experience].label), OUR_JUDGEMENT),
        Fact("Soort gesprek", _sentence(CONVERSATIONS[method.conversation].label)),
    ]


def _minutes_note(method: Method) -> str | None:
    """Whose figure the time is: ours, or the source's total with our split over the steps."""
    if "minutes" not in method.guideline:
        return None
    if method.source_minutes:
        return f"de verdeling over de stappen is een {OUR_GUIDELINE}"
    return OUR_GUIDELINE


def _sentence(label: str) -> str:
    return label[:1].upper() + label[1:] + "."


@dataclass(frozen=True)
class MethodPage:
    method: Method
    facts: list[Fact]
    kinds: list[str]
    steps: list[StepView]
    total: int
    prints: list[Link]  # role cards, draaiboek
    roles: list[tuple[str, str]]  # name, purpose
    differs: list[tuple[Link, str]]
    related: list[Link]
    sources: list[SourceView]
    guideline_note: str | None
    source_minutes: str | None


def method_page(catalogue: Catalogue, slug: str) -> MethodPage:
    method = catalogue.methods[slug]
    here = addresses.method(slug)
    ours = [GUIDELINE[code] for code in method.guideline]
    source_minutes = None
    if method.source_minutes:
        low, high = method.source_minutes.min, method.source_minutes.max
        source_minutes = f"{low} tot {high} minuten" if high else f"minstens {low} minuten"
    return MethodPage(
        method=method,
        facts=facts(method),
        kinds=[kind_label(kind) for kind in method.question_kinds],
        steps=steps(catalogue, method),
        total=method.total_minutes,
        prints=[
            page_link("Rolkaarten", here, addresses.role_cards(slug)),
            page_link("Draaiboek", here, addresses.draaiboek(slug)),
            page_link("Klok voor de tijdbewaker", here, addresses.timer(slug)),
        ],
        roles=[(role.name, role.purpose) for _, role in catalogue.roles_of(method)],
        differs=[(method_link(catalogue, here, d.method), d.how) for d in method.differs_from],
        related=[method_link(catalogue, here, other) for other in method.related],
        sources=sources(catalogue, method.sources),
        guideline_note=_sentence(" en ".join(ours) + f" zijn een {OUR_GUIDELINE}: de bronnen geven ze niet")
        if ours
        else None,
        source_minutes=source_minutes,
    )
