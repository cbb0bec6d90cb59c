"""One voice in the handbook's own content, as methods/STIJLGIDS.md writes it down.

Part one: the role lines. Part two: the rules a machine can check in every page under
docs/ and every data file under methods/ (see "The rules of the style guide" below).

One voice in the role lines: the imperative, never a third-person verb next to "je".

A role line tells the person who holds a role what to do: what a role does in a step of
a method file (a step's ``roles``), and the ``tasks``, ``dos`` and ``donts`` in
``methods/_roles.yml``. The handbook writes them all in the imperative and speaks to the
reader: "Meld dat je een casus hebt". The mistake this test catches is the mix of a
third-person verb with the reader's "je", "jij" or "jouw": "Meldt dat je een casus hebt".

The rule, without a Dutch dictionary. A Dutch imperative is the bare stem of the verb
("Meld", "Vertel", "Kies"); the third person adds a t ("Meldt", "Vertelt", "Kiest"). The
verb of a role line stands first, or right after "en" when a line has two ("Luister, en
vat samen"). Such a word is a third-person verb when

1. it ends in "t" and, without that "t", it is the first word of another role line
   ("Meldt" while another line starts with "Meld"), or
2. it is one of the common third-person forms in ``THIRD_PERSON`` (for a verb whose
   imperative no other line happens to use).

Imperatives that end in "t" themselves ("Zet", "Let op", "Wacht", "Zit") are not flagged:
without their "t" they are no word that starts a line, and they are not in the list.
"""

from __future__ import annotations

import functools

import re
from pathlib import Path

import pytest
import yaml

from intervisiewijzer.data import load_catalogue
from tests.conftest import ROOT

pytestmark = pytest.mark.handbook

# Third-person forms of verbs that role lines use. Words that are also an imperative
# (zet, let, wacht, zit, vat, laat, sluit) must never be in this list.
THIRD_PERSON = frozenset(
    """
    beantwoordt bemoeit beschrijft bespreekt bewaakt bouwt checkt deelt denkt doet erkent
    gaat geeft grijpt heeft helpt herhaalt houdt is kiest kijkt komt legt leest leidt
    luistert maakt meldt neemt noemt noteert onderbreekt schetst schrijft stelt
    vergelijkt vertelt voorkomt vraagt vult weegt wordt zegt zoekt zorgt
    """.split()
)

_WORD = re.compile(r"[a-zà-ÿ]+")


def _verb_positions(line: str) -> list[str]:
    """The words where the verb of a role line stands: the first, and each one after "en"."""
    words = _WORD.findall(line.lower())
    return words[:1] + [after for before, after in zip(words, words[1:]) if before == "en"]


def third_person_verb(line: str, stems: set[str], known: frozenset[str] = THIRD_PERSON) -> str | None:
    """The third-person verb in ``line``, or None when the line is in the imperative.

    ``stems`` are the first words of all role lines (lower case): the imperatives in use.
    """
    for word in _verb_positions(line):
        if word in known or (word.endswith("t") and word[:-1] in stems):
            return word
    return None


def _first_word(line: str) -> str:
    words = _WORD.findall(line.lower())
    return words[0] if words else ""


def role_lines() -> list[tuple[str, str]]:
    """Every role line of every method file and of _roles.yml, with where it stands."""
    catalogue = load_catalogue(ROOT / "methods")
    lines = []
    for slug, method in catalogue.methods.items():
        for number, step in enumerate(method.steps, start=1):
            lines += [(f"methods/{slug}.yml, stap {number}, {role}", text) for role, text in step.roles.items()]
    for role_id, role in catalogue.roles.items():
        for field in ("tasks", "dos", "donts"):
            lines += [(f"methods/_roles.yml, {role_id}.{field}", text) for text in getattr(role, field)]
    return lines


