"""The training portal (opleiding/): two views of the same modules, the trainer's module
page (session plan with clock, notes) and the trainee's hand-out, plus the overviews, the
practice cases and the model series plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import accumulate

from ..data import Catalogue
from ..data.handbook import ChecklistSection
from ..data.training import CaseBook, Module, Series, Training
from ..data.vocabulary import PRESENCE, QUESTION_KINDS
from . import addresses
from .common import Link, SourceView, checklist_link, method_link, page_link, sources
from .forms import SectionView, section
from .planning import rotation

INTERVISOR = "Intervisor"  # the helper from outside, in the rotation table


def training(catalogue: Catalogue) -> Training:
    if catalogue.training is None:
        raise LookupError("de opleiding heeft methods/_training.yml nodig")
    return catalogue.training


def case_book(catalogue: Catalogue) -> CaseBook:
    if catalogue.cases is None:
        raise LookupError("de oefencasussen hebben methods/_cases.yml nodig")
    return catalogue.cases


def module_title(number: int, module: Module) -> str:
    return f"Module {number}: {module.title}"


def numbered(catalogue: Catalogue, module_id: str) -> tuple[int, Module]:
    """A module and its number in the training, counted from 1."""
    modules = training(catalogue).modules
    return list(modules).index(module_id) + 1, modules[module_id]


class Links:
    """Links from one page of the portal to the handbook's pages."""

    def __init__(self, catalogue: Catalogue, here: str):
        self.catalogue, self.here = catalogue, here

    def method(self, slug: str) -> Link:
        return method_link(self.catalogue, self.here, slug)

    def form(self, checklist_id: str) -> Link:
        return checklist_link(self.catalogue, self.here, checklist_id)

    def cases(self, case_ids: list[str]) -> list[Link]:
        """A link per case; one link to the page when these are all the cases."""
        book = case_book(self.catalogue)
        if len(case_ids) > 3 and set(case_ids) == set(book.cases):
            return [page_link("alle oefencasussen", self.here, addresses.PRACTICE_CASES)]
        return [page_link(book.cases[c].title, self.here, addresses.PRACTICE_CASES, c) for c in case_ids]

    def module(self, module_id: str) -> Link:
        return page_link(module_title(*numbered(self.catalogue, module_id)), self.here, addresses.module(module_id))

    def handout(self, module_id: str, text: str = "hand-out") -> Link:
        return page_link(text, self.here, addresses.handout(module_id))

    def reading(self, module: Module) -> list[Link]:
        pages = []
        for reading in module.read:
            page, _, anchor = reading.page.partition("#")
            pages.append(page_link(reading.title, self.here, page, anchor or None))
        return pages + [replace(self.method(slug), text=f"De methode {self.method(slug).text}") for slug in module.methods]


@dataclass(frozen=True)
class Exercise:
    start: int
    minutes: int
    title: str
    description: str
    needs: list[Link]


@dataclass(frozen=True)
class ModulePage:
    number: int
    module: Module
    methods: list[Link]
    handout: Link
    reading: list[Link]
    exercises: list[Exercise]
    to_print: list[tuple[str, list[Link]]]  # a sentence with the links it names
    sources: list[SourceView]


def module_page(catalogue: Catalogue, module_id: str) -> ModulePage:
    number, module = numbered(catalogue, module_id)
    links = Links(catalogue, addresses.module(module_id))
    exercises = []
    for exercise, start in zip(module.exercises, accumulate((e.minutes for e in module.exercises), initial=0)):
        needs = [links.method(exercise.method)] if exercise.method else []
        needs += links.cases(exercise.cases) + [links.form(f) for f in exercise.forms]
        exercises.append(Exercise(start, exercise.minutes, exercise.title, exercise.description, needs))
    to_print = [("Voor iedere deelnemer de hand-out.", [links.handout(module_id)])]
    to_print += [("Een paar keer het formulier.", [links.form(f)]) for f in module.forms]
    if module.cases:
        to_print.append(("De oefencasussen.", links.cases(module.cases)))
    to_print += [("Het draaiboek en de rolkaarten bij de methode.", [links.method(slug)]) for slug in module.methods]
    return ModulePage(
        number, module, [links.method(s) for s in module.methods], links.handout(module_id), links.reading(module),
        exercises, to_print, sources(catalogue, module.sources),
    )


@dataclass(frozen=True)
class HandoutPage:
    number: int
    module: Module
    reading: list[Link]
    practice: SectionView
    notes: SectionView | None


def handout_page(catalogue: Catalogue, module_id: str) -> HandoutPage:
    number, module = numbered(catalogue, module_id)
    links = Links(catalogue, addresses.handout(module_id))
    practice = section("oefen", ChecklistSection(title="Oefenen in je eigen werk", checks=module.handout.practice))
    questions = module.handout.questions
    notes = section("noteer", ChecklistSection(title="Je aantekeningen", questions=questions)) if questions else None
    return HandoutPage(number, module, links.reading(module), practice, notes)


