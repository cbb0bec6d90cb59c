"""Every internal link and anchor in the built HTML resolves, also those in the raw
HTML that macros emit (MkDocs' own validation does not see those)."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

pytestmark = pytest.mark.build
BASE = "http://site.invalid/"
# The built HTML is written by templates, with attributes in double quotes: a pattern reads
# its links and ids as well as a parser does, in a fraction of the time.
LINK = re.compile(r"<(?:a|link|script|img)\b[^>]*?\s(?:href|src)=\"([^\"]*)\"")
ID = re.compile(r"\sid=\"([^\"]*)\"")


@cache
def ids_of(path: Path) -> frozenset[str]:
    return frozenset(html.unescape(i) for i in ID.findall(path.read_text(encoding="utf-8")))


def target(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def test_internal_links_and_anchors_resolve(site):
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        page_url = urljoin(BASE, page.relative_to(site).as_posix())
        for href in map(html.unescape, LINK.findall(page.read_text(encoding="utf-8"))):
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
