"""The pages of the site that come from data, and the macros hand-written pages call.

Each generated page is a view rendered through its template; the adapters (the MkDocs
hook, the Zensical build) only place the result. Nothing here knows a generator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .data import Catalogue, Problem
from .data.citations import page_citations
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
    crumb: str | None = None  # the page itself at the end of the trail, when shorter than its title
    # Found in search by its title and description only: its text is the method page's
    # steps or the role deck's roles again. The search index gets a line for it
    # (adapters/search_index.py) and the theme's search does not read its HTML.
    by_name: bool = False
    method: str | None = None  # the method it is made from (its slug), if it is one of a method's pages
    # A page every handbook has (the chooser, the print overview, ...): a project that
    # writes its own page at this address under docs/ replaces it.
    default: bool = False


# The pages every handbook has, made with a macro unless the project writes its own:
# address, title, what it is (its first paragraph), the macro, and whether the data has
# what the page needs.
DEFAULT_PAGES: list[tuple[str, str, str, str, Callable[[Catalogue], object]]] = [
    (addresses.METHOD_OVERVIEW, "Methoden", "Alle methoden van dit handboek. Kies wat voor je groep geldt, en de lijst toont wat past.",
     "method_overview", lambda c: True),
    (addresses.ROLE_DECK, "Rollen", "Alle rollen bij intervisie, elk op een kaart om te printen.", "role_deck", lambda c: True),
    (addresses.PRINT_INDEX, "Printen", "Alles om te printen: per methode de rolkaarten, het draaiboek en de klok.",
     "print_index", lambda c: True),
    (addresses.BIBLIOGRAPHY, "Bronnen", "De publicaties die dit handboek gebruikt, en waar.", "bibliography", lambda c: bool(c.sources)),
    (addresses.PLANNER, "Planner voor je groep", "Wie brengt wanneer een casus in, en wie heeft welke rol? Vul de namen in.",
     "series_planner", lambda c: bool(c.series_roles())),
    (addresses.CHECKLIST_INDEX, "Checklists en formulieren", "Lijsten om af te vinken en formulieren om in te vullen.",
     "checklist_index", lambda c: bool(c.checklists)),
    (addresses.GLOSSARY, "Begrippenlijst", "De woorden van intervisie, met wat ze betekenen.", "glossary", lambda c: bool(c.glossary)),
    (addresses.COMPARISON, "Vergelijking", "Intervisie naast andere vormen van begeleiding.", "comparison_table",
     lambda c: c.comparison is not None),
    (addresses.TRAINING_INDEX, "Opleiding", "De modules van de opleiding voor procesbegeleiders, in volgorde.",
     "learning_path", lambda c: c.training is not None),
    (addresses.SERIES_PLAN, "Voorbeeldreeks", "Een reeks bijeenkomsten, van een intervisor die leidt tot een groep die zelf verder gaat.",
     "series_plan", lambda c: c.training is not None),
    (addresses.SELF_ASSESSMENT, "Zelfbeoordeling", "Kijk terug op de opleiding: wat kun je nu?", "self_assessment",
     lambda c: c.training is not None),
    (addresses.PRACTICE_CASES, "Oefencasussen", "Casussen om mee te oefenen, met de methoden die erbij passen.", "practice_cases",
     lambda c: c.cases is not None),
]  # fmt: skip


def generated_pages(catalogue: Catalogue, docs_dir: Path) -> list[GeneratedPage]:
    """Every page made from the data, and the default pages (see GeneratedPage.default)."""
    pages = []
    for src, title, lead, name, needed in DEFAULT_PAGES:
        if needed(catalogue):
            pages.append(GeneratedPage(src, title, lead, _default_body(catalogue, docs_dir, src, lead, name), default=True))
    methods = ("Methoden", addresses.METHOD_OVERVIEW)
    for slug, data in catalogue.methods.items():
        belongs = (methods, (data.name, addresses.method(slug)))
        pages += [
            GeneratedPage(
                addresses.method(slug), data.name, first_sentence(data.summary),
                lambda r, slug=slug: r.render("method/page.html", page=method.method_page(catalogue, slug)),
                method=slug,
                search_boost=2.0,
                trail=(methods,),
            ),
            GeneratedPage(
                addresses.role_cards(slug), f"Rolkaarten: {data.name}",
                f"Rolkaarten om te printen voor de {data.name}: per rol wat je in iedere stap doet.",
                lambda r, slug=slug: r.render("print/role_cards_page.html", page=cards.cards_page(catalogue, slug)),
                trail=belongs,
                crumb="Rolkaarten",
                by_name=True,
                method=slug,
            ),
            GeneratedPage(
                addresses.draaiboek(slug), f"Draaiboek: {data.name}",
                f"Draaiboek voor de procesbegeleider bij de {data.name}, met klok en afvinklijst.",
                lambda r, slug=slug: r.render("print/draaiboek.html", page=draaiboek.draaiboek_page(catalogue, slug)),
                trail=belongs,
                crumb="Draaiboek",
                by_name=True,
                method=slug,
            ),
            GeneratedPage(
                addresses.timer(slug), f"Klok: {data.name}",
                f"Een klok voor de tijdbewaker bij de {data.name}: per stap de tijd die over is en wat ieder doet.",
                lambda r, slug=slug: r.render("method/timer.html", page=timer.timer_page(catalogue, slug)),
                trail=belongs,
                crumb="Klok",
                by_name=True,
                method=slug,
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
                    crumb="Hand-out",
                ),
            ]
    return pages


def _default_body(catalogue: Catalogue, docs_dir: Path, src: str, lead: str, name: str) -> Body:
    def body(renderer: Renderer) -> Markup:
        return renderer.render("shared/lead.html", text=lead) + page_macros(catalogue, renderer, docs_dir)[name](src)

    return body


def render_page(page: GeneratedPage, renderer: Renderer) -> Markup:
    """A generated page's body: where it belongs, then what its template shows."""
    trail = [(title, addresses.link(page.src, src)) for title, src in page.trail]
    return renderer.render("shared/trail.html", trail=trail, here=page.crumb or page.title, title=page.title) + page.body(renderer)


