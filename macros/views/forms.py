"""Checklists and forms: boxes to tick and fields to write in, on screen and on paper.

Every box and field gets an id that is stable for its page, so that the browser can keep
what was ticked or typed (keep.js in the theme) and a form can be cleared again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.handbook import Checklist, ChecklistSection
from .common import SourceView, sources
from .planning import MAX_PARTICIPANTS

# A signature block opens with a line for each member of a usual group (the methods are
# mostly made for 4 to 8); the group sets its own number, up to the largest group.
SIGNATURE_ROWS = 8


@dataclass(frozen=True)
class Check:
    id: str
    text: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    lines: int
    signatures: bool = False  # a line for each member to sign, instead of lines to write on

    @property
    def rows(self) -> list[str]:
        """The ids of the name fields of a signature block, one per member of the largest group."""
        return [f"{self.id}-naam-{n}" for n in range(1, MAX_PARTICIPANTS + 1)] if self.signatures else []

    @property
    def most(self) -> int:
        return MAX_PARTICIPANTS

    @property
    def usual(self) -> int:
        return SIGNATURE_ROWS


@dataclass(frozen=True)
class SectionView:
    title: str
    checks: list[Check]
    fields: list[Field]


def section(prefix: str, data: ChecklistSection) -> SectionView:
    return SectionView(
        data.title,
        [Check(f"{prefix}-{i}", text) for i, text in enumerate(data.checks, start=1)],
        [Field(f"{prefix}-q{i}", q.label, q.lines, q.signatures) for i, q in enumerate(data.questions, start=1)],
    )


def sections(prefix: str, *checklists: Checklist) -> list[SectionView]:
    """The sections of one or more checklists, numbered on: ``voor1``, ``voor2``, ..."""
    parts = [part for checklist in checklists for part in checklist.sections]
    return [section(f"{prefix}{n}", s) for n, s in enumerate(parts, start=1)]


@dataclass(frozen=True)
class ChecklistPage:
    title: str
    description: str
    sections: list[SectionView]
    sources: list[SourceView]


def checklist_page(catalogue: Catalogue, checklist_id: str) -> ChecklistPage:
    checklist = catalogue.checklists[checklist_id]
    return ChecklistPage(checklist.title, checklist.description, sections("c", checklist), sources(catalogue, checklist.sources))
