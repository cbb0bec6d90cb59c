"""Paper, in real Chromium, read back from the PDF with pypdf: what a group gets on A4.

Chromium leaves clipped text out of a printed PDF, so the PDF's text is exactly what a
reader has on paper.
"""

from __future__ import annotations

import io
import itertools
import re

import pytest
from pypdf import PdfReader

from .conftest import method_slugs

pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)
MM = 96 / 25.4  # CSS pixels per millimetre
PT = 96 / 72  # CSS pixels per point
SITE_NAME = "Intervisiewijzer"
LICENCE = "CC BY-SA 4.0"


def words(value: str) -> str:
    return " ".join(value.split())


def pdf_pages(page) -> list[str]:
    """The text of every printed sheet, each checked to be A4."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == A4_POINTS
    return [words(sheet.extract_text()) for sheet in reader.pages]


def footer_of(sheet: str, title: str) -> bool:
    """The footer line names the printout, the site, its address and the licence."""
    return bool(re.search(re.escape(f"{title} · {SITE_NAME} · ") + r"\S+ · " + re.escape(LICENCE), sheet))


def body_of(sheet: str) -> str:
    """A sheet's text without its footer line and page number."""
    return re.sub(rf"^\d+ / \d+.*? · {re.escape(LICENCE)}", "", sheet).strip()


SMALLEST_TYPE = """() => {
    let smallest = Infinity, where = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, element = node.parentElement;
        if (!node.textContent.trim() || !element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        const box = element.getBoundingClientRect();
        if (box.width < 2 || box.height < 2) continue;  // visually hidden text for screen readers
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < smallest) { smallest = size; where = node.textContent.trim().slice(0, 40); }
    }
    return [smallest, where];
}"""


def smallest_type(page) -> tuple[float, str]:
    page.emulate_media(media="print")
    size, where = page.evaluate(SMALLEST_TYPE)
    page.emulate_media(media="null")
    return size / PT, where


# ---- Role cards ------------------------------------------------------------------------------

OVERFLOW = """() => [...document.querySelectorAll('.role-card')].filter(
    c => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1
).map(c => c.querySelector('.role-card__role').textContent)"""


@pytest.mark.parametrize("slug", method_slugs())
def test_role_cards_print_whole_four_to_an_a4_sheet(page, server, catalogue, slug):
    method = catalogue.methods[slug]
    page.goto(f"{server}methoden/{slug}/rolkaarten/")
    cards = page.locator(".role-card")
    page.emulate_media(media="print")
    size = page.eval_on_selector(".role-card", "c => [c.offsetWidth, c.offsetHeight]")
    assert size == [round(105 * MM), round(142 * MM)]
    assert page.evaluate(OVERFLOW) == [], "text overflows these cards"
    assert not page.locator(".md-header, .md-sidebar, .md-footer, .md-search").first.is_visible()
    sheets = pdf_pages(page)
    assert len(sheets) == -(-cards.count() // 4)
    text = " ".join(sheets)
    for role_id, role in catalogue.roles_of(method):
        for step in method.steps:
            if role_id in step.roles:
                assert words(step.roles[role_id]) in text, f"{role.name}: a task is missing on the cards"
    for sheet in sheets:
        assert footer_of(sheet, f"Rolkaarten: {method.name}")


def test_a_long_role_continues_on_a_next_card_instead_of_shrinking(page, server):
    page.goto(f"{server}rollen/")
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW) == []
    sizes = page.eval_on_selector_all(".role-card li", "items => items.map(i => parseFloat(getComputedStyle(i).fontSize))")
    assert len(set(sizes)) == 1 and sizes[0] >= 8 * PT, "one type size, at least 8 pt, on every card"


PEOPLE = """() => [...document.querySelectorAll('.role-card')]
    .filter(card => !card.querySelector('h2').textContent.includes('vervolg')).map(card => card.dataset.role)"""


