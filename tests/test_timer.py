"""The clock for the tijdbewaker, driven in Chromium with a fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from intervisiewijzer.views.planning import step_minimums

from .test_offline import AMSTERDAM, PHONE, STEPS, clock_face, run_for

pytestmark = pytest.mark.browser
TEN = datetime(2027, 3, 15, 10, 0, tzinfo=AMSTERDAM)


def left(page) -> str:
    return page.locator("[data-timer-left]").inner_text()


def open_paused(page, url: str) -> None:
    """Open the clock with time standing still: it moves only when the test runs it, so
    the real seconds a key press takes do not show up on the clock."""
    page.clock.install(time=TEN)
    page.goto(url)
    page.clock.pause_at(TEN + timedelta(seconds=1))


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


# ---- In the room (the room scenario: five steps of 5, 10, 15, 10 and 10 minutes) ------

# The browser's sound, vibration and wake lock, recorded: what a room would hear and feel,
# and whether the screen may sleep. A hidden tab loses its wake lock, as in a browser.
ROOM_SENSES = """
window.tones = 0;
const start = OscillatorNode.prototype.start;
OscillatorNode.prototype.start = function (...args) { window.tones += 1; return start.apply(this, args); };
window.vibrations = [];
Object.defineProperty(Navigator.prototype, "vibrate", { value: pattern => window.vibrations.push(pattern) });
window.locks = [];
window.hiddenTab = false;
Object.defineProperty(Navigator.prototype, "wakeLock", { get: () => ({ request: () => {
    const lock = new EventTarget();
    lock.release = () => { lock.released = true; lock.dispatchEvent(new Event("release")); return Promise.resolve(); };
    window.locks.push(lock);
    return Promise.resolve(lock);
} }) });
Object.defineProperty(Document.prototype, "visibilityState", { get: () => window.hiddenTab ? "hidden" : "visible" });
window.switchTab = hidden => {
    window.hiddenTab = hidden;
    if (hidden) window.locks.forEach(lock => lock.released || lock.release());
    document.dispatchEvent(new Event("visibilitychange"));
};
"""


def open_room_clock(browser, room, viewport=PHONE):
    """The room method's clock on a device, its fake time standing still at 10:00."""
    context = browser.new_context(viewport=viewport, timezone_id="Europe/Amsterdam")
    context.add_init_script(ROOM_SENSES)
    page = context.new_page()
    page.clock.install(time=TEN - timedelta(minutes=1))
    page.goto(room + "methoden/zaalmethode/klok/")
    page.locator("[data-timer-panel]").wait_for()
    page.clock.pause_at(TEN)
    return context, page


def held_locks(page) -> int:
    return page.evaluate("window.locks.filter(lock => !lock.released).length")


def test_space_pauses_after_a_click_and_the_end_of_a_step_is_heard_and_felt(browser, room):
    context, page = open_room_clock(browser, room)
    assert page.is_checked("#iw-timer-sound"), "the tone is on unless someone turns it off"
    page.get_by_role("button", name="Start").click()
    assert held_locks(page) == 1, "the screen stays on while the clock runs"
    page.get_by_role("button", name="Volgende stap").click()
    page.keyboard.press("Space")
    face = clock_face(page)
    assert face["position"] == "Stap 2 van 5", "Space after a click on Volgende stap does not skip"
    assert page.locator("[data-timer-toggle]").inner_text() == "Verder", "it pauses"
    page.keyboard.press("Space")
    page.evaluate("window.switchTab(true)")
    run_for(page, 10)
    page.evaluate("window.switchTab(false)")
    assert held_locks(page) == 1, "the wake lock is taken again when the tab comes back"
    assert page.evaluate("window.tones") == 3 and len(page.evaluate("window.vibrations")) == 1
    assert "iw-timer--alarm" in page.locator("[data-timer]").get_attribute("class")
    run_for(page, 1)
    assert "iw-timer--alarm" in page.locator("[data-timer]").get_attribute("class"), "until someone acts"
    page.keyboard.press("Space")
    assert "iw-timer--alarm" not in page.locator("[data-timer]").get_attribute("class")
    assert held_locks(page) == 0, "a paused clock lets the screen sleep"
    page.locator("#iw-timer-sound").click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    run_for(page, 15)
    assert page.evaluate("window.tones") == 3, "no tone once it is turned off"
    context.close()


def test_a_group_far_behind_gets_the_minimums_then_runs_on_then_starts_over(browser, room):
    context, page = open_room_clock(browser, room, {"width": 1280, "height": 800})
    page.get_by_role("button", name="Start").click()
    run_for(page, 5 + 30)
    assert clock_face(page)["end"] == "30 min achter: klaar om 11:20 in plaats van 10:50."
    page.get_by_role("button", name="Inkorten: klaar om 10:58").click()
    minutes = [int(text.split()[0]) for text in page.locator("[data-step-minutes]").all_inner_texts()]
    assert minutes == STEPS[:1] + step_minimums(STEPS)[1:], "never below a step's minimum"
    assert "Korter kan niet" in page.locator("[data-timer-note]").inner_text()
    assert clock_face(page)["end"] == "Einde gepland om 10:58."
    page.keyboard.press("ArrowRight")
    run_for(page, step_minimums(STEPS)[1] + 2)
    page.get_by_role("button", name="Uitlopen tot 11:00").click()
    assert clock_face(page)["end"] == "Einde gepland om 11:00." and not page.locator("[data-timer-catch-up]").is_visible()
    assert page.get_by_role("button", name="Opnieuw beginnen").is_disabled(), "not while the clock runs"
    page.keyboard.press("Space")
    page.get_by_role("button", name="Opnieuw beginnen").click()
    page.reload()
    assert clock_face(page)["position"] == "Stap 1 van 5" and clock_face(page)["left"] == "5:00"
    assert clock_face(page)["end"] == "Klaar om 11:32 als je nu start.", "a new meeting, from now"
    context.close()


TEXT_WIDTH = """element => { const range = document.createRange(); range.selectNodeContents(element);
    const box = range.getBoundingClientRect(); return [box.width, box.height]; }"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["390", "1280"])
def test_every_control_is_on_screen_and_the_digits_read_across_a_room(browser, room, viewport):
    context, page = open_room_clock(browser, room, viewport)
    controls = page.locator("[data-timer-panel] button:visible, #iw-timer-sound")

    def off_screen() -> list[str]:
        boxes = [(controls.nth(i).inner_text() or "geluid", controls.nth(i).bounding_box()) for i in range(controls.count())]
        return [name for name, box in boxes if box["y"] < 0 or box["y"] + box["height"] > viewport["height"]]

    assert off_screen() == []
    width, height = page.locator("[data-timer-left]").evaluate(TEXT_WIDTH)
    if viewport is PHONE:
        assert width >= 0.8 * viewport["width"], "on a phone the digits fill the width"
    else:
        assert height >= 120, "from 3 m the digits need to be some 3 cm tall"
    page.get_by_role("button", name="Start").click()
    run_for(page, 5 + 4)
    page.locator("[data-timer-left]").click()
    assert page.locator("[data-timer-catch-up]").is_visible() and off_screen() == []
    context.close()


def test_without_javascript_the_clock_page_lists_the_steps(browser, server, catalogue):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}methoden/incidentmethode/klok/")
    assert not tab.locator("[data-timer-panel]").is_visible()
    assert tab.locator("[data-timer-steps] > li").count() == len(catalogue.methods["incidentmethode"].steps)
    context.close()
