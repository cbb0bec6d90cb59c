"""Role cards: per role what you do in each step, four A6 cards to an A4 sheet.

The type size is the same on every card. A card whose text does not fit continues on a
next card, marked as its continuation; nothing is shrunk and nothing is cut off. How much
fits is estimated in lines of the printed card (see ``CARD_LINES`` and print.css).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..data import Catalogue
from ..data.model import Role
from .planning import plans

CARDS_PER_SHEET = 4
# What a printed card holds (print.css: .role-card, 105 x 142 mm, 8.5 pt): lines of text
# between its heading and its footer, and characters on a line of a list item. Measured
# in Chromium; tests/test_print.py fails when a card overflows.
CARD_LINES = 27.5
LINE_CHARS = 53
ITEM_GAP = 0.2  # space between two list items, in lines
LABEL_LINES = 1.3  # a label ("Doen") with the space above it


@dataclass(frozen=True)
class Item:
    text: str
    step: int | None = None  # the step number, for the minutes a scaled plan changes
    title: str | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class Section:
    kind: str  # "steps", "tasks", "questions", "dos", "donts"
    label: str | None
    items: list[Item]
    continued: bool = False


@dataclass(frozen=True)
class Card:
    heading: str  # the method, or "Rollen bij intervisie"
    role_id: str
    role: str
    purpose: str
    sections: list[Section]
    footer: str  # what and where from: "Incidentmethode · Bron: ..."
    total: int | None = None  # the minutes of the plan the card follows
    optional: bool = False  # a role the group adds if it wants (tijdbewaker, verslaglegger)
    part: int = 1
    parts: int = 1
    anchor: str = field(default="")


def _lines(text: str, chars: int = LINE_CHARS) -> float:
    return -(-len(text) // chars) + ITEM_GAP


def _item_lines(item: Item) -> float:
    prefix = f"{item.minutes} min {item.title}: " if item.title else ""
    return _lines(prefix + item.text)


def split(card: Card) -> list[Card]:
    """The card as one or more cards, each holding what fits; later ones are continuations."""
    cards: list[list[Section]] = [[]]
    used = _lines(card.purpose, LINE_CHARS + 6) + 0.5
    for section in card.sections:
        current = replace(section, items=[])
        label = LABEL_LINES if section.label else 0.3
        for item in section.items:
            needed = _item_lines(item) + (label if not current.items else 0)
            if used + needed > CARD_LINES and (current.items or cards[-1]):
                if current.items:
                    cards[-1].append(current)
                cards.append([])
                current = replace(section, items=[], continued=bool(current.items) or section.continued)
                used = 0
                needed = _item_lines(item) + label
            current = replace(current, items=[*current.items, item])
            used += needed
        if current.items:
            cards[-1].append(current)
    parts = len(cards)
    return [
        replace(card, sections=sections, part=number, parts=parts, purpose=card.purpose if number == 1 else "")
        for number, sections in enumerate(cards, start=1)
    ]


def _tips(role: Role) -> list[Section]:
    sections = []
    if role.dos:
        sections.append(Section("dos", "Doen", [Item(text) for text in role.dos]))
    if role.donts:
        sections.append(Section("donts", "Niet doen", [Item(text) for text in role.donts]))
    return sections


def _generic(heading: str, role_id: str, role: Role, footer: str, optional: bool = False) -> Card:
    sections = [Section("tasks", None, [Item(text) for text in role.tasks])]
    if role.example_questions:
        sections.append(Section("questions", "Voorbeeldvragen", [Item(q) for q in role.example_questions]))
    return Card(heading, role_id, role.name, role.purpose, sections + _tips(role), footer, optional=optional, anchor=f"rol-{role_id}")


def method_cards(catalogue: Catalogue, slug: str) -> list[Card]:
    """A card per role the method uses, then the roles a group may add; split where needed."""
    method = catalogue.methods[slug]
    first = catalogue.sources[method.sources[0].ref]
    footer = f"Bron: {first.author}" + (" e.a." if len(method.sources) > 1 else "")
    cards = []
    used = catalogue.roles_of(method)
    for role_id, role in used:
        steps = [
            Item(step.roles[role_id], number, step.title, step.minutes)
            for number, step in enumerate(method.steps, start=1)
            if role_id in step.roles
        ]
        # The do's and don'ts are the same in every method: they stay on the role deck.
        sections = [Section("steps", None, steps)]
        if role.example_questions:
            sections.append(Section("questions", "Voorbeeldvragen", [Item(q) for q in role.example_questions[:2]]))
        cards.append(
            Card(method.name, role_id, role.name, role.purpose, sections, footer, method.total_minutes, anchor=f"rol-{role_id}")
        )
    for role_id in extra_roles(catalogue):
        if role_id not in dict(used):
            card = _generic(method.name, role_id, catalogue.roles[role_id], footer, optional=True)
            cards.append(replace(card, total=method.total_minutes))
    return [part for card in cards for part in split(card)]


def extra_roles(catalogue: Catalogue) -> list[str]:
    """Roles a group may add to any method: those the series planner hands out every
    meeting, besides the inbrenger and the one who leads."""
    own = {catalogue.role_with("inbrengen"), catalogue.role_with("leiden")}
    return [role_id for role_id in catalogue.series_roles() if role_id not in own]


def deck_cards(catalogue: Catalogue) -> list[Card]:
    """Every role on a card, for any method."""
    footer = "voor iedere methode"
    cards = [_generic("Rollen bij intervisie", role_id, role, footer) for role_id, role in catalogue.roles.items()]
    return [part for card in cards for part in split(card)]


def sheets(cards: list[Card]) -> list[list[Card]]:
    """Cards grouped four to an A4 sheet, so that print never splits a card over two sheets."""
    return [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]


@dataclass(frozen=True)
class DeckPage:
    """Every role on a card, four to a sheet (rollen/)."""

    sheets: list[list[Card]]


def deck_page(catalogue: Catalogue) -> DeckPage:
    return DeckPage(sheets(deck_cards(catalogue)))


@dataclass(frozen=True)
class CardsPage:
    """A method's role cards, with what a group needs to print one card per person."""

    name: str
    cards: list[Card]
    sheets: list[list[Card]]
    people: int  # the group size the page opens with
    group_min: int
    group_max: int | None
    fixed: list[str]  # roles one person each holds, besides the vragenstellers
    questioner: str | None  # the role everyone else holds (duty: vragen)
    optional: list[tuple[str, str]]  # id, name of the roles a group may add
    plans: dict[str, object]


def cards_page(catalogue: Catalogue, slug: str) -> CardsPage:
    method = catalogue.methods[slug]
    cards = method_cards(catalogue, slug)
    size = method.group_size
    people = size.min if size.max is None else (size.min + size.max + 1) // 2
    roles = dict.fromkeys(card.role_id for card in cards)
    questioner = catalogue.role_with("vragen")
    return CardsPage(
        name=method.name,
        cards=cards,
        sheets=sheets(cards),
        people=people,
        group_min=size.min,
        group_max=size.max,
        fixed=[role for role in roles if role != questioner and not any(c.optional for c in cards if c.role_id == role)],
        questioner=questioner,
        optional=[(card.role_id, card.role) for card in cards if card.optional and card.part == 1],
        plans=plans([step.minutes for step in method.steps]),
    )
