"""The data of the training portal (``opleiding/``): the learning path, the model series
plan and the practice cases. Validated like methods; the cross-references (methods,
cases, checklists and handbook pages) are checked in ``training_problems``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .handbook_data import WritingField
from .model import Citation, Method, Name, QuestionKind, Slug, Text, Variant, _Strict
from .planning import SERIES_ROLES
from .problems import Problem, format_path
from .yamlsource import Loc, YamlDocument

TRAINING_FILE = "_training.yml"
CASES_FILE = "_cases.yml"
# A hand-written page of the handbook, relative to docs/, with an optional anchor.
DocsPage = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md(?:#[a-z0-9-]+)?$")]


class Reading(_Strict):
    title: Name = Field(description="Link text, e.g. 'De rollen'.")
    page: DocsPage = Field(description="A page under docs/, e.g. 'intervisie/index.md#de-rollen'.")


class Exercise(_Strict):
    title: Name = Field(description="Short name of the exercise.")
    minutes: int = Field(gt=0, le=240, description="Time for this exercise in whole minutes.")
    description: Text = Field(description="What the trainees do, and how.")
    method: Slug | None = Field(default=None, description="The method practised in this exercise (file name).")
    cases: list[Slug] = Field(default=[], description="Practice cases used (ids in _cases.yml).")
    forms: list[Slug] = Field(default=[], description="Checklists or forms used (ids in _checklists.yml).")


class Handout(_Strict):
    points: list[Text] = Field(min_length=1, description="What to remember, a sentence each.")
    practice: list[Text] = Field(min_length=1, description="What to practise in your own work before the next module.")
    questions: list[WritingField] = Field(default=[], description="Questions with room to write.")


class Module(_Strict):
    title: Name = Field(description="Short title; the page is called 'Module <n>: <title>'.")
    summary: Text = Field(description="Two or three sentences on what the module is about.")
    goals: list[Text] = Field(
        min_length=2,
        description="Learning goals, each completing 'Na deze module kun je ...' and 'Ik kan ...' (no capital, no 'je').",
    )
    read: list[Reading] = Field(default=[], description="Handbook pages to read before the module.")
    exercises: list[Exercise] = Field(min_length=2, description="The session plan, in order; the timings add up to the duration.")
    trainer_notes: list[Text] = Field(min_length=1, description="Notes for the trainer only.")
    handout: Handout
    sources: list[Citation] = Field(default=[], description="Where the content of this module comes from.")

    @model_validator(mode="after")
    def _practises_a_method(self) -> Module:
        if not self.methods:
            raise ValueError("a module practises at least one method: give one of its exercises a `method`")
        return self

    @property
    def minutes(self) -> int:
        return sum(exercise.minutes for exercise in self.exercises)

    @property
    def methods(self) -> list[str]:
        """The methods practised, in the order of the exercises."""
        return list(dict.fromkeys(e.method for e in self.exercises if e.method))

    @property
    def cases(self) -> list[str]:
        return list(dict.fromkeys(c for e in self.exercises for c in e.cases))

    @property
    def forms(self) -> list[str]:
        return list(dict.fromkeys(f for e in self.exercises for f in e.forms))


Presence = Literal["leidt", "kijkt-mee", "afwezig"]
PRESENCE_LABELS: dict[str, str] = {"leidt": "leidt", "kijkt-mee": "kijkt mee", "afwezig": "is er niet"}


class Phase(_Strict):
    title: Name = Field(description="What happens in these meetings, e.g. 'De trainer leidt'.")
    meetings: int = Field(default=1, ge=1, le=20, description="How many meetings this phase has.")
    external: Presence = Field(
        description="The begeleider from outside the group. 'leidt': he or she is procesbegeleider; otherwise a member is."
    )
    cases: bool = Field(default=True, description="Whether a case is discussed, so that the case roles rotate.")
    when: Text | None = Field(default=None, description="When, if not every `interval_weeks`; e.g. 'Een jaar later'.")
    description: Text
    forms: list[Slug] = Field(default=[], description="Checklists used in this phase (ids in _checklists.yml).")


class Series(_Strict):
    description: Text = Field(description="What the plan shows.")
    members: int = Field(ge=4, le=8, description="Group size used in the example rotation.")
    minutes: int = Field(gt=0, le=600, description="Length of a meeting.")
    interval_weeks: int = Field(ge=1, le=26, description="Weeks between two meetings.")
    phases: list[Phase] = Field(min_length=2)
    variants: list[Variant] = []
    sources: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _enough_members(self) -> Series:
        if self.members < len(SERIES_ROLES):
            raise ValueError(f"{self.members} members cannot share the {len(SERIES_ROLES)} roles of a meeting")
        return self


class SelfAssessment(_Strict):
    description: Text = Field(description="Who fills it in, and when. The checks are the modules' goals.")
    questions: list[WritingField] = Field(min_length=1, description="Reflection questions at the end.")


class Training(_Strict):
    """methods/_training.yml: the modules in order (id -> module), the series plan, the self-assessment."""

    modules: dict[Slug, Module] = Field(min_length=1, description="Module id (its address: opleiding/<id>/) -> module.")
    series: Series
    self_assessment: SelfAssessment


class Case(_Strict):
    title: Name
    kind: QuestionKind = Field(description="The kind of question, from the same list as the methods' `question_kinds`.")
    setting: Name = Field(description="Where it happens, e.g. 'Thuiszorg'.")
    situation: Text = Field(description="The case as the inbrenger tells it.")
    question: Text = Field(description="The inbrenger's question.")
    methods: list[Slug] = Field(min_length=1, description="Methods that fit this case (file names).")
    why: Text = Field(description="Why these methods fit, for the discussion afterwards.")


class CaseBook(_Strict):
    """methods/_cases.yml: the practice cases (id -> case)."""

    cases: dict[Slug, Case] = Field(min_length=1)


class _Checker:
    """Collects cross-reference problems of one file, each at the line of the bad value."""

    def __init__(self, label: str, doc: YamlDocument):
        self.label, self.doc, self.problems = label, doc, []

    def refs(self, loc: Loc, values: list[str], known, what: str, hint: str) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                self.add(loc + (i,), f"'{value}' is listed twice")
            elif value not in known:
                self.add(loc + (i,), f"unknown {what} '{value}' ({hint.format(value)})")
            seen.add(value)

    def add(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.label, *self.doc.position(loc), format_path(loc), message))


_NO_METHOD = "no file methods/{}.yml"
_NO_CHECKLIST = "no id '{}' in methods/_checklists.yml"


def training_problems(
    training: tuple[Training, YamlDocument, str] | None,
    cases: tuple[CaseBook, YamlDocument, str] | None,
    methods: dict[str, Method],
    slugs: set[str],
    checklists: set[str] | None,
    case_ids: set[str] | None,
    docs_dir: Path | None,
) -> list[Problem]:
    """Unknown methods, cases, checklists and pages in the training files.

    ``methods`` are the method files that loaded; ``slugs`` every method file's name.
    ``checklists`` and ``case_ids`` are None when their file failed to load: references
    to them are then not checked, so that one mistake is reported once.
    ``docs_dir`` is None when there is no docs folder to check reading pages against.
    """
    problems: list[Problem] = []
    if cases:
        book, doc, label = cases
        check = _Checker(label, doc)
        for case_id, case in book.cases.items():
            check.refs(("cases", case_id, "methods"), case.methods, slugs, "method", _NO_METHOD)
            # Only when every method loaded and at least one says which kinds it fits.
            fitting = [methods[slug].question_kinds for slug in case.methods if slug in methods]
            if len(fitting) == len(case.methods) and any(fitting) and not any(case.kind in kinds for kinds in fitting):
                check.add(
                    ("cases", case_id, "kind"),
                    f"none of this case's methods lists '{case.kind}' under question_kinds: add a method that does",
                )
        problems += check.problems
    if not training:
        return problems
    data, doc, label = training
    check = _Checker(label, doc)
    for module_id, module in data.modules.items():
        for i, exercise in enumerate(module.exercises):
            loc = ("modules", module_id, "exercises", i)
            if exercise.method and exercise.method not in slugs:
                check.add(loc + ("method",), f"unknown method '{exercise.method}' ({_NO_METHOD.format(exercise.method)})")
            if case_ids is not None:
                check.refs(loc + ("cases",), exercise.cases, case_ids, "case", "no id '{}' under cases in methods/_cases.yml")
            if cases and exercise.method in slugs:
                for j, case_id in enumerate(exercise.cases):
                    fitting = cases[0].cases.get(case_id)
                    # A case with an unknown method is reported once, in _cases.yml.
                    if fitting and set(fitting.methods) <= slugs and exercise.method not in fitting.methods:
                        check.add(loc + ("cases", j), f"case '{case_id}' does not list method '{exercise.method}' among its methods")
            if checklists is not None:
                check.refs(loc + ("forms",), exercise.forms, checklists, "checklist", _NO_CHECKLIST)
        if docs_dir is not None:
            for i, reading in enumerate(module.read):
                if not (docs_dir / reading.page.split("#")[0]).is_file():
                    check.add(("modules", module_id, "read", i, "page"), f"no page docs/{reading.page.split('#')[0]}")
    if checklists is not None:
        for i, phase in enumerate(data.series.phases):
            check.refs(("series", "phases", i, "forms"), phase.forms, checklists, "checklist", _NO_CHECKLIST)
    return problems + check.problems