def test_every_role_line_is_imperative():
    lines = role_lines()
    stems = {_first_word(text) for _, text in lines}
    problems = [
        f"{where}: {text!r} begins with the third person {verb!r}; write the imperative"
        for where, text in lines
        if (verb := third_person_verb(text, stems))
    ]
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_third_person_verb_next_to_je():
    bad = "Meldt dat je een casus hebt."
    assert third_person_verb(bad, {"meld"}) == "meldt"
    # The list alone catches it, and so does a stem that another line starts with.
    assert third_person_verb(bad, set()) == "meldt"
    assert third_person_verb(bad, {"meld"}, known=frozenset()) == "meldt"
    assert third_person_verb("Luister, en vraagt dan door als het vaag blijft.", {"vraag"}) == "vraagt"


def test_the_check_accepts_imperatives_that_end_in_t():
    good = [
        "Meld dat je een casus hebt.",
        "Zet bij iedere stap de tijd.",
        "Let op houding en toon.",
        "Wacht, en denk na over je vraag.",
        "Luister, en reageer nog niet.",
        "Ga buiten de kring zitten en luister.",
        "Zit buiten de kring en maak aantekeningen.",
        "Vat samen wat je hoort.",
    ]
    stems = {_first_word(line) for line in good}
    assert [line for line in good if third_person_verb(line, stems)] == []


def test_a_mixed_line_in_the_real_data_would_fail():
    """The real role lines start with "Meld", so a "Meldt dat je ..." among them is caught."""
    lines = [text for _, text in role_lines()] + ["Meldt dat je een casus hebt."]
    stems = {_first_word(text) for text in lines}
    assert "meld" in stems
    caught = [text for text in lines if third_person_verb(text, stems, known=frozenset())]
    assert caught == ["Meldt dat je een casus hebt."]


# ---------------------------------------------------------------------------------------
# The rules of the style guide (methods/STIJLGIDS.md) that a machine can check
# ---------------------------------------------------------------------------------------
#
# 1. The handbook never speaks of itself as "wij", "we", "ons" or "onze". Words inside
#    quotation marks are speech (a group member's question) and are left alone, and so are
#    the places where a group or an inbrenger speaks for themselves (a form the group fills
#    in together, a practice case told by the inbrenger).
# 2. "de groep" is "zij": a sentence where "de groep" is followed, after a comma, by "hij"
#    or "hem" with no person in between ("Als de groep goed loopt, houdt hij ...") is
#    wrong. "De groep praat over hem" (the inbrenger) is fine and is not flagged.
# 3. "de bron" is "zij": "bron" followed by "hij" or "hem" with no person in between.
# 4. No English word where the list has a Dutch one (break-outroom, sparren, chat, ...).
# 5. The vragensteller has no other name: not "adviseur", "coach", "teamlid" or
#    "groepslid" (in the pages and the data about roles; the comparison and the glossary
#    describe coaching and may say "coach").
# 6. "het KNGF", never "de KNGF".

DOCS = ROOT / "docs"
METHODS = ROOT / "methods"

