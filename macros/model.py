"""The data model: the single source of truth for the method and role file formats.

Strict on purpose: no type coercion (``"5"`` is not a number of minutes) and no unknown
keys, so that a typo in a method file is an error rather than a silently missing fact.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, field_validator, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Names end up in page titles, navigation and <title>, which the theme prints unescaped.
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=r'^[^<>{}"`\\]+$')
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]

# Codes that authors type and readers see in addresses (the chooser's ?vraag=relatie),
# each with the words a reader sees. The codes are the keys; the types below are derived.
EXPERIENCE_LABELS: dict[str, str] = {
    "geen": "geen ervaring nodig",
    "enige": "enige ervaring met intervisie",
    "ervaren": "ervaren groep met onderling vertrouwen",
}
# In this order in the method chooser's list of kinds of question.
QUESTION_KIND_LABELS: dict[str, str] = {
    "handelen": "je eigen handelen in het werk",
    "voorval": "een voorval waarin je snel moest handelen",
    "schok": "een schokkende gebeurtenis, zoals agressie",
    "relatie": "de relatie met een ander, en gevoelens",
    "kennis": "vakinhoud en kennis",
    "probleem": "een probleem dat een oplossing vraagt",
    "vastgelopen": "je zit vast en zoekt een frisse blik",
    "verandering": "een situatie die je anders wilt",
    "succes": "iets dat goed ging",
    "kwaliteiten": "je kwaliteiten en je groei",
    "waarden": "wat goed of juist handelen is",
}
# Who leads the meeting as procesbegeleider, from the least to the most demanding.
FACILITATOR_LABELS: dict[str, str] = {
    "groepslid": "een lid van de groep kan leiden",
    "ervaren-begeleider": "een ervaren procesbegeleider leidt: een getraind groepslid of een intervisor",
    "intervisor": "een intervisor van buiten de groep leidt",
}
# The English codes of the first release, refused with a hint to the Dutch one.
FORMER_CODES: dict[str, str] = {
    "none": "geen", "some": "enige", "experienced": "ervaren",
    "optional": "groepslid", "recommended": "ervaren-begeleider", "required": "intervisor",
    "conduct": "handelen", "incident": "voorval", "shock": "schok", "relationship": "relatie",
    "knowledge": "kennis", "problem": "probleem", "stuck": "vastgelopen", "change": "verandering",
    "success": "succes", "qualities": "kwaliteiten", "values": "waarden",
}

Experience = Literal[tuple(EXPERIENCE_LABELS)]  # type: ignore[valid-type]
QuestionKind = Literal[tuple(QUESTION_KIND_LABELS)]  # type: ignore[valid-type]
Facilitator = Literal[tuple(FACILITATOR_LABELS)]  # type: ignore[valid-type]
# Figures that Intervisiewijzer sets itself where the source gives none; the page says so.
Guideline = Literal["minutes", "group_size"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Role(_Strict):
    """A role in an intervisie meeting, defined once in methods/_roles.yml."""

    name: Name = Field(description="Name of the role, e.g. 'Inbrenger'.")
    purpose: Text = Field(description="One or two sentences: what this role is for.")
    tasks: list[Text] = Field(min_length=1, description="Generic tasks of this role, in any method.")
    dos: list[Text] = Field(default=[], description="Short do's for the role card.")
    donts: list[Text] = Field(default=[], description="Short don'ts for the role card.")
    example_questions: list[Text] = Field(default=[], description="Example questions, for the roles that ask them.")


class Roles(RootModel[dict[Slug, Role]]):
    """The roles file: role id -> role."""


class GroupSize(_Strict):
    min: int = Field(ge=2, le=100, description="Smallest workable group, the inbrenger included.")
    max: int | None = Field(default=None, ge=2, le=100, description="Largest workable group; leave out for no limit.")

    @model_validator(mode="after")
    def _max_not_below_min(self) -> GroupSize:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self


class SourceMinutes(_Strict):
    min: int = Field(gt=0, le=600, description="Shortest total time the sources give for one meeting, in minutes.")
    max: int | None = Field(default=None, gt=0, le=600, description="Longest total time the sources give, if they give one.")

    @model_validator(mode="after")
    def _max_not_below_min(self) -> SourceMinutes:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self


class Step(_Strict):
    title: Text = Field(description="Short name of the step.")
    minutes: int = Field(gt=0, le=600, description="Time for this step in whole minutes.")
    description: Text = Field(description="What happens in this step.")
    roles: dict[Slug, Text] = Field(
        min_length=1, description="Per role id (from _roles.yml): what that role does in this step."
    )


class Variant(_Strict):
    name: Name
    description: Text


class Publication(_Strict):
    """A publication in the bibliography (methods/_sources.yml), cited by its id."""

    author: Text = Field(description="Auteur of auteurs, zoals op de titelpagina: 'Erik de Haan'.")
    title: Text = Field(description="Titel van het boek, artikel of de webpagina.")
    year: int | None = Field(default=None, ge=1900, le=2100, description="Jaar van de druk die je gebruikt.")
    edition: Text | None = Field(default=None, description="De druk, als die ertoe doet: '16e druk'.")
    publisher: Text | None = Field(default=None, description="Uitgever, of de organisatie achter een webpagina.")
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"]+$")] | None = Field(
        default=None, description="Adres van een publicatie die online staat (https)."
    )
    used_for: Text = Field(description="Waarvoor het handboek deze bron gebruikt.")


class Citation(_Strict):
    """A reference from a method, form or module to a publication in the bibliography."""

    ref: Slug = Field(description="Id van de bron in methods/_sources.yml.")
    note: Text | None = Field(default=None, description="What is taken from this source, or where sources differ.")


class DifferentFrom(_Strict):
    method: Slug = Field(description="Slug of a method that is easily confused with this one.")
    how: Text = Field(description="How the two differ, in a sentence or two.")


class Method(_Strict):
    """One intervisie method; its slug is the file name."""

    name: Name = Field(description="Name of the method as shown in titles and navigation.")
    summary: Text = Field(description="Two or three sentences on what the method is and does.")
    goal: Text = Field(description="What the inbrenger and the group get out of it.")
    fits: list[Text] = Field(min_length=1, description="Kinds of question the method fits.")
    does_not_fit: list[Text] = Field(default=[], description="Kinds of question it does not fit.")
    question_kinds: list[QuestionKind] = Field(
        default=[],
        description="Kinds of question it fits, from a fixed list: the method chooser filters on them.",
        json_schema_extra={"uniqueItems": True},
    )
    group_size: GroupSize
    experience: Experience = Field(description="Group experience needed (Intervisiewijzer's judgement).")
    facilitator: Facilitator = Field(description="Who leads the meeting (Intervisiewijzer's judgement).")
    steps: list[Step] = Field(min_length=2)
    tips: list[Text] = []
    pitfalls: list[Text] = []
    variants: list[Variant] = []
    related: list[Slug] = Field(default=[], description="Slugs (file names) of related methods.")
    differs_from: list[DifferentFrom] = Field(
        default=[], description="Methods with a similar name or root, and how this one differs ('niet te verwarren met')."
    )
    source_minutes: SourceMinutes | None = Field(
        default=None,
        description="The total time the sources give. A plan shorter than its min says that it is shorter than the source advises.",
    )
    guideline: list[Guideline] = Field(
        default=[],
        description="Figures that are Intervisiewijzer's own guideline because the sources give none: minutes, group_size.",
        json_schema_extra={"uniqueItems": True},
    )
    sources: list[Citation] = Field(min_length=1)

    @field_validator("question_kinds", "guideline")
    @classmethod
    def _each_once(cls, codes: list[str]) -> list[str]:
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} listed more than once")
        return codes

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)
