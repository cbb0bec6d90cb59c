"""The format of the handbook's other data files: the glossary, the comparison of forms
of professional guidance, the printable checklists and forms, the bibliography, and the
words readers search with."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, RootModel, WithJsonSchema

from .model import Citation, Name, Publication, Slug, Strict, Text
from .vocabulary import DRAAIBOEK_PLACES

DraaiboekPlace = Literal[tuple(DRAAIBOEK_PLACES)]  # type: ignore[valid-type]
# One word as the search box splits a question: lowercase, no space or hyphen.
_ONE_WORD = r"^[a-z0-9'à-öø-ÿ]+$"


def _one_word(word: str) -> str:
    if not re.match(_ONE_WORD, word):
        raise ValueError(f"{word!r} is geen los woord in kleine letters (het zoekvak deelt een vraag bij spaties en streepjes)")
    return word


SearchWord = Annotated[str, AfterValidator(_one_word), WithJsonSchema({"type": "string", "pattern": _ONE_WORD})]


class Glossary(RootModel[dict[Name, Text]]):
    """Begrip -> korte uitleg. Staat op de begrippenlijst en als uitleg bij het eerste gebruik op een pagina."""


class Aspect(Strict):
    name: Name = Field(description="Wat vergeleken wordt, bijvoorbeeld 'Groepsgrootte'.")
    values: dict[Slug, Text] = Field(description="Per vorm (id uit `forms`): hoe het daar is.")
    sources: list[Citation] = Field(default=[], description="Waar de cijfers in deze rij vandaan komen.")


class Comparison(Strict):
    forms: dict[Slug, Name] = Field(min_length=2, description="Id van de vorm -> naam, in de volgorde van de kolommen.")
    aspects: list[Aspect] = Field(min_length=1, description="De rijen van de vergelijking.")
    sources: list[Citation] = Field(min_length=1, description="De bronnen van de vergelijking.")


class WritingField(Strict):
    label: Text = Field(description="De vraag of opdracht waar je iets bij schrijft.")
    lines: int = Field(default=3, ge=1, le=20, description="Aantal schrijfregels op papier.")
    signatures: bool = Field(
        default=False,
        description=(
            "Een regel voor ieder lid van de groep, met naam en handtekening, in plaats van schrijfregels;"
            " de groep kiest op het scherm met hoeveel leden ze is."
        ),
    )


class ChecklistSection(Strict):
    title: Name = Field(description="Kop van dit deel.")
    checks: list[Text] = Field(default=[], description="Punten om af te vinken.")
    questions: list[WritingField] = Field(default=[], description="Vragen met ruimte om te schrijven.")


class Checklist(Strict):
    title: Name = Field(description="Titel van de lijst of het formulier.")
    description: Text = Field(description="Wie de lijst gebruikt, en wanneer.")
    sections: list[ChecklistSection] = Field(min_length=1, description="De delen, in volgorde.")
    sources: list[Citation] = Field(default=[], description="De publicaties waar de punten vandaan komen.")
    draaiboek: DraaiboekPlace | None = Field(
        default=None, description="Of de lijst in het draaiboek van iedere methode staat: 'voor' de stappen of 'na' de stappen."
    )


class Checklists(RootModel[dict[Slug, Checklist]]):
    """Id van de lijst (het adres: checklists/<id>/) -> de lijst."""


class Bibliography(RootModel[dict[Slug, Publication]]):
    """Elke publicatie die het handboek gebruikt, met haar id; de andere bestanden verwijzen ernaar."""


class SearchWords(RootModel[dict[SearchWord, Annotated[list[Name], Field(min_length=1)]]]):
    """Woord dat lezers typen -> de woorden die dit handboek ervoor gebruikt. Typt iemand het woord
    links in het zoekvak, dan vindt de zoekfunctie ook de pagina's met de woorden rechts."""
