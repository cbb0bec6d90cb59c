"""Planning a meeting and a series, computed at build time.

- ``scale_steps`` fits a method's step times to the time a group has; ``plans`` does so
  for every workable total, and the pages ship those plans as data for their scripts;
- ``rotation`` shares out the roles over a series of meetings; ``rotation_table`` gives
  the offsets for every group and series the planner offers, as data for its script.

The browser does not compute any of this again: it looks the answer up. What must run in
the browser (dates, the calendar file, names) stays in the theme's scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

# A step keeps at least half its own time, and never drops below two minutes (unless
# the method itself gives it less).
MIN_STEP_MINUTES = 2
# A plan may take up to twice the method's own time; longer meetings need a break or a
# second case, not longer steps.
LONGEST_FACTOR = 2
MAX_MINUTES = 600

# When a meeting starts unless a group says otherwise: an afternoon in work time.
DEFAULT_START = 14 * 60

MIN_PARTICIPANTS, MAX_PARTICIPANTS = 3, 15
MAX_MEETINGS = 20


class TooShort(ValueError):
    """The time chosen is shorter than the sum of the steps' minimums."""

    def __init__(self, total: int, shortest: int) -> None:
        super().__init__(f"{total} minutes is too short: at least {shortest} are needed")
        self.total = total
        self.shortest = shortest


def step_minimums(minutes: Sequence[int]) -> list[int]:
    """The fewest minutes each step can be given: half its own time, rounded up, at least 2."""
    return [min(m, max(MIN_STEP_MINUTES, -(-m // 2))) for m in minutes]


def shortest_time(minutes: Sequence[int]) -> int:
    """The shortest time in which the steps still work: the sum of their minimums."""
    return sum(step_minimums(minutes))


def longest_time(minutes: Sequence[int]) -> int:
    """The longest time a plan stretches the steps to (never below the shortest)."""
    return max(shortest_time(minutes), min(MAX_MINUTES, LONGEST_FACTOR * sum(minutes)))


def scale_steps(minutes: Sequence[int], total: int) -> list[int]:
    """Step times scaled to ``total`` minutes, in proportion to ``minutes``.

    Whole minutes that add up to exactly ``total``; no step gets less than its minimum
    (``step_minimums``). A step whose proportional share falls below its minimum gets the
    minimum, and the others share what is left (repeated until no share falls short);
    the remaining minutes go by largest remainder, the earlier step first on a tie.
    Raises ``TooShort`` when ``total`` is less than the minimums together.
    """
    minutes = list(minutes)
    if not minutes or any(not isinstance(m, int) or m <= 0 for m in minutes):
        raise ValueError("minutes: one or more whole numbers above zero")
    floors = step_minimums(minutes)
    if total < sum(floors):
        raise TooShort(total, sum(floors))

    fixed = [False] * len(minutes)
    while True:
        rest = total - sum(f for f, held in zip(floors, fixed) if held)
        weight = sum(m for m, held in zip(minutes, fixed) if not held)
        below = [i for i, m in enumerate(minutes) if not fixed[i] and m * rest < floors[i] * weight]
        if not below:
            break
        for i in below:
            fixed[i] = True

    result = [floors[i] if fixed[i] else minutes[i] * rest // weight for i in range(len(minutes))]
    free = [i for i in range(len(minutes)) if not fixed[i]]
    left = total - sum(result)
    for i in sorted(free, key=lambda i: (-(minutes[i] * rest % weight), i))[:left]:
        result[i] += 1
    return result


def plans(minutes: Sequence[int]) -> dict[str, object]:
    """Every workable plan of a method: ``{"from": shortest, "plans": [steps at shortest, ...]}``."""
    return _plans(tuple(minutes))


@cache  # the role cards, the draaiboek and the clock of a method, and every rebuild under make serve, share them
def _plans(minutes: tuple[int, ...]) -> dict[str, object]:
    first, last = shortest_time(minutes), longest_time(minutes)
    return {"from": first, "plans": [scale_steps(minutes, total) for total in range(first, last + 1)]}


@cache  # the planner's table, the example and the training's series plan ask for the same offsets
def _role_offsets(participants: int, meetings: int, roles: int) -> tuple[int, ...]:
    """How far each role's holder sits from the inbrenger in the list of participants.

    Every role walks through the list one person per meeting, so each role's counts
    differ by at most one. The offsets are distinct (nobody holds two roles at once) and
    chosen so that the meetings beyond full rounds spread the extra roles evenly: the
    first offsets, in lexicographic order, with the smallest spread of roles per person.
    """
    extra = meetings % participants
    best_spread = participants + 1
    best: list[int] = []
    target = 0 if (roles * extra) % participants == 0 else 1

    def spread(offsets: list[int]) -> int:
        load = [0] * participants
        for offset in offsets:
            for j in range(extra):
                load[(offset + j) % participants] += 1
        return max(load) - min(load)

    def search(chosen: list[int]) -> bool:
        nonlocal best_spread, best
        if len(chosen) == roles:
            value = spread(chosen)
            if value < best_spread:
                best_spread, best = value, list(chosen)
            return value <= target
        for offset in range(1, participants):
            if offset not in chosen and search([*chosen, offset]):
                return True
        return False

    search([0])
    return tuple(best)


def series_roles(roles: Sequence[str], participants: int) -> tuple[str, ...]:
    """The roles that rotate in a group of this size: a role for each person at most, the
    last roles of the list left out (with three people, no verslaglegger)."""
    return tuple(roles[: min(len(roles), participants)])


def rotation(roles: Sequence[str], participants: int, meetings: int) -> list[dict[str, int]]:
    """Who holds which role in each meeting: role id -> index in the list of participants.

    ``roles`` are the roles that rotate, the inbrenger first (Catalogue.series_roles).
    The inbrenger walks through the list, so with as many meetings as participants
    everyone brings in a case once. The other roles follow at fixed distances.
    """
    if participants < MIN_PARTICIPANTS:
        raise ValueError(f"a series needs at least {MIN_PARTICIPANTS} participants")
    if meetings < 1:
        raise ValueError("a series has at least one meeting")
    roles = series_roles(roles, participants)
    offsets = _role_offsets(participants, meetings, len(roles))
    return [
        {role: (meeting + offset) % participants for role, offset in zip(roles, offsets)} for meeting in range(meetings)
    ]


def rotation_table(roles: Sequence[str]) -> dict[str, object]:
    """The offsets for every group and series the planner offers, for its script.

    ``offsets[p - 3][m - 1]`` are the offsets for p participants and m meetings; the
    holder of role r in meeting n is participant (n + offsets[r]) mod p.
    """
    return {
        "roles": list(roles),
        "offsets": [
            [list(_role_offsets(p, m, len(series_roles(roles, p)))) for m in range(1, MAX_MEETINGS + 1)]
            for p in range(MIN_PARTICIPANTS, MAX_PARTICIPANTS + 1)
        ],
    }
