"""Every kind of page, once each, as a reader sees it in Chromium: on a phone, a tablet and
a laptop no text of the article lies outside the screen or outside the visible box of
anything that scrolls or clips, no word of a title or name breaks in two, nothing scrolls
sideways; and axe-core finds no violation in light or dark mode. (The first release passed
every HTML test while its step plan was cut off.) One page load per kind: the widths and
the colour schemes are changed on the loaded page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1280)
PAGES = {
    "home": "",
    "handbook page": "intervisie/",
    "comparison": "intervisie/vergelijking/",
    "glossary": "intervisie/begrippenlijst/",
    "bibliography": "intervisie/bronnen/",
    "overview with chooser": "methoden/",
    "method": "methoden/balintmethode/",
    "method with long text": "methoden/dilemmamethode/",
    "role cards": "methoden/balintmethode/rolkaarten/",
    "draaiboek": "methoden/balintmethode/draaiboek/",
    "checklist": "checklists/startbijeenkomst/",
    "planner": "planner/",
    "training portal": "opleiding/",
    "training module": "opleiding/rol-en-houding/",
    "trainer page": "opleiding/trainer/",
    "series plan": "opleiding/reeksplan/",
    "practice cases": "opleiding/oefencasussen/",
    "print page": "printen/",
    "clock": "methoden/balintmethode/klok/",
    "hand-out": "opleiding/rol-en-houding/hand-out/",
    "registers": "intervisie/registers/",
}

HIDDEN_TEXT = """() => {
    const width = document.documentElement.clientWidth;
    const clips = element => {
        const boxes = [];
        for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
            const s = getComputedStyle(a);
            if (/(auto|scroll|hidden|clip)/.test(s.overflowX + ' ' + s.overflowY)) boxes.push(a.getBoundingClientRect());
        }
        return boxes;
    };
    const hidden = [];
    const article = document.querySelector('article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, element = node.parentElement;
        if (!node.textContent.trim()) continue;
        if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        if (element.closest('.headerlink, details:not([open])')) continue;
        // Text for screen readers only sits in a box of a pixel (the visually-hidden pattern).
        if (clips(element).concat([element.getBoundingClientRect()]).some(b => b.width <= 2 && b.height <= 2)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) continue;
            const outside = r.left < -1 || r.right > width + 1;
            const clipped = clips(element).some(b => r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1);
            if (outside || clipped) {
                hidden.push(node.textContent.trim().slice(0, 50) + (outside ? ' (outside the screen)' : ' (clipped)'));
                break;
            }
        }
    }
    return hidden;
}"""


# A word of a title or a name that runs over two lines (a break at a hyphen is fine).
BROKEN_WORDS = """() => {
    const broken = [];
    for (const element of document.querySelectorAll('article :is(h1, h2, h3, .iw-card__name a, dt)')) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            for (const match of node.textContent.matchAll(/[^\\s\\-]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_reads_at_every_width_and_passes_axe(browser, server, axe, kind):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    try:
        response = page.goto(server + PAGES[kind], wait_until="load")
        assert response.ok, f"{PAGES[kind]} is missing"
        # The theme's transitions would be caught halfway when the width or scheme changes.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.wait_for_function("w => document.documentElement.clientWidth <= w", arg=width)
            hidden = page.evaluate(HIDDEN_TEXT)
            assert hidden == [], f"{kind} at {width} px hides text: {hidden[:5]}"
            scroll = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert scroll <= 0, f"{kind} at {width} px scrolls sideways by {scroll} px"
            broken = page.evaluate(BROKEN_WORDS)
            assert broken == [], f"{kind} at {width} px breaks words: {broken[:5]}"
        for scheme in ("slate", "default"):
            page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
            violations = axe.run(page).response["violations"]
            summary = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
            assert summary == [], f"{kind} in {scheme}"
    finally:
        context.close()
