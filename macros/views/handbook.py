"""The data-driven parts of the handbook's own pages: the comparison, the glossary, the
bibliography, and the lists of everything printable."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import Catalogue
from ..data.citations import PageCitations
from ..data.model import Citation
from . import addresses
from .cards import default_deal
from .common import Link, SourceView, checklist_link, method_link, page_link, sources


@dataclass(frozen=True)
class FormValue:
    form: str  # id of the form of guidance
    name: str
    value: str | None  # None: the sources say nothing about it


@dataclass(frozen=True)
class AspectView:
    name: str
    anchor: str
    values: list[FormValue]
    sources: list[int]  # numbers in the comparison's list of sources


@dataclass(frozen=True)
class ComparisonView:
    forms: list[tuple[str, str]]  # id, name
    aspects: list[AspectView]
    sources: list[SourceView]  # numbered from 1, in the order the rows first cite them


def comparison(catalogue: Catalogue) -> ComparisonView:
    """Intervisie next to other forms of guidance, an aspect at a time; each aspect names
    its sources by their number in one list under the comparison."""
    data = catalogue.comparison
    if data is None:
        raise LookupError("de vergelijking heeft methods/_comparison.yml nodig")
    numbers: dict[str, int] = {}
    for citation in [c for aspect in data.aspects for c in aspect.sources] + data.sources:
        numbers.setdefault(citation.ref, len(numbers) + 1)
    aspects = [
        AspectView(
            aspect.name,
            "vergelijking-" + "-".join(re.sub(r"[^\w]+", " ", aspect.name.lower()).split()),
            [FormValue(form, name, aspect.values.get(form)) for form, name in data.forms.items()],
            sorted({numbers[c.ref] for c in aspect.sources}),
        )
        for aspect in data.aspects
    ]
    cited = [Citation(ref=ref) for ref in numbers]
    return ComparisonView(list(data.forms.items()), aspects, sources(catalogue, cited))


def anchor(term: str) -> str:
    return "begrip-" + "-".join(re.sub(r"[^\w]+", " ", term.lower()).split())


@dataclass(frozen=True)
class Term:
    anchor: str
    term: str
    definition: str


@dataclass(frozen=True)
class GlossaryPage:
    terms: list[Term]  # alphabetically


def glossary(catalogue: Catalogue) -> GlossaryPage:
    ordered = sorted(catalogue.glossary.items(), key=lambda item: item[0].lower())
    return GlossaryPage([Term(anchor(term), term, text) for term, text in ordered])


@dataclass(frozen=True)
class Entry:
    source: SourceView
    used_for: str
    cited_by: list[Link]


def _cited_by(catalogue: Catalogue, here: str, pages: list[PageCitations]) -> dict[str, list[Link]]:
    """Source id -> links to the methods, forms and pages that cite it."""
    citing: list[tuple[Link, list[Citation]]] = [(method_link(catalogue, here, slug), m.sources) for slug, m in catalogue.methods.items()]
    citing += [(checklist_link(catalogue, here, cid), c.sources) for cid, c in catalogue.checklists.items()]
    if catalogue.training:
        citing += [
            (page_link(f"Module: {m.title}", here, addresses.module(mid)), m.sources)
            for mid, m in catalogue.training.modules.items()
        ]
        citing.append((page_link("Voorbeeldreeks voor de opleiding", here, addresses.SERIES_PLAN), catalogue.training.series.sources))
    if catalogue.comparison:
        cited = catalogue.comparison.sources + [c for aspect in catalogue.comparison.aspects for c in aspect.sources]
        citing.append((page_link("De vergelijking", here, addresses.COMPARISON), cited))
    citing += [(page_link(page.title, here, page.src), [Citation(ref=ref) for ref in page.refs]) for page in pages]
    found: dict[str, list[Link]] = {}
    for link, citations in citing:
        for citation in citations:
            if all(other.href != link.href for other in found.setdefault(citation.ref, [])):  # a page once
                found[citation.ref].append(link)
    return found


@dataclass(frozen=True)
class BibliographyPage:
    entries: list[Entry]  # by author


def bibliography(catalogue: Catalogue, here: str = addresses.BIBLIOGRAPHY, pages: list[PageCitations] = ()) -> BibliographyPage:
    """Every publication, with the methods, forms and hand-written ``pages`` that cite it."""
    cited_by = _cited_by(catalogue, here, list(pages))
    entries = [
        Entry(sources(catalogue, [Citation(ref=ref)])[0], source.used_for, cited_by.get(ref, []))
        for ref, source in catalogue.sources.items()
    ]
    return BibliographyPage(sorted(entries, key=lambda entry: entry.source.author.lower()))


def cited(catalogue: Catalogue, refs: tuple[str, ...]) -> list[SourceView]:
    """Publications named on a handbook page; an unknown id is an error in that page."""
    unknown = [ref for ref in refs if ref not in catalogue.sources]
    if unknown:
        raise LookupError(f"onbekende bron {', '.join(unknown)}: voeg haar toe aan methods/_sources.yml")
    return sources(catalogue, [Citation(ref=ref) for ref in refs])


@dataclass(frozen=True)
class PrintRow:
    method: Link
    cards: Link
    people: int  # the group the card page opens with
    card_count: int  # the cards it prints for them (cards.default_deal)
    sheets: int
    draaiboek: Link
    timer: Link


@dataclass(frozen=True)
class PrintIndex:
    methods: list[PrintRow]
    deck: Link
    checklists: list[tuple[Link, str]]


def print_index(catalogue: Catalogue, here: str = addresses.PRINT_INDEX) -> PrintIndex:
    rows = []
    for slug in catalogue.methods:
        opening = default_deal(catalogue, slug)
        rows.append(
            PrintRow(
                method_link(catalogue, here, slug),
                page_link("rolkaarten", here, addresses.role_cards(slug)),
                opening.people,
                len(opening.cards),
                opening.sheets,
                page_link("draaiboek", here, addresses.draaiboek(slug)),
                page_link("klok", here, addresses.timer(slug)),
            )
        )
    return PrintIndex(rows, page_link("Alle rollen op kaarten", here, addresses.ROLE_DECK), checklists(catalogue, here).items)


def first_sentence(value: str) -> str:
    value = " ".join(value.split())
    end = value.find(". ")
    return value if end == -1 else value[: end + 1]


@dataclass(frozen=True)
class ChecklistIndex:
    items: list[tuple[Link, str]]  # each form with what it is for


def checklists(catalogue: Catalogue, here: str = addresses.CHECKLIST_INDEX) -> ChecklistIndex:
    return ChecklistIndex(
        [(checklist_link(catalogue, here, cid), first_sentence(c.description)) for cid, c in catalogue.checklists.items()]
    )
