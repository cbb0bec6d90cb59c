"""The real handbook, built by the real build, checked in its HTML against its data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from intervisiewijzer.views.handbook import first_sentence

from .conftest import ROOT

pytestmark = pytest.mark.build


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text().replace("¶", "").split())


def clock(minutes: int) -> str:
    return "%d:%02d" % divmod(minutes, 60)


@pytest.mark.handbook
def test_the_handbook_has_40_methods_or_more(catalogue):
    assert len(catalogue.methods) >= 40
    assert {"incidentmethode", "balintmethode", "roddelmethode"} <= set(catalogue.methods)


def test_every_method_page_shows_what_it_is_for_how_long_and_every_step(site, catalogue):
    for slug, method in catalogue.methods.items():
        page = soup(site, f"methoden/{slug}")
        assert page.h1.get_text(strip=True) == method.name
        facts = text_of(page.select_one("aside.iw-facts"))
        assert facts.startswith("Doel") and f"{method.total_minutes} minuten, {len(method.steps)} stappen" in facts
        steps = page.select("ol.iw-steps > li.iw-step")
        assert [text_of(s.h3) for s in steps] == [f"{n}. {s.title}" for n, s in enumerate(method.steps, 1)]
        start = 0
        for block, step in zip(steps, method.steps):
            assert text_of(block.select_one(".iw-step__time")) == f"{step.minutes} min · {clock(start)}–{clock(start + step.minutes)}"
            assert text_of(block.select_one(".iw-step__what")) == " ".join(step.description.split())
            tasks = [text_of(dd) for dd in block.select(".iw-step__roles dd")]
            assert tasks == [" ".join(t.split()) for t in step.roles.values()]
            start += step.minutes
        columns = page.select_one("ol.iw-timebar__steps")["style"]
        assert [int(fr) for fr in re.findall(r"(\d+)fr", columns)] == [step.minutes for step in method.steps], "to scale"
        segments = page.select(".iw-timebar__step a")
        assert [a["href"] for a in segments] == [f"#stap-{n}" for n in range(1, len(method.steps) + 1)]
        assert [text_of(a.select_one("[data-step-minutes]")) for a in segments] == [f"{s.minutes} min" for s in method.steps]
        sources = text_of(page.select_one("ul.iw-sources"))
        for citation in method.sources:
            source = catalogue.sources[citation.ref]
            assert source.author in sources and source.title in sources
        roles = [dt.get_text() for dt in page.select("dl.iw-roles dt")]
        assert roles == [role.name for _, role in catalogue.roles_of(method)]
        assert page.find("meta", attrs={"name": "description"})["content"].strip()


def test_judgements_and_guidelines_are_marked_as_ours_once(site, catalogue):
    for slug, method in catalogue.methods.items():
        box = soup(site, f"methoden/{slug}").select_one("aside.iw-facts")
        facts = {text_of(dt): dd.select_one(".iw-ours") is not None for dt, dd in zip(box.select("dt"), box.select("dd"))}
        assert facts["Wie leidt"] and facts["Ervaring"], slug
        assert facts["Tijd"] == ("minutes" in method.guideline), slug
        assert facts["Groep"] == bool({"group_size", "group_min", "group_max"} & set(method.guideline)), slug
        assert not facts["Doel"] and not facts["Soort gesprek"], slug
        # Said once, under the box, not on each line.
        note = text_of(box.select_one(".iw-facts__note"))
        assert note.startswith("Met * gemarkeerd") and box.get_text().count("Intervisiewijzer") == 1, slug


def test_related_and_confusable_methods_are_links_that_resolve(site, catalogue):
    for slug, method in catalogue.methods.items():
        page = soup(site, f"methoden/{slug}")
        confusable = [d.method for d in method.differs_from]
        # A method under "niet te verwarren met" is linked there once, not again as related.
        for heading_id, expected in (
            ("verwante-methoden", [other for other in method.related if other not in confusable]),
            ("niet-te-verwarren-met", confusable),
        ):
            heading = page.find("h2", id=heading_id)
            if not expected:
                assert heading is None
                continue
            links = heading.find_next("ul").find_all("a")
            assert [a.get_text() for a in links] == [catalogue.methods[o].name for o in expected]
            for a in links:
                assert (site / "methoden" / slug / a["href"] / "index.html").resolve().exists()


def test_the_catalogue_has_a_card_per_method_with_what_a_reader_picks_from(site, catalogue):
    cards = soup(site, "methoden").select("article ul.iw-catalogue > li.iw-card")
    assert [text_of(card.h2) for card in cards] == [m.name for m in catalogue.methods.values()]
    for card, method in zip(cards, catalogue.methods.values()):
        assert text_of(card.select_one(".iw-card__line")) == first_sentence(method.goal)
        facts = {text_of(dt): text_of(dd) for dt, dd in zip(card.select("dt"), card.select("dd"))}
        assert facts["Tijd"].startswith(f"{method.total_minutes} min"), method.name
        assert f"korter kan: {card['data-shortest']} min" in facts["Tijd"] or card["data-shortest"] == str(method.total_minutes)
        assert facts["Groep"] and facts["Wie leidt"] and facts["Ervaring"]
        assert card["data-kinds"].split() == list(method.question_kinds)
        assert len(card.select(".iw-card__bar span")) == len(method.steps)
        badge = card.select_one(".iw-card__badge")
        assert (badge is not None) == (method.conversation != "intervisie"), method.name
        if badge:
            assert text_of(badge) == "Moreel beraad"


def test_every_method_has_role_cards_and_a_draaiboek(site, catalogue):
    for slug, method in catalogue.methods.items():
        # The page's hands: each role's card once, the roles of the method first.
        template = soup(site, f"methoden/{slug}/rolkaarten").find("template")
        hands = {hand["data-hand"]: hand.find_all("article") for hand in template.find_all(attrs={"data-hand": True})}
        used = [role_id for role_id, _ in catalogue.roles_of(method)]
        assert list(hands)[: len(used)] == used
        for role_id, role in catalogue.roles_of(method):
            listed = [int(li["value"]) for card in hands[role_id] for li in card.find("ol").find_all("li")]
            acts = [n for n, s in enumerate(method.steps, start=1) if role_id in s.roles]
            assert listed == sorted(listed) and set(acts) <= set(listed), f"{slug}: {role.name} misses a step it acts in"
        script = soup(site, f"methoden/{slug}/draaiboek")
        assert len(script.select(".iw-script__step:not(.iw-script__end)")) == len(method.steps)
        links = [a["href"] for a in soup(site, f"methoden/{slug}").select("article a")]
        assert "rolkaarten/" in links and "draaiboek/" in links


def test_glossary_terms_are_marked_once_and_not_in_headings(site, catalogue):
    for url in ("methoden/balintmethode", "intervisie", "intervisie/organisatie"):
        article = soup(site, url).select_one("article")
        marked = [abbr.get_text().lower() for abbr in article.select("abbr")]
        assert marked, url
        terms = {term.lower() for term in catalogue.glossary}
        assert all(any(m.startswith(t) for t in terms) for m in marked), url
        assert len(marked) == len(set(marked)), f"{url}: a term is marked more than once"
        assert not article.select(":is(h1, h2, h3, h4) abbr"), f"{url}: a term is marked in a heading"


def test_search_index_holds_every_method_name(site, catalogue):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    assert {m.name for m in catalogue.methods.values()} <= titles


def test_interface_is_dutch_and_asks_no_third_party(site):
    page = soup(site, "methoden/incidentmethode")
    assert page.html["lang"] == "nl"
    html = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert not re.search(r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr|unpkg\.com|cdnjs", html)


def test_pages_do_not_grow_with_the_catalogue(site, catalogue):
    """No page's navigation lists the methods: the overview at methoden/ does that."""
    for url in ("", "methoden/balintmethode", "intervisie"):
        nav = soup(site, url).select_one("nav.md-nav--primary")
        links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in nav.select("a[href]")}
        assert not links & set(catalogue.methods), url


