"""Scenario mini-projects, built the way an organisation would build its own handbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.adapters.build import build

from .conftest import scenario

pytestmark = pytest.mark.build

HOSTILE = "Let op <script>alert('x')</script> en {{ 7*7 }} en {% if 1 %}ja{% endif %} en {: onclick=\"x\" } en </style>"


def pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_handbook_with_one_method_and_no_training_builds(tmp_path):
    out = tmp_path / "site"
    assert build(out, scenario("minimal", tmp_path))
    assert pages(out) == [
        ".", "methoden", "methoden/testmethode", "methoden/testmethode/draaiboek", "methoden/testmethode/klok",
        "methoden/testmethode/rolkaarten",
    ]
    page = soup(out, "methoden/testmethode")
    assert [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article .iw-step h3")] == [
        "1. Vraag inbrengen",
        "2. Vragen stellen",
    ]
    overview = soup(out, "methoden")
    assert [a.get_text() for a in overview.select("article table a")] == ["Testmethode"]


def test_an_organisation_restyles_the_fact_box_with_one_template(tmp_path):
    out = tmp_path / "site"
    assert build(out, scenario("override", tmp_path, base="minimal"))
    article = soup(out, "methoden/testmethode").select_one("article")
    box = article.select_one(".huisstijl-kenmerken")
    assert box is not None and article.select_one("aside.iw-facts") is None
    assert box.get_text(" ", strip=True) == "Zo lang duurt het: 15 minuten, 2 stappen. Zoveel mensen: 3 tot 6 personen."
    # The rest of the page is the handbook's own.
    assert len(article.select(".iw-step")) == 2


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    out = tmp / "site"
    assert build(out, scenario("hostile", tmp, base="minimal"))
    return out


@pytest.mark.parametrize(
    "url", ["methoden/vijandig", "methoden/vijandig/rolkaarten", "methoden/vijandig/draaiboek", "checklists/lijst"]
)
def test_data_text_shows_as_typed_and_never_runs(hostile, url):
    article = soup(hostile, url).select_one("article")
    assert article.select("script:not([type='application/json'])") == []
    assert article.select("b, style, [onclick]") == []
    text = " ".join(article.get_text(" ").split())
    assert HOSTILE in text
    assert "49" not in text, "a template expression in the data was evaluated"


def test_names_stay_text_in_titles_and_links(hostile):
    page = soup(hostile, "methoden/vijandig")
    assert page.h1.get_text() == "Vijandig [x](y) *z* & co"
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Let op <script>")
    assert [th.get_text(" ", strip=True).rstrip("¶").strip() for th in page.select(".iw-step h3")] == [
        "1. {{ 7*7 }}",
        "2. <b>Twee</b>",
    ]


def test_a_glossary_definition_is_text_too(hostile):
    abbr = soup(hostile, "methoden/vijandig").select("article abbr")
    assert len(abbr) == 1, "a term is marked once on a page"
    assert abbr[0].get_text() == "alert" and abbr[0]["title"] == HOSTILE
