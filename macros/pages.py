"""The pages of the site that come from data, and the macros hand-written pages call.

Each generated page is a view rendered through its template; the adapters (the MkDocs
hook, the Zensical build) only place the result. Nothing here knows a generator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .data import Catalogue
from .rendering import Renderer
from .views import addresses, cards, draaiboek, forms, handbook, method, overview, planner, timer, training
from .views.handbook import first_sentence

Body = Callable[[Renderer], Markup]


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # path under docs/, which is also its address
    title: str
    description: str
    body: Body
    # The index page of the nav section it joins, if any. Method pages join none: with a
    # thousand methods every page would carry a thousand links; methoden/ lists them.
    nav_section: str | None = None
    search_boost: float = 1.0
    # Where it belongs, for a reader who arrives from search: the pages above it, each as
    # (title, source path); the last is the page the navigation highlights.
    trail: tuple[tuple[str, str], ...] = ()


def generated_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    pages = []
    methods = ("Methoden", addresses.METHOD_OVERVIEW)
    for slug, data in catalogue.methods.items():
        belongs = (methods, (data.name, addresses.method(slug)))
        pages += [
            GeneratedPage(
                addresses.method(slug), data.name, first_sentence(data.summary),
                lambda r, slug=slug: r.render("method/page.html", page=method.method_page(catalogue, slug)),
                search_boost=2.0,
                trail=(methods,),
            ),
            GeneratedPage(
                addresses.role_cards(slug), f"Rolkaarten: {data.name}",
                f"Rolkaarten om te printen voor de {data.name}: per rol wat je in iedere stap doet.",
                lambda r, slug=slug: _cards_page(r, catalogue, slug),
                search_boost=0.5,
                trail=belongs,
            ),
            GeneratedPage(
                addresses.draaiboek(slug), f"Draaiboek: {data.name}",
                f"Draaiboek voor de procesbegeleider bij de {data.name}, met klok en afvinklijst.",
                lambda r, slug=slug: r.render("print/draaiboek.html", page=draaiboek.draaiboek_page(catalogue, slug)),
                search_boost=0.5,
                trail=belongs,
            ),
            GeneratedPage(
                addresses.timer(slug), f"Klok: {data.name}",
                f"Een klok voor de tijdbewaker bij de {data.name}: per stap de tijd die over is en wat ieder doet.",
                lambda r, slug=slug: r.render("method/timer.html", page=timer.timer_page(catalogue, slug)),
                search_boost=0.3,
                trail=belongs,
            ),
        ]
    for checklist_id, checklist in catalogue.checklists.items():
        pages.append(
            GeneratedPage(
                addresses.checklist(checklist_id), checklist.title, first_sentence(checklist.description),
                lambda r, cid=checklist_id: r.render("print/checklist.html", page=forms.checklist_page(catalogue, cid)),
                nav_section=addresses.CHECKLIST_INDEX,
            )
        )
    if catalogue.training:
        for number, (module_id, module) in enumerate(catalogue.training.modules.items(), start=1):
            pages += [
                GeneratedPage(
                    addresses.module(module_id), training.module_title(number, module), first_sentence(module.summary),
                    lambda r, mid=module_id: r.render("training/module.html", page=training.module_page(catalogue, mid)),
                    nav_section=addresses.TRAINING_INDEX,
                ),
                GeneratedPage(
                    addresses.handout(module_id), f"Hand-out: {module.title}",
                    f"Hand-out om te printen bij module {number} van de opleiding voor procesbegeleiders.",
                    lambda r, mid=module_id: r.render("training/handout.html", page=training.handout_page(catalogue, mid)),
                    search_boost=0.5,
                    trail=(("Opleiding", addresses.TRAINING_INDEX), (training.module_title(number, module), addresses.module(module_id))),
                ),
            ]
    return pages


def render_page(page: GeneratedPage, renderer: Renderer) -> Markup:
    """A generated page's body: where it belongs, then what its template shows."""
    trail = [(title, addresses.link(page.src, src)) for title, src in page.trail]
    return renderer.render("shared/trail.html", trail=trail) + page.body(renderer)


