"""Role cards: per role what you do in each step, four A6 cards to an A4 sheet.

Every person gets one card. A card is laid out to fit: in the normal type, else in a
smaller one (never below 8 pt); only a role whose text does not fit even then continues
on a next card, marked as its continuation. Nothing is cut off. How much room the text
takes is worked out here with the widths of the printed typeface (``measure``), and
tests/test_print.py checks every card of every method in Chromium.

How many cards a group gets is worked out once, here (``deal``): the print index shows it,
the card page prints it, and the page's script looks it up for other group sizes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations

from ..data import Catalogue
from ..data.model import Method, Role
from . import addresses
from .measure import Run, lines
from .planning import DEFAULT_START, plans

CARDS_PER_SHEET = 4
MOST_PEOPLE = 40  # the largest group the card page deals cards for


@dataclass(frozen=True)
class Type:
    """A card's type: size and line height in points, and the space below a list item."""

    size: float
    line: float
    gap: float
    dense: bool = False


# The card's geometry, as print.css sets it (.role-card): 105 x 142 mm, padding 6 mm at
# the top and sides and 5 mm at the bottom; lists are indented 4 mm.
PT_PER_MM = 72 / 25.4
MEASURE = (105 - 12) * PT_PER_MM
INDENT = 4 * PT_PER_MM
HEIGHT = (142 - 11) * PT_PER_MM
NORMAL = Type(8.5, 10.5, 0.8)
DENSE = Type(8, 9.5, 0.3, dense=True)  # print.css: .role-card--dense
HEAD = 10 + 14 + 3  # the method's name (8 pt on 10), the role (12 pt on 14) and their margins
FOOT_LINE = 10  # the footer: 8 pt on 10, with a rule and space above it
FOOT_SPACE = 5
PARAGRAPH_GAP = 2.8  # below the purpose and below a list (1 mm)
LABEL_SPACE = 4.2 + 0.9  # above and below a section's label (1.5 mm and 0.3 mm)
SAFETY = 3  # points kept free for what the model does not see (rounding, the browser's line boxes)


@dataclass(frozen=True)
class Item:
    text: str
    step: int | None = None  # the step number, for the minutes a scaled plan changes
    title: str | None = None
    minutes: int | None = None
    offset: int | None = None  # minutes from the start of the meeting, for a card with clock times
    start: int = DEFAULT_START  # the meeting's start, in minutes after midnight

    @property
    def at(self) -> int | None:
        return None if self.offset is None else self.start + self.offset


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
    footer: str  # what and where from: "Bron: ..."
    total: int | None = None  # the minutes of the plan the card follows
    optional: bool = False  # a role the group adds if it wants (tijdbewaker, verslaglegger)
    part: int = 1
    parts: int = 1
    anchor: str = field(default="")
    type: Type = NORMAL
    first: bool = True  # the first holder's card, which carries the role's anchor; search leaves copies out

    @property
    def footer_line(self) -> str:
        """The footer as printed: "Incidentmethode · 70 min · Bron: ..."."""
        return " · ".join([self.heading, *([f"{self.total} min"] if self.total else []), self.footer])


# ---- How much room a card takes ---------------------------------------------------------


def _item_runs(item: Item) -> list[Run]:
    """An item as the card prints it. Minutes are counted with the digits of a plan that
    doubles them, the longest the session planner makes."""
    if item.title is None:
        return [(item.text, False)]
    runs: list[Run] = []
    if item.at is not None:
        runs.append(("00:00\u00a0", False))
    runs += [("0" * len(str(2 * (item.minutes or 0))) + "\u00a0min ", False), (item.title, True)]
    if item.text:
        runs.append((": " + item.text, False))
    return runs


def _section_height(section: Section, type: Type) -> float:
    label = type.line + LABEL_SPACE if section.label else 0
    items = sum(lines(_item_runs(item), MEASURE - INDENT, type.size) * type.line + type.gap for item in section.items)
    return label + items + PARAGRAPH_GAP


def height(card: Card, type: Type) -> float:
    """The height of a card's text in points, in this type."""
    used = HEAD + lines([(card.footer_line, False)], MEASURE, 8) * FOOT_LINE + FOOT_SPACE
    if card.purpose:
        used += lines([(card.purpose, False)], MEASURE, type.size) * type.line + PARAGRAPH_GAP
    return used + sum(_section_height(section, type) for section in card.sections)


def fits(card: Card, type: Type) -> bool:
    return height(card, type) <= HEIGHT - SAFETY


def fit(card: Card) -> list[Card]:
    """The card in the normal type, else in the smaller type, else as a card with
    continuations, each holding what fits in the normal type."""
    for type in (NORMAL, DENSE):
        if fits(card, type):
            return [replace(card, type=type)]
    return split(card)


