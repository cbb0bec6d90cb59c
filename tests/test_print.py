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

PEOPLE = """() => [...document.querySelectorAll('.role-cards .role-card')]
    .filter(card => !card.querySelector('h2').textContent.includes('vervolg')).map(card => card.dataset.role)"""


def card_footer(method) -> str:
    """The footer line every card of a method prints: the method, its time and its source."""
    return f"{method.name} · {method.total_minutes} min · Bron:"


def test_a_procesbegeleider_prints_cards_for_seven_and_gets_seven(page, server, catalogue):
    method = catalogue.methods["incidentmethode"]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}methoden/incidentmethode/")
    page.get_by_role("link", name="Rolkaarten").click()
    page.fill("#iw-people", "7")
    assert page.locator("[data-cards-status]").inner_text() == "7 kaarten op 2 vellen A4 voor 7 deelnemers."
    assert not page.locator("[data-cards-outside]").is_visible()
    sheets = pdf_pages(page)
    text = " ".join(sheets)
    assert len(sheets) == 2 and text.count(card_footer(method)) == 7, "seven people, seven cards, on two sheets"
    assert text.count("Vervolg") + text.count("vervolg") == 0
    assert sorted(page.evaluate(PEOPLE)) == sorted(["inbrenger", "procesbegeleider"] + ["vragensteller"] * 5)
    for sheet in sheets:
        assert footer_of(sheet, f"Rolkaarten: {method.name}"), "every sheet says what it is and where it comes from"

    page.fill("#iw-people", "15")  # a group twice the size the method is made for
    assert page.locator("[data-cards-outside]").is_visible()
    assert "groter dan de Incidentmethode aankan" in page.locator("[data-cards-outside]").inner_text()
    assert page.evaluate(PEOPLE).count("vragensteller") == 13 and page.locator(".role-cards .role-card").count() == 15
    page.fill("#iw-people", "1")
    assert "minstens 3 deelnemers" in page.locator("[data-cards-status]").inner_text()
    assert page.get_attribute("#iw-people", "aria-invalid") == "true"


DEAL_EVERY_METHOD = """async ([slugs, people, added]) => {
    const deck = document.querySelector('.role-cards');
    deck.replaceChildren();
    for (const slug of slugs) {
        const html = await (await fetch(`../../${slug}/rolkaarten/`)).text();
        const page = new DOMParser().parseFromString(html, 'text/html');
        const deals = JSON.parse(page.querySelector('[data-deals]').getAttribute('data-deals'));
        const optional = [...page.querySelectorAll('[data-extra-role]')].map(box => box.value);
        const cards = Intervisiewijzer.cards.deal(
            page.querySelector('template[data-hands]').content, deals, people, added.filter(r => optional.includes(r)));
        deck.append(...Intervisiewijzer.cards.sheets(cards));
    }
}"""


def test_every_method_prints_one_card_per_person(page, server, catalogue):
    """Every method's cards for a group of seven with both roles a group may add, dealt by
    the card page's own script on one page: in print, each card is whole (nothing
    overflows it), seven cards on two sheets per method, every task on a card."""
    from intervisiewijzer.views.cards import extra_roles

    page.goto(f"{server}methoden/incidentmethode/rolkaarten/")
    page.evaluate(DEAL_EVERY_METHOD, [list(catalogue.methods), 7, extra_roles(catalogue)])
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW) == [], "text overflows these cards"
    assert page.eval_on_selector(".role-card", "c => [c.offsetWidth, c.offsetHeight]") == [round(105 * MM), round(142 * MM)]
    assert page.locator(".card-sheet").count() == 2 * len(catalogue.methods), "seven cards on two sheets for every method"
    footers = page.locator(".role-card__footer").all_inner_texts()
    text = words(page.inner_text(".role-cards"))
    for slug, method in catalogue.methods.items():
        assert sum(words(footer).startswith(card_footer(method)) for footer in footers) == 7, f"{slug}: a card for each of 7"
        for step in method.steps:
            for task in step.roles.values():
                assert words(task) in text, f"{slug}: a task is missing on the cards"