def extend_nav(nav: list, pages: list[GeneratedPage]) -> None:
    """Append generated pages to every nav section (mkdocs.yml's `nav:`) that lists their section's index page."""
    additions: dict[str, list] = {}
    for page in pages:
        if page.nav_section:
            additions.setdefault(page.nav_section, []).append({page.title: page.src})
    _extend_sections(nav, additions)


def _extend_sections(nav: list, additions: dict[str, list]) -> None:
    """``nav`` items are a page ("a.md"), a titled page ({"Title": "a.md"}) or a section."""
    pages = [item if isinstance(item, str) else next(iter(item.values())) for item in nav]
    for src in [src for src in pages if isinstance(src, str) and src in additions]:
        nav += additions[src]
    for item in nav:
        for children in item.values() if isinstance(item, dict) else ():
            if isinstance(children, list):
                _extend_sections(children, additions)


def front_matter(page: GeneratedPage) -> str:
    """The page's title, description and search weight as YAML front matter."""
    # JSON strings are valid YAML; the theme prints both values unescaped, so escape them.
    title = json.dumps(page.title)
    description = json.dumps(str(Markup.escape(page.description)))
    return f"---\ntitle: {title}\ndescription: {description}\nsearch:\n  boost: {page.search_boost}\n---\n"


_HEADING = re.compile(r'<h([2-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)


def headings(body: str) -> list[tuple[int, str, str]]:
    """(level, anchor, title as HTML) of each heading a template wrote, for a table of contents."""
    return [(int(level), anchor, title) for level, anchor, title in _HEADING.findall(body)]


def page_macros(catalogue: Catalogue, renderer: Renderer) -> dict[str, Callable[..., Markup]]:
    """The macros a hand-written page may call; each takes the calling page's path first."""
    render = renderer.render
    return {
        "method_overview": lambda here: render("handbook/overview.html", page=overview.overview(catalogue, here)),
        "comparison_table": lambda here: render("handbook/comparison.html", page=handbook.comparison(catalogue)),
        "glossary": lambda here: render("handbook/glossary.html", terms=handbook.glossary(catalogue)),
        "bibliography": lambda here: render("handbook/bibliography.html", entries=handbook.bibliography(catalogue, here)),
        "sources": lambda here, *refs: render("shared/sources.html", sources=handbook.cited(catalogue, refs)),
        "role_deck": lambda here: render("print/cards.html", sheets=cards.sheets(cards.deck_cards(catalogue))),
        "checklist_index": lambda here: render("handbook/checklist_index.html", items=handbook.checklists(catalogue, here)),
        "print_index": lambda here: render("handbook/print_index.html", page=handbook.print_index(catalogue, here)),
        "series_planner": lambda here: render("print/planner.html", page=planner.planner_page(catalogue)),
        "learning_path": lambda here: render("training/learning_path.html", rows=training.learning_path(catalogue, here)),
        "trainer_overview": lambda here: render("training/trainer_overview.html", rows=training.learning_path(catalogue, here)),
        "trainee_overview": lambda here: render("training/trainee_overview.html", rows=training.learning_path(catalogue, here)),
        "self_assessment": lambda here: render("training/self_assessment.html", **_self_assessment(catalogue)),
        "practice_cases": lambda here: render("training/cases.html", cases=training.practice_cases(catalogue, here)),
        "series_plan": lambda here: render("training/series_plan.html", page=training.series_plan(catalogue, here)),
    }


def _cards_page(renderer: Renderer, catalogue: Catalogue, slug: str) -> Markup:
    page = cards.cards_page(catalogue, slug)
    return renderer.render("print/role_cards_page.html", page=page, sheets=cards.sheets(page.cards))


def _self_assessment(catalogue: Catalogue) -> dict[str, object]:
    description, sections = training.self_assessment(catalogue)
    return {"description": description, "sections": sections}
