"""Finding a method, in real Chromium, as a reader does it: the catalogue and its chooser on
a phone and a laptop, where a page belongs, and what a printed sheet says about where it
came from. What the chooser should show is worked out here from the data, not by our code."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .test_print import pdf_pages

pytestmark = pytest.mark.browser
LEVELS = ["geen", "enige", "ervaren"]
LEADERS = ["groepslid", "ervaren-begeleider", "intervisor"]


def step_minimum(minutes: int) -> int:
    """Half a step's time, rounded up, and at least two minutes (or its own time if less)."""
    return min(minutes, max(2, -(-minutes // 2)))


def shortest(method) -> int:
    return sum(step_minimum(s.minutes) for s in method.steps)


def fits(method, kind="", time=None, group=None, experience="", facilitator="", conversation="") -> bool:
    size = method.group_size
    return (
        (not kind or kind in method.question_kinds)
        and (time is None or shortest(method) <= time)
        and (group is None or size.min <= group <= (size.max or group))
        and (not experience or LEVELS.index(method.experience) <= LEVELS.index(experience))
        and (not facilitator or LEADERS.index(method.facilitator) <= LEADERS.index(facilitator))
        and (not conversation or method.conversation == conversation)
    )


def shown(page) -> list[str]:
    return page.locator(".iw-catalogue > .iw-card:visible .iw-card__name a").all_inner_texts()


def count_line(page) -> str:
    return page.locator("[data-chooser-count]").inner_text()


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_choosing_a_method_on_a_phone_shows_exactly_what_it_counts(phone, server, catalogue):
    every = [m.name for m in catalogue.methods.values()]
    phone.goto(f"{server}methoden/")
    assert shown(phone) == every and count_line(phone) == f"Je ziet alle {len(every)} methoden."
    phone.select_option("#kies-vraag", "relatie")
    phone.fill("#kies-tijd", "45")
    phone.fill("#kies-groep", "6")
    expected = [m.name for m in catalogue.methods.values() if fits(m, kind="relatie", time=45, group=6)]
    assert expected and shown(phone) == expected
    assert count_line(phone) == f"Je ziet {len(expected)} van de {len(every)} methoden."
    # Every card the reader sees is on the screen's width, and no hidden card takes room.
    boxes = phone.locator(".iw-catalogue > .iw-card:visible").evaluate_all("cards => cards.map(c => c.getBoundingClientRect().right)")
    assert len(boxes) == len(expected) and max(boxes) <= 390
    assert phone.locator(".iw-catalogue").evaluate("list => list.getBoundingClientRect().height") < 900 * len(expected)
    # The choice is in the address: a reload (or a link sent to a colleague) shows the same.
    assert phone.evaluate("location.search") == "?vraag=relatie&tijd=45&groep=6"
    phone.reload()
    assert shown(phone) == expected and phone.input_value("#kies-tijd") == "45"


def test_a_choice_with_no_match_shows_the_nearest_methods_and_what_to_relax(phone, server, catalogue):
    phone.goto(f"{server}methoden/?vraag=relatie&tijd=45&groep=6&ervaring=geen")
    assert not [m for m in catalogue.methods.values() if fits(m, kind="relatie", time=45, group=6, experience="geen")]
    assert shown(phone) == [] and count_line(phone) == f"Je ziet 0 van de {len(catalogue.methods)} methoden."
    assert phone.locator("[data-chooser-none]").is_visible()
    nearest = phone.locator("[data-chooser-nearest] li").all_inner_texts()
    assert 1 <= len(nearest) <= 3
    for line in nearest:
        name, advice = line.split(": past ", 1)
        method = next(m for m in catalogue.methods.values() if m.name == name)
        assert "relatie" in method.question_kinds, "the nearest keep the kind of question where they can"
        needs = []
        if shortest(method) > 45:
            needs.append(f"met {shortest(method) - 45} minuten meer")
        if method.group_size.min > 6:
            needs.append(f"vanaf {method.group_size.min} personen")
        if method.group_size.max and method.group_size.max < 6:
            needs.append(f"tot {method.group_size.max} personen")
        if method.experience != "geen":
            needs.append("als de groep meer ervaring heeft")
        for need in needs:
            assert need in advice, f"{name}: {advice}"
    first = phone.locator("[data-chooser-nearest] a").first
    name = first.inner_text()
    first.click()
    phone.wait_for_url(re.compile(r"/methoden/[a-z0-9-]+/$"))
    assert phone.locator("article h1").inner_text() == name


def test_moreel_beraad_can_be_left_out(page, server, catalogue):
    page.goto(f"{server}methoden/?gesprek=intervisie")
    assert shown(page) == [m.name for m in catalogue.methods.values() if m.conversation == "intervisie"]
    page.select_option("#kies-gesprek", "moreel-beraad")
    beraad = [m.name for m in catalogue.methods.values() if m.conversation == "moreel-beraad"]
    assert beraad and shown(page) == beraad
    assert page.locator(".iw-card:visible .iw-card__badge").all_inner_texts() == ["Moreel beraad"] * len(beraad)


def test_the_chooser_works_with_the_keyboard_and_without_javascript(page, browser, server, catalogue):
    page.goto(f"{server}methoden/?ervaring=geen")
    assert shown(page) == [m.name for m in catalogue.methods.values() if fits(m, experience="geen")]
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kies-vraag":
            break
    else:
        pytest.fail("the first filter cannot be reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("", "none")
    page.keyboard.press("ArrowDown")
    kind = page.input_value("#kies-vraag")
    assert shown(page) == [m.name for m in catalogue.methods.values() if fits(m, kind=kind, experience="geen")]
    page.get_by_role("button", name="Alles wissen").click()
    assert len(shown(page)) == len(catalogue.methods) and page.evaluate("location.search") == ""
    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    static.goto(f"{server}methoden/?vraag=relatie")
    assert not static.locator("form[data-chooser]").is_visible()
    assert shown(static) == [m.name for m in catalogue.methods.values()]
    context.close()


def test_filtering_a_thousand_methods_only_shows_and_hides_cards(page, server, site, catalogue):
    """The catalogue with 1,000 methods: cards are hidden, never rebuilt (timings: make bench)."""
    from intervisiewijzer.data import Catalogue
    from intervisiewijzer.rendering import Renderer
    from intervisiewijzer.views.overview import overview

    real = list(catalogue.methods.items())
    methods = {
        f"{slug}-{i}": method.model_copy(update={"name": f"{method.name} {i}"})
        for i, (slug, method) in ((i, real[i % len(real)]) for i in range(1000))
    }
    big = Catalogue(roles=catalogue.roles, methods=methods, sources=catalogue.sources, glossary={}, checklists={})
    html = BeautifulSoup((site / "methoden" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = html.select_one("article")
    article.clear()
    article.append(BeautifulSoup(str(Renderer().render("handbook/overview.html", page=overview(big))), "html.parser"))
    page.route(f"{server}groot/", lambda route: route.fulfill(body=str(html), content_type="text/html; charset=utf-8"))
    page.goto(f"{server}groot/")
    assert page.locator(".iw-card:visible").count() == 1000
    changes = page.evaluate(
        """() => {
            const form = document.querySelector('form[data-chooser]');
            const changes = [];
            const watcher = new MutationObserver(records => changes.push(...records));
            watcher.observe(document.querySelector('.iw-catalogue'), {attributes: true, childList: true, subtree: true, characterData: true});
            for (const [name, value] of [['vraag', 'handelen'], ['groep', '6'], ['vraag', ''], ['groep', ''], ['tijd', '60']]) {
                form.elements[name].value = value;
                form.elements[name].dispatchEvent(new Event('input', {bubbles: true}));
            }
            changes.push(...watcher.takeRecords());
            return changes.map(r => [r.type, r.attributeName, r.target.tagName]);
        }"""
    )
    assert page.locator(".iw-card:visible").count() == sum(fits(m, time=60) for m in methods.values())
    assert {tuple(change) for change in changes} == {("attributes", "hidden", "LI")}


# ---- Where a page belongs ----------------------------------------------------------------


def test_every_page_of_a_method_says_where_it_belongs(browser, server, catalogue):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    method = catalogue.methods["balintmethode"]
    for url, trail in (
        ("methoden/balintmethode/", ["Methoden", method.name]),
        ("methoden/balintmethode/rolkaarten/", ["Methoden", method.name, "Rolkaarten"]),
        ("methoden/balintmethode/draaiboek/", ["Methoden", method.name, "Draaiboek"]),
        ("methoden/balintmethode/klok/", ["Methoden", method.name, "Klok"]),
    ):
        page.goto(server + url)
        assert page.locator("nav.iw-trail li").all_inner_texts() == trail
        above = page.evaluate("() => document.querySelector('nav.iw-trail').getBoundingClientRect().bottom <= document.querySelector('article h1').getBoundingClientRect().top")
        assert above, f"{url}: the trail stands above the title"
        marked = page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link").evaluate_all(
            "links => links.filter(l => getComputedStyle(l).fontWeight >= 700).map(l => l.textContent.trim())"
        )
        assert marked == ["Methoden"], f"{url}: the sidebar marks {marked}"
    context.close()


# ---- Paper: a full address on every sheet, links and sources that lead somewhere ------


def test_a_printed_method_page_carries_full_addresses(page, server, catalogue):
    slug = "balintmethode"
    method = catalogue.methods[slug]
    page.goto(f"{server}methoden/{slug}/")
    text = " ".join(pdf_pages(page))
    assert f"{method.name} · Intervisiewijzer · {server}methoden/{slug}/ · CC BY-SA 4.0" in text
    for other in method.related:
        assert f"{catalogue.methods[other].name} ({server}methoden/{other}/)" in text
    for citation in method.sources:
        source = catalogue.sources[citation.ref]
        if source.url:
            assert "".join(source.url.split()) in "".join(text.split()), source.url
    tokens = text.split()
    for i, token in enumerate(tokens):  # an address may wrap at its slashes on paper
        if "methoden/" in token:
            before = token[: token.index("methoden/")].lstrip("(")
            assert "://" in before or (not before and "://" in tokens[i - 1]), f"a bare path on paper: {token}"
    # On screen, a publication on the web is a link.
    links = page.locator("ul.iw-sources a.iw-web").evaluate_all("links => links.map(a => a.href)")
    assert links == [catalogue.sources[c.ref].url for c in method.sources if catalogue.sources[c.ref].url]


def test_with_a_site_address_paper_names_the_site_not_the_local_copy(browser, tmp_path):
    from intervisiewijzer.adapters.build import build

    from .conftest import scenario, serve

    out = tmp_path / "site"
    assert build(out, scenario("minimal", tmp_path))  # its site_url is https://example.org/handboek/
    httpd = serve(out)
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_port}/methoden/testmethode/")
        text = " ".join(pdf_pages(page))
        assert "Testmethode · Minimaal handboek · https://example.org/handboek/methoden/testmethode/ · CC BY-SA 4.0" in text
        page.close()
    finally:
        httpd.shutdown()


# ---- The comparison ---------------------------------------------------------------------


def test_the_comparison_reads_at_every_width_and_compares_the_forms_chosen(browser, server, catalogue):
    forms = catalogue.comparison.forms
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}intervisie/vergelijking/")
    aspects = catalogue.comparison.aspects
    assert page.locator(".iw-compare h2").all_inner_texts() == [a.name + "¶" for a in aspects] or [
        t.rstrip("¶").strip() for t in page.locator(".iw-compare h2").all_inner_texts()
    ] == [a.name for a in aspects]
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    for selector in (".iw-compare__forms dd", ".iw-compare__sources", ".iw-compare__list li"):
        size = page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")
        assert size >= 0.85 * body, f"{selector}: {size} px next to {body} px"
    for box in page.locator(".iw-compare-choice input").all():
        if box.get_attribute("value") not in ("intervisie", "supervisie"):
            box.uncheck()
    assert page.evaluate("location.search") == "?vormen=intervisie%2Csupervisie"
    first = page.locator(".iw-compare").first
    assert first.locator("[data-form]:visible dt").all_inner_texts() == [forms["intervisie"], forms["supervisie"]]
    widths = first.locator("[data-form]:visible").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert min(widths) > 250, "two forms side by side, each with room to read"
    page.set_viewport_size({"width": 390, "height": 844})
    widths = first.locator("[data-form]:visible").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().right)")
    assert max(widths) <= 390
    context.close()
