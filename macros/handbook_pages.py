"""Renders the handbook's data-driven parts: the comparison table and the glossary."""

from __future__ import annotations

from markupsafe import Markup

from .catalogue import Catalogue
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
