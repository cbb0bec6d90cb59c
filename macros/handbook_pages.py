"""Renders the handbook's data-driven parts: the comparison table and the glossary."""

from __future__ import annotations

from markupsafe import Markup

from .catalogue import Catalogue
from .model import Citation
from .markup import scroll_table, text
from .method_page import source_list
from .print_pages import source_line


def render_comparison(catalogue: Catalogue) -> str:
    comparison = catalogue.comparison
    if comparison is None:
        raise ValueError("methods/_comparison.yml is missing")
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(text(name)) for name in comparison.forms.values())
    rows = []
    for aspect in comparison.aspects:
        cells = Markup("").join(
            Markup("<td>{}</td>").format(text(aspect.values.get(form, "–"))) for form in comparison.forms
        )
        source = (
            Markup('<br><small class="iw-source">Bron: {}</small>').format(text(source_line(catalogue, aspect.sources)))
            if aspect.sources
            else ""
        )
        rows.append(Markup('<tr><th scope="row">{}{}</th>{}</tr>').format(text(aspect.name), source, cells))
    table = scroll_table(
        "iw-comparison",
        Markup("<thead><tr><td></td>{}</tr></thead><tbody>{}</tbody>").format(head, Markup("").join(rows)),
    )
    return f"{table}\n\n{source_list(catalogue, comparison.sources)}\n"


def render_sources(catalogue: Catalogue, *refs: str) -> str:
    """The cited publications as a list, for a handbook page: ``{{ sources("de-haan-2001") }}``."""
    unknown = [ref for ref in refs if ref not in catalogue.sources]
    if unknown:
        raise ValueError(f"unknown source {', '.join(unknown)}: add it to methods/_sources.yml")
    return str(source_list(catalogue, [Citation(ref=ref) for ref in refs])) + "\n"


def _citers(catalogue: Catalogue) -> dict[str, list[str]]:
    """Source id -> the names of the methods, forms and modules that cite it."""
    citing: dict[str, list[str]] = {}
    named = [(m.name, m.sources) for m in catalogue.methods.values()]
    named += [(c.title, c.sources) for c in catalogue.checklists.values()]
    if catalogue.training:
        named += [(f"Module: {m.title}", m.sources) for m in catalogue.training.modules.values()]
        named.append(("Plan voor een reeks", catalogue.training.series.sources))
    if catalogue.comparison:
        named.append(("De vergelijking", catalogue.comparison.sources))
    for name, citations in named:
        for citation in citations:
            citing.setdefault(citation.ref, [])
            if name not in citing[citation.ref]:
                citing[citation.ref].append(name)
    return citing


def render_bibliography(catalogue: Catalogue) -> str:
    """Every publication, with what the handbook uses it for and where it is cited."""
    citing = _citers(catalogue)
    items = []
    for ref, source in sorted(catalogue.sources.items(), key=lambda item: item[1].author.lower()):
        where = citing.get(ref, [])
        used = Markup("{}").format(text(source.used_for))
        if where:
            used += Markup(" Gebruikt bij: {}.").format(text(", ".join(where)))
        items.append(
            Markup('<dt id="bron-{}">{}</dt><dd>{}</dd>').format(
                ref, source_list(catalogue, [Citation(ref=ref)]), used
            )
        )
    return str(Markup('<dl class="iw-bibliography">{}</dl>').format(Markup("").join(items))) + "\n"


def render_glossary(catalogue: Catalogue) -> str:
    glossary = catalogue.glossary
    items = Markup("").join(
        Markup('<dt id="{}">{}</dt><dd>{}</dd>').format(anchor(term), text(term), text(definition))
        for term, definition in sorted(glossary.items(), key=lambda item: item[0].lower())
    )
    return str(Markup('<dl class="iw-glossary">{}</dl>').format(items)) + "\n"


def anchor(term: str) -> str:
    return "begrip-" + "-".join("".join(c if c.isalnum() else " " for c in term.lower()).split())


def abbreviations(glossary: dict[str, str]) -> str:
    """Markdown abbreviation definitions, so that every use of a term gets its tooltip."""
    lines = []
    for term, definition in glossary.items():
        plain = " ".join(definition.split())
        for form in dict.fromkeys((term, term[:1].upper() + term[1:])):
            lines.append(f"*[{form}]: {plain}")
    return "\n".join(lines) + "\n"