PERSON = re.compile(
    r"\b(inbrenger|procesbegeleider|vragensteller|tijdbewaker|verslaglegger|observator|intervisor"
    r"|begeleider|deelnemer|lid|leden|ieder|iedereen|niemand|collega|leidinggevende|trainer|coach"
    r"|supervisor|supervisant|cliënt|client|klant|patiënt|persoon|man|vader|moeder|advocaat|arts"
    r"|auteur|schrijver|mentor|consulent|therapeut|professional|werknemer|medewerker)\w*",
    re.IGNORECASE,
)
# Not part of a compound: "wij-gevoel" is a word about groups, not the author speaking.
AUTHOR_WE = re.compile(r"(?<![\w-])(wij|we|ons|onze)(?![\w-])", re.IGNORECASE)
# "Als de groep goed loopt, houdt hij ...": after the comma a verb, then "hij". After "en",
# "maar" or another conjunction a new clause starts ("..., en hij luistert mee"), whose
# "hij" is someone else.
GROUP_HIJ = re.compile(
    r"\b(?:de|deze|die|je|jullie) groep\b(?P<between>[^.!?]*?),\s*"
    r"(?!(?:en|maar|of|want|dus|terwijl|als|omdat|dat|zodat|wat|die|wie)\b)\w+\s+(?:hij|hem)\b",
    re.IGNORECASE,
)
SOURCE_HIJ = re.compile(r"\b(?:de|deze|die|elke|een) bron\b(?P<between>[^.!?]*?)\b(?:hij|hem)\b", re.IGNORECASE)
KNGF = re.compile(r"\bde KNGF\b", re.IGNORECASE)
ANGLICISMS = {
    re.compile(r"\bbreak-?out[\w-]*", re.IGNORECASE): "een aparte groepsruimte",
    re.compile(r"\b(?:spar(?:ren|t|de|den|ringpartners?)|gespard)\b", re.IGNORECASE): "meedenken of overleggen",
    re.compile(r"\bchat\w*", re.IGNORECASE): "berichten",
    re.compile(r"\bmeetings?\b", re.IGNORECASE): "bijeenkomst",
    re.compile(r"\bbrainstorm\w*", re.IGNORECASE): "ideeën verzamelen",
    re.compile(r"\btrainees?\b", re.IGNORECASE): "deelnemer",
}
# Not preceded by a hyphen: "HR-adviseur" is a job, not a name for the vragensteller.
VRAGENSTELLER_OTHER_NAMES = re.compile(r"(?<![-\w])(adviseurs?|teamlid|teamleden|groepslid|groepsleden)\b", re.IGNORECASE)
VRAGENSTELLER_COACH = re.compile(r"(?<![-\w])(coach|coaches)\b", re.IGNORECASE)
# Speech: "..." „...“ “...” and '...' (an apostrophe inside a word, as in "zzp'ers", is
# no quotation mark).
QUOTED = re.compile(r'"[^"\n]*"|„[^“”\n]*[“”]|“[^”\n]*”|(?<![\w])\'[^\'\n]*\'(?![\w])')
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def unquoted(sentence: str) -> str:
    return QUOTED.sub(" … ", sentence)


def text_problems(text: str, *, author: bool = True, roles: bool = True, coach: bool = True) -> list[tuple[str, str]]:
    """(sentence, what is wrong) for each sentence of ``text`` that breaks the style guide.

    ``author``: check "wij/we/ons" (off where a group or an inbrenger speaks for
    themselves); ``roles``: check other names for the vragensteller; ``coach``: "coach"
    counts as one of those names (off where coaching itself is described). The author and
    the pronouns are checked with quoted speech left out (a quotation may hold more than
    one sentence); the words are checked everywhere.
    """
    found_problems = []
    for plain in sentences(unquoted(text)):
        if author and (found := AUTHOR_WE.search(plain)):
            found_problems.append((plain, f"'{found.group(0)}' als schrijver; schrijf 'Intervisiewijzer' of laat het weg"))
        for pattern, what in ((GROUP_HIJ, "de groep"), (SOURCE_HIJ, "de bron")):
            found = pattern.search(plain)
            if found and not PERSON.search(found.group("between")):
                found_problems.append((plain, f"'{what}' met 'hij' of 'hem'; {what} is 'zij'"))
    for sentence in sentences(text):
        found_problems += [(sentence, why) for why in word_problems(sentence, roles=roles, coach=coach)]
    return found_problems


def voice_problems(sentence: str, **checks) -> list[str]:
    """What in one sentence breaks the style guide, in words for the reader of the test."""
    return [why for _, why in text_problems(sentence, **checks)]