@dataclass(frozen=True)
class PathRow:
    module: Link
    minutes: int
    methods: list[Link]
    handout: Link
    forms: list[Link]
    cases: list[Link]
    reading: list[Link]
    practice: list[str]


@dataclass(frozen=True)
class LearningPath:
    rows: list[PathRow]  # a row per module, in order


def learning_path(catalogue: Catalogue, here: str) -> LearningPath:
    """Every module with what it takes, for the portal's overview pages."""
    links = Links(catalogue, here)
    return LearningPath([
        PathRow(
            links.module(module_id), module.minutes, [links.method(s) for s in module.methods],
            links.handout(module_id, "printen"), [links.form(f) for f in module.forms], links.cases(module.cases),
            links.reading(module), list(module.handout.practice),
        )
        for module_id, module in training(catalogue).modules.items()
    ])


@dataclass(frozen=True)
class SelfAssessmentPage:
    description: str
    sections: list[SectionView]


def self_assessment(catalogue: Catalogue) -> SelfAssessmentPage:
    """The goals of every module as 'Ik kan ...' checks, then the questions to look back."""
    data = training(catalogue)
    parts = [
        section(f"m{number}", ChecklistSection(title=module_title(number, module), checks=[f"Ik kan {goal}" for goal in module.goals]))
        for number, module in enumerate(data.modules.values(), start=1)
    ]
    parts.append(section("terug", ChecklistSection(title="Terugkijken", questions=data.self_assessment.questions)))
    return SelfAssessmentPage(data.self_assessment.description, parts)


@dataclass(frozen=True)
class CaseView:
    id: str
    title: str
    kind: str
    setting: str
    situation: str
    question: str
    methods: list[Link]
    why: str
    modules: list[Link]


@dataclass(frozen=True)
class CasesPage:
    cases: list[CaseView]


def practice_cases(catalogue: Catalogue, here: str = addresses.PRACTICE_CASES) -> CasesPage:
    links = Links(catalogue, here)
    used: dict[str, list[Link]] = {}
    for module_id, module in (catalogue.training.modules if catalogue.training else {}).items():
        for case_id in module.cases:
            used.setdefault(case_id, []).append(links.module(module_id))
    return CasesPage([
        CaseView(case_id, case.title, QUESTION_KINDS[case.kind], case.setting, case.situation, case.question,
                 [links.method(s) for s in case.methods], case.why, used.get(case_id, []))
        for case_id, case in case_book(catalogue).cases.items()
    ])


@dataclass(frozen=True)
class PhaseRow:
    numbers: str
    when: str
    title: str
    description: str
    external: str
    forms: list[Link]


@dataclass(frozen=True)
class RotationRow:
    number: int
    when: str
    holders: list[str]


@dataclass(frozen=True)
class SeriesPlan:
    series: Series
    meetings: int
    phases: list[PhaseRow]
    roles: list[tuple[str, str]]
    rotation: list[RotationRow]
    sources: list[SourceView]


def _and(values: list[str]) -> str:
    """['1', '2', '3'] -> '1, 2 en 3'."""
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} en {values[-1]}"


def _meetings(series: Series) -> list[tuple[int, int, int]]:
    """(number, week, phase index) for every meeting, in order; the first is in week 1."""
    meetings: list[tuple[int, int, int]] = []
    for index, phase in enumerate(series.phases):
        for _ in range(phase.meetings):
            meetings.append((len(meetings) + 1, 1 + len(meetings) * series.interval_weeks, index))
    return meetings


def series_plan(catalogue: Catalogue, here: str = addresses.SERIES_PLAN) -> SeriesPlan:
    series = training(catalogue).series
    links = Links(catalogue, here)
    meetings = _meetings(series)

    def when(index: int, weeks: list[int]) -> str:
        return series.phases[index].when or "week " + _and([str(week) for week in weeks])

    phases = [
        PhaseRow(
            _and([str(n) for n, _, i in meetings if i == index]),
            when(index, [week for _, week, i in meetings if i == index]),
            phase.title, phase.description, PRESENCE[phase.external], [links.form(f) for f in phase.forms],
        )
        for index, phase in enumerate(series.phases)
    ]
    roles = catalogue.series_roles()
    with_case = [number for number, _, i in meetings if series.phases[i].cases]
    turns = dict(zip(with_case, rotation(roles, series.members, len(with_case))))
    member = [f"Lid {chr(ord('A') + i)}" for i in range(series.members)]
    rows = []
    for number, week, index in meetings:
        holders = {role: member[i] for role, i in turns.get(number, {}).items()}
        leader = catalogue.role_with("leiden")
        if series.phases[index].external == "leidt" and leader:
            holders[leader] = INTERVISOR
        rows.append(RotationRow(number, when(index, [week]), [holders.get(role, "–") for role in roles]))
    return SeriesPlan(
        series, len(meetings), phases, [(r, catalogue.roles[r].name) for r in roles], rows,
        sources(catalogue, series.sources),
    )
