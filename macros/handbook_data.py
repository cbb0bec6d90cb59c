"""Data behind the handbook's own pages: the glossary and the comparison of forms of
professional guidance (intervisie, supervisie, coaching, ...). Validated like methods."""

from __future__ import annotations

from pydantic import Field, RootModel

from .model import Name, Slug, Source, Text, _Strict

GLOSSARY_FILE = "_glossary.yml"
COMPARISON_FILE = "_comparison.yml"


class Glossary(RootModel[dict[Name, Text]]):
    """Term -> short definition. Shown on the glossary page and as a tooltip wherever the term appears."""


class Aspect(_Strict):
    name: Name = Field(description="What is compared, e.g. 'Groepsgrootte'.")
    values: dict[Slug, Text] = Field(description="Per form id (see `forms`): how it is for that form.")
    source: Text | None = Field(default=None, description="Where the figures in this row come from.")


class Comparison(_Strict):
    forms: dict[Slug, Name] = Field(min_length=2, description="Form id -> name, in column order.")
    aspects: list[Aspect] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)