def test_the_role_deck_prints_whole_at_8_pt_or_more(page, server, catalogue):
    page.goto(f"{server}rollen/")
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW) == []
    sizes = page.eval_on_selector_all(".role-card li", "items => items.map(i => parseFloat(getComputedStyle(i).fontSize))")
    assert min(sizes) >= 8 * PT - 0.01, "at least 8 pt on every card"
    page.emulate_media(media="null")
    text = " ".join(pdf_pages(page))
    for role in catalogue.roles.values():
        assert all(words(task) in text for task in role.tasks), f"{role.name}: a task is missing on paper"


def test_a_long_role_prints_whole_in_the_smaller_type_or_on_a_next_card(page, server, site, catalogue):
    """Cards made for methods longer than any in the handbook, with real tasks two at a time:
    the ones in the smaller type and the continuations print whole too."""
    from bs4 import BeautifulSoup

    from intervisiewijzer.rendering import Renderer
    from intervisiewijzer.views.cards import DeckPage, hands, sheets

    from .test_cards import long_method

    real = [task for method in catalogue.methods.values() for step in method.steps for task in step.roles.values()]
    pairs = [f"{a} {b}" for a, b in zip(real[::2], real[1::2])]
    cards = [
        card
        for steps, offset in ((12, 0), (14, 40), (16, 80), (19, 120), (24, 160), (40, 200))
        for hand in hands(long_method(catalogue, steps, 0, pairs[offset:]), "lang")
        for card in hand.cards
    ]
    assert any(card.type.dense for card in cards) and any(card.parts > 1 for card in cards)
    html = BeautifulSoup((site / "rollen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    deck = html.select_one(".role-cards")
    deck.replace_with(BeautifulSoup(str(Renderer().render("print/cards.html", page=DeckPage(sheets(cards)))), "html.parser"))
    page.route(f"{server}lang/", lambda route: route.fulfill(body=str(html), content_type="text/html; charset=utf-8"))
    page.goto(f"{server}lang/")
    page.emulate_media(media="print")
    assert page.locator(".role-card").count() == len(cards)
    assert page.evaluate(OVERFLOW) == [], "text overflows these cards"
    sizes = page.eval_on_selector_all(".role-card--dense li", "items => items.map(i => parseFloat(getComputedStyle(i).fontSize))")
    assert sizes and min(sizes) >= 8 * PT - 0.01, "the smaller type is at least 8 pt"


def test_a_group_chooses_the_roles_it_adds(page, server):
    page.goto(f"{server}methoden/incidentmethode/rolkaarten/?deelnemers=7&rollen=tijdbewaker,verslaglegger")
    people = page.evaluate(PEOPLE)
    assert sorted(people) == sorted(["inbrenger", "procesbegeleider", "tijdbewaker", "verslaglegger"] + ["vragensteller"] * 3)
    page.fill("#iw-people", "4")
    page.uncheck("#iw-extra-verslaglegger")
    assert sorted(page.evaluate(PEOPLE)) == sorted(["inbrenger", "procesbegeleider", "tijdbewaker", "vragensteller"])
    assert page.evaluate("location.search") == "?deelnemers=4&rollen=tijdbewaker"
    page.fill("#iw-people", "3")
    assert "minstens 4 deelnemers" in page.locator("[data-cards-status]").inner_text()


# ---- One plan on every printout ----------------------------------------------------------------


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24}:{minutes % 60:02d}"


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
    page.fill("#iw-start", "19:30")
    cards_link = page.locator("a[data-keeps-plan]").first
    assert "tijd=90" in cards_link.get_attribute("href")
    page.goto(f"{server}methoden/incidentmethode/rolkaarten/?tijd=90&rollen=tijdbewaker")
    for role_id, _ in catalogue.roles_of(method):
        card = page.locator(f".role-card[data-role='{role_id}']").first
        shown = card.locator("[data-step-minutes]").evaluate_all(
            "spans => spans.map(s => [parseInt(s.dataset.stepMinutes), parseInt(s.textContent)])"
        )
        assert all(minutes == script[step - 1] for step, minutes in shown), role_id
        assert "90 min" in card.locator(".role-card__footer").inner_text()
    # The one who keeps the time has every step, with its minutes and its clock time from the draaiboek's start.
    keeper = page.locator(".role-cards .role-card[data-role='tijdbewaker'] .role-card__steps li").all_inner_texts()
    starts = [19 * 60 + 30 + sum(script[:i]) for i in range(len(script))]
    assert [line.split()[:3] for line in keeper] == [[clock(s), str(m), "min"] for s, m in zip(starts, script)]
    assert page.locator("[data-cards-start]").inner_text() == "19:30"
    text = " ".join(pdf_pages(page))
    assert "90 min" in text and f"{clock(starts[-1])} {script[-1]} min" in text


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


TICKED = "b => getComputedStyle(b).backgroundImage.includes('svg')"


def test_every_form_prints_what_was_filled_in_and_ruled_lines_where_nothing_was(page, server, catalogue):
    for checklist_id, checklist in catalogue.checklists.items():
        page.goto(f"{server}checklists/{checklist_id}/")
        boxes = page.locator("article input[type=checkbox]")
        fields = page.locator("article .iw-field textarea")
        questions = [q for s in checklist.sections for q in s.questions if not q.signatures]
        assert boxes.count() == sum(len(s.checks) for s in checklist.sections)
        assert fields.count() == len(questions)
        if boxes.count():
            boxes.first.check()
        typed = f"Wat de groep bij {checklist_id} opschreef."
        if fields.count():
            fields.first.fill(typed)
        page.emulate_media(media="print")
        for number, box in enumerate(boxes.all()):
            style = box.evaluate("b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopColor] }")
            assert style == ["solid", "rgb(0, 0, 0)"], "a box prints with a black border"
            assert box.evaluate(TICKED) == (number == 0), "a box prints ticked when it is ticked, empty when it is not"
        printed = page.locator("article .iw-field__print")
        for number, (copy, question) in enumerate(zip(printed.all(), questions)):
            assert copy.is_visible() and not fields.nth(number).is_visible(), "paper shows the copy that grows"
            assert abs(copy.evaluate("f => f.getBoundingClientRect().height") - question.lines * 8 * MM) < 2
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
        assert not fields.count() or typed in text, f"{checklist_id}: what was typed is missing on paper"
        for citation in checklist.sources:
            assert words(catalogue.sources[citation.ref].title) in text, f"{checklist_id}: the source is named on paper"


def test_a_group_signs_the_contract_it_filled_in_on_screen(page, server, catalogue):
    checklist = catalogue.checklists["intervisiecontract"]
    page.goto(f"{server}checklists/intervisiecontract/")
    page.locator("article input[type=checkbox]").nth(1).check()
    long_text = " ".join(["Zes bijeenkomsten van twee uur, op de eerste dinsdag van de maand, in zaal 3."] * 4)
    page.locator(".iw-field textarea").first.fill(long_text)  # longer than the lines the form gives
    page.get_by_label("Aantal leden").fill("12")
    page.get_by_label("Datum", exact=True).fill("3 maart 2026")
    names = ["Anna", "Bram", "Chantal", "Dirk", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Jan", "Kees", "Lotte"]
    for number, name in enumerate(names, start=1):
        page.get_by_label(f"Naam {number}", exact=True).fill(name)
    page.locator("[data-print]").focus()
    page.emulate_media(media="print")
    assert page.locator("tr[data-signature-row]:visible").count() == 12, "a line for each of the twelve members"
    assert page.locator("article input[type=checkbox]").nth(1).evaluate(TICKED)
    page.emulate_media(media="null")
    sheets = pdf_pages(page)
    text = " ".join(sheets)
    assert len(sheets) <= 2 and words(long_text) in text and "3 maart 2026" in text
    assert all(name in text for name in names)
    page.get_by_label("Aantal leden").fill("15")
    page.emulate_media(media="print")
    assert page.locator("tr[data-signature-row]:visible").count() == 15, "the largest group signs too"
    page.emulate_media(media="null")
    assert len(pdf_pages(page)) <= 2

    page.reload()
    assert page.get_by_label("Naam 12", exact=True).input_value() == "Lotte", "the names are kept in this browser"
    page.get_by_role("button", name="Leeg maken").click()
    assert page.get_by_label("Naam 1", exact=True).input_value() == "" and page.locator(".iw-field__print").first.inner_text() == ""
    text = " ".join(pdf_pages(page))
    assert "Anna" not in text and "Zes bijeenkomsten" not in text and words(checklist.title) in text


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
