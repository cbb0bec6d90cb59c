"""The method chooser, the session planner and the series planner in real Chromium.

Driven as a user would, with and without JavaScript; and the browser's planning logic
(docs/assets/planning.js) checked against macros/planning.py over many cases.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from statistics import median

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.catalogue import Catalogue, load_catalogue
from macros.method_page import render_overview
from macros.planning import SERIES_ROLES, TooShort, ics_calendar, meeting_dates, rotation, scale_steps, shortest_time

from .conftest import ROOT
from .test_planning import check_ics

pytestmark = pytest.mark.browser
CATALOGUE = load_catalogue(ROOT / "methods", ROOT)
LEVELS = ["geen", "enige", "ervaren"]
LEADERS = ["groepslid", "ervaren-begeleider", "intervisor"]


# ---- The same answers in Python and in the browser ------------------------------------


@pytest.fixture
def no_js(browser, server):
    """A page in a browser with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def unnamed_controls(page, selector: str) -> list[str]:
    """Form controls without a label (buttons may be named by their text)."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].filter(el =>
            !(el.labels && el.labels.length) && !(el.tagName === 'BUTTON' && el.textContent.trim())
        ).map(el => el.outerHTML)""",
        selector,
    )


def python_scale(minutes, total, minimum):
    try:
        return scale_steps(minutes, total, minimum)
    except TooShort:
        return None


def test_browser_logic_gives_the_same_answers_as_python(page, server):
    rng = random.Random(6)
    scale_cases = [[own, t, None] for own in ([s.minutes for s in m.steps] for m in CATALOGUE.methods.values()) for t in range(20, 241, 7)]
    for _ in range(2500):
        minutes = [rng.randint(1, 90) for _ in range(rng.randint(1, 14))]
        minimum = rng.choice([None, rng.randint(0, 6), [rng.randint(0, 8) for _ in minutes]])
        scale_cases.append([minutes, rng.randint(0, 600), minimum])
    rotation_cases = [[n, k] for n in range(3, 16) for k in range(1, 21)]
    date_cases = [["2026-03-16", 8, 2], ["2026-10-19", 5, 1], ["2028-02-28", 3, 52], ["2025-12-29", 20, 6]]
    ics_events = [
        {"date": "2026-03-02", "summary": "Intervisie: bijeenkomst 1 van 2", "description": "Inbrenger: Zoë; Ⅻ, \\ en 😀\nEn een heel lange regel " * 4},
        {"date": "2026-12-31", "summary": "ëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëë", "description": ""},
    ]
    cases = {"scale": scale_cases, "rotation": rotation_cases, "dates": date_cases, "ics": ics_events}
    page.goto(f"{server}planner/")
    browser = page.evaluate(
        """cases => {
            const P = window.IntervisiePlanning;
            return {
                scale: cases.scale.map(([m, t, min]) => P.scaleSteps(m, t, min)),
                shortest: cases.scale.map(([m]) => P.shortestTime(m)),
                rotation: cases.rotation.map(([n, k]) => P.rotation(n, k)),
                dates: cases.dates.map(([first, k, w]) => P.meetingDates(first, k, w)),
                ics: P.icsCalendar(cases.ics, "20260301T120000Z", "test"),
            };
        }""",
        cases,
    )
    assert browser["scale"] == [python_scale(*case) for case in scale_cases]
    assert browser["shortest"] == [shortest_time(case[0]) for case in scale_cases]
    assert browser["rotation"] == [rotation(*case) for case in rotation_cases]
    assert browser["dates"] == [
        [d.isoformat() for d in meeting_dates(date.fromisoformat(first), k, w)] for first, k, w in date_cases
    ]
    events = [(date.fromisoformat(e["date"]), e["summary"], e["description"]) for e in ics_events]
    assert browser["ics"] == ics_calendar(events, "20260301T120000Z", "test")


# ---- Method chooser ---------------------------------------------------------------


def chooser_fits(method, kind="", time=None, group=None, experience="", facilitator="") -> bool:
    """What the chooser should show, worked out here from the data."""
    size = method.group_size
    return (
        (not kind or kind in method.question_kinds)
        and (time is None or shortest_time([s.minutes for s in method.steps]) <= time)
        and (group is None or size.min <= group <= (size.max or group))
        and (not experience or LEVELS.index(method.experience) <= LEVELS.index(experience))
        and (not facilitator or LEADERS.index(method.facilitator) <= LEADERS.index(facilitator))
    )


def visible_methods(page) -> list[str]:
    return page.locator(".iw-chooser-list tbody tr:visible td:first-child a").all_inner_texts()


