"""Data behind the handbook's own pages: the glossary and the comparison of forms of
professional guidance (intervisie, supervisie, coaching, ...). Validated like methods."""

from __future__ import annotations

from pydantic import Field, RootModel

from .model import Citation, Name, Publication, Slug, Text, _Strict

GLOSSARY_FILE = "_glossary.yml"
CHECKLISTS_FILE = "_checklists.yml"
SOURCES_FILE = "_sources.yml"
COMPARISON_FILE = "_comparison.yml"


class Glossary(RootModel[dict[Name, Text]]):
    """Term -> short definition. Shown on the glossary page and as a tooltip wherever the term appears."""


class Aspect(_Strict):
    name: Name = Field(description="What is compared, e.g. 'Groepsgrootte'.")
    values: dict[Slug, Text] = Field(description="Per form id (see `forms`): how it is for that form.")
    sources: list[Citation] = Field(default=[], description="Where the figures in this row come from.")


class Comparison(_Strict):
    forms: dict[Slug, Name] = Field(min_length=2, description="Form id -> name, in column order.")
    aspects: list[Aspect] = Field(min_length=1)
    sources: list[Citation] = Field(min_length=1)



class WritingField(_Strict):
    label: Text = Field(description="The question or prompt to write an answer to.")
    lines: int = Field(default=3, ge=1, le=20, description="Writing lines on paper.")


class ChecklistSection(_Strict):
    title: Name
    checks: list[Text] = Field(default=[], description="Items to tick off.")
    questions: list[WritingField] = Field(default=[], description="Prompts with room to write.")


class Checklist(_Strict):
    title: Name
    description: Text = Field(description="Who uses this list, and when.")
    sections: list[ChecklistSection] = Field(min_length=1)
    sources: list[Citation] = Field(default=[], description="The publications the items come from.")


class Checklists(RootModel[dict[Slug, Checklist]]):
    """Checklist id (its address: checklists/<id>/) -> checklist."""


class Bibliography(RootModel[dict[Slug, Publication]]):
    """methods/_sources.yml: every publication the handbook uses, by id; cited from the other files."""
