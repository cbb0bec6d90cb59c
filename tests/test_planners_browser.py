"""The session planner and the series planner in real Chromium,
driven as a user would, with and without JavaScript; the calendar file read back with an
independent parser (icalendar)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from .test_print import pdf_pages

pytestmark = pytest.mark.browser
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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


def step_minimum(minutes: int) -> int:
    """Half a step's time, rounded up, and at least two minutes (or its own time if less)."""
    return min(minutes, max(2, -(-minutes // 2)))


# ---- Session planner on the draaiboek ---------------------------------------------------


def clock(minutes: int) -> str:
    minutes %= 1440
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_on_page(page) -> tuple[list[int], list[str], str]:
    minutes = [int(m.split()[0]) for m in page.locator(".iw-script [data-step-minutes]").all_inner_texts()]
    clocks = page.locator(".iw-script__step:not(.iw-script__end) .iw-clock").all_inner_texts()
    return minutes, clocks, page.locator("[data-plan-end]").inner_text()


def check_plan(page, own: list[int], total: int, start: int) -> list[int]:
    """The plan on the page: it fills the time, keeps every step's minimum and its order."""
    minutes, clocks, end = plan_on_page(page)
    assert sum(minutes) == total and len(minutes) == len(own)
    assert all(m >= step_minimum(o) for m, o in zip(minutes, own))
    for i in range(len(own)):
        for j in range(len(own)):
            if own[i] > own[j]:
                assert minutes[i] >= minutes[j]
    starts = [start + sum(minutes[:i]) for i in range(len(minutes))]
    assert clocks == [clock(s) for s in starts]
    assert end == clock(start + total)
    assert page.locator("[data-plan-total]").first.inner_text() == str(total)
    return minutes


def test_session_planner_fits_the_steps_to_the_time(page, server, catalogue):
    own = [s.minutes for s in catalogue.methods["incidentmethode"].steps]
    page.goto(f"{server}methoden/incidentmethode/draaiboek/")
    assert check_plan(page, own, sum(own), 14 * 60) == own

    page.fill("#iw-start", "19:30")
    page.get_by_role("button", name="60 min").click()
    check_plan(page, own, 60, 19 * 60 + 30)
    assert page.get_by_role("button", name="60 min").get_attribute("aria-pressed") == "true"
    page.fill("#iw-duration", "120")
    check_plan(page, own, 120, 19 * 60 + 30)
    assert page.evaluate("location.search") == "?tijd=120"

    page.reload()
    assert page.input_value("#iw-duration") == "120", "the plan is kept in the address"
    check_plan(page, own, 120, 19 * 60 + 30)

    page.fill("#iw-duration", "30")
    shortest = sum(step_minimum(m) for m in own)
    status = page.locator("#iw-duration-status").inner_text()
    assert "te kort" in status and f"minstens {shortest} minuten" in status
    assert page.get_attribute("#iw-duration", "aria-invalid") == "true"
    check_plan(page, own, shortest, 19 * 60 + 30)

    page.fill("#iw-duration", "90")
    text = " ".join(pdf_pages(page))
    assert "samen 90 minuten" in text and "Tijd die je hebt" not in text
    assert clock(19 * 60 + 30 + 90) in text


def test_a_plan_shorter_than_the_sources_advise_says_so(page, server, catalogue):
    method = catalogue.methods["balintmethode"]
    assert method.source_minutes, "the sources give Balint's time"
    page.goto(f"{server}methoden/balintmethode/draaiboek/?tijd={method.source_minutes.min - 5}")
    assert f"de bronnen noemen minstens {method.source_minutes.min} minuten" in page.locator("#iw-duration-status").inner_text()


def test_session_planner_without_javascript_shows_the_methods_own_times(no_js, server, catalogue):
    no_js.goto(f"{server}methoden/balintmethode/draaiboek/")
    assert not no_js.locator("[data-session-planner]").is_visible()
    minutes = [int(m.split()[0]) for m in no_js.locator(".iw-script [data-step-minutes]").all_inner_texts()]
    assert minutes == [s.minutes for s in catalogue.methods["balintmethode"].steps]


# ---- Series planner -----------------------------------------------------------------

NAMES = ["Anna", "Bram", "Chantal", "Dirk", "Eva", "Fatima", "Gijs"]
ROLES = ["Inbrenger", "Procesbegeleider", "Tijdbewaker", "Verslaglegger"]


def schedule_on_page(page) -> list[list[str]]:
    """Per meeting, who holds each role."""
    rows = page.locator("[data-series-result] .iw-series-table tbody tr")
    return [row.locator("td[data-holder]").all_inner_texts() for row in rows.all()]


def check_fair(rows: list[list[str]], names: list[str]) -> None:
    for holders in rows:
        people = [h for h in holders if h != "–"]
        assert len(people) == len(set(people)), "nobody holds two roles in one meeting"
    for column in range(len(rows[0])):
        counts = Counter(row[column] for row in rows if row[column] != "–")
        per_person = [counts[name] for name in names]
        assert max(per_person) - min(per_person) <= 1, "a role is shared fairly"
    if len(rows) >= len(names):
        assert {row[0] for row in rows} == set(names), "everyone brings in a case"


def download_ics(page) -> icalendar.Calendar:
    with page.expect_download() as download:
        page.get_by_role("button", name="Zet de bijeenkomsten in je agenda (.ics)").click()
    assert download.value.suggested_filename == "intervisie.ics"
    return icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())


def test_series_planner_makes_a_fair_schedule_that_stays_in_the_browser(page, server):
    sent = []
    page.on("request", lambda r: sent.append(f"{r.url} {r.post_data or ''}"))
    page.goto(f"{server}planner/")
    assert not page.locator("[data-series-example]").is_visible()
    page.fill("#iw-names", "\n".join(NAMES) + "\n")
    page.fill("#iw-meetings", "8")
    page.fill("#iw-first-date", "2026-03-02")
    page.fill("#iw-weeks", "3")
    rows = schedule_on_page(page)
    assert len(rows) == 8
    check_fair(rows, NAMES)
    # The first round walks through the list: Anna brings in first, with the next three in the roles.
    assert rows[0] == ["Anna", "Bram", "Chantal", "Dirk"] and rows[7][0] == "Anna"
    labels = page.locator("[data-series-result] .iw-series-table tbody th").all_inner_texts()
    dates = page.locator("[data-series-result] .iw-series-table tbody td[data-label=Datum]").all_inner_texts()
    assert labels[:2] == ["1", "2"] and "2 mrt 2026" in dates[0] and "23 mrt 2026" in dates[1]
    counts = page.locator(".iw-series-counts tbody tr")
    for row, name in zip(counts.all(), NAMES):
        assert row.locator("th").inner_text() == name
        assert [int(c) for c in row.locator("td").all_inner_texts()] == [
            sum(r[col] == name for r in rows) for col in range(4)
        ]

    text = " ".join(pdf_pages(page))
    assert all(name in text for name in NAMES) and "Namen van de deelnemers" not in text
    # On paper: the date, the start, the length and the place of every meeting.
    assert all(date in text for date in dates) and text.count("14:00–15:30") == 8 and "(90 minuten)" in text

    page.reload()
    assert page.input_value("#iw-names").split() == NAMES, "the names are kept in this tab"
    assert schedule_on_page(page) == rows
    other = page.context.new_page()
    other.goto(f"{server}planner/")
    assert other.input_value("#iw-names") == "", "a new tab on a shared computer does not show the names"
    other.close()

    page.get_by_role("button", name="Namen wissen").click()
    assert page.input_value("#iw-names") == "" and not page.locator("[data-series-result]").is_visible()
    assert not [r for r in sent if any(name in r for name in NAMES)], "a name left the browser"
    assert page.foreign_requests == []


def test_names_are_remembered_on_this_computer_only_when_asked(page, server):
    page.goto(f"{server}planner/")
    page.fill("#iw-names", "Anna\nBram\nChantal")
    page.check("#iw-remember-names")
    other = page.context.new_page()
    other.goto(f"{server}planner/")
    assert other.input_value("#iw-names").split() == ["Anna", "Bram", "Chantal"]
    other.uncheck("#iw-remember-names")
    other.close()
    third = page.context.new_page()
    third.goto(f"{server}planner/")
    assert third.input_value("#iw-names") == ""
    third.close()


def test_calendar_entries_carry_time_place_and_stable_ids(page, server):
    page.goto(f"{server}planner/")
    page.fill("#iw-names", "\n".join(NAMES[:5]))
    page.fill("#iw-meetings", "5")
    page.fill("#iw-first-date", "2026-03-16")
    page.fill("#iw-weeks", "2")
    page.fill("#iw-start-time", "19:30")
    page.fill("#iw-length", "120")
    page.fill("#iw-place", "Zaal 3, Stadskantoor; Utrecht")
    first = download_ics(page)
    assert [tz["TZID"] for tz in first.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = first.walk("VEVENT")
    assert len(events) == 5
    day = datetime(2026, 3, 16, 19, 30, tzinfo=AMSTERDAM)
    for n, event in enumerate(events):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == day + timedelta(weeks=2 * n), "the meeting's start, in Amsterdam time"
        assert start.astimezone(AMSTERDAM).hour == 19 and start.astimezone(AMSTERDAM).minute == 30
        assert end - start == timedelta(minutes=120)
        assert str(event["LOCATION"]) == "Zaal 3, Stadskantoor; Utrecht"
        assert str(event["TRANSP"]) == "OPAQUE", "the meetings show as busy time"
        assert str(event["SUMMARY"]) == f"Intervisie: bijeenkomst {n + 1} van 5"
        assert f"Inbrenger: {NAMES[n]}" in str(event["DESCRIPTION"])
        lines = str(event["DESCRIPTION"]).splitlines()
        holders = [name for line in lines for name in re.split(r", | en ", line.split(": ", 1)[1])]
        assert sorted(holders) == sorted(NAMES[:5]), "every role holder, the vragenstellers too"
        assert lines[-1].startswith("Vragensteller: ")
    # Across summer time (29 March 2026) the wall-clock time stays 19:30.
    assert events[0].decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert events[2].decoded("DTSTART").utcoffset() == timedelta(hours=2)

    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 5
    same = download_ics(page).walk("VEVENT")
    assert [(str(e["UID"]), int(e["SEQUENCE"])) for e in same] == [(str(e["UID"]), int(e["SEQUENCE"])) for e in events], (
        "nothing changed: the same events, the same SEQUENCE"
    )
    page.fill("#iw-weeks", "3")  # a corrected schedule: every meeting but the first moves
    again = download_ics(page).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == uids, "a corrected schedule updates the same events"
    assert int(again[0]["SEQUENCE"]) == int(events[0]["SEQUENCE"]), "the first meeting did not change"
    assert all(int(b["SEQUENCE"]) == int(a["SEQUENCE"]) + 1 for a, b in zip(events[1:], again[1:]))
    assert again[1].decoded("DTSTART") == datetime(2026, 4, 6, 19, 30, tzinfo=AMSTERDAM)


def test_two_series_in_one_browser_never_share_calendar_entries(page, server):
    page.goto(f"{server}planner/")
    page.fill("#iw-first-date", "2026-03-16")
    page.fill("#iw-names", "\n".join(NAMES[:5]))
    first = [str(e["UID"]) for e in download_ics(page).walk("VEVENT")]
    page.fill("#iw-names", "Karin\nLeo\nMaria\nNoor\nOmar\nPiet")  # another group, planned in the same tab
    second = [str(e["UID"]) for e in download_ics(page).walk("VEVENT")]
    assert len(second) == 6 and not set(first) & set(second), "importing the second series leaves the first one alone"
    page.fill("#iw-names", "\n".join([*NAMES[:4], "Eva-Marie"]))  # the first group again, one name corrected
    page.fill("#iw-first-date", "2026-03-23")
    third = download_ics(page).walk("VEVENT")
    assert [str(e["UID"]) for e in third] == first and all(int(e["SEQUENCE"]) == 1 for e in third)
    page.reload()
    assert [str(e["UID"]) for e in download_ics(page).walk("VEVENT")] == first, "the series is kept with the names"


def test_series_planner_explains_what_is_missing(page, server):
    page.goto(f"{server}planner/")
    status = page.locator("[data-series-status]")
    page.fill("#iw-names", "Anna\nBram")
    assert "minstens 3 namen" in status.inner_text()
    page.fill("#iw-names", "Anna\nBram\nanna")
    assert "twee keer" in status.inner_text()
    page.fill("#iw-names", "Anna\nBram\nChantal")
    assert status.inner_text() == ""
    assert schedule_on_page(page)[0] == ["Anna", "Bram", "Chantal", "–"]
    assert unnamed_controls(page, "article :is(input, textarea, select, button)") == []


def test_series_planner_without_javascript_shows_an_example(no_js, server):
    no_js.goto(f"{server}planner/")
    assert not no_js.locator("form[data-series-planner]").is_visible()
    rows = [row.locator("td[data-holder]").all_inner_texts() for row in no_js.locator("[data-series-example] tbody tr").all()]
    assert len(rows) == 6
    check_fair(rows, [f"Deelnemer {n}" for n in range(1, 7)])


def test_planner_pages_load_without_errors(page, server):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    for url in ("planner/", "methoden/", "methoden/roddelmethode/draaiboek/", "methoden/roddelmethode/rolkaarten/", ""):
        page.goto(server + url)
    assert errors == []



@pytest.fixture
def room_page(browser, room):
    page = browser.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def test_pages_reached_by_instant_navigation_keep_their_tools(room_page, room):
    """With instant navigation (a site address is set) a link swaps the page inside the same
    document: the draaiboek's planner and the role cards' form must still come up."""
    page = room_page
    page.goto(room + "methoden/zaalmethode/")
    page.evaluate("window.iwSameDocument = true")
    # Instant navigation changes the address without a load event: wait for the new page.
    arrived = "path => location.pathname.endsWith(path) && document.querySelector('article h1')"
    page.locator("nav.iw-prints a", has_text="Draaiboek").click()
    page.wait_for_function(arrived, arg="/draaiboek/")
    assert page.evaluate("window.iwSameDocument === true"), "instant navigation swapped the page"
    page.locator("[data-session-planner]").wait_for(state="visible", timeout=5000)
    page.locator("nav.iw-trail a").last.click()
    page.wait_for_function(arrived + " && document.querySelector('nav.iw-prints')", arg="/zaalmethode/")
    page.locator("nav.iw-prints a", has_text="Rolkaarten").click()
    page.wait_for_function(arrived, arg="/rolkaarten/")
    page.locator("[data-cards-form]").wait_for(state="visible", timeout=5000)
    assert page.evaluate("window.iwSameDocument === true")
    assert page.locator(".role-card:visible").count() > 0
    assert page.errors == []
