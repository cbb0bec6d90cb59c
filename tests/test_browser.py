"""The handbook in real Chromium: search, and no request to any third party."""

from __future__ import annotations

import pytest

from macros.catalogue import load_catalogue

from .conftest import ROOT

pytestmark = pytest.mark.browser
CATALOGUE = load_catalogue(ROOT / "methods", ROOT)


def search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__item > a article h1").all_inner_texts()


def test_search_box_finds_a_method_by_name(page, server):
    page.goto(server)
    method = CATALOGUE.methods["roddelmethode"]
    titles = search(page, "roddelmethode")
    assert titles[0] == method.name, "the method's own page ranks first"


def test_pages_load_without_script_errors(page, server):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for url in ("", "methoden/", "methoden/incidentmethode/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    assert errors == []
