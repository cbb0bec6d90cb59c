"""Printing in real Chromium: role cards on A4, draaiboek clocks, checklists with boxes."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from macros.catalogue import load_catalogue
from macros.print_pages import sheets_needed

from .conftest import ROOT

pytestmark = pytest.mark.browser
CATALOGUE = load_catalogue(ROOT / "methods", ROOT)
A4_POINTS = (595, 842)
MM = 96 / 25.4  # CSS pixels per millimetre


def words(value: str) -> str:
    return " ".join(value.split())


def pdf_pages(page) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == A4_POINTS
    return [words(sheet.extract_text()) for sheet in reader.pages]


OVERFLOW = """() => [...document.querySelectorAll('.role-card')].filter(
    c => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1
).map(c => c.querySelector('.role-card__role').textContent)"""


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_role_cards_print_four_to_an_a4_sheet(page, server, slug):
    method = CATALOGUE.methods[slug]
    roles = CATALOGUE.roles_of(method)
    page.goto(f"{server}methoden/{slug}/rolkaarten/")
    assert page.locator(".role-card").count() == len(roles)
    page.emulate_media(media="print")
    size = page.eval_on_selector(".role-card", "c => [c.offsetWidth, c.offsetHeight]")
    assert size == [round(105 * MM), round(148 * MM)]
    assert page.evaluate(OVERFLOW) == [], "text overflows these cards"
    assert not page.locator(".md-header, .md-sidebar, .md-footer, .md-search").first.is_visible()

    sheets = pdf_pages(page)
    assert len(sheets) == sheets_needed(len(roles))
    for number, (_, role) in enumerate(roles):
        # Each card's text stands on exactly one sheet: the one its position gives.
        purpose = " ".join(words(role.purpose).split()[:6])
        assert [purpose in sheet for sheet in sheets].count(True) == 1, role.name
        assert purpose in sheets[number // 4], role.name
        assert method.name.upper() in sheets[number // 4].upper()


def test_generic_role_deck_prints_every_role(page, server):
    page.goto(f"{server}rollen/")
    page.emulate_media(media="print")
    assert page.locator(".role-card").count() == len(CATALOGUE.roles)
    assert page.evaluate(OVERFLOW) == []
    assert len(pdf_pages(page)) == sheets_needed(len(CATALOGUE.roles))


def clock_minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_draaiboek_clock_times_add_up_from_the_start_time(page, server, slug):
    method = CATALOGUE.methods[slug]
    page.goto(f"{server}methoden/{slug}/draaiboek/")
    clocks = page.locator(".iw-script tbody:not(.iw-script-end) .iw-clock").all_inner_texts()
    minutes = [int(m) for m in page.locator(".iw-script tbody:not(.iw-script-end) tr td:nth-child(3)").all_inner_texts()]
    assert minutes == [step.minutes for step in method.steps]
    assert clocks[0] == "0:00"
    for i in range(1, len(clocks)):
        assert clock_minutes(clocks[i]) == clock_minutes(clocks[i - 1]) + minutes[i - 1]
    assert clock_minutes(page.locator(".iw-script-end .iw-clock").inner_text()) == method.total_minutes

    page.fill("#iw-start", "19:30")
    clocks = page.locator(".iw-script tbody:not(.iw-script-end) .iw-clock").all_inner_texts()
    assert clocks[0] == "19:30"
    end = page.locator(".iw-script-end .iw-clock").inner_text()
    assert clock_minutes(end) == (19 * 60 + 30 + method.total_minutes) % 1440
    page.reload()
    assert page.locator(".iw-script tbody:not(.iw-script-end) .iw-clock").first.inner_text() == "19:30", "start time is kept"


def test_draaiboek_prints_on_a4_with_its_steps(page, server):
    method = CATALOGUE.methods["incidentmethode"]
    page.goto(f"{server}methoden/incidentmethode/draaiboek/")
    text = " ".join(pdf_pages(page))
    for step in method.steps:
        assert words(step.title) in text


@pytest.mark.parametrize("checklist_id", sorted(CATALOGUE.checklists))
def test_checklists_print_with_empty_boxes_and_writing_lines(page, server, checklist_id):
    checklist = CATALOGUE.checklists[checklist_id]
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
            "b => { const s = getComputedStyle(b); return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor,"
            " s.backgroundColor, b.offsetWidth, b.offsetHeight, s.visibility, s.display] }"
        )
        width, style_, colour, background, w, h, visibility, display = style
        assert float(width[:-2]) >= 1 and style_ == "solid" and colour == "rgb(0, 0, 0)"
        assert background == "rgb(255, 255, 255)", "a box prints empty, also when ticked on screen"
        assert w >= 15 and h >= 15 and visibility == "visible" and display != "none"
    for field, question in zip(fields.all(), [q for s in checklist.sections for q in s.questions]):
        height = field.evaluate("f => f.getBoundingClientRect().height")
        assert abs(height - question.lines * 8 * MM) < 2
    text = " ".join(pdf_pages(page))
    assert words(checklist.title) in text


def test_checkboxes_work_with_the_keyboard_and_are_kept(page, server):
    page.goto(f"{server}checklists/voorgesprek/")
    first = page.locator("article input[type=checkbox]").first
    label = page.locator(f"label[for='{first.get_attribute('id')}']")
    assert label.inner_text().strip()
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.fill(".iw-field textarea >> nth=0", "Mijn aantekening")
    page.reload()
    assert page.locator("article input[type=checkbox]").first.is_checked()
    assert page.locator(".iw-field textarea").first.input_value() == "Mijn aantekening"


def test_every_checkbox_has_an_accessible_name(page, server):
    for url in ("checklists/startbijeenkomst/", "methoden/balintmethode/draaiboek/"):
        page.goto(server + url)
        unnamed = page.evaluate(
            """() => [...document.querySelectorAll('article input, article textarea')].filter(
                el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.outerHTML)"""
        )
        assert unnamed == [], url


def test_print_button_prints(page, server):
    page.goto(f"{server}methoden/roddelmethode/rolkaarten/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.get_by_role("button", name="Afdrukken")
    button.click()
    assert page.evaluate("() => window.__printed") == 1


def test_print_button_is_hidden_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}checklists/reflectieverslag/")
    assert not tab.locator("[data-print]").is_visible()
    assert re.search(r"Reflectieverslag", tab.locator("h1").inner_text())
    context.close()
