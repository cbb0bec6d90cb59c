"""Scenario projects, each built the way an organisation builds its own handbook: a folder
with its own mkdocs.yml, methods/ and docs/, and the installed plugin. One of them is made
by `intervisiewijzer new`, as a newcomer would start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from intervisiewijzer.adapters.build import build

from .conftest import command, scenario

pytestmark = pytest.mark.build

HOSTILE = "Let op <script>alert('x')</script> en {{ 7*7 }} en {% if 1 %}ja{% endif %} en {: onclick=\"x\" } en </style>"


def pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(site: Path, url: str) -> str:
    return " ".join(soup(site, url).select_one("article").get_text(" ").split())


def test_a_handbook_with_one_method_and_no_training_builds(tmp_path):
    out = tmp_path / "site"
    assert build(out, scenario("minimal", tmp_path))
    # The default pages (the print overview, the roles, the bibliography) come with the
    # plugin; no planner, because no role rotates in this handbook.
    assert pages(out) == [
        ".", "intervisie/bronnen", "methoden", "methoden/testmethode", "methoden/testmethode/draaiboek",
        "methoden/testmethode/klok", "methoden/testmethode/rolkaarten", "printen", "rollen",
    ]
    page = soup(out, "methoden/testmethode")
    assert [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article .iw-step h3")] == [
        "1. Vraag inbrengen",
        "2. Vragen stellen",
    ]
    assert "Testmethode" in text(out, "methoden")


def test_an_organisation_restyles_the_fact_box_and_one_block(tmp_path):
    out = tmp_path / "site"
    assert build(out, scenario("override", tmp_path))
    article = soup(out, "methoden/testmethode").select_one("article")
    box = article.select_one(".huisstijl-kenmerken")
    assert box is not None and article.select_one("aside.iw-facts") is None
    assert box.get_text(" ", strip=True) == "Zo lang duurt het: 15 minuten, 2 stappen. Zoveel mensen: 3 tot 6 personen."
    # The page extends the handbook's own and replaces one block; the rest is the handbook's.
    assert article.select_one(".huisstijl-tips").get_text() == "Vraag de intervisiecoach van ons team om tips."
    assert len(article.select(".iw-step")) == 2 and article.select_one("#bron") is not None


def test_a_mistake_in_an_own_template_names_the_template_and_the_line(tmp_path, capfd):
    project = scenario("override", tmp_path)
    facts = project / "overrides" / "intervisiewijzer" / "method" / "facts.html"
    facts.write_text(facts.read_text(encoding="utf-8").replace("page.facts.group.value", "page.feiten.groep"), encoding="utf-8")
    assert not build(tmp_path / "site", project)
    err = capfd.readouterr().err
    line = next(line for line in err.splitlines() if "facts.html" in line)
    assert line.startswith("overrides/intervisiewijzer/method/facts.html:4: ")
    assert "feiten" in line and "eigen sjabloon" in line
    assert "Intervisiewijzer zelf" not in err and "Traceback" not in err


def test_a_bug_of_ours_is_one_line_and_keeps_its_cause_for_the_report(tmp_path, capfd, monkeypatch):
    from intervisiewijzer.views import method

    def broken(catalogue, slug):
        return 1 / 0

    monkeypatch.setattr(method, "method_page", broken)
    assert not build(tmp_path / "site", scenario("minimal", tmp_path))
    err = capfd.readouterr().err
    line = next(line for line in err.splitlines() if "ZeroDivisionError" in line)
    assert line.startswith("docs/methoden/testmethode.md: ZeroDivisionError: division by zero")
    assert "fout in Intervisiewijzer zelf" in line and "Traceback" not in err
    report = Path(line.rsplit(" ", 1)[-1].rstrip(")"))
    assert "Traceback" in report.read_text(encoding="utf-8") and "views" not in line.split(":")[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    out = tmp / "site"
    assert build(out, scenario("hostile", tmp))
    return out


@pytest.mark.parametrize(
    "url", ["methoden/vijandig", "methoden/vijandig/rolkaarten", "methoden/vijandig/draaiboek", "checklists/lijst"]
)
def test_data_text_shows_as_typed_and_never_runs(hostile, url):
    article = soup(hostile, url).select_one("article")
    assert article.select("script:not([type='application/json'])") == []
    assert article.select("b, style, [onclick]") == []
    page_text = " ".join(article.get_text(" ").split())
    assert HOSTILE in page_text
    assert "49" not in page_text, "a template expression in the data was evaluated"


def test_names_stay_text_in_titles_and_links(hostile):
    page = soup(hostile, "methoden/vijandig")
    assert page.h1.get_text() == "Vijandig [x](y) *z* & co"
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Let op <script>")
    assert [th.get_text(" ", strip=True).rstrip("¶").strip() for th in page.select(".iw-step h3")] == [
        "1. {{ 7*7 }}",
        "2. <b>Twee</b>",
    ]


def test_a_glossary_definition_is_text_too(hostile):
    abbr = soup(hostile, "methoden/vijandig").select("article abbr")
    assert len(abbr) == 1, "a term is marked once on a page"
    assert abbr[0].get_text() == "alert" and abbr[0]["title"] == HOSTILE


def test_mkdocs_reads_mkdocs_yml_as_material_documents_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOEK_NAAM", "Ons eigen handboek")
    out = tmp_path / "site"
    assert build(out, scenario("material-config", tmp_path))
    home = soup(out, ".")
    assert home.title.get_text().endswith("Ons eigen handboek")
    assert home.select_one("article .twemoji") is not None, "the emoji extension ran"
    assert len(soup(out, "methoden/testmethode").select("article .iw-step")) == 2


# ---- A newcomer's handbook, from `intervisiewijzer new` -----------------------------------

NEW_METHOD = {
    "name": "Vragenronde",
    "summary": "Iedereen stelt een vraag aan de inbrenger. Daarna kiest de inbrenger wat hij meeneemt.",
    "goal": "De inbrenger kijkt met de vragen van anderen naar zijn casus.",
    "fits": ["Een vraag over je eigen handelen."],
    "group_size": {"min": 4, "max": 8},
    "experience": "geen",
    "facilitator": "groepslid",
    "steps": [
        {"title": "Casus vertellen", "minutes": 10, "description": "De inbrenger vertelt.",
         "roles": {"inbrenger": "Vertel je casus en je vraag.", "procesbegeleider": "Leg de stappen uit."}},
        {"title": "Vragen", "minutes": 20, "description": "Ieder stelt een vraag.",
         "roles": {"vragensteller": "Stel een open vraag.", "inbrenger": "Luister en schrijf de vragen op."}},
        {"title": "Afsluiten", "minutes": 5, "description": "De inbrenger zegt wat hij meeneemt.",
         "roles": {"inbrenger": "Zeg wat je meeneemt.", "procesbegeleider": "Sluit af."}},
    ],
    "sources": [{"ref": "ons-werkboek", "note": "De stappen."}],
}
NEW_SOURCE = {"ons-werkboek": {"author": "Team Opleiding", "title": "Ons werkboek intervisie", "year": 2025,
                               "publisher": "Eigen uitgave", "used_for": "De vragenronde."}}
FORMS = {"presentielijst": {"title": "Presentielijst", "description": "Wie er was.",
                            "sections": [{"title": "Aanwezig", "questions": [{"label": "Namen", "lines": 8}]}]}}


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory) -> Path:
    """A starter handbook, with a method and a publication of its own added."""
    folder = tmp_path_factory.mktemp("nieuw") / "handboek"
    result = command("new", str(folder), cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    methods = folder / "methods"
    (methods / "vragenronde.yml").write_text(yaml.safe_dump(NEW_METHOD, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with (methods / "_sources.yml").open("a", encoding="utf-8") as sources:
        sources.write(yaml.safe_dump(NEW_SOURCE, allow_unicode=True, sort_keys=False))
    return folder


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_new_writes_a_handbook_that_holds_no_copy_of_the_generator(newcomer):
    files = sorted(p.relative_to(newcomer).as_posix() for p in newcomer.rglob("*") if p.is_file())
    assert [f for f in files if not f.startswith("methods/_schema/")] == [
        "README.md", "docs/index.md", "methods/_roles.yml", "methods/_sources.yml", "methods/incidentmethode.yml",
        "methods/roddelmethode.yml", "methods/vragenronde.yml", "mkdocs.yml",
    ]
    assert "methods/_schema/method.schema.json" in files, "the editor's schemas come with it"
    assert "intervisiewijzer" in yaml.safe_load((newcomer / "mkdocs.yml").read_text().replace("!ENV", ""))["plugins"]


def test_a_new_method_shows_on_every_page_kind_with_plain_mkdocs(newcomer, tmp_path):
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=newcomer)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Vragenronde" in soup(site, "methoden/vragenronde").h1.get_text()
    assert [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup(site, "methoden/vragenronde").select("article .iw-step h3")] == [
        "1. Casus vertellen", "2. Vragen", "3. Afsluiten",
    ]
    assert "Stel een open vraag." in text(site, "methoden/vragenronde/rolkaarten")
    assert "Leg de stappen uit." in text(site, "methoden/vragenronde/draaiboek")
    assert "Casus vertellen" in text(site, "methoden/vragenronde/klok")
    assert "Vragenronde" in text(site, "methoden"), "the chooser lists it"
    assert "Vragenronde" in text(site, "printen")
    bibliography = text(site, "intervisie/bronnen")
    assert "Team Opleiding, Ons werkboek intervisie (2025). Eigen uitgave" in bibliography
    assert "Gebruikt bij: Vragenronde" in bibliography
    assert "Tijdbewaker" in text(site, "planner") and "Tijdbewaker" in text(site, "rollen")
    assert "Vragenronde" in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_forms_and_a_training_appear_when_their_files_exist(newcomer, tmp_path):
    from .test_training import MINIMAL_CASES, MINIMAL_TRAINING

    project = tmp_path / "handboek"
    import shutil

    shutil.copytree(newcomer, project)
    methods = project / "methods"
    training = yaml.safe_load(yaml.safe_dump(MINIMAL_TRAINING))
    training["modules"]["start"]["exercises"][1]["method"] = "vragenronde"
    training["series"]["sources"] = [{"ref": "ons-werkboek"}]
    cases = yaml.safe_load(yaml.safe_dump(MINIMAL_CASES))
    cases["cases"]["een"]["methods"] = ["vragenronde"]
    for name, data in (("_checklists.yml", FORMS), ("_training.yml", training), ("_cases.yml", cases)):
        (methods / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Namen" in text(site, "checklists/presentielijst") and "Presentielijst" in text(site, "checklists")
    assert "Module 1: Start" in text(site, "opleiding") and "Een casus" in text(site, "opleiding/oefencasussen")
    assert soup(site, "opleiding/start").h1 is not None and soup(site, "opleiding/start/hand-out").h1 is not None


def test_a_renamed_role_builds_and_a_missing_one_is_one_line(newcomer, tmp_path):
    import shutil

    project = tmp_path / "handboek"
    shutil.copytree(newcomer, project)
    for path in (project / "methods").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("tijdbewaker", "klokbewaker"), encoding="utf-8")
    roles = project / "methods" / "_roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name: Tijdbewaker", "name: Klokbewaker"), encoding="utf-8")
    assert build(tmp_path / "site", project)
    assert "Klokbewaker" in text(tmp_path / "site", "planner")
    # Remove the vragensteller from the roles file, while the methods still name it.
    data = roles.read_text(encoding="utf-8")
    start = data.index("\nvragensteller:")
    end = data.index("\nklokbewaker:")
    roles.write_text(data[:start] + data[end:], encoding="utf-8")
    result = command("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("methods/incidentmethode.yml:") and "roles.vragensteller: onbekende rol 'vragensteller'" in first