def word_problems(sentence: str, *, roles: bool, coach: bool) -> list[str]:
    problems = []
    for pattern, dutch in ANGLICISMS.items():
        if found := pattern.search(sentence):
            problems.append(f"Engels woord '{found.group(0)}'; schrijf '{dutch}'")
    if roles:
        names = [VRAGENSTELLER_OTHER_NAMES] + ([VRAGENSTELLER_COACH] if coach else [])
        for pattern in names:
            if found := pattern.search(sentence):
                problems.append(f"'{found.group(0)}' als naam voor een deelnemer; schrijf 'vragensteller' of 'deelnemer'")
    if found := KNGF.search(sentence):
        problems.append(f"'{found.group(0)}'; schrijf 'het KNGF'")
    return problems


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(" ".join(text.split())) if part.strip()]


# --- The pages under docs/ ---------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>\n]+>")
BLOCK_START = re.compile(r"^\s*(?:[-*]\s|\d+\.\s|:\s|#+\s|\|)")


def page_blocks(markdown: str) -> list[tuple[int, str]]:
    """(line number, text) of each paragraph, list item, definition, heading and table
    cell of a page, with templates, code, link addresses and HTML left out."""
    body = FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    body = TEMPLATE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    body = CODE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(body.splitlines(), start=1):
        text = TAG.sub(" ", LINK.sub(r"\1", line))
        if not text.strip():
            blocks.append((number, []))
        elif text.lstrip().startswith("|"):
            if not re.fullmatch(r"[\s|:-]*", text):
                blocks += [(number, [cell]) for cell in text.split("|") if cell.strip()]
            blocks.append((number, []))
        elif BLOCK_START.match(text) or not blocks or not blocks[-1][1]:
            blocks.append((number, [re.sub(r"^\s*(?:[-*]|\d+\.|:|#+)\s+", "", text)]))
        else:
            blocks[-1][1].append(text)
    return [(number, " ".join(lines)) for number, lines in blocks if lines]


def page_problems(path: Path) -> list[str]:
    where = path.relative_to(ROOT).as_posix()
    problems = []
    for number, block in page_blocks(path.read_text(encoding="utf-8")):
        problems += [f"{where}:{number}: {why}: {sentence!r}" for sentence, why in text_problems(block, coach=False)]
    return problems