def expected(**filters) -> list[str]:
    return [m.name for m in CATALOGUE.methods.values() if chooser_fits(m, **filters)]


def test_chooser_filters_at_once_and_keeps_the_filters_in_the_address(page, server):
    page.goto(f"{server}methoden/")
    every = [m.name for m in CATALOGUE.methods.values()]
    assert visible_methods(page) == every
    assert page.locator("[data-chooser-count]").inner_text() == f"Je ziet alle {len(every)} methoden."

    page.select_option("#kies-vraag", "relatie")
    assert visible_methods(page) == expected(kind="relatie") != every
    page.fill("#kies-tijd", "60")
    page.fill("#kies-groep", "6")
    page.select_option("#kies-ervaring", "enige")
    filters = dict(kind="relatie", time=60, group=6, experience="enige")
    assert visible_methods(page) == expected(**filters)
    page.select_option("#kies-vraag", "")
    del filters["kind"]
    assert visible_methods(page) == expected(**filters)
    page.select_option("#kies-begeleider", "groepslid")
    filters["facilitator"] = "groepslid"
    shown = expected(**filters)
    assert visible_methods(page) == shown and shown
    assert page.locator("[data-chooser-count]").inner_text() == f"Je ziet {len(shown)} van de {len(every)} methoden."

    shared = page.evaluate("location.href")
    assert shared.endswith("methoden/?tijd=60&groep=6&ervaring=enige&begeleider=groepslid")
    other = page.context.new_page()
    other.goto(shared)
    assert visible_methods(other) == shown, "a shared address shows the same choice"
    assert other.input_value("#kies-groep") == "6" and other.input_value("#kies-begeleider") == "groepslid"
    other.close()

    page.fill("#kies-groep", "40")
    assert visible_methods(page) == [] and page.locator("[data-chooser-empty]").is_visible()
    page.get_by_role("button", name="Alles wissen").click()
    assert visible_methods(page) == every and page.evaluate("location.href").endswith("/methoden/")


