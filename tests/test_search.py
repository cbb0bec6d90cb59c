"""Dutch search in real Chromium, through the site's own search box.

Two sets of queries. Single words (plurals, verb forms, parts of compounds) must find their
page among the first five results: recall 100%. Reader questions in everyday Dutch must find
a page that answers them among the first three results, for at least 90% of them. The
figures (hit rates, index size per page, time to the index and to each result) are printed
with ``-s``; timings are not asserted.
"""

from __future__ import annotations

import json
import statistics

import pytest

pytestmark = pytest.mark.browser

# query -> the page (search index location, without section) it must find in the top five.
QUERIES = {
    # roles: singular, plural, parts of compounds
    "procesbegeleider": "rollen/",
    "procesbegeleiders": "rollen/",
    "begeleiders": "rollen/",
    "inbrengers": "rollen/",
    "vragenstellers": "rollen/",
    "tijdbewakers": "rollen/",
    "verslagleggers": "rollen/",
    "observatoren": "rollen/",
    # methods by name, stem, verb form or part
    "roddelen": "methoden/roddelmethode/",
    "roddelmethode": "methoden/roddelmethode/",
    "balint": "methoden/balintmethode/",
    "incidenten": "methoden/intervisiemethode-incidenten/",
    "incident": "methoden/incidentmethode/",
    "kernkwadrant": "methoden/kernkwadranten/",
    "kwaliteiten": "methoden/zevenstappenmodel-kwaliteiten/",
    "successen": "methoden/leren-van-successen/",
    "socratisch": "methoden/socratisch-gesprek/",
    "oplossingsgericht": "methoden/oplossingsgerichte-intervisie/",
    "fasen": "methoden/fasenmodel/",
    "stappen": "methoden/vijfstappenmethode/",
    # checklists and forms
    "reflectieverslagen": "checklists/reflectieverslag/",
    "verslag": "checklists/reflectieverslag/",
    "voorgesprek": "checklists/voorgesprek/",
    "intervisiecontract": "checklists/startbijeenkomst/",
    "spelregels": "checklists/startbijeenkomst/",
    "eindevaluatie": "checklists/eindevaluatie/",
    "rolkaarten roddelmethode": "methoden/roddelmethode/rolkaarten/",
    "printen": "printen/",
    # handbook
    "supervisie": "intervisie/vergelijking/",
    "coaching": "intervisie/vergelijking/",
    "mentoring": "intervisie/vergelijking/",
    "zzp": "intervisie/zzp/",
    "begrippen": "intervisie/begrippenlijst/",
    "organisatie": "intervisie/organisatie/",
}

FAQ = "intervisie/veelgestelde-vragen/"
GLOSSARY = "intervisie/begrippenlijst/"

