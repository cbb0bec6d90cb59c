"""Search post-processing for Material's lunr search, after the build.

- Field weights: a match in a title or heading weighs more than one in running text, and
  a key term as much, but not so much that one word of a question decides the ranking
  (Material's own weights are 1,000 and 1,000,000 to 1).
- Key terms: the words a page or section is *about*, derived from the data, in a field of
  their own that search results do not show.
- The glossary page becomes one entry per term, with its definition as its text, so that
  a term is found as its own result and not as a wall of all definitions.
- Lists of publications (the bibliography, the sources under a page) weigh little.
- The Dutch search in macros/theme/assets/javascripts/lunr/ is chained onto the worker's
  Dutch stemmer, with what it takes from the data: the handbook's words for a reader's
  word (methods/_zoekwoorden.yml), the pages every method has, the lists of publications,
  and the pages to go on from when nothing is found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..data import Catalogue
from ..pages import GeneratedPage
from ..views import addresses, handbook
from .project import log

# Key terms are in a field of their own, which Material indexes but does not show.
FIELDS = {"title": {"boost": 8.0}, "text": {"boost": 1.0}, "tags": {"boost": 8.0}, "keys": {"boost": 8.0}}
# Words end at punctuation too, so that "deelnemers." and "intervisie/" in an address are
# not words of their own (a full stop inside a number, "2.000", stays), and where a capital
# starts a word glued to the one before ("Hand-outFormulieren" in a table's text).
SEPARATOR = r"[\s\-,:;!?()\[\]\"/]+|\.(?!\d)|(?!\b)(?=[A-Z][a-z])"

# A definition answers "wat is ...", but a page about the subject answers more.
GLOSSARY_BOOST = 0.5
# A role's card answers its name as directly as a method page answers its own.
ROLE_BOOST = 2.0
# A list of publications (the bibliography, a page's sources) holds the words of many
# questions in its titles and notes, and answers none of them.
SOURCES_BOOST = 0.1
SOURCES_ANCHORS = ("bron", "bronnen")  # the headings above a page's sources

# Where a reader goes on when the search finds nothing; a page a handbook lacks is left out.
FALLBACK = ("intervisie/veelgestelde-vragen.md", addresses.GLOSSARY, addresses.METHOD_OVERVIEW)
# The pages every method has, with the page that lists them all; for the method pages
# themselves, their sections are of one kind (each method's "Wanneer past deze methode?").
KINDS = (
    (addresses.role_cards, addresses.ROLE_DECK, False),
    (addresses.draaiboek, addresses.PRINT_INDEX, False),
    (addresses.timer, addresses.PRINT_INDEX, False),
    (addresses.method, addresses.METHOD_OVERVIEW, True),
)

# Material's search worker imports lunr.<lang>.min.js; the URL is relative to the worker.
SEARCH_EXTENSION = 'importScripts("../lunr/intervisiewijzer.nl.js");'


def key_terms(catalogue: Catalogue) -> dict[str, list[str]]:
    """Search index location -> the terms it is about."""
    terms: dict[str, list[str]] = {}
    for slug, method in catalogue.methods.items():
        terms[addresses.address(addresses.method(slug))] = [method.name]
    for role_id, role in catalogue.roles.items():
        # The role's card on the deck answers for the card of that role in every method.
        terms[addresses.address(addresses.ROLE_DECK, f"rol-{role_id}")] = [role.name, f"Rolkaart {role.name}"]
    for checklist_id, checklist in catalogue.checklists.items():
        terms[addresses.address(addresses.checklist(checklist_id))] = [checklist.title]
    if catalogue.comparison:
        terms[addresses.address(addresses.COMPARISON)] = list(catalogue.comparison.forms.values())
    return terms


def glossary_entries(page: dict, catalogue: Catalogue) -> list[dict]:
    """Cut the glossary page's entry to its introduction; one entry per term."""
    intro = re.match(r"(?:\s*<p>.*?</p>)+", page["text"])
    page["text"] = intro.group(0).strip() if intro else ""
    return [
        {
            "location": f"{page['location']}#{anchor}",
            "title": term,
            "text": f"<p>{escape(' '.join(definition.split()))}</p>",
            "boost": GLOSSARY_BOOST,
        }
        for anchor, term, definition in ((t.anchor, t.term, t.definition) for t in handbook.glossary(catalogue).terms)
    ]


def is_sources(location: str, bibliography: str) -> bool:
    """A list of publications: the bibliography, or the sources section of a page."""
    path, _, anchor = location.partition("#")
    return path == bibliography or anchor in SOURCES_ANCHORS


def worker_settings(catalogue: Catalogue, sources: list[str]) -> dict:
    """What the Dutch search in the worker takes from the data: the handbook's words for a
    reader's word, the pages every method has (as one result), the lists of publications,
    the pages to go on from."""
    return {
        "words": catalogue.search_words,
        "sources": sources,
        "kinds": [
            {
                "pages": [addresses.address(page(slug)) for slug in catalogue.methods],
                "overview": addresses.address(overview),
                "sections": sections,
            }
            for page, overview, sections in KINDS
        ],
        "fallback": [addresses.address(src) for src in FALLBACK],
    }


def search_plugin(config: Any) -> Any | None:
    """The site's search plugin, whether mkdocs.yml names it "search" or "material/search"."""
    return next((plugin for name, plugin in config.plugins.items() if name.split("/")[-1] == "search"), None)


def by_name(pages: list[GeneratedPage]) -> list[dict]:
    """An entry for each page that is found by its title and description only."""
    return [
        {"location": addresses.address(page.src), "title": page.title, "text": f"<p>{escape(page.description)}</p>"}
        for page in pages
        if page.by_name
    ]


def finish_search_index(site: Path, catalogue: Catalogue, pages: list[GeneratedPage]) -> None:
    """Weigh, tag and split the search index, add the pages found by name, and chain the
    Dutch search into the worker."""
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["config"]["fields"] = FIELDS
    index["config"]["separator"] = SEPARATOR
    terms = key_terms(catalogue)
    glossary = addresses.address(addresses.GLOSSARY)
    bibliography = addresses.address(addresses.BIBLIOGRAPHY)
    docs, sources = [], []
    for doc in index["docs"]:
        if doc["location"] in terms:
            doc["keys"] = terms[doc["location"]]
            if "#" in doc["location"]:
                doc.setdefault("boost", ROLE_BOOST)
        if is_sources(doc["location"], bibliography):
            doc["boost"] = doc.get("boost", 1.0) * SOURCES_BOOST
            sources.append(doc["location"])
        docs.append(doc)
        if doc["location"] == glossary and catalogue.glossary:
            docs += glossary_entries(doc, catalogue)
    index["docs"] = docs + by_name(pages)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stemmer = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
    if not stemmer.exists():
        log.info("De zoekfunctie is niet Nederlands (search: lang: nl): de Nederlandse zoekwoorden blijven uit")
        return
    settings = json.dumps(worker_settings(catalogue, sources), ensure_ascii=False)
    with stemmer.open("a", encoding="utf-8") as out:
        out.write(f"\n{SEARCH_EXTENSION}\nlunr.intervisiewijzer.configure({settings});\n")