def extend_nav(nav: list, pages: list[GeneratedPage]) -> set[str]:
    """Append generated pages to every nav section (mkdocs.yml's `nav:`) that lists their
    section's index page; return the pages that joined the navigation."""
    additions: dict[str, list] = {}
    for page in pages:
        if page.nav_section:
            additions.setdefault(page.nav_section, []).append({page.title: page.src})
    joined: set[str] = set()
    _extend_sections(nav, additions, joined)
    return joined


def _extend_sections(nav: list, additions: dict[str, list], joined: set[str]) -> None:
    """``nav`` items are a page ("a.md"), a titled page ({"Title": "a.md"}) or a section."""
    pages = [item if isinstance(item, str) else next(iter(item.values())) for item in nav]
    for src in [src for src in pages if isinstance(src, str) and src in additions]:
        nav += additions[src]
        joined.update(next(iter(item.values())) for item in additions[src])
    for item in nav:
        for children in item.values() if isinstance(item, dict) else ():
            if isinstance(children, list):
                _extend_sections(children, additions, joined)


def front_matter(page: GeneratedPage) -> str:
    """The page's title, description and search weight as YAML front matter."""
    # JSON strings are valid YAML; the theme prints both values unescaped, so escape them.
    title = json.dumps(page.title)
    description = json.dumps(str(Markup.escape(page.description)))
    search = "exclude: true" if page.by_name else f"boost: {page.search_boost}"
    return f"---\ntitle: {title}\ndescription: {description}\nsearch:\n  {search}\n---\n"


_HEADING = re.compile(r'<h([2-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)


def headings(body: str) -> list[tuple[int, str, str]]:
    """(level, anchor, title as HTML) of each heading a template wrote, for a table of contents."""
    return [(int(level), anchor, title) for level, anchor, title in _HEADING.findall(body)]


def page_macros(catalogue: Catalogue, renderer: Renderer, docs_dir: Path) -> dict[str, Callable[..., Markup]]:
    """The macros a hand-written page may call; each takes the calling page's path first.

    Every template gets one ``page``; the list of sources gets ``sources`` (a partial)."""

    def render(template: str, page: object) -> Markup:
        return renderer.render(template, page=page)

    return {
        "method_overview": lambda here: render("handbook/overview.html", overview.overview(catalogue, here)),
        "comparison_table": lambda here: render("handbook/comparison.html", handbook.comparison(catalogue)),
        "glossary": lambda here: render("handbook/glossary.html", handbook.glossary(catalogue)),
        "bibliography": lambda here: render(
            "handbook/bibliography.html", handbook.bibliography(catalogue, here, page_citations(docs_dir))
        ),
        "sources": lambda here, *refs: renderer.render("shared/sources.html", sources=handbook.cited(catalogue, refs)),
        "role_deck": lambda here: render("print/cards.html", cards.deck_page(catalogue)),
        "checklist_index": lambda here: render("handbook/checklist_index.html", handbook.checklists(catalogue, here)),
        "print_index": lambda here: render("handbook/print_index.html", handbook.print_index(catalogue, here)),
        "series_planner": lambda here: render("print/planner.html", planner.planner_page(catalogue)),
        "learning_path": lambda here: render("training/learning_path.html", training.learning_path(catalogue, here)),
        "trainer_overview": lambda here: render("training/trainer_overview.html", training.learning_path(catalogue, here)),
        "trainee_overview": lambda here: render("training/trainee_overview.html", training.learning_path(catalogue, here)),
        "self_assessment": lambda here: render("training/self_assessment.html", training.self_assessment(catalogue)),
        "practice_cases": lambda here: render("training/cases.html", training.practice_cases(catalogue, here)),
        "series_plan": lambda here: render("training/series_plan.html", training.series_plan(catalogue, here)),
    }


@dataclass(frozen=True)
class ErrorPage:
    """While the data is broken, every page of the dev server shows its problems."""

    problems: list[Problem]


def error_page(problems: list[Problem], renderer: Renderer) -> str:
    return str(renderer.render("shared/error_page.html", page=ErrorPage(problems)))