# A reader's question -> the pages that answer it; one of them must be in the top three.
QUESTIONS = {
    # from the issue
    "intervisie voor zzp": ("intervisie/zzp/",),
    "wat kost intervisie": ("intervisie/kosten-en-tijd/", "intervisie/organisatie/"),
    "hoeveel deelnemers heeft een intervisiegroep": (FAQ, "intervisie/groep-starten/", "intervisie/vergelijking/", "intervisie/organisatie/"),
    "hoe begin ik een intervisiegroep": ("intervisie/groep-starten/", "intervisie/zzp/", "checklists/startbijeenkomst/"),
    "hoeveel uur intervisie voor accreditatie": ("intervisie/registers/", "intervisie/zzp/", FAQ),
    # groups
    "hoe groot is een intervisiegroep": (FAQ, "intervisie/groep-starten/", "intervisie/vergelijking/"),
    "met hoeveel mensen doe je intervisie": (FAQ, "intervisie/groep-starten/", "intervisie/vergelijking/"),
    "hoe vaak komt de groep bij elkaar": (FAQ, "intervisie/organisatie/", "intervisie/leidinggevende-en-hr/"),
    "hoe lang duurt een bijeenkomst": (FAQ, "intervisie/"),
    "een intervisiegroep opzetten": ("intervisie/groep-starten/", "intervisie/zzp/", "intervisie/organisatie/"),
    "hoe vind ik collega's voor een groep": ("intervisie/groep-starten/", "intervisie/zzp/", "checklists/uitnodiging/"),
    "wat doe je in de eerste bijeenkomst": ("intervisie/groep-starten/", "checklists/startbijeenkomst/"),
    "onze groep loopt vast": ("intervisie/als-een-groep-vastloopt/",),
    "niemand heeft een casus": ("intervisie/als-een-groep-vastloopt/",),
    "een deelnemer praat te veel": ("intervisie/als-een-groep-vastloopt/",),
    "fasen van een groep": ("intervisie/groepsfasen/", "opleiding/groepsdynamiek/"),
    # costs
    "kosten van een intervisor": ("intervisie/kosten-en-tijd/", "intervisie/organisatie/", "intervisie/leidinggevende-en-hr/"),
    "is intervisie goedkoper dan coaching": ("intervisie/organisatie/",),
    # accreditation and registration
    "telt intervisie mee voor mijn registratie": ("intervisie/registers/", FAQ, "intervisie/zzp/"),
    "verplichte intervisie voor advocaten": ("intervisie/registers/", "intervisie/zzp/", "intervisie/leidinggevende-en-hr/"),
    "intervisie voor fysiotherapeuten": ("intervisie/registers/", "intervisie/zzp/", "intervisie/leidinggevende-en-hr/"),
    "is intervisie verplicht": ("intervisie/leidinggevende-en-hr/", "intervisie/registers/", "intervisie/zzp/", FAQ),
    "ik werk als zelfstandige en zoek een groep": ("intervisie/zzp/",),
    # roles
    "wat doet de procesbegeleider": ("rollen/", GLOSSARY, "opleiding/rol-en-houding/"),
    "wie bewaakt de tijd": ("rollen/", GLOSSARY),
    "wat is een inbrenger": (GLOSSARY, "rollen/"),
    "wat is een observator": (GLOSSARY, "rollen/"),
    "hebben we een intervisor nodig": (FAQ, "intervisie/organisatie/", "intervisie/leidinggevende-en-hr/"),
    # forms
    "formulier om een casus voor te bereiden": ("checklists/casus-voorbereiden/",),
    "hoe schrijf ik een reflectieverslag": ("checklists/reflectieverslag/",),
    "voorbeeld van een intervisiecontract": ("checklists/intervisiecontract/", "checklists/startbijeenkomst/"),
    "evaluatieformulier na een bijeenkomst": ("checklists/evaluatie-bijeenkomst/", "intervisie/evalueren/"),
    "welke vragen kun je stellen aan de inbrenger": (
        "checklists/soorten-vragen/", "opleiding/vragen-stellen/", "opleiding/vragen-stellen/hand-out/"),
    "regels voor feedback geven": ("checklists/feedbackregels/",),
    "uitnodiging voor een intervisiegroep": ("checklists/uitnodiging/",),
    # methods for kinds of problem
    "methode voor een ethisch dilemma": (
        "methoden/dilemmamethode/", "methoden/dilemmareflectie/", "methoden/nijmeegse-methode/", "methoden/cura/",
        "methoden/"),
    "methode na agressie op het werk": ("methoden/intervisiemethode-incidenten/", "methoden/"),
    "welke methode voor een groep zonder ervaring": ("methoden/incidentmethode/", FAQ, "methoden/"),
    "welke methode past bij mijn vraag": ("methoden/", FAQ, "opleiding/methode-kiezen/"),
    "methode om te leren van wat goed ging": ("methoden/leren-van-successen/",),
    "methode over de relatie met een cliënt": (
        "methoden/balintmethode/", "methoden/clinicmethode/", "methoden/kernkwadranten/", "methoden/"),
    "mijn kwaliteiten en valkuilen": ("methoden/kernkwadranten/", "methoden/zevenstappenmodel-kwaliteiten/"),
    "methode als je weinig tijd hebt": (
        "methoden/", "methoden/dilemmareflectie/", "methoden/cura/", "methoden/alleen-maar-adviesmethode/",
        "methoden/feedforward/", "methoden/kollegiale-beratung/", "methoden/trojka-consultatie/"),
    # training
    "opleiding tot procesbegeleider": ("opleiding/", "opleiding/deelnemer/"),
    "oefencasussen voor de training": ("opleiding/oefencasussen/",),
    "hoe geef ik de training als trainer": ("opleiding/trainer/",),
    "hand-out over veiligheid": ("opleiding/veiligheid/hand-out/", "opleiding/veiligheid/"),
    # online
    "intervisie via zoom of teams": ("intervisie/online/",),
    "kan intervisie ook online": ("intervisie/online/", FAQ),
    # confidentiality
    "blijft wat ik vertel geheim": ("intervisie/vertrouwelijkheid/", FAQ),
    "mag ik over een cliënt vertellen": ("intervisie/vertrouwelijkheid/",),
    "privacy en de avg": ("intervisie/vertrouwelijkheid/", "intervisie/online/", GLOSSARY),
    # the manager's role
    "mag mijn leidinggevende meedoen": (FAQ, "intervisie/leidinggevende-en-hr/", "intervisie/organisatie/"),
    "wat mag de manager weten": ("intervisie/vertrouwelijkheid/", "intervisie/leidinggevende-en-hr/"),
    "rol van hr bij intervisie": ("intervisie/leidinggevende-en-hr/",),
    # evaluation
    "hoe evalueer je een reeks": ("intervisie/evalueren/", "checklists/eindevaluatie/"),
    "effect van intervisie meten": ("intervisie/evalueren/",),
    # comparison and basics
    "verschil tussen intervisie en supervisie": ("intervisie/vergelijking/", FAQ),
    "wat doet een supervisor": ("intervisie/vergelijking/", FAQ, GLOSSARY),
    "wat is intervisie": ("intervisie/", FAQ, GLOSSARY),
    # planning and paper
    "rooster voor wie wanneer inbrengt": ("planner/", "opleiding/reeksplan/"),
    "rolkaarten printen": ("printen/", "rollen/"),
}

