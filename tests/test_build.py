"""The build as a whole: data stays data, and a failed build never destroys the last site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.build import build

from .conftest import method_yaml

pytestmark = pytest.mark.build

HOSTILE = "Let op <script>alert('x')</script> en {{ 7*7 }} en {% if 1 %}ja{% endif %} en {: onclick=\"x\" }"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def good_site(tmp_path, project) -> Path:
    out = tmp_path / "site"
    assert build(out, project)
    return out


def test_yaml_text_is_data_never_markup_or_template(tmp_path, project):
    (project / "methods" / "vijandig.yml").write_text(
        method_yaml(
            name="Vijandig [x](y) *z* & co",
            summary=HOSTILE,
            tips=[HOSTILE],
            steps=[
                {"title": "{{ 7*7 }}", "minutes": 5, "description": HOSTILE, "roles": {"inbrenger": HOSTILE}},
                {"title": "<b>Twee</b>", "minutes": 5, "description": "x", "roles": {"vragensteller": "y"}},
            ],
        ),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert build(out, project)
    html = (out / "methoden" / "vijandig" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    article = page.select_one("article")
    assert article.select_one(".iw-lead").get_text(strip=True) == HOSTILE
    assert article.h1.get_text() == "Vijandig [x](y) *z* & co"
    assert [th.get_text() for th in article.select(".iw-steps table tbody th")] == ["{{ 7*7 }}", "<b>Twee</b>"]
    assert article.select("script") == [] and article.select("b") == []
    assert "49" not in article.get_text()
    assert not article.select("[onclick]")
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Let op <script>")


def test_bad_data_fails_the_build_and_keeps_the_old_site(tmp_path, project, good_site):
    before = snapshot(good_site)
    (project / "methods" / "kapot.yml").write_text("name: Kapot\nsteps: [\n")
    assert not build(good_site, project)
    assert snapshot(good_site) == before


def test_a_warning_fails_the_build_and_keeps_the_old_site(tmp_path, project, good_site):
    before = snapshot(good_site)
    docs = project / "docs"
    docs.unlink()
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n[kapot](bestaat-niet.md)\n")
    (docs / "methoden").mkdir()
    (docs / "methoden" / "index.md").write_text("# Methoden\n")
    assert not build(good_site, project)
    assert snapshot(good_site) == before


def test_make_build_reports_bad_data_in_one_line_without_traceback(tmp_path, project):
    (project / "methods" / "kapot.yml").write_text("name: Kapot\n\tsteps: 3\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "methods/kapot.yml:2:1: tab in indentation: YAML indents with spaces" in result.stderr
