"""Readability of the handbook's own pages, measured with Flesch-Douma (textstat, nl).

Measured on the built HTML: the text of paragraphs, list items and definitions in the
article, outside tables. Every page scores 50 or more; the handbook averages 60 or more.
Run with ``-s`` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat
from bs4 import BeautifulSoup

from .conftest import ROOT

pytestmark = [pytest.mark.build, pytest.mark.handbook]
DOCS = ROOT / "docs"
# The bibliography is a reference list (authors, titles, links), not prose to read.
NOT_PROSE = {"intervisie/bronnen.md"}
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.relative_to(DOCS).as_posix() not in NOT_PROSE)
MINIMUM, AVERAGE = 50, 60


def html_path(site: Path, src: str) -> Path:
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def prose(html: str) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    # Tables, code and lists of publications (authors, titles, addresses) are not prose.
    for tag in article.select("table, pre, code, .headerlink, .iw-sources, .iw-bibliography"):
        tag.decompose()
    parts = []
    for element in article.select("p, li, dd"):
        if element.find(["p", "ul", "ol"]):
            continue
        sentence = " ".join(element.get_text(" ").split())
        if sentence:
            parts.append(sentence if sentence[-1] in ".?!:" else sentence + ".")
    return " ".join(parts)


def score(text: str) -> float:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


@pytest.fixture(scope="module")
def scores(site) -> dict[str, float]:
    result = {src: score(prose(html_path(site, src).read_text(encoding="utf-8"))) for src in PAGES}
    for src, value in result.items():
        print(f"readability {value:5.1f}  {src}")
    print(f"readability {sum(result.values()) / len(result):5.1f}  average of {len(result)} pages")
    return result


@pytest.mark.parametrize("src", PAGES)
def test_every_page_is_readable(scores, src):
    assert scores[src] >= MINIMUM, f"{src} scores {scores[src]:.1f} (Flesch-Douma), below {MINIMUM}"


def test_handbook_average(scores):
    average = sum(scores.values()) / len(scores)
    assert average >= AVERAGE, f"average Flesch-Douma {average:.1f}, below {AVERAGE}"
