"""Dutch search in real Chromium, through the site's own search box.

Every query must find its page among the first five results (recall 100%). The
figures (index size per page, time to first result) are printed with ``-s``.
"""

from __future__ import annotations

import json
import time

import pytest

pytestmark = pytest.mark.browser

# query -> the page (search index location, without section) it must find in the top five.
QUERIES = {
    # roles: singular, plural, parts of compounds
    "procesbegeleider": "rollen/",
    "procesbegeleiders": "rollen/",
    "begeleiders": "rollen/",
    "inbrengers": "rollen/",
    "vragenstellers": "rollen/",
    "tijdbewakers": "rollen/",
    "verslagleggers": "rollen/",
    "observatoren": "rollen/",
    # methods by name, stem, verb form or part
    "roddelen": "methoden/roddelmethode/",
    "roddelmethode": "methoden/roddelmethode/",
    "balint": "methoden/balintmethode/",
    "incidenten": "methoden/intervisiemethode-incidenten/",
    "incident": "methoden/incidentmethode/",
    "kernkwadrant": "methoden/kernkwadranten/",
    "kwaliteiten": "methoden/zevenstappenmodel-kwaliteiten/",
    "successen": "methoden/leren-van-successen/",
    "socratisch": "methoden/socratisch-gesprek/",
    "oplossingsgericht": "methoden/oplossingsgerichte-intervisie/",
    "fasen": "methoden/fasenmodel/",
    "stappen": "methoden/vijfstappenmethode/",
    # checklists and forms
    "reflectieverslagen": "checklists/reflectieverslag/",
    "verslag": "checklists/reflectieverslag/",
    "voorgesprek": "checklists/voorgesprek/",
    "intervisiecontract": "checklists/startbijeenkomst/",
    "spelregels": "checklists/startbijeenkomst/",
    "eindevaluatie": "checklists/eindevaluatie/",
    "rolkaarten roddelmethode": "methoden/roddelmethode/rolkaarten/",
    "printen": "printen/",
    # handbook
    "supervisie": "intervisie/vergelijking/",
    "coaching": "intervisie/vergelijking/",
    "mentoring": "intervisie/vergelijking/",
    "zzp": "intervisie/zzp/",
    "begrippen": "intervisie/begrippenlijst/",
    "organisatie": "intervisie/organisatie/",
}


def top_pages(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return document.querySelector('input.md-search__input').value === q && m && /\\d|Geen/.test(m.textContent) }",
        arg=query,
        timeout=10_000,
    )
    page.wait_for_timeout(150)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > li > a", "links => links.map(a => new URL(a.href).pathname)"
    )
    return list(dict.fromkeys(href.lstrip("/") for href in hrefs))[:5]


def test_dutch_queries_find_their_page(page, server, site):
    started = time.monotonic()
    page.goto(server)
    first = top_pages(page, "intervisie")
    first_result = time.monotonic() - started
    assert first, "search gives no result at all"
    misses = {}
    for query, expected in QUERIES.items():
        found = top_pages(page, query)
        if expected not in found:
            misses[query] = found
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text())["docs"] if "#" not in doc["location"])
    recall = 1 - len(misses) / len(QUERIES)
    print(
        f"\nsearch: {len(QUERIES)} queries, recall@5 {recall:.0%}; index {index.stat().st_size / 1024:.0f} KB "
        f"for {pages} pages ({index.stat().st_size / pages / 1024:.1f} KB/page); first result after {first_result:.2f} s"
    )
    assert misses == {}, f"queries that miss their page in the top five: {misses}"


def test_typed_word_is_not_shown_as_missing(page, server):
    page.goto(server)
    top_pages(page, "begeleiders")
    first = page.locator(".md-search-result__list > li").first
    assert first.locator("del").count() == 0


def test_method_name_ranks_its_page_first(page, server):
    page.goto(server)
    assert top_pages(page, "balintmethode")[0] == "methoden/balintmethode/"
    assert top_pages(page, "vragensteller")[0] == "rollen/"
