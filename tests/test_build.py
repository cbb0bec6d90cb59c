"""The safe build: data stays data, one line per problem, and a failed build never
destroys the last good site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intervisiewijzer.adapters.build import build

from .conftest import command, method_yaml, scenario

pytestmark = pytest.mark.build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def minimal(tmp_path) -> Path:
    return scenario("minimal", tmp_path)


@pytest.fixture
def good_site(tmp_path, minimal) -> Path:
    out = tmp_path / "site"
    assert build(out, minimal)
    return out


def test_bad_data_fails_the_build_and_keeps_the_old_site(minimal, good_site, capfd):
    before = snapshot(good_site)
    (minimal / "methods" / "kapot.yml").write_text("name: Kapot\nsteps: [\n")
    assert not build(good_site, minimal)
    assert snapshot(good_site) == before
    err = capfd.readouterr().err
    assert "methods/kapot.yml:3:1: fout in de YAML-opmaak" in err and "Traceback" not in err


def test_a_warning_fails_the_build_and_keeps_the_old_site(minimal, good_site, capfd):
    before = snapshot(good_site)
    (minimal / "docs" / "index.md").write_text("# Home\n\n[kapot](bestaat-niet.md)\n")
    assert not build(good_site, minimal)
    assert snapshot(good_site) == before
    assert "bestaat-niet.md" in capfd.readouterr().err


def test_an_unknown_source_on_a_hand_written_page_is_one_line(minimal, good_site, capfd):
    page = minimal / "docs" / "index.md"
    page.write_text('---\nrender_macros: true\n---\n# Home\n\n{{ sources("bestaat-niet") }}\n')
    assert not build(good_site, minimal)
    err = capfd.readouterr().err
    assert "docs/index.md: sources(): onbekende bron bestaat-niet: voeg haar toe aan methods/_sources.yml" in err
    assert "Traceback" not in err


def test_mkdocs_itself_reports_bad_data_in_one_line_without_traceback(tmp_path, minimal):
    (minimal / "methods" / "kapot.yml").write_text("name: Kapot\n\tsteps: 3\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
        cwd=minimal, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "methods/kapot.yml:2:1: een tab bij het inspringen: YAML springt in met spaties" in result.stderr


def test_the_command_line_checks_data_in_one_line_per_problem(minimal):
    (minimal / "methods" / "kapot.yml").write_text(method_yaml(goal=5))
    result = command("check", cwd=minimal)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["methods/kapot.yml:3:1: goal: hier hoort tekst, maar er staat een getal 5 (zet het tussen aanhalingstekens)"]


@pytest.fixture
def site_url_from_env(minimal) -> Path:
    """The minimal handbook with its address from the environment, as a published one has it."""
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://example.org/handboek/", 'site_url: !ENV [SITE_URL, ""]'), encoding="utf-8")
    return minimal


def test_without_site_url_no_local_address_is_published_and_the_build_says_so(tmp_path, site_url_from_env, capfd, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    out = tmp_path / "site"
    assert build(out, site_url_from_env)
    err = capfd.readouterr().err
    assert err.count("SITE_URL is niet gezet") == 1
    published = (out / "sitemap.xml").read_text(encoding="utf-8") + (out / "index.html").read_text(encoding="utf-8")
    assert "127.0.0.1" not in published and "localhost" not in published
    assert 'rel="canonical"' not in (out / "index.html").read_text(encoding="utf-8")


def test_with_site_url_pages_carry_their_published_address(tmp_path, site_url_from_env, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://handboek.example.org/intervisie/")
    out = tmp_path / "site"
    assert build(out, site_url_from_env)
    assert '<link rel="canonical" href="https://handboek.example.org/intervisie/methoden/testmethode/">' in (
        out / "methoden" / "testmethode" / "index.html"
    ).read_text(encoding="utf-8")
    assert "<loc>https://handboek.example.org/intervisie/methoden/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