def split(card: Card) -> list[Card]:
    """The card as one or more cards, each holding what fits; later ones are continuations."""
    cards: list[list[Section]] = [[]]
    purpose = card.purpose
    for section in card.sections:
        current = replace(section, items=[])
        for item in section.items:
            trial = replace(current, items=[*current.items, item])
            if not fits(replace(card, purpose=purpose, sections=[*cards[-1], trial]), NORMAL) and (current.items or cards[-1]):
                if current.items:
                    cards[-1].append(current)
                cards.append([])
                purpose = ""
                trial = replace(section, items=[item], continued=bool(current.items) or section.continued)
            current = trial
        if current.items:
            cards[-1].append(current)
    parts = len(cards)
    return [
        replace(card, sections=sections, part=number, parts=parts, purpose=card.purpose if number == 1 else "")
        for number, sections in enumerate(cards, start=1)
    ]


# ---- The cards of a method and of the role deck ----------------------------------------------


def _tips(role: Role) -> list[Section]:
    sections = []
    if role.dos:
        sections.append(Section("dos", "Doen", [Item(text) for text in role.dos]))
    if role.donts:
        sections.append(Section("donts", "Niet doen", [Item(text) for text in role.donts]))
    return sections


def _generic(heading: str, role_id: str, role: Role, footer: str) -> Card:
    sections = [Section("tasks", None, [Item(text) for text in role.tasks])]
    if role.example_questions:
        sections.append(Section("questions", "Voorbeeldvragen", [Item(q) for q in role.example_questions]))
    return Card(heading, role_id, role.name, role.purpose, sections + _tips(role), footer, anchor=f"rol-{role_id}")


def acts_in(catalogue: Catalogue, method: Method, role_id: str) -> list[int]:
    """The numbers of the steps a role's card lists: where the method gives the role a task,
    and where the role's duty (methods/_roles.yml) makes it act: the one who keeps the time
    in every step, the one who writes in every step where the vragenstellers speak."""
    duty = catalogue.roles[role_id].duty
    follows = catalogue.role_with("vragen") if duty == "verslag" else None
    return [
        number
        for number, step in enumerate(method.steps, start=1)
        if role_id in step.roles or duty == "tijd" or (follows is not None and follows in step.roles)
    ]


def _method_card(catalogue: Catalogue, method: Method, role_id: str, footer: str, optional: bool) -> Card:
    role = catalogue.roles[role_id]
    clock = role.duty == "tijd"
    starts = [sum(step.minutes for step in method.steps[:i]) for i in range(len(method.steps))]
    steps = [
        Item(
            method.steps[n - 1].roles.get(role_id, ""),
            n,
            method.steps[n - 1].title,
            method.steps[n - 1].minutes,
            starts[n - 1] if clock else None,
        )
        for n in acts_in(catalogue, method, role_id)
    ]
    sections = []
    if optional or any(not item.text for item in steps):
        # Lines without a task of their own: the role's tasks say what to do in them.
        sections.append(Section("tasks", None, [Item(text) for text in role.tasks]))
    sections.append(Section("steps", None, steps))
    # The do's and don'ts are the same in every method: they stay on the role deck.
    if role.example_questions:
        sections.append(Section("questions", "Voorbeeldvragen", [Item(q) for q in role.example_questions[:2]]))
    return Card(
        method.name, role_id, role.name, role.purpose, sections, footer, method.total_minutes, optional, anchor=f"rol-{role_id}"
    )


@dataclass(frozen=True)
class Hand:
    """What one person who holds a role gets: the role's card, and its continuations."""

    role_id: str
    name: str
    cards: list[Card]
    optional: bool  # a role the group adds if it wants
    questioner: bool  # the role of everyone who holds no other role


def hands(catalogue: Catalogue, slug: str) -> list[Hand]:
    """A hand per role the method uses, then one per role a group may add."""
    method = catalogue.methods[slug]
    first = catalogue.sources[method.sources[0].ref]
    footer = f"Bron: {first.author}" + (" e.a." if len(method.sources) > 1 else "")
    questioner = catalogue.role_with("vragen")
    used = [role_id for role_id, _ in catalogue.roles_of(method)]
    added = [role_id for role_id in extra_roles(catalogue) if role_id not in used]
    return [
        Hand(role_id, catalogue.roles[role_id].name, fit(_method_card(catalogue, method, role_id, footer, optional)), optional,
             role_id == questioner)
        for role_id, optional in [(r, False) for r in used] + [(r, True) for r in added]
    ]  # fmt: skip


def extra_roles(catalogue: Catalogue) -> list[str]:
    """Roles a group may add to any method: those the series planner hands out every
    meeting, besides the inbrenger and the one who leads."""
    own = {catalogue.role_with("inbrengen"), catalogue.role_with("leiden")}
    return [role_id for role_id in catalogue.series_roles() if role_id not in own]


def deck_cards(catalogue: Catalogue) -> list[Card]:
    """Every role on a card, for any method."""
    footer = "voor iedere methode"
    cards = [_generic("Rollen bij intervisie", role_id, role, footer) for role_id, role in catalogue.roles.items()]
    return [part for card in cards for part in fit(card)]


