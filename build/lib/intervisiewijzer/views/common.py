"""Small views that several pages share: links, sources and group sizes."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from ..data.model import Citation, GroupSize
from . import addresses


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    address: str = ""  # from the site root; on paper it is printed after the link


def page_link(text: str, here: str, target: str, anchor: str | None = None) -> Link:
    """A link from the page ``here`` to ``target`` (both source paths)."""
    return Link(text, addresses.link(here, target, anchor), addresses.address(target, anchor))


@dataclass(frozen=True)
class SourceView:
    """A cited publication as a reader sees it."""

    ref: str
    author: str
    title: str
    details: str  # edition and year: "16e druk; eerste druk 1985, 2016"
    publisher: str | None
    url: str | None
    note: str | None

    @property
    def line(self) -> str:
        """The publication on one line, for paper: "Author, Title (year)"."""
        return f"{self.author}, {self.title}" + (f" ({self.details})" if self.details else "")


def sources(catalogue: Catalogue, citations: list[Citation]) -> list[SourceView]:
    views = []
    for citation in citations:
        source = catalogue.sources[citation.ref]
        details = ", ".join(str(part) for part in (source.edition, source.year) if part)
        views.append(
            SourceView(citation.ref, source.author, source.title, details, source.publisher, source.url, citation.note)
        )
    return views


def source_line(catalogue: Catalogue, citations: list[Citation]) -> str:
    return "; ".join(view.line for view in sources(catalogue, citations))


def group_size(size: GroupSize) -> str:
    if size.max is None:
        return f"vanaf {size.min} personen"
    return f"{size.min} tot {size.max} personen"


def method_link(catalogue: Catalogue, here: str, slug: str) -> Link:
    return page_link(catalogue.methods[slug].name, here, addresses.method(slug))


def checklist_link(catalogue: Catalogue, here: str, checklist_id: str) -> Link:
    return page_link(catalogue.checklists[checklist_id].title, here, addresses.checklist(checklist_id))
