"""Search post-processing for Material's lunr search, after the build.

Key terms for search: the words a page or section is *about*, derived from the data.
Material's search index gives its `tags` field a very high weight, so a page tagged with
a term ranks above pages that merely mention it. And the Dutch query expansion in
overrides/assets/javascripts/lunr/ is chained onto the worker's Dutch stemmer.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import Abort

from macros.data import Catalogue
from macros.views import addresses

# Material's search worker imports lunr.<lang>.min.js; the URL is relative to the worker.
SEARCH_EXTENSION = 'importScripts("../lunr/intervisiewijzer.nl.js");'


def key_terms(catalogue: Catalogue) -> dict[str, list[str]]:
    """Search index location -> the terms it is about."""
    terms: dict[str, list[str]] = {}
    for slug, method in catalogue.methods.items():
        terms[addresses.search_location(addresses.method(slug))] = [method.name]
    for role_id, role in catalogue.roles.items():
        terms[addresses.search_location(addresses.ROLE_DECK, f"rol-{role_id}")] = [role.name]
    for checklist_id, checklist in catalogue.checklists.items():
        terms[addresses.search_location(addresses.checklist(checklist_id))] = [checklist.title]
    if catalogue.comparison:
        terms[addresses.search_location(addresses.COMPARISON)] = list(catalogue.comparison.forms.values())
    # A glossary term that names a page or section of its own belongs there.
    named = {term.lower() for values in terms.values() for term in values}
    glossary = sorted(term for term in catalogue.glossary if term.lower() not in named)
    if glossary:
        terms[addresses.search_location(addresses.GLOSSARY)] = glossary
    return terms


def finish_search_index(site: Path, catalogue: Catalogue) -> None:
    """Tag the search index with the key terms and chain the Dutch query expansion."""
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    terms = key_terms(catalogue)
    for doc in index["docs"]:
        if doc["location"] in terms:
            doc["tags"] = sorted(set(doc.get("tags", [])) | set(terms[doc["location"]]))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stemmer = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
    if not stemmer.exists():
        raise Abort(f"{stemmer} is missing: is the search plugin set to lang: nl?")
    with stemmer.open("a", encoding="utf-8") as out:
        out.write(f"\n{SEARCH_EXTENSION}\n")
