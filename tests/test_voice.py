"""One voice in the role lines: the imperative, never a third-person verb next to "je".

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

import re

from intervisiewijzer.data import load_catalogue
from tests.conftest import ROOT

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
