"""Key terms for search: the words a page or section is *about*, derived from the data.

Material's search index gives its `tags` field a very high weight, so a page tagged
with a term ranks above pages that merely mention it: method names on their method
page, role names on their card in the role deck, checklist titles on their checklist,
glossary terms on the glossary, the compared forms on the comparison page.
"""

from __future__ import annotations

from .catalogue import Catalogue
from .method_page import METHODS_SECTION
from .pages import CHECKLISTS_SECTION

GLOSSARY_PAGE = "intervisie/begrippenlijst/"
COMPARISON_PAGE = "intervisie/vergelijking/"
ROLE_DECK_PAGE = "rollen/"


def key_terms(catalogue: Catalogue) -> dict[str, list[str]]:
    """Search index location -> the terms it is about."""
    terms: dict[str, list[str]] = {}
    for slug, method in catalogue.methods.items():
        terms[f"{METHODS_SECTION}/{slug}/"] = [method.name]
    for role_id, role in catalogue.roles.items():
        terms[f"{ROLE_DECK_PAGE}#rol-{role_id}"] = [role.name]
    for checklist_id, checklist in catalogue.checklists.items():
        terms[f"{CHECKLISTS_SECTION}/{checklist_id}/"] = [checklist.title]
    if catalogue.comparison:
        terms[COMPARISON_PAGE] = list(catalogue.comparison.forms.values())
    # A glossary term that names a page or section of its own belongs there.
    named = {term.lower() for values in terms.values() for term in values}
    glossary = sorted(term for term in catalogue.glossary if term.lower() not in named)
    if glossary:
        terms[GLOSSARY_PAGE] = glossary
    return terms


def tag_search_index(index: dict, catalogue: Catalogue) -> dict:
    """Add the key terms as `tags` to the matching documents of a Material search index."""
    terms = key_terms(catalogue)
    for doc in index["docs"]:
        if doc["location"] in terms:
            doc["tags"] = sorted(set(doc.get("tags", [])) | set(terms[doc["location"]]))
    return index