def test_a_group_of_seven_gets_a_card_each(page, server):
    page.goto(f"{server}methoden/incidentmethode/rolkaarten/?deelnemers=7&rollen=tijdbewaker,verslaglegger")
    people = page.evaluate(PEOPLE)
    assert sorted(people) == sorted(["inbrenger", "procesbegeleider", "tijdbewaker", "verslaglegger"] + ["vragensteller"] * 3)
    cards = page.locator(".role-card").count()
    status = page.locator("[data-cards-status]").inner_text()
    assert status.startswith(f"{cards} kaarten op {-(-cards // 4)} vel") and "3 voor een vragensteller" in status
    sheets = pdf_pages(page)
    assert len(sheets) == -(-cards // 4)
    page.fill("#iw-people", "4")
    page.uncheck("#iw-extra-verslaglegger")
    assert sorted(page.evaluate(PEOPLE)) == sorted(["inbrenger", "procesbegeleider", "tijdbewaker", "vragensteller"])
    assert page.evaluate("location.search") == "?deelnemers=4&rollen=tijdbewaker"


# ---- One plan on every printout ----------------------------------------------------------------


def minutes_on(page, selector: str) -> list[int]:
    return [int(t.split()[0]) for t in page.locator(selector).all_inner_texts()]


def test_a_scaled_plan_prints_the_same_minutes_on_cards_and_draaiboek(page, server, catalogue):
    method = catalogue.methods["incidentmethode"]
    page.goto(f"{server}methoden/incidentmethode/draaiboek/")
    page.fill("#iw-duration", "90")
    assert page.evaluate("location.search") == "?tijd=90"
    script = minutes_on(page, ".iw-script [data-step-minutes]")
    assert sum(script) == 90 and len(script) == len(method.steps)
    # Each step keeps its share of the meeting: longer steps never get less than shorter ones.
    own = [step.minutes for step in method.steps]
    for i, j in itertools.permutations(range(len(own)), 2):
        if own[i] > own[j]:
            assert script[i] >= script[j], "a longer step never gets less time than a shorter one"
    cards_link = page.locator("a[data-keeps-plan]").first
    assert "tijd=90" in cards_link.get_attribute("href")
    page.goto(f"{server}methoden/incidentmethode/rolkaarten/?tijd=90")
    for role_id, _ in catalogue.roles_of(method):
        card = page.locator(f".role-card[data-role='{role_id}']").first
        shown = card.locator("[data-step-minutes]").evaluate_all(
            "spans => spans.map(s => [parseInt(s.dataset.stepMinutes), parseInt(s.textContent)])"
        )
        assert all(minutes == script[step - 1] for step, minutes in shown), role_id
        assert "90 min" in card.locator(".role-card__footer").inner_text()
    text = " ".join(pdf_pages(page))
    assert "90 min" in text


# ---- The draaiboek ------------------------------------------------------------------------------


def clock_minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def test_the_draaiboek_clock_counts_from_a_24_hour_start_time(page, server, catalogue):
    method = catalogue.methods["balintmethode"]
    page.goto(f"{server}methoden/balintmethode/draaiboek/")
    assert page.input_value("#iw-start") == "14:00", "a meeting starts in the afternoon, not at midnight"
    clocks = page.locator(".iw-script__step:not(.iw-script__end) .iw-clock").all_inner_texts()
    starts = [14 * 60]
    for step in method.steps[:-1]:
        starts.append(starts[-1] + step.minutes)
    assert [clock_minutes(c) for c in clocks] == starts
    page.fill("#iw-start", "19:30")
    assert page.locator(".iw-clock").first.inner_text() == "19:30"
    end = page.locator("[data-plan-end]").inner_text()
    assert clock_minutes(end) == 19 * 60 + 30 + method.total_minutes
    sheets = pdf_pages(page)
    text = " ".join(sheets)
    assert "Begintijd: 19:30" in text and "PM" not in text and "AM" not in text
    for sheet in sheets:
        assert footer_of(sheet, f"Draaiboek: {method.name}") and body_of(sheet)
    page.reload()
    assert page.locator(".iw-clock").first.inner_text() == "19:30", "the start time is kept"


# ---- Checklists and forms ------------------------------------------------------------------------


def test_every_form_prints_without_blank_sheets_and_with_empty_boxes(page, server, catalogue):
    for checklist_id, checklist in catalogue.checklists.items():
        page.goto(f"{server}checklists/{checklist_id}/")
        boxes = page.locator("article input[type=checkbox]")
        fields = page.locator("article .iw-field textarea")
        assert boxes.count() == sum(len(s.checks) for s in checklist.sections)
        assert fields.count() == sum(len(s.questions) for s in checklist.sections)
        if boxes.count():
            boxes.first.check()
        page.emulate_media(media="print")
        for box in boxes.all():
            style = box.evaluate(
                "b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopColor, s.backgroundColor] }"
            )
            assert style == ["solid", "rgb(0, 0, 0)", "rgb(255, 255, 255)"], "a box prints empty, also when ticked"
        for field, question in zip(fields.all(), [q for s in checklist.sections for q in s.questions]):
            assert abs(field.evaluate("f => f.getBoundingClientRect().height") - question.lines * 8 * MM) < 2
        page.emulate_media(media="null")
        sheets = pdf_pages(page)
        for number, sheet in enumerate(sheets, start=1):
            assert footer_of(sheet, checklist.title), f"{checklist_id} sheet {number}"
            body = body_of(sheet)
            assert body, f"{checklist_id}: sheet {number} is blank"
        text = " ".join(sheets)
        for section in checklist.sections:
            for question in section.questions:
                assert words(question.label) in text, f"{checklist_id}: a question is missing on paper"
        for citation in checklist.sources:
            assert words(catalogue.sources[citation.ref].title) in text, f"{checklist_id}: the source is named on paper"


def test_short_pages_print_on_one_sheet(page, server):
    for url in ("checklists/afsluiting-bijeenkomst/", "checklists/voorbereiding-bijeenkomst/", "planner/"):
        page.goto(server + url)
        assert len(pdf_pages(page)) == 1, url


PRINTABLE = [
    "methoden/balintmethode/",
    "methoden/balintmethode/rolkaarten/",
    "methoden/balintmethode/draaiboek/",
    "rollen/",
    "checklists/startbijeenkomst/",
    "checklists/eindevaluatie/",
    "opleiding/rol-en-houding/hand-out/",
    "opleiding/zelfbeoordeling/",
    "planner/",
]


@pytest.mark.parametrize("url", PRINTABLE)
def test_no_type_below_8_pt_on_paper(page, server, url):
    page.goto(server + url)
    size, where = smallest_type(page)
    assert size >= 8 - 0.01, f"{size:.1f} pt: {where!r}"


def test_ticks_and_notes_are_cleared_for_the_next_meeting(page, server):
    page.goto(f"{server}checklists/voorgesprek/")
    first = page.locator("article input[type=checkbox]").first
    first.check()
    page.fill(".iw-field textarea >> nth=0", "Mijn aantekening")
    page.reload()
    assert first.is_checked() and page.locator(".iw-field textarea").first.input_value() == "Mijn aantekening"
    page.get_by_role("button", name="Leeg maken").click()
    assert not first.is_checked() and page.locator(".iw-field textarea").first.input_value() == ""
    page.reload()
    assert not first.is_checked() and page.locator(".iw-field textarea").first.input_value() == ""


def test_checkboxes_work_with_the_keyboard(page, server):
    page.goto(f"{server}checklists/voorgesprek/")
    first = page.locator("article input[type=checkbox]").first
    label = page.locator(f"label[for='{first.get_attribute('id')}']")
    assert label.inner_text().strip()
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()


def test_every_box_and_field_has_an_accessible_name(page, server):
    for url in ("checklists/startbijeenkomst/", "methoden/balintmethode/draaiboek/", "methoden/balintmethode/rolkaarten/"):
        page.goto(server + url)
        unnamed = page.evaluate(
            """() => [...document.querySelectorAll('article input, article textarea')].filter(
                el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.outerHTML)"""
        )
        assert unnamed == [], url


def test_the_print_button_prints_and_needs_javascript(page, server, browser):
    page.goto(f"{server}methoden/roddelmethode/rolkaarten/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("() => window.__printed") == 1
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}checklists/reflectieverslag/")
    assert not tab.locator("[data-print]").is_visible()
    assert re.search(r"Reflectieverslag", tab.locator("h1").inner_text())
    context.close()