PAGE_FILES = sorted(p for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_speaks_with_one_voice(path):
    problems = page_problems(path)
    assert not problems, "\n".join(problems)


# --- The data under methods/ -------------------------------------------------------------

# Fields that hold codes, ids and addresses, not text.
CODE_FIELDS = {
    "ref", "method", "methods", "cases", "forms", "page", "url", "question_kinds", "experience",
    "facilitator", "conversation", "related", "external", "kind", "guideline", "when",
}
# Where a group or an inbrenger speaks for themselves, "we" is theirs, not the author's.
OWN_VOICE = {
    "_checklists.yml": {"checks", "label"},
    "_cases.yml": {"situation", "question", "title"},
}
# Files that describe coaching itself, where "coach" is no name for the vragensteller.
ABOUT_COACHING = {"_comparison.yml", "_glossary.yml", "_sources.yml"}
# Data files not checked at all: the JSON Schemas are generated.
DATA_FILES = sorted(p for p in METHODS.glob("*.yml"))


def strings(value, path=()):
    """(path of keys, text) of every string in a YAML value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in CODE_FIELDS:
                yield from strings(item, path + (str(key),))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, path + (str(index),))


def data_problems(name: str, value, where_prefix: str = "") -> list[str]:
    own_voice = OWN_VOICE.get(name, set())
    problems = []
    for keys, text in strings(value):
        author = not (set(keys) & own_voice)
        # The vragensteller's names matter where roles and steps are described; the
        # comparison, the glossary and the bibliography describe coaching and other forms.
        roles = name not in ABOUT_COACHING
        where = f"methods/{name}, {where_prefix}{'.'.join(keys)}"
        problems += [f"{where}: {why}: {sentence!r}" for sentence, why in text_problems(text, author=author, roles=roles)]
    return problems


@functools.cache  # the bibliography is read once, not once per publication
def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _method_params():
    for path in DATA_FILES:
        if path.name.startswith("_"):
            continue
        yield pytest.param(path, id=path.name)


def _source_params():
    for key in load(METHODS / "_sources.yml"):
        yield pytest.param(key, id=key)


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.name.startswith("_") and p.name != "_sources.yml"], ids=lambda p: p.name)
def test_every_data_file_speaks_with_one_voice(path):
    problems = data_problems(path.name, load(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", list(_method_params()))
def test_every_method_speaks_with_one_voice(path):
    problems = data_problems(path.name, load(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", list(_source_params()))
def test_every_source_note_speaks_with_one_voice(key):
    """Only what the handbook writes about a publication: its ``used_for``. Titles and
    authors are the publication's own words."""
    entry = load(METHODS / "_sources.yml")[key]
    problems = data_problems("_sources.yml", {"used_for": entry.get("used_for", "")}, f"{key}.")
    assert not problems, "\n".join(problems)


# --- The checks themselves -----------------------------------------------------------------


def test_the_checks_catch_what_the_style_guide_forbids():
    wrong = {
        "Hier leggen we de belangrijkste woorden uit.": "'we' als schrijver",
        "Zo werken wij met bronnen.": "'wij' als schrijver",
        "Als de groep eenmaal goed loopt, houdt hij zichzelf in stand.": "'de groep' met 'hij'",
        "Bij elke bron staat eerst wie hem schreef.": "'de bron' met 'hij'",
        "Met break-outrooms praten de leden verder.": "break-outrooms",
        "Je kunt met vakgenoten sparren.": "sparren",
        "Typ je vraag in de chat.": "chat",
        "De adviseurs geven om de beurt een tip.": "'adviseurs' als naam",
        "De coaches stellen vragen.": "'coaches' als naam",
        "Volgens de KNGF werkt het beter.": "'de KNGF'",
    }
    missed = [sentence for sentence in wrong if not voice_problems(sentence)]
    assert missed == []


def test_the_checks_leave_good_sentences_alone():
    good = [
        'Vraag: "Wat merken we, en wat willen we anders?"',
        "Stel de vraag 'Wat doen we de volgende keer anders?' aan het eind.",
        "Intervisiewijzer raadt aan om niemand te dwingen.",
        "Als de groep eenmaal goed loopt, houdt zij zichzelf in stand.",
        "De groep praat over hem alsof hij er niet is.",
        "De groep helpt hem een kernkwaliteit te vinden.",
        "Als leidinggevende of HR-adviseur zorg je voor de voorwaarden.",
        "Volgens het KNGF werkt begeleide intervisie beter.",
        "Bij elke bron staat eerst wie haar schreef.",
        "Met zzp'ers en collega's praat je in berichten.",
        "De groep praat over hem alsof hij er niet is, en hij luistert mee.",
        "Er ontstaat een wij-gevoel.",
        "Zeg hardop wat je doet. Bijvoorbeeld: 'Dat klinkt als een advies. Dat bewaren we voor later.'",
    ]
    assert [sentence for sentence in good if voice_problems(sentence)] == []


def test_coaching_may_be_described_where_coaching_is_the_subject():
    assert voice_problems("Een coach begeleidt één professional.", coach=False) == []
    assert voice_problems("Een coach begeleidt één professional.") != []


def test_a_page_names_file_line_and_sentence(tmp_path):
    page = tmp_path / "docs" / "voorbeeld.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: X\n---\n\n# Kop\n\nDit is goed.\nHier leggen we\nalles uit.\n", encoding="utf-8")
    blocks = page_blocks(page.read_text(encoding="utf-8"))
    assert (7, "Dit is goed. Hier leggen we alles uit.") in blocks
    problems = [why for _, block in blocks for _, why in text_problems(block)]
    assert problems and "'we' als schrijver" in problems[0]
