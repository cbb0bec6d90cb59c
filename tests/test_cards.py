"""Role cards, worked out at build time: one card per person, every step where a role acts,
and the same counts on the print index and the card page. (On paper: tests/test_print.py.)"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from intervisiewijzer.data import Catalogue
from intervisiewijzer.data.model import Method
from intervisiewijzer.views.cards import DENSE, MOST_PEOPLE, NORMAL, deal, deck, extra_roles, fit, hands

from .conftest import MINIMAL_METHOD


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_person_gets_one_card_at_every_group_size(catalogue):
    questioner = catalogue.role_with("vragen")
    for slug, method in catalogue.methods.items():
        held = hands(catalogue, slug)
        assert all(len(hand.cards) == 1 for hand in held), f"{slug}: a role continues on a second card"
        own = {role_id for role_id, _ in catalogue.roles_of(method)} - {questioner}
        optional = [hand.role_id for hand in held if hand.optional]
        for added in ((), tuple(optional[:1]), tuple(optional)):
            for people in range(1, MOST_PEOPLE + 1):
                copies = deal(held, people, added)
                if people < len(own) + len(added) + 1:
                    assert copies is None, f"{slug}: {people} people cannot hold {len(own) + len(added) + 1} roles"
                    continue
                cards = deck(held, copies)
                assert len(cards) == people, f"{slug}: {people} people get {len(cards)} cards"
                roles = [card.role_id for card in cards]
                assert all(roles.count(role) == 1 for role in own | set(added))
                assert roles.count(questioner) == people - len(own) - len(added)


def test_cards_list_every_step_where_the_role_acts(catalogue):
    keeper, writer, questioner = catalogue.role_with("tijd"), catalogue.role_with("verslag"), catalogue.role_with("vragen")
    for slug, method in catalogue.methods.items():
        starts = [sum(step.minutes for step in method.steps[:i]) for i in range(len(method.steps))]
        for hand in hands(catalogue, slug):
            items = [item for card in hand.cards for section in card.sections if section.kind == "steps" for item in section.items]
            listed = [item.step for item in items]
            numbers = list(range(1, len(method.steps) + 1))
            if hand.role_id == keeper:
                assert listed == numbers, f"{slug}: the one who keeps the time has every step"
                assert [item.offset for item in items] == starts, f"{slug}: with its clock time"
            elif hand.role_id == writer:
                assert listed == [n for n in numbers if {hand.role_id, questioner} & set(method.steps[n - 1].roles)], slug
            else:
                assert listed == [n for n in numbers if hand.role_id in method.steps[n - 1].roles], f"{slug}: {hand.role_id}"
            for item in items:
                assert item.text == method.steps[item.step - 1].roles.get(hand.role_id, "")
                assert item.minutes == method.steps[item.step - 1].minutes
            if any(not item.text for item in items):
                tasks = [card for card in hand.cards if any(section.kind == "tasks" for section in card.sections)]
                assert tasks, f"{slug}: a step without a task of its own needs the role's tasks on the card"


def test_the_print_index_counts_what_the_card_page_prints(site, catalogue):
    rows = soup(site, "printen").select("table.iw-print-list tbody tr")
    assert len(rows) == len(catalogue.methods)
    for row, slug in zip(rows, catalogue.methods):
        cell = " ".join(row.select_one("td[data-label=Rolkaarten]").get_text().split())
        count, sheets, people = map(int, re.fullmatch(r"(\d+) kaarten op (\d+) A4 voor (\d+) deelnemers", cell).groups())
        page = soup(site, f"methoden/{slug}/rolkaarten")
        assert len(page.select(".role-cards .role-card")) == count == people, f"{slug}: one card per person"
        assert len(page.select(".role-cards .card-sheet")) == sheets == -(-count // 4)
        assert page.select_one("[data-cards-people]").get_text() == str(people)


def long_method(catalogue: Catalogue, steps: int, words: int, tasks: list[str] = ()) -> Catalogue:
    """A method whose inbrenger has a long task in every step: ``words`` words, or the next of ``tasks``."""
    tasks = list(tasks) or [" ".join(["Vertel"] + ["uitgebreid"] * (words - 1)) + "."]
    data = {
        **MINIMAL_METHOD,
        "steps": [
            {
                "title": f"Stap {n}",
                "minutes": 5,
                "description": "Een stap.",
                "roles": {"inbrenger": tasks[n % len(tasks)], "vragensteller": "Vraag."},
            }
            for n in range(1, steps + 1)
        ],
        "sources": [{"ref": next(iter(catalogue.sources))}],
    }
    method = Method.model_validate(data, strict=False)
    return Catalogue(roles=catalogue.roles, methods={"lang": method}, sources=catalogue.sources, glossary={}, checklists={})


def test_a_card_takes_the_smaller_type_before_it_continues(catalogue):
    sizes = {}
    for steps in range(6, 30):
        card = hands(long_method(catalogue, steps, 14), "lang")[0].cards
        sizes.setdefault((len(card), card[0].type), steps)
    assert list(sizes)[:3] == [(1, NORMAL), (1, DENSE), (2, NORMAL)], "first the normal type, then the smaller, then a second card"
    assert DENSE.size >= 8
    parts = hands(long_method(catalogue, 40, 14), "lang")[0].cards
    assert [card.part for card in parts] == list(range(1, len(parts) + 1)) and all(card.parts == len(parts) for card in parts)
    steps = [item.step for card in parts for section in card.sections if section.kind == "steps" for item in section.items]
    assert steps == list(range(1, 41)), "every step once, in order, over the cards"
    assert parts[0].purpose and not any(card.purpose for card in parts[1:])
    held = hands(long_method(catalogue, 40, 14), "lang")
    copies = deal(held, 5)
    assert len(deck(held, copies)) == sum(count * len(hand.cards) for hand, count in zip(held, copies)) > 5
    assert [card.part for card in deck(held, copies)][: len(parts)] == [card.part for card in parts], "a hand stays together"


def test_roles_a_group_may_add_come_from_the_roles_file(catalogue):
    rotating = [role_id for role_id, role in catalogue.roles.items() if role.rotates and role.duty not in ("inbrengen", "leiden")]
    assert extra_roles(catalogue) == rotating
    assert all(fit(card)[0].type in (NORMAL, DENSE) for card in [hand.cards[0] for hand in hands(catalogue, "balintmethode")])
