"""The format of a method file and of the roles file: the single source of truth.

Strict on purpose: no type coercion (``"5"`` is not a number of minutes) and no unknown
keys, so that a typo in a method file is an error rather than a silently missing fact.
The descriptions are in Dutch: editors show them as hover help (methods/_schema/).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, field_validator, model_validator

from .vocabulary import CONVERSATIONS, DUTIES, EXPERIENCE, FACILITATOR, GUIDELINE, QUESTION_KINDS, SEATINGS

# Text that is more than white space; JSON Schema says so with a pattern.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"\S")]
# Names end up in page titles, navigation and <title>, which the theme prints unescaped.
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=r'^[^<>{}"`\\]*[^<>{}"`\\\s][^<>{}"`\\]*$')
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]

Experience = Literal[tuple(EXPERIENCE)]  # type: ignore[valid-type]
QuestionKind = Literal[tuple(QUESTION_KINDS)]  # type: ignore[valid-type]
Facilitator = Literal[tuple(FACILITATOR)]  # type: ignore[valid-type]
Guideline = Literal[tuple(GUIDELINE)]  # type: ignore[valid-type]
Conversation = Literal[tuple(CONVERSATIONS)]  # type: ignore[valid-type]
Duty = Literal[tuple(DUTIES)]  # type: ignore[valid-type]
Seating = Literal[tuple(SEATINGS)]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Role(Strict):
    """Een rol in een bijeenkomst, één keer beschreven in methods/_roles.yml."""

    name: Name = Field(description="Naam van de rol, bijvoorbeeld 'Inbrenger'.")
    purpose: Text = Field(description="Een of twee zinnen met 'je': waarvoor deze rol er is.")
    tasks: list[Text] = Field(min_length=1, description="Wat je in deze rol doet, in elke methode (gebiedende wijs).")
    dos: list[Text] = Field(default=[], description="Korte tips 'Doen' voor de rolkaart.")
    donts: list[Text] = Field(default=[], description="Korte tips 'Niet doen' voor de rolkaart.")
    example_questions: list[Text] = Field(default=[], description="Voorbeeldvragen, voor de rollen die vragen stellen.")
    duty: Duty | None = Field(
        default=None,
        description=(
            "Wat de pagina's met deze rol doen. 'inbrengen': wie de casus inbrengt. 'leiden': wie het draaiboek volgt;"
            " een intervisor van buiten neemt deze rol over. 'vragen': de rol van alle anderen; op de rolkaarten"
            " krijgt ieder die overblijft deze kaart. 'tijd': wie de tijd bewaakt; de rolkaart noemt elke stap met"
            " de minuten en de kloktijd. 'verslag': wie opschrijft wat de groep zegt; de rolkaart noemt ook elke stap"
            " waarin de vragenstellers iets doen. Elke taak hoort bij hoogstens één rol."
        ),
    )
    rotates: bool = Field(
        default=False,
        description="Of de rol in een reeks bijeenkomsten rondgaat. De planner deelt deze rollen uit, in de volgorde van dit bestand.",
    )


class Roles(RootModel[dict[Slug, Role]]):
    """Het rollenbestand: id van de rol -> de rol."""


class GroupSize(Strict):
    min: int = Field(ge=2, le=100, description="Kleinste groep waarmee het werkt, de inbrenger meegeteld.")
    max: int | None = Field(default=None, ge=2, le=100, description="Grootste groep; laat weg als er geen grens is.")

    @model_validator(mode="after")
    def _max_not_below_min(self) -> GroupSize:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) is kleiner dan min ({self.min})")
        return self


class SourceMinutes(Strict):
    min: int = Field(gt=0, le=600, description="Kortste totale tijd die de bronnen noemen, in minuten.")
    max: int | None = Field(default=None, gt=0, le=600, description="Langste totale tijd die de bronnen noemen.")

    @model_validator(mode="after")
    def _max_not_below_min(self) -> SourceMinutes:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) is kleiner dan min ({self.min})")
        return self


class Step(Strict):
    title: Text = Field(description="Korte naam van de stap.")
    minutes: int = Field(gt=0, le=600, description="Tijd voor deze stap, in hele minuten.")
    description: Text = Field(description="Wat er in deze stap gebeurt.")
    roles: dict[Slug, Text] = Field(
        min_length=1, description="Per rol (id uit _roles.yml): wat je in die rol in deze stap doet."
    )


class Variant(Strict):
    name: Name = Field(description="Naam van de variant.")
    description: Text = Field(description="Hoe de variant verschilt.")


class Publication(Strict):
    """Een publicatie in de bronnenlijst (methods/_sources.yml), aangehaald met haar id."""

    author: Text = Field(description="Auteur of auteurs, zoals op de titelpagina: 'Erik de Haan'.")
    title: Text = Field(description="Titel van het boek, artikel of de webpagina.")
    year: int | None = Field(default=None, ge=1900, le=2100, description="Jaar van de druk die je gebruikt.")
    edition: Text | None = Field(default=None, description="De druk, als die ertoe doet: '16e druk'.")
    publisher: Text | None = Field(default=None, description="Uitgever, of de organisatie achter een webpagina.")
    url: Annotated[str, StringConstraints(pattern=r'^https://[^\s<>"]+$')] | None = Field(
        default=None, description="Adres van een publicatie die online staat (https)."
    )
    used_for: Text = Field(description="Waarvoor het handboek deze bron gebruikt.")


class Citation(Strict):
    """Een verwijzing naar een bron in de bronnenlijst."""

    ref: Slug = Field(description="Id van de bron in methods/_sources.yml.")
    note: Text | None = Field(default=None, description="Wat uit deze bron komt, of waar bronnen verschillen.")


class DifferentFrom(Strict):
    method: Slug = Field(description="Slug (bestandsnaam) van een methode die er veel op lijkt.")
    how: Text = Field(description="Hoe de twee verschillen, in een of twee zinnen.")


class Method(Strict):
    """Eén intervisiemethode; de bestandsnaam is de slug en het adres van de pagina."""

    name: Name = Field(description="Naam van de methode, zoals in titels en menu's.")
    summary: Text = Field(description="Twee of drie zinnen: wat de methode is en doet.")
    goal: Text = Field(description="Wat de inbrenger en de groep eraan hebben.")
    conversation: Conversation = Field(
        default="intervisie",
        description="Soort gesprek: intervisie (gelijken over hun eigen handelen) of moreel-beraad (wat is goed om te doen).",
    )
    fits: list[Text] = Field(min_length=1, description="Vragen en situaties waar de methode bij past.")
    does_not_fit: list[Text] = Field(default=[], description="Vragen en situaties waar ze niet bij past.")
    question_kinds: list[QuestionKind] = Field(
        default=[],
        description="Soorten vragen uit een vaste lijst; de methodekiezer filtert hierop.",
        json_schema_extra={"uniqueItems": True},
    )
    group_size: GroupSize = Field(description="Hoeveel mensen meedoen, de inbrenger meegeteld.")
    experience: Experience = Field(description="Ervaring die de groep nodig heeft (inschatting van Intervisiewijzer).")
    facilitator: Facilitator = Field(description="Wie de bijeenkomst leidt (inschatting van Intervisiewijzer).")
    steps: list[Step] = Field(min_length=2, description="Het stappenplan, in volgorde.")
    seating: Seating | None = Field(
        default=None,
        description=(
            "Hoe de stoelen staan, uit een vaste lijst; alleen als een bron van de methode het zegt. De methodepagina en"
            " het draaiboek tekenen het en zeggen het in woorden."
        ),
    )
    tips: list[Text] = Field(default=[], description="Tips voor de groep.")
    pitfalls: list[Text] = Field(default=[], description="Valkuilen.")
    variants: list[Variant] = Field(default=[], description="Varianten uit de bronnen.")
    related: list[Slug] = Field(default=[], description="Slugs (bestandsnamen) van verwante methoden.")
    differs_from: list[DifferentFrom] = Field(
        default=[], description="Methoden met een naam of oorsprong die erop lijkt: 'niet te verwarren met'."
    )
    source_minutes: SourceMinutes | None = Field(
        default=None,
        description="De totale tijd die de bronnen noemen. Een kortere planning zegt dat ze korter is dan de bron aanraadt.",
    )
    guideline: list[Guideline] = Field(
        default=[],
        description="Cijfers die een richtlijn van Intervisiewijzer zijn omdat de bronnen ze niet geven: minutes, group_size, of alleen group_min of group_max.",
        json_schema_extra={"uniqueItems": True},
    )
    sources: list[Citation] = Field(min_length=1, description="De bronnen van de methode, met hun id.")

    @field_validator("question_kinds", "guideline")
    @classmethod
    def _each_once(cls, codes: list[str]) -> list[str]:
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} staat er meer dan één keer")
        return codes

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)
