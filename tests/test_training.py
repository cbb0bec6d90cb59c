"""The training portal (opleiding/): data checks, the built pages, and printing in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from intervisiewijzer.data import DataError, load_catalogue

from .conftest import method_yaml, scenario
from .test_print import MM, pdf_pages, words
from .test_readability import prose, score

SIX_ASPECTS = ["Structuur", "Tijd", "Vragen", "Veiligheid", "Ingrijpen", "Afsluiting"]


def clock(minutes: int) -> str:
    """Minutes from the start as a reader expects them: 75 -> 1:15."""
    return "%d:%02d" % divmod(minutes, 60)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text().split())


def resolves(site: Path, page_url: str, href: str) -> bool:
    target = href.split("#")[0]
    return (site / page_url / target / "index.html").resolve().is_file()


def section(page: BeautifulSoup, heading_id: str) -> list:
    """The elements after the h2 with ``heading_id``, up to the next h2."""
    found, heading = [], page.find("h2", id=heading_id)
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        found.append(element)
    return found


# ---- The data ---------------------------------------------------------------------


def test_at_least_six_modules_and_six_cases(catalogue):
    assert len(catalogue.training.modules) >= 6 and len(catalogue.cases.cases) >= 6
    for module in catalogue.training.modules.values():
        assert module.goals and module.trainer_notes and module.handout.points and module.methods
        assert module.minutes == sum(e.minutes for e in module.exercises) > 0


def test_series_moves_from_external_facilitation_to_the_group(catalogue):
    phases = catalogue.training.series.phases
    assert phases[0].external == "leidt" and "kijkt-mee" in [p.external for p in phases]
    first_member_led = next(i for i, p in enumerate(phases) if p.external != "leidt")
    assert all(p.external == "leidt" for p in phases[:first_member_led])


# ---- Bad input: one line each, with file, line and column -----------------------------

MINIMAL_TRAINING = {
    "modules": {
        "start": {
            "title": "Start",
            "summary": "Een korte module.",
            "goals": ["iets uitleggen.", "iets doen."],
            "exercises": [
                {"title": "Uitleg", "minutes": 10, "description": "De trainer legt uit."},
                {"title": "Oefenen", "minutes": 30, "description": "Oefenen.", "method": "x", "cases": ["een"]},
            ],
            "trainer_notes": ["Let op de tijd."],
            "handout": {"points": ["Onthoud dit."], "practice": ["Oefen dit."]},
        }
    },
    "series": {
        "description": "Een reeks.",
        "members": 6,
        "minutes": 120,
        "interval_weeks": 5,
        "phases": [
            {"title": "Start", "external": "leidt", "cases": False, "description": "Afspraken."},
            {"title": "Zelf", "meetings": 2, "external": "kijkt-mee", "description": "Een lid leidt."},
        ],
        "sources": [{"ref": "testbron"}],
    },
    "self_assessment": {"description": "Vink aan.", "questions": [{"label": "Wat nog?"}]},
}
MINIMAL_CASES = {
    "cases": {
        "een": {
            "title": "Een casus",
            "kind": "handelen",
            "setting": "Test",
            "situation": "Er gebeurde iets.",
            "question": "Wat doe ik?",
            "methods": ["x"],
            "why": "Omdat het past.",
        }
    }
}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def at(content: str, needle: str, start: str) -> str:
    """``line:column`` of the first line holding ``needle``; the column is where ``start`` begins."""
    number, line = next((n, line) for n, line in enumerate(content.splitlines(), start=1) if line.endswith(needle))
    return f"{number}:{line.index(start) + 1}"


@pytest.fixture
def training_dir(methods_dir: Path) -> Path:
    """A methods folder with one method ``x``, one case and a one-module training."""
    (methods_dir / "x.yml").write_text(method_yaml())
    (methods_dir / "_cases.yml").write_text(dump(MINIMAL_CASES))
    (methods_dir / "_training.yml").write_text(dump(MINIMAL_TRAINING))
    return methods_dir


def problems_in(methods_dir: Path, name: str, content: str) -> list[str]:
    (methods_dir / name).write_text(content)
    with pytest.raises(DataError) as caught:
        load_catalogue(methods_dir, methods_dir.parent)
    return [str(p) for p in caught.value.problems]


def test_the_minimal_training_loads(training_dir):
    catalogue = load_catalogue(training_dir, training_dir.parent)
    assert catalogue.training.modules["start"].methods == ["x"]
    assert catalogue.training.modules["start"].minutes == 40


def test_unknown_method_in_an_exercise(training_dir):
    content = dump(MINIMAL_TRAINING).replace("method: x", "method: nergens")
    assert problems_in(training_dir, "_training.yml", content) == [
        f"methods/_training.yml:{at(content, 'method: nergens', 'method')}: modules.start.exercises[1].method: onbekende methode 'nergens' "
        "(er is geen bestand methods/nergens.yml)"
    ]


def test_unknown_method_in_a_case(training_dir):
    content = dump(MINIMAL_CASES).replace("- x", "- nergens")
    assert problems_in(training_dir, "_cases.yml", content) == [
        f"methods/_cases.yml:{at(content, '- nergens', 'nergens')}: cases.een.methods[0]: onbekende methode 'nergens' (er is geen bestand methods/nergens.yml)"
    ]


def test_unknown_case_and_unknown_form(training_dir):
    data = yaml.safe_load(dump(MINIMAL_TRAINING))
    data["modules"]["start"]["exercises"][1]["cases"] = ["geen"]
    data["modules"]["start"]["exercises"][0]["forms"] = ["geen-lijst"]
    content = dump(data)
    assert problems_in(training_dir, "_training.yml", content) == [
        f"methods/_training.yml:{at(content, '- geen-lijst', 'geen-lijst')}: modules.start.exercises[0].forms[0]: "
        "onbekende lijst 'geen-lijst' (er is geen id 'geen-lijst' in methods/_checklists.yml)",
        f"methods/_training.yml:{at(content, '- geen', 'geen')}: modules.start.exercises[1].cases[0]: "
        "onbekende casus 'geen' (bedoel je 'een'?)",
    ]


def test_a_case_must_fit_the_method_practised(training_dir):
    (training_dir / "y.yml").write_text(method_yaml())
    content = dump(MINIMAL_TRAINING).replace("method: x", "method: y")
    assert problems_in(training_dir, "_training.yml", content) == [
        f"methods/_training.yml:{at(content, '- een', 'een')}: modules.start.exercises[1].cases[0]: "
        "casus 'een' noemt methode 'y' niet bij zijn methoden"
    ]


def test_a_reading_page_must_exist(training_dir):
    (training_dir.parent / "docs").mkdir()
    data = yaml.safe_load(dump(MINIMAL_TRAINING))
    data["modules"]["start"]["read"] = [{"title": "Weg", "page": "intervisie/weg.md#kop"}]
    content = dump(data)
    assert problems_in(training_dir, "_training.yml", content) == [
        f"methods/_training.yml:{at(content, 'page: intervisie/weg.md#kop', 'page')}: modules.start.read[0].page: "
        "er is geen pagina docs/intervisie/weg.md"
    ]


def test_a_module_practises_a_method(training_dir):
    data = yaml.safe_load(dump(MINIMAL_TRAINING))
    del data["modules"]["start"]["exercises"][1]["method"]
    content = dump(data)
    assert problems_in(training_dir, "_training.yml", content) == [
        f"methods/_training.yml:{at(content, 'start:', 'start')}: modules.start: een module oefent minstens één "
        "methode: geef een van de oefeningen een `method`"
    ]


def test_a_case_kind_must_be_a_known_kind_of_question(training_dir):
    content = dump(MINIMAL_CASES).replace("kind: handelen", "kind: gedrag")
    found = problems_in(training_dir, "_cases.yml", content)
    assert len(found) == 1
    assert found[0].startswith(f"methods/_cases.yml:{at(content, 'kind: gedrag', 'kind')}: cases.een.kind: 'gedrag' kan hier niet")


# ---- The built pages ----------------------------------------------------------------

HOSTILE = "Let op <script>alert('x')</script> en {{ 7*7 }} en {% if 1 %}ja{% endif %} en {: onclick=\"x\" }"


@pytest.mark.build
def test_training_text_is_data_never_markup_or_template(tmp_path):
    from intervisiewijzer.adapters.build import build

    project = scenario("minimal", tmp_path)
    training = yaml.safe_load(dump(MINIMAL_TRAINING).replace("method: x", "method: testmethode"))
    cases = yaml.safe_load(dump(MINIMAL_CASES).replace("- x", "- testmethode"))
    module = training["modules"]["start"]
    module["summary"] = module["goals"][0] = module["trainer_notes"][0] = HOSTILE
    module["exercises"][0]["description"] = module["handout"]["points"][0] = HOSTILE
    (project / "methods" / "_training.yml").write_text(dump(training), encoding="utf-8")
    (project / "methods" / "_cases.yml").write_text(dump(cases), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("/checklists/*.md", "/checklists/*.md\n  /opleiding/*.md\n  /opleiding/*/hand-out.md"))
    out = tmp_path / "site"
    assert build(out, project)
    for url in ("opleiding/start", "opleiding/start/hand-out"):
        article = soup(out, url).select_one("article")
        assert article.select("script:not([type='application/json']), b, [onclick]") == [], url
        assert HOSTILE in " ".join(article.get_text(" ").split()) and "49" not in article.get_text(), url


@pytest.mark.build
def test_every_module_page_has_goals_duration_session_plan_and_notes(site, catalogue):
    for number, (module_id, module) in enumerate(catalogue.training.modules.items(), start=1):
        page = soup(site, f"opleiding/{module_id}")
        assert page.h1.get_text(strip=True) == f"Module {number}: {module.title}"
        goals = [text_of(li) for el in section(page, "leerdoelen") for li in el.select("li")]
        assert goals == [" ".join(g.split()) for g in module.goals]
        assert f"{module.minutes} minuten" in text_of(page.select_one(".iw-facts"))
        parts = page.select("ol.iw-session > li")
        assert [text_of(p.select_one(".iw-session__title")) for p in parts[:-1]] == [e.title for e in module.exercises]
        assert [text_of(p.select_one(".iw-minutes")) for p in parts[:-1]] == [f"{e.minutes} min" for e in module.exercises]
        elapsed = 0
        for part, exercise in zip(parts, module.exercises):
            assert text_of(part.select_one(".iw-clock")) == clock(elapsed), module_id
            elapsed += exercise.minutes
        assert text_of(parts[-1].select_one(".iw-clock")) == clock(module.minutes)
        notes = text_of(page.select_one(".admonition.abstract"))
        assert all(" ".join(note.split()) in notes for note in module.trainer_notes)


@pytest.mark.build
def test_module_links_to_methods_cases_forms_and_pages_resolve(site, catalogue):
    cases = catalogue.cases.cases
    for module_id, module in catalogue.training.modules.items():
        url = f"opleiding/{module_id}"
        page = soup(site, url)
        practised = page.select_one(".iw-facts").find_all("a", href=lambda h: "methoden/" in h)
        assert [a.get_text() for a in practised] == [catalogue.methods[slug].name for slug in module.methods]
        links = page.select("article a[href]:not(.headerlink):not(.iw-web)")  # a publication on the web is checked elsewhere
        for a in links:
            assert resolves(site, url, a["href"]), a["href"]
        hrefs = {a["href"] for a in links}
        every_case = len(module.cases) > 3 and set(module.cases) == set(cases)  # then one link to them all
        assert ({"../oefencasussen/"} if every_case else {f"../oefencasussen/#{c}" for c in module.cases}) <= hrefs
        assert {f"../../checklists/{f}/" for f in module.forms} <= hrefs
        assert "hand-out/" in hrefs


@pytest.mark.build
def test_every_case_names_its_kind_and_links_the_methods_that_fit(site, catalogue):
    page = soup(site, "opleiding/oefencasussen")
    for case_id, case in catalogue.cases.cases.items():
        heading = page.find("h2", id=case_id)
        assert heading and heading.get_text(strip=True).rstrip("¶") == case.title
        answer = heading.find_next("details")
        assert answer.summary.get_text(strip=True) == "Welke methoden passen?"
        links = answer.find_all("a")
        assert [a.get_text() for a in links] == [catalogue.methods[slug].name for slug in case.methods]
        assert all(resolves(site, "opleiding/oefencasussen", a["href"]) for a in links)


@pytest.mark.build
def test_learning_path_lists_every_module_in_order(site, catalogue):
    modules = catalogue.training.modules.values()
    rows = soup(site, "opleiding").select("article table.iw-learning-path tbody tr")
    assert [row.a.get_text() for row in rows] == [f"Module {n}: {m.title}" for n, m in enumerate(modules, 1)]
    assert [row.select("td")[0].get_text() for row in rows] == [f"{m.minutes} min" for m in modules]


@pytest.mark.build
def test_trainer_view_and_trainee_view_are_apart(site, catalogue):
    for module_id, module in catalogue.training.modules.items():
        page = soup(site, f"opleiding/{module_id}")
        headings = [h["id"] for h in page.select("article h2[id]")]
        assert headings.index("voor-de-deelnemer") < headings.index("voor-de-trainer")
        trainer = " ".join(text_of(e) for e in section(page, "voor-de-trainer"))
        assert all(" ".join(n.split()) in trainer for n in module.trainer_notes)
        handout = soup(site, f"opleiding/{module_id}/hand-out")
        handout_text = text_of(handout.select_one("article"))
        assert not any(" ".join(n.split()) in handout_text for n in module.trainer_notes), "trainer notes on a hand-out"
        assert all(" ".join(p.split()) in handout_text for p in module.handout.points + module.goals)
        labels = [text_of(label) for label in handout.select("li.iw-check label")]
        assert labels == [" ".join(p.split()) for p in module.handout.practice]


@pytest.mark.build
def test_trainer_and_trainee_pages_reach_every_module(site, catalogue):
    trainer = {a["href"] for a in soup(site, "opleiding/trainer").select("article a")}
    trainee = {a["href"] for a in soup(site, "opleiding/deelnemer").select("article a")}
    for module_id in catalogue.training.modules:
        assert f"../{module_id}/" in trainer and f"../{module_id}/hand-out/" in trainer
        assert f"../{module_id}/hand-out/" in trainee
        assert f"../{module_id}/" not in trainee, "the trainee page leads to the hand-outs"


@pytest.mark.build
def test_series_plan_rotates_the_roles(site, catalogue):
    series = catalogue.training.series
    table = soup(site, "opleiding/reeksplan").select_one("table.iw-rotation")
    head = [th.get_text() for th in table.select("thead th")][2:]
    rows = [[td.get_text() for td in row.select("td")][1:] for row in table.select("tbody tr")]
    phases = [phase for phase in series.phases for _ in range(phase.meetings)]
    assert len(rows) == len(phases)
    inbrengers = set()
    for holders, phase in zip(rows, phases):
        roles = dict(zip(head, holders))
        assert (roles["Procesbegeleider"] == "Intervisor") == (phase.external == "leidt")
        people = [h for h in holders if h not in ("–", "Intervisor")]
        assert len(people) == len(set(people)), "nobody holds two roles in one meeting"
        if phase.cases:
            inbrengers.add(roles["Inbrenger"])
        else:
            assert roles["Inbrenger"] == "–"
    assert len(inbrengers) == series.members, "every member brings in a case"


@pytest.mark.build
def test_observation_form_watches_the_six_aspects(site, catalogue):
    titles = [s.title for s in catalogue.checklists["observatie-procesbegeleider"].sections]
    assert all(aspect in titles for aspect in SIX_ASPECTS)
    page = soup(site, "checklists/observatie-procesbegeleider")
    assert [h.get_text() for h in page.select(".iw-checklist-section h2")] == titles


@pytest.mark.build
def test_self_assessment_has_a_box_per_goal(site, catalogue):
    labels = [text_of(label) for label in soup(site, "opleiding/zelfbeoordeling").select("li.iw-check label")]
    goals = [f"Ik kan {' '.join(g.split())}" for m in catalogue.training.modules.values() for g in m.goals]
    assert labels == goals


@pytest.mark.build
def test_generated_training_pages_read_easily(site, catalogue):
    """test_readability measures docs/; the generated module pages and hand-outs are measured here."""
    for module_id in catalogue.training.modules:
        for url in (f"opleiding/{module_id}", f"opleiding/{module_id}/hand-out"):
            value = score(prose((site / url / "index.html").read_text(encoding="utf-8")))
            assert value >= 60, f"{url} scores {value:.1f}"


# ---- Printing in Chromium ------------------------------------------------------------

PRINTABLE = ["opleiding/zelfbeoordeling/", "opleiding/rol-en-houding/hand-out/", "opleiding/overdracht/hand-out/"]
BOX_STYLE = """boxes => boxes.map(b => { const s = getComputedStyle(b);
    return [parseFloat(s.borderTopWidth) >= 1, s.borderTopStyle, s.borderTopColor, s.backgroundColor,
            b.offsetWidth >= 15 && b.offsetHeight >= 15, s.visibility] })"""


@pytest.mark.browser
@pytest.mark.parametrize("url", PRINTABLE)
def test_handouts_and_self_assessment_print_on_a4_with_empty_boxes(page, server, url):
    page.goto(server + url)
    boxes, fields = page.locator("article input[type=checkbox]"), page.locator("article .iw-field textarea")
    assert boxes.count() > 0 and fields.count() > 0
    boxes.first.check()
    page.emulate_media(media="print")
    styles = boxes.evaluate_all(BOX_STYLE)
    assert styles == [[True, "solid", "rgb(0, 0, 0)", "rgb(255, 255, 255)", True, "visible"]] * boxes.count()
    for field in fields.all():
        lines = int(field.get_attribute("rows"))
        # What paper shows of an empty note: its ruled lines (the growing copy, or the field).
        ruled = field.evaluate("f => (f.parentElement.querySelector('.iw-field__print') || f).getBoundingClientRect().height")
        assert abs(ruled - lines * 8 * MM) < 2
    sheets = pdf_pages(page)  # asserts that every sheet is A4
    title = words(page.locator("h1").inner_text())
    assert title in sheets[0]
    assert not page.locator(".md-sidebar, .md-header").first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("url", PRINTABLE[:2])
def test_training_boxes_are_named_kept_and_keyboard_friendly(page, server, url):
    page.goto(server + url)
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('article input, article textarea')].filter(
            el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.outerHTML)"""
    )
    assert unnamed == []
    box = page.locator("article input[type=checkbox]").last
    box.focus()
    page.keyboard.press("Space")
    page.locator("article .iw-field textarea").first.fill("Nog oefenen")
    page.reload()
    assert page.locator("article input[type=checkbox]").last.is_checked()
    assert page.locator("article .iw-field textarea").first.input_value() == "Nog oefenen"


@pytest.mark.browser
def test_a_module_page_prints_its_session_plan_on_a4(page, server, catalogue):
    module_id, module = next(iter(catalogue.training.modules.items()))
    page.goto(f"{server}opleiding/{module_id}/")
    text = " ".join(pdf_pages(page))
    for exercise in module.exercises:
        assert words(exercise.title) in text
