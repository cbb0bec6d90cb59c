"""The handbook does not depend on one engine: Zensical, Material's successor, builds the
same pages as MkDocs (its search is its own; search quality is not compared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from intervisiewijzer.adapters import zensical_build

pytestmark = pytest.mark.build


def pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))


def step_titles(site: Path, url: str) -> list[str]:
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [" ".join(h.get_text().replace("¶", "").split()) for h in page.select("article .iw-step h3")]


def test_zensical_builds_the_same_pages_as_mkdocs(project, site, catalogue):
    out = project / "site-zensical"
    assert zensical_build.build(out, project), "Zensical could not build the handbook"
    assert pages(out) == pages(site)
    assert len(pages(out)) > 3 * len(catalogue.methods)
    method = catalogue.methods["balintmethode"]
    expected = [f"{n}. {step.title}" for n, step in enumerate(method.steps, start=1)]
    assert step_titles(out, "methoden/balintmethode") == step_titles(site, "methoden/balintmethode") == expected
    assert not (project / ".zensical").exists() and not (project / ".zensical.yml").exists(), "the stage is cleaned up"
