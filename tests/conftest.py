from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from macros.build import build

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_METHOD = {
    "name": "Testmethode",
    "summary": "Een korte methode om de bouw te testen.",
    "goal": "Testen.",
    "fits": ["Testvragen."],
    "group_size": {"min": 3, "max": 6},
    "experience": "geen",
    "facilitator": "groepslid",
    "steps": [
        {"title": "Vraag", "minutes": 5, "description": "De inbrenger vertelt.", "roles": {"inbrenger": "Vertelt."}},
        {"title": "Vragen", "minutes": 10, "description": "De groep vraagt.", "roles": {"vragensteller": "Vraagt."}},
    ],
    "sources": [{"ref": "testbron"}],
}
SOURCES_YAML = "testbron:\n  author: Test\n  title: Testbron\n  used_for: Testen.\n"


def method_yaml(**changes) -> str:
    return yaml.safe_dump({**MINIMAL_METHOD, **changes}, allow_unicode=True, sort_keys=False)


@pytest.fixture
def methods_dir(tmp_path: Path) -> Path:
    """A methods folder holding only the real roles file."""
    folder = tmp_path / "methods"
    folder.mkdir()
    shutil.copy(ROOT / "methods" / "_roles.yml", folder)
    (folder / "_sources.yml").write_text(SOURCES_YAML, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away project: the real config, docs and code, and a copy of the methods."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "macros"):
        (folder / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "methods", folder / "methods")
    with (folder / "methods" / "_sources.yml").open("a", encoding="utf-8") as sources:
        sources.write(SOURCES_YAML)
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test run."""
    out = tmp_path_factory.mktemp("built") / "site"
    assert build(out, ROOT), "the real handbook does not build"
    return out


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright. Skips locally without Chromium; fails in CI."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing at /usr/bin/chromium (CI installs it: apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(chromium),
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
    """The built site served on a free port on 127.0.0.1; yields its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture
def page(browser, server):
    """A fresh browser page that records every request to a host other than the local server."""
    context = browser.new_context()
    tab = context.new_page()
    tab.foreign_requests = []
    tab.on("request", lambda r: r.url.startswith(server) or r.url.startswith("data:") or tab.foreign_requests.append(r.url))
    yield tab
    context.close()