def test_chooser_works_with_the_keyboard(page, server):
    page.goto(f"{server}methoden/?ervaring=geen")
    assert visible_methods(page) == expected(experience="geen")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kies-vraag":
            break
    else:
        pytest.fail("the first filter cannot be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused filter shows its focus"
    page.keyboard.press("ArrowDown")
    first_kind = page.input_value("#kies-vraag")
    assert first_kind and visible_methods(page) == expected(kind=first_kind, experience="geen")
    page.keyboard.press("Tab")
    page.keyboard.type("45")
    assert visible_methods(page) == expected(kind=first_kind, experience="geen", time=45)
    assert unnamed_controls(page, "form[data-chooser] :is(input, select, button)") == []


def test_chooser_without_javascript_lists_every_method(no_js, server):
    no_js.goto(f"{server}methoden/?vraag=relatie")
    assert not no_js.locator("form[data-chooser]").is_visible()
    assert visible_methods(no_js) == [m.name for m in CATALOGUE.methods.values()]


def big_catalogue(size: int) -> Catalogue:
    real = list(CATALOGUE.methods.items())
    methods = {}
    for i in range(size):
        slug, method = real[i % len(real)]
        methods[f"{slug}-{i}"] = method.model_copy(update={"name": f"{method.name} {i}"})
    return Catalogue(roles=CATALOGUE.roles, methods=methods, glossary={}, comparison=None, checklists={}, sources=CATALOGUE.sources)


def test_chooser_is_fast_with_a_thousand_methods(page, server, site):
    """The real methods page, its list swapped for 1,000 methods: filtering stays quick."""
    catalogue = big_catalogue(1000)
    real = BeautifulSoup((site / "methoden" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = real.select_one("article")
    article.clear()
    article.append(BeautifulSoup(markdown.markdown(render_overview(catalogue), extensions=["md_in_html"]), "html.parser"))
    page.route(f"{server}groot/", lambda route: route.fulfill(body=str(real), content_type="text/html; charset=utf-8"))
    page.goto(f"{server}groot/")
    assert page.locator(".iw-chooser-list tbody tr:visible").count() == 1000
    result = page.evaluate(
        """() => {
            const form = document.querySelector('form[data-chooser]');
            const changes = [];
            const watcher = new MutationObserver(records => changes.push(...records));
            watcher.observe(document.querySelector('.iw-chooser-list tbody'),
                {attributes: true, childList: true, subtree: true, characterData: true});
            const set = (name, value) => {
                const t0 = performance.now();
                form.elements[name].value = value;
                form.elements[name].dispatchEvent(new Event('input', {bubbles: true}));
                const t1 = performance.now();
                document.body.offsetHeight;  // and the layout the change causes
                return [t1 - t0, performance.now() - t0];
            };
            const steps = [['vraag', 'handelen'], ['groep', '6'], ['tijd', '60'], ['vraag', ''], ['groep', ''],
                           ['tijd', ''], ['ervaring', 'geen'], ['ervaring', ''], ['tijd', '60']];
            const timings = steps.map(([name, value]) => set(name, value));
            changes.push(...watcher.takeRecords());
            return {timings, changes: changes.map(r => [r.type, r.attributeName, r.target.tagName])};
        }"""
    )
    shown = sum(chooser_fits(m, time=60) for m in catalogue.methods.values())
    assert page.locator(".iw-chooser-list tbody tr:visible").count() == shown
    # Rows are only shown or hidden: no HTML is rebuilt.
    assert {tuple(change) for change in result["changes"]} == {("attributes", "hidden", "TR")}
    script = median(t[0] for t in result["timings"])
    total = median(t[1] for t in result["timings"])
    print(f"chooser, 1,000 methods: script {script:.0f} ms, with layout {total:.0f} ms (medians)")
    assert script < 40, f"the filter script took {script:.0f} ms for 1,000 methods"
    assert total < 400, f"filtering 1,000 methods took {total:.0f} ms with layout"


# ---- Session planner on the draaiboek ---------------------------------------------------


def clock(minutes: int) -> str:
    minutes %= 1440
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_on_page(page) -> tuple[list[int], list[str], str]:
    minutes = [int(m) for m in page.locator(".iw-script td.iw-minutes[data-minutes]").all_inner_texts()]
    clocks = page.locator(".iw-script tbody:not(.iw-script-end) .iw-clock").all_inner_texts()
    return minutes, clocks, page.locator(".iw-script-end .iw-clock").inner_text()


def check_plan(page, own: list[int], total: int, start: int) -> None:
    minutes, clocks, end = plan_on_page(page)
    assert minutes == scale_steps(own, total)
    starts = [start + sum(minutes[:i]) for i in range(len(minutes))]
    assert clocks == [clock(s) for s in starts]
    assert end == clock(start + total)
    assert page.locator(".iw-script-end .iw-minutes").inner_text() == str(total)
    assert page.locator("[data-plan-total]").inner_text() == str(total)


def test_session_planner_fits_the_steps_to_the_time(page, server):
    method = CATALOGUE.methods["incidentmethode"]
    own = [s.minutes for s in method.steps]
    page.goto(f"{server}methoden/incidentmethode/draaiboek/")
    check_plan(page, own, method.total_minutes, 0)

    page.fill("#iw-start", "19:30")
    page.get_by_role("button", name="60 min").click()
    check_plan(page, own, 60, 19 * 60 + 30)
    assert page.get_by_role("button", name="60 min").get_attribute("aria-pressed") == "true"
    page.fill("#iw-duration", "120")
    check_plan(page, own, 120, 19 * 60 + 30)

    page.reload()
    assert page.input_value("#iw-duration") == "120", "the time is kept in this browser"
    check_plan(page, own, 120, 19 * 60 + 30)

    page.fill("#iw-duration", "30")
    shortest = shortest_time(own)
    status = page.locator("#iw-duration-status").inner_text()
    assert "te kort" in status and f"minstens {shortest} minuten" in status
    assert page.get_attribute("#iw-duration", "aria-invalid") == "true"
    check_plan(page, own, shortest, 19 * 60 + 30)

    page.fill("#iw-duration", "90")
    page.emulate_media(media="print")
    assert not page.locator("[data-session-planner]").is_visible()
    from .test_print import pdf_pages

    text = " ".join(pdf_pages(page))
    assert "samen 90 minuten" in text and "Tijd die je hebt" not in text
    assert clock(19 * 60 + 30 + 90) in text


def test_session_planner_without_javascript_shows_the_methods_own_times(no_js, server):
    no_js.goto(f"{server}methoden/balintmethode/draaiboek/")
    assert not no_js.locator("[data-session-planner]").is_visible()
    minutes = [int(m) for m in no_js.locator(".iw-script td.iw-minutes").all_inner_texts()]
    method = CATALOGUE.methods["balintmethode"]
    assert minutes == [s.minutes for s in method.steps] + [method.total_minutes]


# ---- Series planner -----------------------------------------------------------------


NAMES = ["Anna", "Bram", "Chantal", "Dirk", "Eva", "Fatima", "Gijs"]


def schedule_on_page(page) -> list[list[str]]:
    rows = page.locator("[data-series-result] .iw-series-table tbody tr")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


def test_series_planner_makes_a_fair_schedule_that_stays_in_the_browser(page, server):
    sent = []
    page.on("request", lambda r: sent.append(f"{r.url} {r.post_data or ''}"))
    page.goto(f"{server}planner/")
    assert not page.locator("[data-series-example]").is_visible()
    page.fill("#iw-names", "\n".join(NAMES) + "\n")
    page.fill("#iw-meetings", "8")
    page.fill("#iw-first-date", "2026-03-02")
    page.fill("#iw-weeks", "3")

    plan = rotation(len(NAMES), 8)
    expected_rows = [[NAMES[holders[r]] for r in SERIES_ROLES] for holders in plan]
    assert schedule_on_page(page) == expected_rows
    labels = page.locator("[data-series-result] .iw-series-table tbody th").all_inner_texts()
    assert labels[0].startswith("1 (") and "2026" in labels[0] and labels[1].startswith("2 (")
    counts = page.locator(".iw-series-counts tbody tr")
    for row, name in zip(counts.all(), NAMES):
        assert row.locator("th").inner_text() == name
        assert [int(c) for c in row.locator("td").all_inner_texts()] == [
            sum(holders[r] == NAMES.index(name) for holders in plan) for r in SERIES_ROLES
        ]

    with page.expect_download() as download:
        page.get_by_role("button", name="Data opslaan in je agenda (.ics)").click()
    assert download.value.suggested_filename == "intervisie.ics"
    ics = open(download.value.path(), "rb").read().decode("utf-8")
    events = check_ics(ics, 8)
    stamp = events[0]["DTSTAMP"]
    dates = meeting_dates(date(2026, 3, 2), 8, 3)
    role_names = [CATALOGUE.roles[r].name for r in SERIES_ROLES]
    assert ics == ics_calendar(
        [
            (day, f"Intervisie: bijeenkomst {n + 1} van 8", "\n".join(f"{role_names[i]}: {NAMES[holders[r]]}" for i, r in enumerate(SERIES_ROLES)))
            for n, (day, holders) in enumerate(zip(dates, plan))
        ],
        stamp,
        f"reeks-{stamp.lower()}",
    )

    page.reload()
    assert page.input_value("#iw-names").split() == NAMES, "the names are kept in this browser"
    assert schedule_on_page(page) == expected_rows
    page.emulate_media(media="print")
    from .test_print import pdf_pages

    text = " ".join(pdf_pages(page))
    assert all(name in text for name in NAMES) and "Namen van de deelnemers" not in text
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Namen wissen").click()
    assert page.input_value("#iw-names") == "" and not page.locator("[data-series-result]").is_visible()
    page.reload()
    assert page.input_value("#iw-names") == ""
    assert not [r for r in sent if any(name in r for name in NAMES)], "a name left the browser"
    assert page.foreign_requests == []


def test_series_planner_explains_what_is_missing(page, server):
    page.goto(f"{server}planner/")
    status = page.locator("[data-series-status]")
    page.fill("#iw-names", "Anna\nBram")
    assert "minstens drie namen" in status.inner_text()
    page.fill("#iw-names", "Anna\nBram\nanna")
    assert "twee keer" in status.inner_text()
    page.fill("#iw-names", "Anna\nBram\nChantal")
    assert status.inner_text() == ""
    assert schedule_on_page(page)[0] == ["Anna", "Bram", "Chantal", "–"]
    assert unnamed_controls(page, "article :is(input, textarea, select, button)") == []


def test_series_planner_without_javascript_shows_an_example(no_js, server):
    no_js.goto(f"{server}planner/")
    assert not no_js.locator("form[data-series-planner]").is_visible()
    rows = no_js.locator("[data-series-example] tbody tr")
    assert [row.locator("td").all_inner_texts() for row in rows.all()] == [
        [f"Deelnemer {holders[r] + 1}" for r in SERIES_ROLES] for holders in rotation(6, 6)
    ]


def test_planner_pages_load_without_errors(page, server):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    for url in ("planner/", "methoden/", "methoden/roddelmethode/draaiboek/", ""):
        page.goto(server + url)
    # Following the navigation as a user does. (Material's instant navigation only takes
    # over links under site_url, which is not this test server's address.)
    page.locator(".md-nav__link", has_text="Planner").first.click()
    page.wait_for_url(f"{server}planner/")
    assert page.locator("form[data-series-planner]").is_visible()
    page.locator("article a", has_text="Methoden").first.click()
    page.wait_for_url(f"{server}methoden/")
    assert page.locator("form[data-chooser]").is_visible()
    assert errors == []
