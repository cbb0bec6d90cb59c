"""How much room a text takes on paper, worked out at build time.

The print style sets cards in Helvetica, Arial or Liberation Sans: the three have the same
advance widths (below, in thousandths of the type size, from the fonts' metrics). A line
breaks at a space or after a hyphen, as in a browser. Letters with an accent take the
width of the letter without it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_ASCII = "".join(chr(code) for code in range(32, 127))
_OTHER = "‘’“”–—…·€"
REGULAR = dict(
    zip(
        _ASCII + _OTHER,
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
            222, 222, 333, 333, 556, 1000, 1000, 278, 556,
        ),
    )
)  # fmt: skip
BOLD = dict(
    zip(
        _ASCII + _OTHER,
        (
            278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
            975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
            333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
            278, 278, 500, 500, 556, 1000, 1000, 278, 556,
        ),
    )
)  # fmt: skip
WIDEST = 1000  # a character outside the tables: as wide as the widest


@cache
def _char(char: str, bold: bool) -> int:
    table = BOLD if bold else REGULAR
    if char in table:
        return table[char]
    base = unicodedata.normalize("NFD", char)[:1]
    return table.get(base, WIDEST)


@cache  # the words of role cards repeat across methods, cards and every rebuild
def _units(text: str, bold: bool) -> int:
    return sum(_char(char, bold) for char in text)


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size`` points."""
    return _units(text, bold) * size / 1000


# A run of text: the text and whether it is bold. A no-break space keeps "5 min" together.
Run = tuple[str, bool]
_BREAKS = re.compile(r"(?<= )|(?<=-)(?=\w)")


def _pieces(runs: Iterable[Run]) -> list[tuple[str, bool]]:
    """The text cut where a line may break: after a space, or after a hyphen in a word."""
    return [(piece, bold) for text, bold in runs for piece in _BREAKS.split(text) if piece]


def lines(runs: Iterable[Run], measure: float, size: float) -> int:
    """How many lines the runs fill in a column ``measure`` points wide at ``size`` points."""
    count, used = 1, 0.0
    for piece, bold in _pieces(runs):
        wide = width(piece, size, bold)
        trailing = width(piece[len(piece.rstrip(" ")) :], size, bold)
        if used and used + wide - trailing > measure:
            count += 1
            used = 0.0
        while wide - trailing > measure:  # a word longer than the line is broken
            count += 1
            wide -= measure
        used += wide
    return count
