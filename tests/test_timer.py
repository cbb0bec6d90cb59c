"""The clock for the tijdbewaker, driven in Chromium with a fake clock."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
START = 1_800_000_000_000  # a moment in 2027, in milliseconds


def left(page) -> str:
    return page.locator("[data-timer-left]").inner_text()


def open_paused(page, url: str) -> None:
    """Open the clock with time standing still: it moves only when the test runs it, so
    the real seconds a key press takes do not show up on the clock."""
    page.clock.install(time=START)
    page.goto(url)
    page.clock.pause_at(START + 1000)


def run_for(page, minutes: int, seconds: int) -> None:
    """Let the fake clock run, plus the quarter second between two redraws of the display."""
    page.clock.run_for((minutes * 60 + seconds) * 1000 + 300)


def test_the_clock_counts_down_each_step_and_signals_its_end(page, server, catalogue):
    steps = catalogue.methods["incidentmethode"].steps
    open_paused(page, f"{server}methoden/incidentmethode/klok/")
    assert page.locator("[data-timer-title]").inner_text() == f"1. {steps[0].title}"
    assert left(page) == f"{steps[0].minutes}:00"
    page.get_by_role("button", name="Start").click()
    run_for(page, 1, 30)
    assert left(page) == f"{steps[0].minutes - 2}:30"
    # Touching or scrolling the screen does not stop it.
    page.mouse.wheel(0, 400)
    page.locator("[data-timer-left]").click()
    run_for(page, 0, 30)
    assert left(page) == f"{steps[0].minutes - 2}:00"
    page.keyboard.press("Space")  # pause
    run_for(page, 5, 0)
    assert left(page) == f"{steps[0].minutes - 2}:00", "a paused clock stands still"
    assert page.locator("[data-timer-toggle]").inner_text() == "Verder"
    page.keyboard.press("Space")
    run_for(page, steps[0].minutes - 2, 5)
    assert left(page) == "+0:05", "after the end the clock counts the overtime"
    assert "De tijd van deze stap is om" in page.locator("[data-timer-signal]").inner_text()
    assert "iw-timer--over" in page.locator("[data-timer]").get_attribute("class")
    page.keyboard.press("ArrowRight")
    assert page.locator("[data-timer-title]").inner_text() == f"2. {steps[1].title}"
    assert left(page) == f"{steps[1].minutes}:00" and page.locator("[data-timer-signal]").inner_text() == ""
    tasks = page.locator("[data-timer-roles] dd").all_inner_texts()
    assert tasks == [" ".join(t.split()) for t in steps[1].roles.values()], "what each role does now"
    assert page.locator("[data-timer-next]").inner_text().startswith(f"Hierna: 3. {steps[2].title}")


def test_the_clock_follows_the_plan_of_the_draaiboek(page, server, catalogue):
    page.clock.install()
    page.goto(f"{server}methoden/incidentmethode/klok/?tijd=60")
    assert page.locator("[data-timer-total]").inner_text() == "60"
    minutes = int(left(page).split(":")[0])
    page.goto(f"{server}methoden/incidentmethode/draaiboek/?tijd=60")
    first = int(page.locator(".iw-script [data-step-minutes]").first.inner_text().split()[0])
    assert minutes == first


def test_sound_is_off_unless_asked_and_the_page_works_offline(page, server):
    page.goto(f"{server}methoden/incidentmethode/klok/")
    assert not page.is_checked("#iw-timer-sound")
    page.context.set_offline(True)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Volgende stap").click()
    assert page.locator("[data-timer-position]").inner_text().startswith("Stap 2 van")
    page.context.set_offline(False)


def test_without_javascript_the_clock_page_lists_the_steps(browser, server, catalogue):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}methoden/incidentmethode/klok/")
    assert not tab.locator("[data-timer-panel]").is_visible()
    assert tab.locator("[data-timer-steps] > li").count() == len(catalogue.methods["incidentmethode"].steps)
    context.close()
