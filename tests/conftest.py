"""Shared fixtures: data folders, scenario mini-projects, the real handbook, Chromium.

A test builds the smallest site that shows its behaviour (a scenario under
tests/scenarios/, as mkdocs-macros-plugin tests itself); only tests about the whole
handbook use the real one, built once per run. Nothing here loads the handbook's data at
import time: one broken data file fails the tests about data, not test collection.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from intervisiewijzer.adapters.build import build

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
CHROMIUM = Path("/usr/bin/chromium")

MINIMAL_METHOD = {
    "name": "Testmethode",
    "summary": "Een korte methode om de bouw te testen.",
    "goal": "Testen.",
    "fits": ["Testvragen."],
    "group_size": {"min": 3, "max": 6},
    "experience": "geen",
    "facilitator": "groepslid",
    "steps": [
        {"title": "Vraag", "minutes": 5, "description": "De inbrenger vertelt.", "roles": {"inbrenger": "Vertel."}},
        {"title": "Vragen", "minutes": 10, "description": "De groep vraagt.", "roles": {"vragensteller": "Vraag."}},
    ],
    "sources": [{"ref": "testbron"}],
}
SOURCES_YAML = "testbron:\n  author: Test\n  title: Testbron\n  used_for: Testen.\n"


def method_yaml(**changes) -> str:
    return yaml.safe_dump({**MINIMAL_METHOD, **changes}, allow_unicode=True, sort_keys=False)


def method_slugs() -> list[str]:
    """The real handbook's method slugs, from the file names (no data is loaded)."""
    return sorted(p.stem for p in (ROOT / "methods").glob("[a-z0-9]*.yml"))


@pytest.fixture
def methods_dir(tmp_path: Path) -> Path:
    """A methods folder with the real roles file and one test source."""
    folder = tmp_path / "methods"
    folder.mkdir()
    shutil.copy(ROOT / "methods" / "_roles.yml", folder)
    (folder / "_sources.yml").write_text(SOURCES_YAML, encoding="utf-8")
    return folder


def scenario(name: str, tmp_path: Path) -> Path:
    """A copy of the self-contained project tests/scenarios/<name>, built with the
    installed plugin like any organisation's handbook."""
    folder = tmp_path / name
    shutil.copytree(SCENARIOS / name, folder)
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the real handbook's data, with its config and pages."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        (folder / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "methods", folder / "methods")
    with (folder / "methods" / "_sources.yml").open("a", encoding="utf-8") as sources:
        sources.write(SOURCES_YAML)
    return folder


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed command ``intervisiewijzer``, as an author runs it."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "intervisiewijzer"), *args],
        cwd=cwd, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


@pytest.fixture(scope="session")
def catalogue():
    """The real handbook's data, loaded once (a data error fails the tests that use it)."""
    from intervisiewijzer.data import load_catalogue

    return load_catalogue(ROOT / "methods", ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test run."""
    out = tmp_path_factory.mktemp("built") / "site"
    assert build(out, ROOT), "the real handbook does not build"
    return out


def serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright. Skips locally without Chromium; fails in CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is missing at {CHROMIUM} (CI installs it: apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def server(site):
    """The built handbook served on a free port on 127.0.0.1; yields its base URL."""
    httpd = serve(site)
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture
def page(browser, server):
    """A fresh browser page. Whatever a test does with it, the site asks no other server
    for anything: every request to another host fails the test."""
    context = browser.new_context()
    tab = context.new_page()
    tab.foreign_requests = []
    tab.on("request", lambda r: r.url.startswith((server, "data:", "blob:")) or tab.foreign_requests.append(r.url))
    yield tab
    context.close()
    assert tab.foreign_requests == [], f"the site asked another server: {tab.foreign_requests[:3]}"


def build_room(folder: Path, address: str = "https://example.org/handboek/") -> Path:
    """The room scenario built into folder/www/handboek/ for a site at this address; returns www."""
    project = folder / "room" if (folder / "room").exists() else scenario("room", folder)
    before = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = address
    try:
        assert build(folder / "www" / "handboek", project), "the room scenario does not build"
    finally:
        os.environ.pop("SITE_URL") if before is None else os.environ.update(SITE_URL=before)
    return folder / "www"


@pytest.fixture(scope="session")
def room(tmp_path_factory):
    """The room scenario served under /handboek/, at the address it was built for; yields
    that address."""
    folder = tmp_path_factory.mktemp("room")
    (folder / "www").mkdir()
    httpd = serve(folder / "www")
    address = f"http://127.0.0.1:{httpd.server_port}/handboek/"
    build_room(folder, address)
    yield address
    httpd.shutdown()
