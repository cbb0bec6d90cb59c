"""Search post-processing for Material's lunr search, after the build.

- Field weights: a match in a title or heading weighs more than one in running text, and
  a key term more still, but not so much that one word of a question decides the ranking
  (Material's own weights are 1,000 and 1,000,000 to 1).
- Key terms: the words a page or section is *about*, derived from the data.
- The glossary page becomes one entry per term, with its definition as its text, so that
  a term is found as its own result and not as a wall of all definitions.
- The Dutch search in overrides/assets/javascripts/lunr/ is chained onto the worker's
  Dutch stemmer, with the word families it uses to let a reader's word meet the
  handbook's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import escape

from ..data import Catalogue
from ..views import addresses, handbook
from .project import log

FIELDS = {"title": {"boost": 8.0}, "text": {"boost": 1.0}, "tags": {"boost": 8.0}}

# Words readers type for what the handbook says otherwise; each list is one family. The
# glossary names more ("een ander woord voor"): see glossary_families.
FAMILIES = [
    ["supervisie", "supervisor", "supervisant"],
    ["kosten", "kost", "prijs", "betalen", "goedkoop"],
    ["beginnen", "starten", "opzetten", "oprichten", "opstarten"],
    ["deelnemers", "leden", "lid", "mensen", "personen", "groepsgrootte"],
    ["leidinggevende", "manager", "baas"],
    ["registratie", "accreditatie", "herregistratie"],
    ["online", "video", "videobellen", "digitaal"],
    ["vertrouwelijkheid", "geheimhouding", "geheim"],
    ["zzp", "zelfstandige", "freelancer", "ondernemer"],
    ["opleiding", "training", "cursus"],
    ["planner", "rooster", "schema"],
]
# A definition answers "wat is ..." as directly as a method page answers its name.
GLOSSARY_BOOST = 2.0
_SAME_AS = re.compile(r"^Een ander(?:e)? (?:woord|naam) voor (\w+)\.", re.IGNORECASE)

# Material's search worker imports lunr.<lang>.min.js; the URL is relative to the worker.
SEARCH_EXTENSION = 'importScripts("../lunr/intervisiewijzer.nl.js");'


def key_terms(catalogue: Catalogue) -> dict[str, list[str]]:
    """Search index location -> the terms it is about."""
    terms: dict[str, list[str]] = {}
    for slug, method in catalogue.methods.items():
        terms[addresses.address(addresses.method(slug))] = [method.name]
    for role_id, role in catalogue.roles.items():
        terms[addresses.address(addresses.ROLE_DECK, f"rol-{role_id}")] = [role.name]
    for checklist_id, checklist in catalogue.checklists.items():
        terms[addresses.address(addresses.checklist(checklist_id))] = [checklist.title]
    if catalogue.comparison:
        terms[addresses.address(addresses.COMPARISON)] = list(catalogue.comparison.forms.values())
    return terms


def glossary_families(catalogue: Catalogue) -> list[list[str]]:
    """A one-word term whose definition says it is another word for X: [term, X]."""
    families = []
    for term, definition in catalogue.glossary.items():
        same = _SAME_AS.match(" ".join(definition.split()))
        if same and " " not in term:
            families.append([term, same.group(1)])
    return families


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


def finish_search_index(site: Path, catalogue: Catalogue) -> None:
    """Weigh, tag and split the search index, and chain the Dutch search into the worker."""
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["config"]["fields"] = FIELDS
    terms = key_terms(catalogue)
    glossary = addresses.address(addresses.GLOSSARY)
    docs = []
    for doc in index["docs"]:
        if doc["location"] in terms:
            doc["tags"] = sorted(set(doc.get("tags", [])) | set(terms[doc["location"]]))
            if "#" in doc["location"]:  # a role's card answers its name as directly as a definition
                doc.setdefault("boost", GLOSSARY_BOOST)
        docs.append(doc)
        if doc["location"] == glossary and catalogue.glossary:
            docs += glossary_entries(doc, catalogue)
    index["docs"] = docs
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stemmer = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
    if not stemmer.exists():
        log.info("De zoekfunctie is niet Nederlands (search: lang: nl): de Nederlandse woordfamilies blijven uit")
        return
    families = json.dumps(FAMILIES + glossary_families(catalogue), ensure_ascii=False)
    with stemmer.open("a", encoding="utf-8") as out:
        out.write(f"\n{SEARCH_EXTENSION}\nlunr.intervisiewijzer.useFamilies({families});\n")