# Milliseconds without a change in the result list after which the list is final.
QUIET_MS = 400


def search(page, query: str) -> dict:
    """Type ``query`` into the search box; the result groups (each a list of link paths,
    the page first), the excerpt of each link, the hint and the time to the final result."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    page.evaluate(
        """() => {
            window.iwChanged = performance.now();
            if (window.iwWatch) return;
            window.iwWatch = new MutationObserver(() => { window.iwChanged = performance.now() });
            window.iwWatch.observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
            document.querySelector('input.md-search__input').addEventListener('keyup', () => { window.iwTyped = performance.now() });
        }"""
    )
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "([q, quiet]) => document.querySelector('input.md-search__input').value === q"
        " && performance.now() - Math.max(window.iwChanged, window.iwTyped) > quiet",
        arg=[query, QUIET_MS],
        timeout=15_000,
    )
    return page.evaluate(
        """() => ({
            groups: [...document.querySelectorAll('.md-search-result__list > li')].map(li =>
                [...li.querySelectorAll(':scope > a, :scope > details > a')].map(a => {
                    const url = new URL(a.href);
                    return {path: url.pathname.slice(1) + url.hash, text: a.innerText};
                })),
            hint: [...document.querySelectorAll('.iw-search-hint')].filter(e => e.offsetParent).map(e => e.innerText).join(' '),
            meta: document.querySelector('.md-search-result__meta').innerText,
            ms: Math.max(0, window.iwChanged - window.iwTyped),
        })"""
    )


def top_pages(result: dict, n: int) -> list[str]:
    return [group[0]["path"].split("#")[0] for group in result["groups"][:n]]


def links(result: dict) -> dict[str, str]:
    return {link["path"]: link["text"] for group in result["groups"] for link in group}


@pytest.fixture(scope="module")
def tab(browser, server):
    """One page for the whole module: the search index is loaded once, as for a reader."""
    context = browser.new_context()
    page = context.new_page()
    page.foreign_requests = []
    page.on("request", lambda r: r.url.startswith(server) or r.url.startswith("data:") or page.foreign_requests.append(r.url))
    page.goto(server)
    page.wait_for_function(
        "() => /\\S/.test(document.querySelector('.md-search-result__meta').innerText)"
        " && !/initialis/i.test(document.querySelector('.md-search-result__meta').innerText)",
        timeout=30_000,
    )
    page.index_ready_ms = page.evaluate("performance.now()")
    yield page
    context.close()


def test_single_words_and_questions_find_their_pages(tab, site):
    misses, wrong, timings = {}, {}, []
    for query, expected in QUERIES.items():
        result = search(tab, query)
        timings.append(result["ms"])
        if expected not in top_pages(result, 5):
            misses[query] = top_pages(result, 5)
    for question, answers in QUESTIONS.items():
        result = search(tab, question)
        timings.append(result["ms"])
        if not set(answers) & set(top_pages(result, 3)):
            wrong[question] = top_pages(result, 3)
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    recall = 1 - len(misses) / len(QUERIES)
    answered = 1 - len(wrong) / len(QUESTIONS)
    print(
        f"\nsearch: {len(QUERIES)} single words, recall@5 {recall:.0%}; {len(QUESTIONS)} questions, "
        f"answered in the top 3 {answered:.0%}\nsearch index {index.stat().st_size / 1024:.0f} KB for {pages} pages "
        f"({index.stat().st_size / pages / 1024:.1f} KB/page); index ready {tab.index_ready_ms:.0f} ms after "
        f"page load; last key to final result: median {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms"
    )
    for question, found in wrong.items():
        print(f"  not in the top 3: {question!r} -> {found}")
    assert misses == {}, f"single words that miss their page in the top five: {misses}"
    assert answered >= 0.9, f"{len(wrong)} of {len(QUESTIONS)} questions miss an answering page in the top three"
    assert tab.foreign_requests == []


# Today's index holds 4.3 KB per page; the issue allows twice that.
MAX_INDEX_PER_PAGE = 2 * 4.3 * 1024


def test_index_stays_small(site):
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    assert index.stat().st_size / pages <= MAX_INDEX_PER_PAGE


def test_result_points_to_the_section_that_answers(tab):
    assert "intervisie/organisatie/#wat-het-kost" in links(search(tab, "wat kost intervisie"))
    assert "intervisie/veelgestelde-vragen/#hoe-groot-is-een-groep" in links(search(tab, "hoe groot is een groep"))
    role = links(search(tab, "wat doet een verslaglegger")).get("rollen/#rol-verslaglegger", "")
    assert "Je schrijft op wat de groep bedenkt" in role


def test_excerpts_are_short(tab):
    for query in ("zo gaat een traject", "intervisie", "procesbegeleider"):
        texts = links(search(tab, query)).values()
        assert max(len(text) for text in texts) < 400, query


def test_glossary_term_is_its_own_result(tab, catalogue):
    result = search(tab, "afronding")
    text = links(result).get("intervisie/begrippenlijst/#begrip-afronding", "")
    assert " ".join(catalogue.glossary["afronding"].split()) in " ".join(text.split())
    assert len(text) < 300


def test_word_families_meet(tab):
    assert "intervisie/vergelijking/" in top_pages(search(tab, "supervisor"), 3)
    assert "intervisie/vergelijking/" in top_pages(search(tab, "supervisanten"), 3)
    assert "intervisie/groep-starten/" in top_pages(search(tab, "groep opzetten"), 3)


def test_no_exact_answer_shows_nearest_pages_and_a_hint(tab):
    result = search(tab, "accreditatie")
    assert result["groups"] and result["hint"]
    result = search(tab, "zzp")
    assert result["groups"] and not result["hint"]


def test_every_glossary_term_finds_something(tab, catalogue):
    empty = [term for term in catalogue.glossary if not search(tab, term)["groups"]]
    assert empty == []


def test_typed_word_is_not_shown_as_missing(tab):
    search(tab, "begeleiders")
    first = tab.locator(".md-search-result__list > li").first
    assert first.locator("del").count() == 0


def test_method_name_ranks_its_page_first(tab):
    assert top_pages(search(tab, "balintmethode"), 1) == ["methoden/balintmethode/"]
    assert top_pages(search(tab, "vragensteller"), 1) == ["rollen/"]
