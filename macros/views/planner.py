"""The series planner at planner/: who brings in a case and who holds which role.

The browser fills the schedule from the names a group types; names never leave it. The
rotation itself is computed here, for every group and series the form allows, and
shipped as data. Without JavaScript the page shows an example made the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from .planning import DEFAULT_START, MAX_MEETINGS, MAX_PARTICIPANTS, MIN_PARTICIPANTS, rotation, rotation_table

EXAMPLE = (6, 6, 4)  # participants, meetings, weeks between meetings
DEFAULT_MINUTES = 90  # the usual length of a meeting in the sources


@dataclass(frozen=True)
class Meeting:
    number: int
    day: str  # the date, or in the example the week
    start: int  # minutes after midnight
    end: int
    holders: list[str]  # per role that rotates, "–" where nobody holds it


@dataclass(frozen=True)
class PlannerPage:
    roles: list[tuple[str, str]]  # id, name of the roles that rotate, the inbrenger first
    people: int
    meetings: int
    weeks: int
    example: list[Meeting]
    questioner: str | None  # the name of the role everyone else holds, for the calendar entries
    min_people: int
    max_people: int
    max_meetings: int
    start: int
    minutes: int
    table: dict[str, object]


def planner_page(catalogue: Catalogue) -> PlannerPage:
    roles = catalogue.series_roles()
    if not roles:
        raise LookupError("de planner heeft rollen nodig die rondgaan: zet rotates: true bij die rollen in methods/_roles.yml")
    people, count, weeks = EXAMPLE
    names = [f"Deelnemer {n}" for n in range(1, people + 1)]
    end = DEFAULT_START + DEFAULT_MINUTES
    example = [
        Meeting(n + 1, f"week {1 + n * weeks}", DEFAULT_START, end, [names[holders[role]] if role in holders else "–" for role in roles])
        for n, holders in enumerate(rotation(roles, people, count))
    ]
    questioner = catalogue.role_with("vragen")
    return PlannerPage(
        roles=[(role, catalogue.roles[role].name) for role in roles],
        people=people,
        meetings=count,
        weeks=weeks,
        example=example,
        questioner=catalogue.roles[questioner].name if questioner else None,
        min_people=MIN_PARTICIPANTS,
        max_people=MAX_PARTICIPANTS,
        max_meetings=MAX_MEETINGS,
        start=DEFAULT_START,
        minutes=DEFAULT_MINUTES,
        table=rotation_table(roles),
    )
