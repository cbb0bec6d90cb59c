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

Experience = Literal["none", "some", "experienced"]
Facilitator = Literal["required", "recommended", "optional"]
QuestionKind = Literal[
    "conduct", "incident", "shock", "relationship", "knowledge", "problem", "stuck", "change", "success", "qualities", "values"
]

EXPERIENCE_LABELS: dict[str, str] = {
    "none": "geen ervaring nodig",
    "some": "enige ervaring met intervisie",
    "experienced": "ervaren groep met onderling vertrouwen",
}
# In this order in the method chooser's list of kinds of question.
QUESTION_KIND_LABELS: dict[str, str] = {
    "conduct": "je eigen handelen in het werk",
    "incident": "een voorval waarin je snel moest handelen",
    "shock": "een schokkende gebeurtenis, zoals agressie",
    "relationship": "de relatie met een ander, en gevoelens",
    "knowledge": "vakinhoud en kennis",
    "problem": "een probleem dat een oplossing vraagt",
    "stuck": "je zit vast en zoekt een frisse blik",
    "change": "een situatie die je anders wilt",
    "success": "iets dat goed ging",
    "qualities": "je kwaliteiten en je groei",
    "values": "wat goed of juist handelen is",
}
FACILITATOR_LABELS: dict[str, str] = {
    "required": "met procesbegeleider",
    "recommended": "procesbegeleider aanbevolen",
    "optional": "kan zonder procesbegeleider",
}


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


class Source(_Strict):
    author: Text
    title: Text | None = Field(default=None, description="Title of the publication; leave out when it is not known.")
    year: int | None = Field(default=None, ge=1900, le=2100)
    publisher: Text | None = None
    note: Text | None = Field(default=None, description="What this source is used for, or where sources differ.")


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
    experience: Experience = Field(description="Group experience needed.")
    facilitator: Facilitator = Field(description="Whether the method needs a procesbegeleider.")
    steps: list[Step] = Field(min_length=2)
    tips: list[Text] = []
    pitfalls: list[Text] = []
    variants: list[Variant] = []
    related: list[Slug] = Field(default=[], description="Slugs (file names) of related methods.")
    sources: list[Source] = Field(min_length=1)

    @field_validator("question_kinds")
    @classmethod
    def _kinds_once(cls, kinds: list[str]) -> list[str]:
        twice = sorted({kind for kind in kinds if kinds.count(kind) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} listed more than once")
        return kinds

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)
