"""How the chairs stand for a method (``seating``), as a picture and in words.

Every chair is placed here; the template only draws (method/seating.html). A picture shows
the group the card page opens with, so that the chairs, the cards and the draaiboek count
the same people. Who sits where follows the roles' duties (methods/_roles.yml).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..data import Catalogue
from ..data.model import Method
from ..data.vocabulary import SEATINGS
from .cards import default_people

SEAT = 10  # a chair's width, in the picture's units
SPACING = 17  # from one chair to the next in a ring
MARGIN = 10
# Who sits on a chair; the legend names them by the role that has this duty.
WHO = {"inbrenger": "inbrengen", "leider": "leiden", "ander": "vragen"}
EMPTY = "leeg"


@dataclass(frozen=True)
class Chair:
    x: float
    y: float
    facing: float  # where the person on it looks: degrees clockwise from up
    who: str  # "inbrenger", "leider", "ander" or "leeg"


@dataclass(frozen=True)
class Shape:
    kind: str  # "flap", "tafel", or "groep": a dashed ring around the chairs of one group
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class SeatingView:
    label: str
    text: str
    box: tuple[float, float, float, float]  # the picture's viewBox: x, y, width, height
    chairs: list[Chair]
    shapes: list[Shape]
    legend: list[tuple[str, str]]  # who, and what the legend calls them


def _ring(x: float, y: float, whos: list[str], start: float = 180, radius: float | None = None) -> list[Chair]:
    """Chairs in a ring around (x, y), facing its middle, the first at ``start`` degrees."""
    r = radius if radius is not None else max(SPACING * len(whos) / (2 * math.pi), 1.6 * SPACING)
    chairs = []
    for i, who in enumerate(whos):
        angle = start + 360 * i / len(whos)
        rad = math.radians(angle)
        chairs.append(Chair(x + r * math.sin(rad), y - r * math.cos(rad), (angle + 180) % 360, who))
    return chairs


def _turned(chair: Chair) -> Chair:
    return Chair(chair.x, chair.y, (chair.facing + 180) % 360, chair.who)


def _row(groups: int, width: float) -> list[tuple[float, float]]:
    """The middles of ``groups`` groups, three to a row."""
    return [((i % 3) * width, (i // 3) * width) for i in range(groups)]


def _split(people: int, parts: int) -> list[int]:
    return [people // parts + (1 if i < people % parts else 0) for i in range(parts)]


def _layout(kind: str, people: int) -> tuple[list[Chair], list[Shape]]:
    others = lambda n: ["ander"] * max(n, 0)  # noqa: E731
    if kind == "kring-rond-flap":
        return _ring(0, 0, ["inbrenger", "leider", *others(people - 2)]), [Shape("flap", 0, 0, 8)]
    if kind == "inbrenger-buiten-de-kring":
        ring = _ring(0, 0, ["leider", *others(people - 2)], start=0)
        reach = max(chair.y for chair in ring)
        return [*ring, Chair(0, reach + 2.6 * SPACING, 0, "inbrenger")], []
    if kind == "team-apart":
        team = [Chair((i - (people - 3) / 2) * SPACING, 3.4 * SPACING, 0, "ander") for i in range(people - 2)]
        pair = [Chair(-SPACING, 0, 90, "inbrenger"), Chair(SPACING, 0, 270, "leider")]
        return pair + team, [Shape("groep", 0, 3.4 * SPACING, max(len(team) * SPACING / 2 + 6, 1.2 * SPACING))]
    if kind == "binnen-en-buitenkring":
        inner = _ring(0, 0, ["ander"] * 4 + [EMPTY], radius=2 * SPACING * 5 / (2 * math.pi))
        outer = _ring(0, 0, ["inbrenger", "leider", *others(people - 6)], radius=max(SPACING * (people - 4) / (2 * math.pi), 3.4 * SPACING))
        return inner + outer, []
    if kind == "drietallen":
        chairs, shapes = [], []
        for x, y in _row(max(people // 3, 1), 4 * SPACING):
            trio = _ring(x, y, ["inbrenger", "ander", "ander"], radius=0.8 * SPACING)
            chairs += [_turned(trio[0]), *trio[1:]]
            shapes.append(Shape("groep", x, y, 1.6 * SPACING))
        return chairs, shapes
    if kind == "tweetallen":
        chairs, shapes = [], []
        for x, y in _row(max(people // 2, 1), 3.4 * SPACING):
            chairs += [Chair(x - 0.7 * SPACING, y, 90, "inbrenger"), Chair(x + 0.7 * SPACING, y, 270, "ander")]
            shapes.append(Shape("groep", x, y, 1.4 * SPACING))
        return chairs, shapes
    if kind == "tafels":
        tables = max(people // 4, 1)
        chairs, shapes = [], []
        for (x, y), seats in zip(_row(tables, 5 * SPACING), _split(people, tables)):
            chairs += _ring(x, y, ["inbrenger", *others(seats - 1)], radius=1.6 * SPACING)
            shapes.append(Shape("tafel", x, y, 0.9 * SPACING))
        return chairs, shapes
    if kind == "rollenspel":
        watching = [*others(people - 3), "leider"]
        around = [
            Chair(3 * SPACING * math.sin(math.radians(a)), -3 * SPACING * math.cos(math.radians(a)), (a + 180) % 360, who)
            for who, a in zip(watching, [110 + 140 * i / max(len(watching) - 1, 1) for i in range(len(watching))])
        ]
        return [Chair(-0.9 * SPACING, 0, 90, "inbrenger"), Chair(0.9 * SPACING, 0, 270, "ander"), *around], []
    raise LookupError(f"geen tekening voor de opstelling '{kind}'")


def _box(chairs: list[Chair], shapes: list[Shape]) -> tuple[float, float, float, float]:
    reach = [(c.x, c.y, SEAT) for c in chairs] + [(s.x, s.y, s.r) for s in shapes]
    left = min(x - r for x, _, r in reach) - MARGIN
    top = min(y - r for _, y, r in reach) - MARGIN
    right = max(x + r for x, _, r in reach) + MARGIN
    bottom = max(y + r for _, y, r in reach) + MARGIN
    return (round(left, 1), round(top, 1), round(right - left, 1), round(bottom - top, 1))


def seating(catalogue: Catalogue, method: Method) -> SeatingView | None:
    """The method's seating, or None where its sources say nothing about the chairs."""
    if method.seating is None:
        return None
    arrangement = SEATINGS[method.seating]
    chairs, shapes = _layout(method.seating, default_people(method))
    chairs = [Chair(round(c.x, 1), round(c.y, 1), round(c.facing, 1), c.who) for c in chairs]
    shapes = [Shape(s.kind, round(s.x, 1), round(s.y, 1), round(s.r, 1)) for s in shapes]
    shown = {chair.who for chair in chairs}
    legend = [(who, catalogue.roles[role].name) for who, duty in WHO.items() if who in shown and (role := catalogue.role_with(duty))]
    if EMPTY in shown:
        legend.append((EMPTY, "Lege stoel"))
    return SeatingView(arrangement.label, arrangement.text, _box(chairs, shapes), chairs, shapes, legend)
