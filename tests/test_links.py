"""Every internal link and anchor in the built HTML resolves, also those in the raw
HTML that macros emit (MkDocs' own validation does not see those)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build
BASE = "http://site.invalid/"


@cache
def ids_of(path: Path) -> frozenset[str]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(tag["id"] for tag in page.find_all(id=True))


def target(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def test_internal_links_and_anchors_resolve(site):
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        page_url = urljoin(BASE, page.relative_to(site).as_posix())
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            href = tag.get("href") or tag.get("src")
            url = urljoin(page_url, href)
            if not url.startswith(BASE) or page.name == "404.html":
                continue
            file = target(site, url)
            fragment = urlparse(url).fragment
            if not file.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif fragment and file.suffix == ".html" and unquote(fragment) not in ids_of(file):
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert broken == []
