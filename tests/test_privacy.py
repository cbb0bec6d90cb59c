"""The built site asks no third party for anything: not in its files, not in a browser."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

# Absolute URLs that appear as text in third-party files but are never requested:
# licence headers, XML namespaces, links in console warnings of Material's bundle.
NOT_REQUESTS = re.compile(
    r"^https?://(www\.w3\.org/|bit\.ly/|t\.ly/|github\.com/|opensource\.org/|www\.mozilla\.org/|"
    r"snowball\.tartarus\.org|code\.google\.com/|squidfunk\.github\.io/|mkdocs\.org|www\.mkdocs\.org)"
)
RESOURCE_IN_HTML = re.compile(r"""<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*?\b(?:src|href)=["']([^"']+)""", re.I)
URL_IN_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.I)
URL_IN_JS = re.compile(r"""["'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'`\s]*)""", re.I)


# Requests Material's bundle only makes for features this site does not use, or for
# browsers older than ResizeObserver (2020). The test below checks the conditions.
DORMANT = {
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only on pages with Mermaid diagrams",
    "https://api.github.com/repos/${e}/${t}": "only with repo_url set",
    "https://api.github.com/users/${e}": "only with repo_url set",
}


def test_dormant_requests_stay_dormant():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url" not in config and "mermaid" not in config
    assert not [p for p in ROOT.joinpath("docs").rglob("*.md") if "```mermaid" in p.read_text(encoding="utf-8")]


def local(url: str, site_url: str) -> bool:
    return not re.match(r"^(https?:)?//", url) or url.startswith(site_url)


@pytest.mark.build
def test_built_files_reference_no_third_party(site):
    site_url = "http://127.0.0.1:8000/"
    found = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            urls = RESOURCE_IN_HTML.findall(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            urls = URL_IN_CSS.findall(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js":
            urls = URL_IN_JS.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        found += [
            f"{path.relative_to(site)}: {u}"
            for u in urls
            if not local(u, site_url) and not NOT_REQUESTS.match(u) and u not in DORMANT
        ]
    assert found == []


def test_our_sources_name_no_third_party_asset():
    pattern = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs|googletagmanager")
    sources = [*ROOT.joinpath("docs").rglob("*"), *ROOT.joinpath("overrides").rglob("*"), ROOT / "mkdocs.yml"]
    hits = [str(p) for p in sources if p.is_file() and pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert hits == []


# Every browser test that uses the `page` fixture fails on a request to another host
# (conftest.py); this one also waits until the network is quiet on the pages of the theme.
PAGES = ["", "methoden/balintmethode/", "methoden/balintmethode/klok/"]


@pytest.mark.browser
def test_browser_requests_only_the_local_server(page, server):
    for url in PAGES:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("roddel", delay=10)
    page.wait_for_selector(".md-search-result__item")
    assert page.foreign_requests == []
