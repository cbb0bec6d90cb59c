"""The author's dev server (`mkdocs serve`, which `make serve` runs): broken data shows where
the author looks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from .conftest import scenario

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dev_server(tmp_path):
    project = scenario("minimal", tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "Serving on" in line:
            break
    yield project, f"http://127.0.0.1:{port}/handboek/", lines, process  # mounted at the site_url path
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)


def test_broken_data_shows_an_error_page_and_the_fixed_page_comes_back(dev_server, browser):
    project, url, lines, process = dev_server
    page = browser.new_page()
    page.goto(url + "methoden/testmethode/")
    assert page.locator("article h1").inner_text() == "Testmethode"
    method = project / "methods" / "testmethode.yml"
    good = method.read_text(encoding="utf-8")
    method.write_text(good.replace("minutes: 10", "minutes: tien").replace("goal:", "doel:"), encoding="utf-8")
    page.wait_for_function("() => document.title.startsWith('Fout in de gegevens')", timeout=20_000)
    problems = [" ".join(li.split()) for li in page.locator("li").all_inner_texts()]
    assert problems == [
        "methods/testmethode.yml, regel 1, kolom 1, veld goal Dit veld ontbreekt.",
        "methods/testmethode.yml, regel 3, kolom 1, veld doel Onbekend veld.",
        "methods/testmethode.yml, regel 19, kolom 5, veld steps[1].minutes Hier hoort een heel getal, maar er staat 'tien'.",
    ]
    other = browser.new_page()
    response = other.goto(url + "methoden/", timeout=5_000)
    assert response.ok and other.title().startswith("Fout in de gegevens"), "every page answers at once"
    other.close()
    page.bring_to_front()
    method.write_text(good, encoding="utf-8")
    page.wait_for_function("() => document.title.startsWith('Testmethode')", timeout=20_000)
    assert page.locator("article .iw-step").count() == 2
    page.close()


def test_the_terminal_shows_the_problems_without_noise(dev_server, browser):
    project, url, lines, process = dev_server
    assert not [line for line in lines if "[macros]" in line], "the macros plugin's chatter"
    assert not [line for line in lines if "Traceback" in line]


def test_an_edit_reaches_the_open_tab_and_the_search(dev_server, browser):
    """A rebuild leaves the search entries of unchanged pages as they were; the edited page's are new."""
    project, url, lines, process = dev_server
    page = browser.new_page()
    page.goto(url + "methoden/testmethode/")
    before = page.request.get(url + "search/search_index.json").json()["docs"]
    method = project / "methods" / "testmethode.yml"
    method.write_text(method.read_text(encoding="utf-8").replace("Vragen stellen", "Doorvragen"), encoding="utf-8")
    page.wait_for_function("() => document.querySelector('article').textContent.includes('Doorvragen')", timeout=20_000)
    after = page.request.get(url + "search/search_index.json").json()["docs"]
    assert [doc["location"] for doc in after] == [doc["location"] for doc in before]
    assert "Doorvragen" in json.dumps(after) and "Vragen stellen" not in json.dumps(after)
    unchanged = [doc for doc in before if "testmethode" not in doc["location"]]
    assert unchanged and all(doc in after for doc in unchanged)
    page.close()
