"""Planning a meeting and a series: pure functions, no I/O and nothing from MkDocs.

- ``scale_steps`` fits a method's step times to the time a group has;
- ``rotation`` shares out the roles over a series of meetings;
- ``meeting_dates`` and ``ics_calendar`` turn a series into an iCalendar file.

docs/assets/planning.js holds the same algorithms for the browser, line for line, in
integer arithmetic so that both give exactly the same answers;
tests/test_planners_browser.py runs both over many cases and compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

# A step keeps at least half its own time, and never drops below two minutes (unless
# the method itself gives it less).
MIN_STEP_MINUTES = 2

INBRENGER = "inbrenger"
# Roles that rotate over a series, in the order they are handed out; ids from _roles.yml.
SERIES_ROLES = (INBRENGER, "procesbegeleider", "tijdbewaker", "verslaglegger")
MIN_PARTICIPANTS = 3


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


def scale_steps(minutes: Sequence[int], total: int, minimum: int | Sequence[int] | None = None) -> list[int]:
    """Step times scaled to ``total`` minutes, in proportion to ``minutes``.

    Whole minutes that add up to exactly ``total``; no step gets less than its minimum
    (``minimum`` per step, one number for every step, or by default ``step_minimums``).
    A step whose proportional share falls below its minimum gets the minimum, and the
    others share what is left (repeated until no share falls short); the remaining
    minutes go by largest remainder, the earlier step first on a tie. Raises
    ``TooShort`` when ``total`` is less than the minimums together.
    """
    minutes = list(minutes)
    if not minutes or any(not isinstance(m, int) or m <= 0 for m in minutes):
        raise ValueError("minutes: one or more whole numbers above zero")
    if minimum is None:
        floors = step_minimums(minutes)
    elif isinstance(minimum, int):
        floors = [minimum] * len(minutes)
    else:
        floors = list(minimum)
    if len(floors) != len(minutes) or any(f < 0 for f in floors):
        raise ValueError("minimum: one number, or one per step, none below zero")
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


def _role_offsets(participants: int, meetings: int, roles: int) -> list[int]:
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
    return best


def rotation(participants: int, meetings: int) -> list[dict[str, int]]:
    """Who holds which role in each meeting: role id -> index in the list of participants.

    The inbrenger walks through the list, so with as many meetings as participants
    everyone brings in a case once. Procesbegeleider, tijdbewaker and verslaglegger
    follow at fixed distances; with three participants there is no verslaglegger.
    """
    if participants < MIN_PARTICIPANTS:
        raise ValueError(f"a series needs at least {MIN_PARTICIPANTS} participants")
    if meetings < 1:
        raise ValueError("a series has at least one meeting")
    roles = SERIES_ROLES[: min(len(SERIES_ROLES), participants)]
    offsets = _role_offsets(participants, meetings, len(roles))
    return [
        {role: (meeting + offset) % participants for role, offset in zip(roles, offsets)} for meeting in range(meetings)
    ]


def meeting_dates(first: date, meetings: int, weeks_between: int) -> list[date]:
    return [first + timedelta(weeks=weeks_between * n) for n in range(meetings)]


def _ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 asks: backslash, semicolon, comma, newline."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def _ics_fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def ics_calendar(events: Sequence[tuple[date, str, str]], stamp: str, uid_prefix: str) -> str:
    """An iCalendar file with one all-day event per (date, summary, description).

    ``stamp`` is the DTSTAMP in UTC (``20260301T120000Z``); each UID is
    ``<uid_prefix>-<number>@intervisiewijzer``.
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Intervisiewijzer//Planner//NL", "CALSCALE:GREGORIAN"]
    for number, (day, summary, description) in enumerate(events, start=1):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid_prefix}-{number}@intervisiewijzer",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_ics_fold(line) + "\r\n" for line in lines)
