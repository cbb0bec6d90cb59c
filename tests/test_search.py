"""Dutch search in real Chromium.

The ranking is tested in the search worker itself: one page sends every question to the
worker as Material's search box does, and reads the answers. Single words (plurals, verb
forms, parts of compounds) must find their page among the first five results. Reader
questions in everyday Dutch must find a page that answers them among the first three.

The questions are split in two halves by a fixed rule: every second question (the 1st,
3rd, 5th, ...) is the tuning half, on which the search was tuned; the others are held out,
and show how well the search does on questions it was not tuned for. Each half has a floor
just under what it reached, so that a change that makes search worse fails. The figures are
printed with ``-s``; ``make bench`` measures how fast results settle while typing.

One journey types into the real search box: a question is asked only after a pause, one
at a time, the results settle on the answer to the whole question, and the hint names a
word that the handbook does not hold.
"""

from __future__ import annotations

import json
import re
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


TUNING = dict(list(QUESTIONS.items())[0::2])
HELD_OUT = dict(list(QUESTIONS.items())[1::2])
# The share of questions with an answering page in the top three, a little under what was
# reached when the search was tuned (29 of 31 and 28 of 31).
TUNING_FLOOR = 28 / 31
HELD_OUT_FLOOR = 27 / 31
BIBLIOGRAPHY = "intervisie/bronnen/"
SOURCES = re.compile(rf"^{BIBLIOGRAPHY}|#bron(nen)?$")  # lists of publications come last, whatever they hold
PAGES = 12  # the most pages a result list holds

START_WORKER = """async worker => {
  const index = await (await fetch('/search/search_index.json')).json();
  window.search = new Worker('/assets/javascripts/workers/' + worker);
  window.answer = () => new Promise(resolve => search.addEventListener('message', e => resolve(e.data), {once: true}));
  const ready = answer();
  search.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: true}}});
  await ready;
}"""
ASK_WORKER = """async queries => {
  const answers = {};
  for (const query of queries) {
    const result = answer();
    search.postMessage({type: 2, data: query});
    answers[query] = (await result).data;
  }
  return answers;
}"""


