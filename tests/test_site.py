"""The real handbook, built by the real mkdocs build, checked in its HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.catalogue import load_catalogue
from macros.markup import clock

from .conftest import ROOT

pytestmark = pytest.mark.build
CATALOGUE = load_catalogue(ROOT / "methods", ROOT)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_at_least_three_methods():
    assert {"incidentmethode", "balintmethode", "roddelmethode"} <= set(CATALOGUE.methods)


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_every_method_file_has_its_page_with_every_step(site, slug):
    method = CATALOGUE.methods[slug]
    page = soup(site, f"methoden/{slug}")
    assert page.h1.get_text(strip=True) == method.name
    rows = page.select(".iw-steps table tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == [step.title for step in method.steps]
    assert [int(row.select("td")[1].get_text()) for row in rows] == [step.minutes for step in method.steps]
    # Clock times are derived: each step starts where the one before ended.
    elapsed = 0
    for row, step in zip(rows, method.steps):
        assert row.select("td")[2].get_text() == clock(elapsed)
        elapsed += step.minutes
    assert page.select_one(".iw-steps table tfoot").get_text(" ", strip=True) == f"Totaal {elapsed} {clock(elapsed)}"
    facts = page.select_one("aside.iw-facts").get_text(" ", strip=True)
    assert f"{method.total_minutes} minuten" in facts
    sources = page.select_one("ul.iw-sources").get_text()
    for citation in method.sources:
        source = CATALOGUE.sources[citation.ref]
        assert source.author in sources and source.title in sources
    roles = [dt.get_text() for dt in page.select("dl.iw-roles dt")]
    assert roles == [role.name for _, role in CATALOGUE.roles_of(method)]
    description = page.find("meta", attrs={"name": "description"})
    assert description and description["content"].strip()


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_related_methods_are_links_that_resolve(site, slug):
    method = CATALOGUE.methods[slug]
    page_dir = site / "methoden" / slug
    heading = soup(site, f"methoden/{slug}").find("h2", id="verwante-methoden")
    if not method.related:
        assert heading is None
        return
    links = heading.find_next("ul").find_all("a")
    assert [a.get_text() for a in links] == [CATALOGUE.methods[o].name for o in method.related]
    for a in links:
        assert (page_dir / a["href"] / "index.html").resolve().exists()


def test_overview_lists_every_method_with_key_facts(site):
    page = soup(site, "methoden")
    rows = page.select("article table tbody tr")
    names = [row.a.get_text() for row in rows]
    assert names == [m.name for m in CATALOGUE.methods.values()]
    for row, method in zip(rows, CATALOGUE.methods.values()):
        shortest = row.select_one(".iw-chooser__shortest").extract()
        assert row.select("td")[1].get_text().strip() == f"{method.total_minutes} min"
        assert shortest.get_text() == f"kan ook in {row['data-shortest']} min"


def test_search_index_holds_every_method_name(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    assert {m.name for m in CATALOGUE.methods.values()} <= titles
    assert index["config"]["lang"] == ["nl"]


def test_interface_is_dutch_and_asks_no_third_party(site):
    page = soup(site, "methoden/incidentmethode")
    assert page.html["lang"] == "nl"
    html = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert not re.search(r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr|unpkg\.com|cdnjs", html)
    external = {
        tag.get("src") or tag.get("href")
        for tag in BeautifulSoup(html, "html.parser").select("script[src], link[rel=stylesheet], img[src]")
    }
    assert not [url for url in external if re.match(r"(https?:)?//", url)]


def test_pages_do_not_grow_with_the_catalogue(site):
    """No page's navigation lists the methods: the overview at methoden/ does that."""
    for url in ("", "methoden/balintmethode", "intervisie"):
        nav = soup(site, url).select_one("nav.md-nav--primary")
        links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in nav.select("a[href]")}
        assert not links & set(CATALOGUE.methods), url


def test_schema_files_are_up_to_date():
    from macros.schema import SCHEMA_DIR, SCHEMAS, render

    for name, model in SCHEMAS.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == render(model), f"run `make schema`: {name} is stale"


@pytest.mark.parametrize("path", sorted((ROOT / "methods").glob("*.yml")), ids=lambda p: p.name)
def test_every_data_file_points_editors_at_its_schema(path):
    schema = f"{path.stem[1:]}.schema.json" if path.name.startswith("_") else "method.schema.json"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=_schema/{schema}"


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_every_method_has_role_cards_and_a_draaiboek(site, slug):
    method = CATALOGUE.methods[slug]
    cards = soup(site, f"methoden/{slug}/rolkaarten").select(".role-card")
    assert [c.select_one(".role-card__role").get_text() for c in cards] == [r.name for _, r in CATALOGUE.roles_of(method)]
    for card, (role_id, role) in zip(cards, CATALOGUE.roles_of(method)):
        assert method.name in card.select_one(".role-card__footer").get_text()
        steps = [step for step in method.steps if role_id in step.roles]
        assert [li.strong.get_text() for li in card.select(".role-card__steps li")] == [s.title for s in steps]
    script = soup(site, f"methoden/{slug}/draaiboek")
    assert len(script.select(".iw-script tbody:not(.iw-script-end) tr")) == len(method.steps)
    page_links = [a["href"] for a in soup(site, f"methoden/{slug}").select("article a")]
    assert "rolkaarten/" in page_links and "draaiboek/" in page_links


def test_print_page_lists_everything_printable(site):
    links = {a["href"] for a in soup(site, "printen").select("article a")}
    for slug in CATALOGUE.methods:
        assert f"../methoden/{slug}/rolkaarten/" in links and f"../methoden/{slug}/draaiboek/" in links
    for checklist_id in CATALOGUE.checklists:
        assert f"../checklists/{checklist_id}/" in links
    assert "../rollen/" in links
