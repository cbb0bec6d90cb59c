"""The format of the training portal's data (``opleiding/``): the modules, the model
series plan, the self-assessment and the practice cases."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .handbook import WritingField
from .model import Citation, Name, QuestionKind, Slug, Strict, Text, Variant
from .vocabulary import PRESENCE

# A hand-written page of the handbook, relative to docs/, with an optional anchor.
DocsPage = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md(?:#[a-z0-9-]+)?$")]


class Reading(Strict):
    title: Name = Field(description="Tekst van de link, bijvoorbeeld 'De rollen'.")
    page: DocsPage = Field(description="Een pagina onder docs/, bijvoorbeeld 'intervisie/index.md#de-rollen'.")


class Exercise(Strict):
    title: Name = Field(description="Korte naam van de oefening.")
    minutes: int = Field(gt=0, le=240, description="Tijd voor deze oefening, in hele minuten.")
    description: Text = Field(description="Wat de deelnemers doen, en hoe.")
    method: Slug | None = Field(default=None, description="De methode die je oefent (bestandsnaam zonder .yml).")
    cases: list[Slug] = Field(default=[], description="Oefencasussen (ids uit _cases.yml).")
    forms: list[Slug] = Field(default=[], description="Lijsten of formulieren (ids uit _checklists.yml).")


class Handout(Strict):
    points: list[Text] = Field(min_length=1, description="Wat je onthoudt, een zin per punt.")
    practice: list[Text] = Field(min_length=1, description="Wat je voor de volgende module oefent in je eigen werk.")
    questions: list[WritingField] = Field(default=[], description="Vragen met ruimte om te schrijven.")


class Module(Strict):
    title: Name = Field(description="Korte titel; de pagina heet 'Module <n>: <titel>'.")
    summary: Text = Field(description="Twee of drie zinnen over waar de module over gaat.")
    goals: list[Text] = Field(
        min_length=2,
        description="Leerdoelen die 'Na deze module kun je ...' en 'Ik kan ...' afmaken (geen hoofdletter, geen 'je').",
    )
    read: list[Reading] = Field(default=[], description="Pagina's van het handboek om vooraf te lezen.")
    exercises: list[Exercise] = Field(min_length=2, description="Het sessieplan, in volgorde; samen is dat de duur.")
    trainer_notes: list[Text] = Field(min_length=1, description="Aantekeningen die alleen de trainer ziet.")
    handout: Handout
    sources: list[Citation] = Field(default=[], description="Waar de inhoud van de module vandaan komt.")

    @model_validator(mode="after")
    def _practises_a_method(self) -> Module:
        if not self.methods:
            raise ValueError("een module oefent minstens één methode: geef een van de oefeningen een `method`")
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


Presence = Literal[tuple(PRESENCE)]  # type: ignore[valid-type]


class Phase(Strict):
    title: Name = Field(description="Wat er in deze bijeenkomsten gebeurt, bijvoorbeeld 'De intervisor leidt'.")
    meetings: int = Field(default=1, ge=1, le=20, description="Hoeveel bijeenkomsten deze fase heeft.")
    external: Presence = Field(
        description="De intervisor van buiten de groep. 'leidt': die is procesbegeleider; anders is een lid dat."
    )
    cases: bool = Field(default=True, description="Of er een casus besproken wordt (dan wisselen de rollen).")
    when: Text | None = Field(default=None, description="Wanneer, als het niet elke `interval_weeks` is; bijvoorbeeld 'Een jaar later'.")
    description: Text
    forms: list[Slug] = Field(default=[], description="Lijsten in deze fase (ids uit _checklists.yml).")


class Series(Strict):
    description: Text = Field(description="Wat het plan laat zien.")
    members: int = Field(ge=4, le=8, description="Groepsgrootte in het voorbeeldrooster.")
    minutes: int = Field(gt=0, le=600, description="Duur van een bijeenkomst, in minuten.")
    interval_weeks: int = Field(ge=1, le=26, description="Weken tussen twee bijeenkomsten.")
    phases: list[Phase] = Field(min_length=2)
    variants: list[Variant] = []
    sources: list[Citation] = Field(min_length=1)


class SelfAssessment(Strict):
    description: Text = Field(description="Wie het invult, en wanneer. De punten zijn de leerdoelen van de modules.")
    questions: list[WritingField] = Field(min_length=1, description="Vragen om op terug te kijken, aan het eind.")


class Training(Strict):
    """De opleiding voor procesbegeleiders: de modules in volgorde, het plan voor een reeks en de zelfbeoordeling."""

    modules: dict[Slug, Module] = Field(min_length=1, description="Id van de module (het adres: opleiding/<id>/) -> de module.")
    series: Series
    self_assessment: SelfAssessment


class Case(Strict):
    title: Name
    kind: QuestionKind = Field(description="Soort vraag, uit dezelfde lijst als `question_kinds` van de methoden.")
    setting: Name = Field(description="Waar het speelt, bijvoorbeeld 'Thuiszorg'.")
    situation: Text = Field(description="De casus zoals de inbrenger hem vertelt.")
    question: Text = Field(description="De vraag van de inbrenger.")
    methods: list[Slug] = Field(min_length=1, description="Methoden die bij de casus passen (bestandsnamen).")
    why: Text = Field(description="Waarom deze methoden passen, voor de nabespreking.")


class CaseBook(Strict):
    """De oefencasussen: id van de casus -> de casus."""

    cases: dict[Slug, Case] = Field(min_length=1)