def test_schema_files_are_up_to_date(catalogue):
    from intervisiewijzer.data.schema import SCHEMAS, render

    for name, model in SCHEMAS.items():
        committed = (ROOT / "methods" / "_schema" / name).read_text(encoding="utf-8")
        assert committed == render(model, catalogue), f"run `make schema`: {name} is stale"


@pytest.mark.parametrize("path", sorted((ROOT / "methods").glob("*.yml")), ids=lambda p: p.name)
def test_every_data_file_points_editors_at_its_schema(path):
    schema = f"{path.stem[1:]}.schema.json" if path.name.startswith("_") else "method.schema.json"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=_schema/{schema}"


def test_print_page_lists_everything_printable(site, catalogue):
    links = {a["href"] for a in soup(site, "printen").select("article a")}
    for slug in catalogue.methods:
        assert f"../methoden/{slug}/rolkaarten/" in links and f"../methoden/{slug}/draaiboek/" in links
    for checklist_id in catalogue.checklists:
        assert f"../checklists/{checklist_id}/" in links
    assert "../rollen/" in links


def test_the_bibliography_lists_every_source_with_where_it_is_used(site, catalogue):
    page = soup(site, "intervisie/bronnen")
    entries = {dt["id"]: dt for dt in page.select("dl.iw-bibliography dt")}
    assert set(entries) == {f"bron-{ref}" for ref in catalogue.sources}
    for slug, method in catalogue.methods.items():
        for citation in method.sources:
            used = entries[f"bron-{citation.ref}"].find_next("dd")
            assert method.name in [a.get_text() for a in used.select("a")]


def test_generated_pages_show_where_they_belong(site, catalogue):
    for url, trail in (
        ("methoden/balintmethode", ["Methoden"]),
        ("methoden/balintmethode/rolkaarten", ["Methoden", "Balintmethode"]),
        ("methoden/balintmethode/draaiboek", ["Methoden", "Balintmethode"]),
        ("methoden/balintmethode/klok", ["Methoden", "Balintmethode"]),
    ):
        page = soup(site, url)
        links = page.select("nav.iw-trail a")
        assert [a.get_text() for a in links] == trail, url
        assert (site / url / links[0]["href"] / "index.html").resolve() == (site / "methoden" / "index.html").resolve()
        active = page.select("nav.md-nav--primary li.md-nav__item--active > a")
        assert [a.get_text(strip=True) for a in active] == ["Methoden"], f"{url}: the Methoden section is highlighted"


def test_no_menu_item_repeats_its_section(site):
    nav = soup(site, "").select_one("nav.md-nav--primary")
    for section in nav.select("li.md-nav__item--nested"):
        title = section.select_one(":scope > label, :scope > .md-nav__link").get_text(strip=True)
        children = [a.get_text(strip=True) for a in section.select(":scope > nav > ul > li > a")]
        assert title not in children, f"{title} is repeated under itself"
    top = [a.get_text(strip=True) for a in nav.select(":scope > ul > li > a, :scope > ul > li > label")]
    assert "Rollen" in top, "the roles are findable outside the print section"