# ---- Dealing: one card per person -------------------------------------------------------------


def deal(held: list[Hand], people: int, added: tuple[str, ...] = ()) -> list[int] | None:
    """How many people hold each hand in a group of ``people`` that adds the roles ``added``:
    one for each role, everyone else the questioner's; None when the group is too small
    for its roles (or, without a questioner's role, larger than its roles)."""
    one = [not hand.questioner and (not hand.optional or hand.role_id in added) for hand in held]
    rest = people - sum(one)
    if any(hand.questioner for hand in held):
        return None if rest < 1 else [rest if hand.questioner else int(own) for hand, own in zip(held, one)]
    return [int(own) for own in one] if rest == 0 else None


def deck(held: list[Hand], copies: list[int]) -> list[Card]:
    """The cards a group gets, a hand's cards together; only the first copy is ``first``."""
    return [
        card if copy == 0 else replace(card, first=False)
        for hand, count in zip(held, copies)
        for copy in range(count)
        for card in hand.cards
    ]


def sheets(cards: list[Card]) -> list[list[Card]]:
    """Cards grouped four to an A4 sheet, so that print never splits a card over two sheets."""
    return [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]


def default_people(method: Method) -> int:
    """The group the card page opens with: the middle of the method's range."""
    size = method.group_size
    return size.min if size.max is None else (size.min + size.max + 1) // 2


@dataclass(frozen=True)
class Deal:
    """The cards a group of ``people`` gets at a method's own plan, without added roles."""

    people: int
    cards: list[Card]

    @property
    def sheets(self) -> int:
        return len(sheets(self.cards))


def default_deal(catalogue: Catalogue, slug: str, held: list[Hand] | None = None) -> Deal:
    """What the card page prints as it opens, and what the print index says it prints."""
    held = hands(catalogue, slug) if held is None else held
    people = default_people(catalogue.methods[slug])
    copies = deal(held, people)
    return Deal(people, deck(held, copies) if copies else [card for hand in held if not hand.optional for card in hand.cards])


def deal_table(held: list[Hand]) -> dict[str, list[list[int] | None]]:
    """For the page's script: per choice of added roles ("" or "tijdbewaker,verslaglegger",
    in the order of the hands), the copies of each hand for 1 to MOST_PEOPLE people."""
    optional = [hand.role_id for hand in held if hand.optional]
    choices = [added for size in range(len(optional) + 1) for added in combinations(optional, size)]
    return {",".join(added): [deal(held, people, added) for people in range(1, MOST_PEOPLE + 1)] for added in choices}


@dataclass(frozen=True)
class DeckPage:
    """Every role on a card, four to a sheet (rollen/)."""

    sheets: list[list[Card]]


def deck_page(catalogue: Catalogue) -> DeckPage:
    return DeckPage(sheets(deck_cards(catalogue)))


@dataclass(frozen=True)
class CardsPage:
    """A method's role cards, one per person, with what the page's script needs to deal
    them for another group."""

    name: str
    hands: list[Hand]  # each role's cards once, for the script to copy: none of them ``first``
    sheets: list[list[Card]]  # the cards for ``people``, four to a sheet
    people: int  # the group size the page opens with
    most: int
    range: str  # the method's group size: "4 tot 8", "minstens 8"
    optional: list[tuple[str, str]]  # id, name of the roles a group may add
    deals: dict[str, object]  # for the script: the hands' roles, deal_table, the method's range, the start
    plans: dict[str, object]
    clock_role: str | None  # the name of the role whose card gives clock times
    start: int
    draaiboek: str  # the draaiboek's address, from this page: its start time sets the clock times


def cards_page(catalogue: Catalogue, slug: str) -> CardsPage:
    method = catalogue.methods[slug]
    size = method.group_size
    held = hands(catalogue, slug)
    opening = default_deal(catalogue, slug, held)
    clock = catalogue.role_with("tijd")
    return CardsPage(
        name=method.name,
        hands=[replace(hand, cards=[replace(card, first=False) for card in hand.cards]) for hand in held],
        sheets=sheets(opening.cards),
        people=opening.people,
        most=MOST_PEOPLE,
        range=f"minstens {size.min}" if size.max is None else f"{size.min} tot {size.max}",
        optional=[(hand.role_id, hand.name) for hand in held if hand.optional],
        deals={
            "hands": [hand.role_id for hand in held],
            "copies": deal_table(held),
            "min": size.min,
            "max": size.max,
            "start": DEFAULT_START,
        },
        plans=plans([step.minutes for step in method.steps]),
        clock_role=catalogue.roles[clock].name if clock and any(hand.role_id == clock for hand in held) else None,
        start=DEFAULT_START,
        draaiboek=addresses.link(addresses.role_cards(slug), addresses.draaiboek(slug)),
    )
