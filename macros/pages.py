"""The pages generated from the data: where each lives, its title and the macro that fills it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .catalogue import Catalogue
from .markup import md_text, text
from .method_page import METHODS_SECTION, method_src
from .print_pages import sheets_needed
from .training_pages import TRAINING_SECTION, handout_src, module_src, module_title

CHECKLISTS_SECTION = "checklists"


@dataclass(frozen=True)
class GeneratedPage:
    src: str
    title: str
    description: str
    macro: str  # the macro call that renders the body; its arguments are validated slugs
    # The index page of the nav section it joins, if any. Method pages join none: with
    # a thousand methods every page would carry a thousand nav links; the overview at
    # methoden/ lists them instead.
    nav_section: str | None
    search_boost: float = 1.0  # Material's per-page search weight


def page_source(page: GeneratedPage) -> str:
    """The Markdown source of a generated page: front matter and one macro call."""
    # JSON strings are valid YAML; the theme prints both values unescaped, so escape them.
    return (
        f"---\ntitle: {json.dumps(page.title)}\ndescription: {json.dumps(str(text(page.description)))}\n"
        f"search:\n  boost: {page.search_boost}\nrender_macros: true\n---\n\n{{{{ {page.macro} }}}}\n"
    )


def extend_nav(nav: list, pages: list[GeneratedPage]) -> None:
    """Append generated pages to every nav section that lists their section's index page."""
    additions: dict[str, list] = {}
    for page in pages:
        if page.nav_section:
            additions.setdefault(page.nav_section, []).append({page.title: page.src})
    _extend_sections(nav, additions)


def _extend_sections(nav: list, additions: dict[str, list]) -> None:
    for index in [item for item in nav if isinstance(item, str) and item in additions]:
        nav += additions[index]
    for item in nav:
        for children in item.values() if isinstance(item, dict) else ():
            if isinstance(children, list):
                _extend_sections(children, additions)


def _first_sentence(value: str) -> str:
    value = " ".join(value.split())
    end = value.find(". ")
    return value if end == -1 else value[: end + 1]


def generated_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    pages = []
    for slug, method in catalogue.methods.items():
        pages.append(
            GeneratedPage(method_src(slug), method.name, _first_sentence(method.summary), f'method_page("{slug}")', None, 2.0)
        )
        pages.append(
            GeneratedPage(
                f"{METHODS_SECTION}/{slug}/rolkaarten.md",
                f"Rolkaarten: {method.name}",
                f"Rolkaarten om te printen voor de {method.name}: per rol wat je in iedere stap doet.",
                f'role_cards("{slug}")',
                None,
                0.5,
            )
        )
        pages.append(
            GeneratedPage(
                f"{METHODS_SECTION}/{slug}/draaiboek.md",
                f"Draaiboek: {method.name}",
                f"Draaiboek voor de procesbegeleider bij de {method.name}, met klok en afvinklijst.",
                f'draaiboek("{slug}")',
                None,
                0.5,
            )
        )
    for checklist_id, checklist in catalogue.checklists.items():
        pages.append(
            GeneratedPage(
                f"{CHECKLISTS_SECTION}/{checklist_id}.md",
                checklist.title,
                _first_sentence(checklist.description),
                f'checklist("{checklist_id}")',
                f"{CHECKLISTS_SECTION}/index.md",
            )
        )
    if catalogue.training:
        for number, (module_id, module) in enumerate(catalogue.training.modules.items(), start=1):
            pages.append(
                GeneratedPage(
                    module_src(module_id),
                    module_title(number, module),
                    _first_sentence(module.summary),
                    f'training_module("{module_id}")',
                    f"{TRAINING_SECTION}/index.md",
                )
            )
            pages.append(
                GeneratedPage(
                    handout_src(module_id),
                    f"Hand-out: {module.title}",
                    f"Hand-out om te printen bij module {number} van de opleiding voor procesbegeleiders.",
                    f'training_handout("{module_id}")',
                    None,
                    0.5,
                )
            )
    return pages


def render_print_index(catalogue: Catalogue, prefix: str = "../") -> str:
    """Everything printable, as Markdown links (checked by MkDocs)."""
    lines = ["## Per methode", "", "| Methode | Rolkaarten | Draaiboek |", "| --- | --- | --- |"]
    for slug, method in catalogue.methods.items():
        cards = len(catalogue.roles_of(method))
        base = f"{prefix}{METHODS_SECTION}/{slug}"
        lines.append(
            f"| [{md_text(method.name)}]({base}.md) | [{cards} kaarten, {sheets_needed(cards)} A4]({base}/rolkaarten.md)"
            f" | [draaiboek]({base}/draaiboek.md) |"
        )
    lines += ["", "## Voor iedere methode", "", f"- [Alle rollen op kaarten]({prefix}rollen/index.md)"]
    lines += [f"- [{md_text(c.title)}]({prefix}{CHECKLISTS_SECTION}/{cid}.md)" for cid, c in catalogue.checklists.items()]
    return "\n".join(lines) + "\n"


def render_checklist_index(catalogue: Catalogue) -> str:
    return "\n".join(
        f"- [{md_text(c.title)}]({cid}.md): {md_text(_first_sentence(c.description))}" for cid, c in catalogue.checklists.items()
    ) + "\n"