@pytest.fixture(scope="module")
def ask(browser, server, site):
    """Ask the search worker questions as Material's search box does, in one page; the
    answers are kept. Each answer: ``items``, a list per page of its results (location,
    title, text, and ``terms``: each of the reader's words, and whether it holds it), and
    ``missing``, the words that the handbook does not hold."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "search/search_index.json")
    page.evaluate(START_WORKER, next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name)
    answers: dict[str, dict] = {}

    def asking(*queries: str) -> dict:
        new = [q for q in dict.fromkeys(queries) if q not in answers]
        if new:
            answers.update(page.evaluate(ASK_WORKER, new))
        return answers[queries[0]] if len(queries) == 1 else {q: answers[q] for q in queries}

    yield asking
    context.close()


def top_pages(answer: dict, n: int) -> list[str]:
    return [group[0]["location"].split("#")[0] for group in answer["items"][:n]]


def links(answer: dict) -> dict[str, str]:
    """Each result's location -> its title and text as a reader reads them."""
    return {
        doc["location"]: " ".join(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").split())
        for group in answer["items"] for doc in group
    }


def held_by_all(group: list[dict]) -> bool:
    return all(group[0]["terms"].values())


def answered(questions: dict[str, tuple[str, ...]], answers: dict[str, dict]) -> dict[str, list[str]]:
    """The questions without an answering page in the top three, with their top three."""
    return {q: top_pages(answers[q], 3) for q, pages in questions.items() if not set(pages) & set(top_pages(answers[q], 3))}


def test_single_words_find_their_page(ask):
    answers = ask(*QUERIES)
    misses = {query: top_pages(answers[query], 5) for query, page in QUERIES.items() if page not in top_pages(answers[query], 5)}
    assert misses == {}, f"single words that miss their page in the top five: {misses}"


def test_reader_questions_find_an_answer_in_the_top_three(ask, site):
    answers = ask(*QUESTIONS)
    wrong = {name: answered(half, answers) for name, half in (("tuned", TUNING), ("held out", HELD_OUT))}
    hits = [len(answers[q]["items"]) for q in QUESTIONS]
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    print(
        f"\nsearch: {len(QUESTIONS)} questions, an answer in the top 3: tuned half "
        f"{len(TUNING) - len(wrong['tuned'])}/{len(TUNING)}, held-out half {len(HELD_OUT) - len(wrong['held out'])}/{len(HELD_OUT)}; "
        f"results per question: median {statistics.median(hits):g}, most {max(hits)}\n"
        f"search index {index.stat().st_size / 1024:.0f} KB for {pages} pages ({index.stat().st_size / pages / 1024:.1f} KB/page)"
    )
    for name, misses in wrong.items():
        for question, found in misses.items():
            print(f"  not in the top 3 ({name}): {question!r} -> {found}")
    assert 1 - len(wrong["tuned"]) / len(TUNING) >= TUNING_FLOOR, wrong["tuned"]
    assert 1 - len(wrong["held out"]) / len(HELD_OUT) >= HELD_OUT_FLOOR, wrong["held out"]


def test_a_short_list_with_all_words_first(ask):
    for question, answer in ask(*QUESTIONS).items():
        assert 0 < len(answer["items"]) <= PAGES, question
        holds = [held_by_all(group) for group in answer["items"] if not SOURCES.search(group[0]["location"])]
        assert holds == sorted(holds, reverse=True), f"a page with some of the words before one with all: {question!r}"


def test_role_cards_of_all_methods_are_one_result(ask):
    answer = ask("rolkaart tijdbewaker")
    cards = [page for page in top_pages(answer, PAGES) if re.fullmatch(r"methoden/[^/]+/rolkaarten/", page)]
    assert len(cards) <= 1 and "rollen/" in top_pages(answer, 3)
    assert "methoden/roddelmethode/rolkaarten/" in top_pages(ask("rolkaarten roddelmethode"), 3)


def test_answers_come_before_the_bibliography_and_the_glossary(ask):
    answers = ask(*QUESTIONS)
    assert [q for q in QUESTIONS if BIBLIOGRAPHY in top_pages(answers[q], 5)] == []
    glossary_first = [q for q, pages in QUESTIONS.items() if top_pages(answers[q], 1) == [GLOSSARY] and set(pages) - {GLOSSARY}]
    assert len(glossary_first) <= 2, glossary_first


def test_intervisor_is_not_intervisie(ask):
    marked = " ".join(re.findall(r"<mark>(.*?)</mark>", json.dumps(ask("intervisor")["items"]))).lower()
    assert "intervisor" in marked and "intervisie" not in marked


def test_a_typing_error_in_one_word_is_forgiven(ask):
    answer = ask("feedbak geven")
    assert "checklists/feedbackregels/" in top_pages(answer, 3) and answer["missing"] == []
    assert top_pages(ask("procesbegeleidre"), 1) == ["rollen/"]


def test_the_readers_words_find_the_handbooks_words(ask, catalogue):
    words = list(catalogue.search_words)
    answers = ask(*words)
    assert [word for word in words if answers[word]["missing"]] == []
    assert [word for word in words if answers[word]["items"] and not held_by_all(answers[word]["items"][0])] == []
    assert "opleiding/rol-en-houding/#sessieplan" in links(ask("lesplan"))
    assert {"intervisie/organisatie/", "intervisie/kosten-en-tijd/"} & set(top_pages(ask("externe intervisor inhuren"), 3))
    assert "checklists/presentielijst/" in top_pages(ask("certificaat"), 3)


def test_the_hint_names_only_words_the_handbook_lacks(ask):
    assert ask("modules opleiding")["missing"] == []
    assert ask("teveel")["missing"] == []
    answer = ask("xylofoon intervisie")
    assert answer["missing"] == ["xylofoon"] and answer["items"]
    assert ask("xylofoon")["items"], "nothing found: the pages that help on"


def test_index_stays_small(site):
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    assert index.stat().st_size / pages <= MAX_INDEX_PER_PAGE


def test_result_points_to_the_section_that_answers(ask):
    assert "intervisie/organisatie/#wat-het-kost" in links(ask("wat kost intervisie"))
    assert "intervisie/veelgestelde-vragen/#hoe-groot-is-een-groep" in links(ask("hoe groot is een groep"))
    assert "Je schrijft op wat de groep bedenkt" in links(ask("wat doet een verslaglegger")).get("rollen/#rol-verslaglegger", "")


def test_excerpts_are_short(ask):
    for query in ("zo gaat een traject", "intervisie", "procesbegeleider"):
        assert max(len(text) for text in links(ask(query)).values()) < 400, query


def test_glossary_term_is_its_own_result(ask, catalogue):
    text = links(ask("afronding")).get("intervisie/begrippenlijst/#begrip-afronding", "")
    assert " ".join(catalogue.glossary["afronding"].split()) in text
    assert len(text) < 300


def test_word_families_meet(ask):
    assert "intervisie/vergelijking/" in top_pages(ask("supervisor"), 3)
    assert "intervisie/vergelijking/" in top_pages(ask("supervisanten"), 3)
    assert "intervisie/groep-starten/" in top_pages(ask("groep opzetten"), 3)


def test_every_glossary_term_finds_something(ask, catalogue):
    answers = ask(*catalogue.glossary)
    assert [term for term in catalogue.glossary if not answers[term]["items"]] == []


def test_typed_word_is_not_shown_as_missing(ask):
    assert held_by_all(ask("begeleiders")["items"][0])


def test_method_name_ranks_its_page_first(ask):
    assert top_pages(ask("balintmethode"), 1) == ["methoden/balintmethode/"]
    assert top_pages(ask("vragensteller"), 1) == ["rollen/"]


# Today's index holds 4.3 KB per page; the issue allows twice that.
MAX_INDEX_PER_PAGE = 2 * 4.3 * 1024

# Every question the search box asks the worker: when it is answered, and how many
# questions were still unanswered when it was asked.
WATCH_THE_WORKER = """(() => {
  const post = Worker.prototype.postMessage;
  window.iwAsked = [];
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2) iwAsked.push({query: message.data, answered: false, waiting: iwAsked.filter(a => !a.answered).length});
    return post.apply(this, arguments);
  };
  const Native = Worker;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    worker.addEventListener('message', event => {
      if (event.data.type === 3) iwAsked.find(asked => !asked.answered).answered = true;
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})()"""


def type_question(page, question: str) -> dict:
    """Type a question into the search box, key by key, and wait until the worker has
    answered the last question asked; what was asked, and what the dialog shows."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.evaluate("() => { iwAsked.length = 0 }")
    box.press_sequentially(question, delay=20)
    page.wait_for_function(
        "q => iwAsked.length && iwAsked.every(a => a.answered) && iwAsked[iwAsked.length - 1].query === q", arg=question
    )
    page.wait_for_timeout(200)
    return page.evaluate(
        """() => ({
            asked: iwAsked.map(a => a.query),
            overlapping: iwAsked.filter(a => a.waiting).length,
            pages: [...document.querySelectorAll('.md-search-result__list > li > a:first-child')].map(a => new URL(a.href).pathname.slice(1)),
            hint: document.querySelector('.iw-search-hint').hidden ? '' : document.querySelector('.iw-search-hint').innerText,
        })"""
    )


def test_typing_a_question_asks_once_and_settles_on_its_answer(page, server, ask):
    page.add_init_script(WATCH_THE_WORKER)
    page.goto(server)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => !/initiali/i.test(document.querySelector('.md-search-result__meta').innerText)")
    question = "kosten van een intervisor"
    typed = type_question(page, question)
    assert typed["asked"][-1] == question and len(typed["asked"]) < len(question) / 2, typed["asked"]
    assert typed["overlapping"] == 0, "a question asked while the worker was still answering one"
    assert typed["pages"] == top_pages(ask(question), PAGES) and typed["hint"] == ""
    typed = type_question(page, "intervisie op een xylofoon")
    assert "xylofoon" in typed["hint"] and typed["pages"]
    page.keyboard.press("Enter")
    page.wait_for_url(server + typed["pages"][0] + "**")
    assert page.foreign_requests == []
