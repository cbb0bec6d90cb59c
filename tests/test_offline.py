"""The handbook offline, in a room: the service worker and the web app manifest.

Most tests use the room scenario (tests/scenarios/room/): one method of five steps, two
forms, instant navigation, published under a path and served under /handboek/ as its
site_url says. The journey runs a meeting on the clock in Chromium with a fake clock, at
390 px, without a network.
"""

from __future__ import annotations

import json
import re
import struct
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intervisiewijzer.adapters import offline
from intervisiewijzer.views.planning import step_minimums

from .conftest import build_room

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MORNING = datetime(2027, 3, 15, 9, 50, tzinfo=AMSTERDAM)
METHOD = "methoden/zaalmethode/"
STEPS = [5, 10, 15, 10, 10]  # the room method's minutes, as in its data file
PHONE = {"width": 390, "height": 664}  # a phone's screen with the browser's bars


def phone(browser):
    """A phone in Amsterdam; every request the site makes, from its pages or its worker,
    is recorded, to show that it asks no other server."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Amsterdam", has_touch=True)
    context.asked = []
    context.on("request", lambda request: context.asked.append(request.url))
    return context


def kept(page, *paths: str, timeout: float = 15) -> None:
    """Wait until the service worker has kept these addresses (relative to the site)."""
    script = """async urls => (await Promise.all(urls.map(u => caches.match(u)))).every(Boolean)"""
    base = page.evaluate("document.querySelector('link[rel=manifest]').href").rsplit("/", 1)[0] + "/"
    urls = [base + path for path in paths]
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, urls):
        assert time.monotonic() < deadline, f"the worker did not keep {paths}"
        time.sleep(0.2)


def clock_face(page) -> dict[str, str]:
    """What the clock shows: the step, the time left, the end of the meeting, the next step."""
    return {name: page.locator(f"[data-timer-{name}]").inner_text() for name in ("position", "left", "end", "next")}


def run_for(page, minutes: int, seconds: int = 0) -> None:
    """Let the fake clock run, plus the quarter second between two redraws."""
    page.clock.run_for((minutes * 60 + seconds) * 1000 + 300)


# ---- Without a browser ------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def worker_data(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"self\.IW_OFFLINE = (.*);\n", text).group(1))


@pytest.mark.build
def test_the_handbook_can_go_on_a_home_screen(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Intervisiewijzer" and manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./", "relative to the manifest: the site may live under a path"
    assert manifest["theme_color"] == offline.THEME_COLOUR
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes and any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert png_size((site / icon["src"]).read_bytes()) == tuple(map(int, icon["sizes"].split("x")))
    head = (site / "methoden" / "balintmethode" / "klok" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert '<link rel="manifest" href="../../../manifest.webmanifest">' in head
    assert f'<meta name="theme-color" content="{offline.THEME_COLOUR}">' in head


@pytest.mark.build
def test_the_worker_names_only_files_of_the_build_relative_to_itself(site):
    data = worker_data(site)
    addresses = [*data["shell"], *data["forms"], *data["all"], *(url for group in data["groups"] for url in group)]
    assert not [url for url in addresses if re.match(r"^(/|[a-z]+:)", url)], "an absolute address breaks a site under a path"
    missing = [url for url in addresses if not (site / url).is_file() and not (site / url / "index.html").is_file()]
    assert missing == []
    assert ["methoden/balintmethode/", "methoden/balintmethode/klok/", "methoden/balintmethode/rolkaarten/",
            "methoden/balintmethode/draaiboek/"] in data["groups"]
    assert "checklists/intervisiecontract/" in data["forms"]
    assert not [url for url in data["all"] if url.endswith(".map") or "lunr.de." in url], "only what a reader needs"
    assert "search/search_index.json" in data["shell"], "search works offline after one visit"


@pytest.mark.build
def test_a_new_build_has_a_new_cache_and_mkdocs_serve_none(tmp_path):
    www = build_room(tmp_path)
    first = worker_data(www / "handboek")["version"]
    assert build_room(tmp_path) and worker_data(www / "handboek")["version"] == first, "the same files, the same cache"
    method = tmp_path / "room" / "methods" / "zaalmethode.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("Casus kiezen", "Een casus kiezen"), encoding="utf-8")
    build_room(tmp_path)
    assert worker_data(www / "handboek")["version"] != first
    # Under `mkdocs serve` a page being edited never comes from a cache: the worker removes itself.
    offline.write(tmp_path, None, None, serving=True)
    assert "self.IW_OFFLINE = null;" in (tmp_path / "sw.js").read_text(encoding="utf-8")


# ---- In Chromium ------------------------------------------------------------------


@pytest.mark.browser
def test_a_group_of_seven_runs_its_meeting_on_a_phone_without_a_network(browser, room):
    context = phone(browser)
    page = context.new_page()
    page.clock.install(time=MORNING)
    page.goto(room + METHOD)
    kept(page, METHOD, METHOD + "klok/", METHOD + "rolkaarten/", METHOD + "draaiboek/", "checklists/verslag/")
    context.set_offline(True)

    # The role cards for seven and the forms open without a network.
    page.goto(room + METHOD + "rolkaarten/?deelnemers=7")
    assert page.title().startswith("Rolkaarten: Zaalmethode")
    page.goto(room + "checklists/verslag/")
    assert page.locator("article h1").inner_text().startswith("Verslag")

    # Back on the method page, the link to the clock is followed by instant navigation.
    page.goto(room + METHOD)
    page.evaluate("window.stillTheSameDocument = true")
    page.get_by_role("link", name="Klok voor de tijdbewaker").click()
    page.wait_for_url(room + METHOD + "klok/")
    page.locator("[data-timer-panel]").wait_for()
    assert page.evaluate("window.stillTheSameDocument === true"), "instant navigation swapped the page"
    page.clock.pause_at(datetime(2027, 3, 15, 10, 0, tzinfo=AMSTERDAM))
    assert clock_face(page)["end"] == "Klaar om 10:50 als je nu start."

    # Three steps.
    page.get_by_role("button", name="Start").click()
    assert clock_face(page)["end"] == "Einde gepland om 10:50."
    run_for(page, 5)
    panel = page.locator("[data-timer-panel]").bounding_box()
    screen = page.evaluate("[document.documentElement.clientWidth, document.documentElement.clientHeight]")
    assert [panel["x"], panel["y"], panel["width"], panel["height"]] == [0, 0, *screen], "the end of a step fills the screen"
    page.get_by_role("button", name="Volgende stap").click()
    assert clock_face(page)["position"] == "Stap 2 van 5" and clock_face(page)["left"] == "10:00"
    run_for(page, 4)
    page.reload()  # in the middle of step 2: the phone dropped the tab
    face = clock_face(page)
    assert (face["position"], face["left"], face["end"]) == ("Stap 2 van 5", "6:00", "Einde gepland om 10:50.")
    run_for(page, 6)
    page.keyboard.press("ArrowRight")
    assert clock_face(page)["position"] == "Stap 3 van 5"

    # Step 3 runs four minutes over: the clock says so and offers to catch up.
    run_for(page, 15 + 4)
    page.locator("[data-timer-left]").click()  # someone acts: the screen takes its own colour again
    face = clock_face(page)
    assert face["left"] == "+4:00" and face["end"] == "4 min achter: klaar om 10:54 in plaats van 10:50."
    page.get_by_role("button", name=re.compile("^Inkorten")).click()
    steps = [int(text.split()[0]) for text in page.locator("[data-step-minutes]").all_inner_texts()]
    assert steps[:3] == STEPS[:3]
    assert all(m >= least for m, least in zip(steps[3:], step_minimums(STEPS)[3:])), "never below a step's minimum"
    assert sum(steps[3:]) == 15, "the remaining steps fill the time left to the planned end"
    assert clock_face(page)["end"] == "Einde gepland om 10:50."
    assert clock_face(page)["next"] == f"Hierna: 4. Adviezen geven ({steps[3]} min)"
    assert not page.locator("[data-timer-catch-up]").is_visible()

    assert [url for url in context.asked if not url.startswith(room) and not url.startswith("data:")] == []
    context.close()


@pytest.mark.browser
def test_the_whole_handbook_is_kept_with_one_button(browser, room):
    context = phone(browser)
    page = context.new_page()
    page.goto(room + "printen/")
    page.get_by_role("button", name="Bewaar het handboek op dit apparaat").click()
    page.get_by_text("Klaar: het hele handboek werkt nu ook zonder internet").wait_for(timeout=30000)
    context.set_offline(True)
    page.goto(room + "rollen/")  # never opened before
    assert page.title().startswith("Rollen")
    page.goto(room + "intervisie/nergens/")
    assert page.locator("h1").inner_text() == "Deze pagina is niet bewaard"
    context.close()
