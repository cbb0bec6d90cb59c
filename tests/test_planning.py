"""The planning logic (macros/planning.py): scaling step times, role rotation, calendar.

Unit tests for known cases and property tests (hypothesis) for all cases. The browser
keeps the same logic in docs/assets/planning.js; tests/test_planners_browser.py checks
that both agree.
"""

from __future__ import annotations

import typing
from collections import Counter
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.catalogue import load_catalogue
from macros.model import QUESTION_KIND_LABELS, QuestionKind
from macros.planning import (
    SERIES_ROLES,
    TooShort,
    ics_calendar,
    meeting_dates,
    rotation,
    scale_steps,
    shortest_time,
    step_minimums,
)
from macros.problems import DataError

from .conftest import ROOT, method_yaml

CATALOGUE = load_catalogue(ROOT / "methods", ROOT)
PROPERTIES = settings(max_examples=200, deadline=None)

step_lists = st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=15)


def own_minutes(slug: str) -> list[int]:
    return [step.minutes for step in CATALOGUE.methods[slug].steps]


# ---- Scaling a session ------------------------------------------------------------


def test_step_minimums_keep_half_a_step_and_at_least_two_minutes():
    assert step_minimums([1, 2, 3, 4, 5, 10, 15, 20]) == [1, 2, 2, 2, 3, 5, 8, 10]
    assert shortest_time([5, 10, 15]) == 3 + 5 + 8


def test_incidentmethode_scaled_to_60_and_120_minutes():
    minutes = own_minutes("incidentmethode")
    assert minutes == [5, 5, 5, 10, 10, 5, 10, 5, 10, 5]
    assert scale_steps(minutes, 60) == [4, 4, 4, 9, 9, 4, 9, 4, 9, 4]
    assert scale_steps(minutes, 120) == [9, 9, 9, 17, 17, 9, 17, 8, 17, 8]
    assert shortest_time(minutes) == 38


@pytest.mark.parametrize("slug", sorted(CATALOGUE.methods))
def test_every_method_keeps_its_own_times_at_its_own_total(slug):
    minutes = own_minutes(slug)
    assert scale_steps(minutes, sum(minutes)) == minutes


def test_too_short_names_the_shortest_workable_time():
    with pytest.raises(TooShort) as caught:
        scale_steps([5, 5, 5, 10, 10, 5, 10, 5, 10, 5], 30)
    assert caught.value.shortest == 38 and caught.value.total == 30
    assert scale_steps([5, 5, 5, 10, 10, 5, 10, 5, 10, 5], 38) == step_minimums([5, 5, 5, 10, 10, 5, 10, 5, 10, 5])


def test_a_step_held_at_its_minimum_leaves_the_rest_to_the_others():
    # Proportionally the 2-minute step would get 1; it keeps 2 and the others share 58.
    assert scale_steps([2, 40, 40], 60) == [2, 29, 29]
    assert scale_steps([1, 1, 8], 5, minimum=1) == [1, 1, 3]
    assert scale_steps([10, 10, 10], 10, minimum=[0, 5, 0]) == [3, 5, 2]


def test_ties_in_the_remainder_go_to_the_earlier_step():
    assert scale_steps([1, 1, 1], 4, minimum=0) == [2, 1, 1]
    assert scale_steps([1, 1, 1], 5, minimum=0) == [2, 2, 1]


@pytest.mark.parametrize(
    "minutes, total, minimum", [([], 10, None), ([0, 5], 10, None), ([5, "5"], 10, None), ([5, 5], 10, [1])]
)
def test_scale_steps_rejects_nonsense(minutes, total, minimum):
    with pytest.raises(ValueError):
        scale_steps(minutes, total, minimum)


@PROPERTIES
@given(step_lists, st.integers(min_value=0, max_value=600))
def test_scaled_steps_add_up_exactly_and_keep_their_minimum(minutes, total):
    floors = step_minimums(minutes)
    if total < sum(floors):
        with pytest.raises(TooShort):
            scale_steps(minutes, total)
        return
    scaled = scale_steps(minutes, total)
    assert sum(scaled) == total
    assert all(s >= f for s, f in zip(scaled, floors))
    for i, own in enumerate(minutes):
        share = Fraction(own * total, sum(minutes))
        # Never more than a step's own proportional share, rounded up (unless held at its minimum) ...
        assert scaled[i] <= max(floors[i], -(-share.numerator // share.denominator))
        # ... and a longer step never gets less time than a shorter one.
        for j, other in enumerate(minutes):
            if own > other:
                assert scaled[i] >= scaled[j]


@PROPERTIES
@given(step_lists, st.integers(min_value=1, max_value=600))
def test_without_binding_minimums_every_step_is_its_share_rounded(minutes, total):
    scaled = scale_steps(minutes, total, minimum=0)
    assert sum(scaled) == total
    for own, got in zip(minutes, scaled):
        share = Fraction(own * total, sum(minutes))
        assert share - 1 < got < share + 1


@PROPERTIES
@given(step_lists, st.data())
def test_a_list_of_minimums_is_kept(minutes, data):
    floors = [data.draw(st.integers(min_value=0, max_value=m + 3)) for m in minutes]
    total = data.draw(st.integers(min_value=sum(floors), max_value=sum(floors) + 300))
    scaled = scale_steps(minutes, total, floors)
    assert sum(scaled) == total and all(s >= f for s, f in zip(scaled, floors))


# ---- Rotating roles over a series -----------------------------------------------------


def check_rotation(participants: int, meetings: int) -> list[dict[str, int]]:
    plan = rotation(participants, meetings)
    assert len(plan) == meetings
    roles = SERIES_ROLES if participants > 3 else SERIES_ROLES[:3]
    for holders in plan:
        assert tuple(holders) == roles
        assert len(set(holders.values())) == len(holders), "nobody holds two roles in one meeting"
        assert all(0 <= person < participants for person in holders.values())
    for role in roles:
        counts = Counter(holders[role] for holders in plan)
        per_person = [counts[p] for p in range(participants)]
        assert max(per_person) - min(per_person) <= 1, f"{role} is not shared fairly: {per_person}"
    load = Counter(person for holders in plan for person in holders.values())
    per_person = [load[p] for p in range(participants)]
    assert max(per_person) - min(per_person) <= 1, f"roles in all: {per_person}"
    bringers = [holders["inbrenger"] for holders in plan]
    if meetings >= participants:
        assert set(bringers) == set(range(participants)), "everyone brings in a case"
    else:
        assert len(set(bringers)) == meetings, "nobody brings in twice while another has not"
    return plan


@PROPERTIES
@given(st.integers(min_value=3, max_value=15), st.integers(min_value=1, max_value=20))
def test_rotation_is_fair_for_any_group_and_series(participants, meetings):
    check_rotation(participants, meetings)


def test_rotation_for_seven_over_eight_meetings():
    plan = check_rotation(7, 8)
    table = [[holders[r] for r in SERIES_ROLES] for holders in plan]
    assert table == [
        [0, 1, 2, 3],
        [1, 2, 3, 4],
        [2, 3, 4, 5],
        [3, 4, 5, 6],
        [4, 5, 6, 0],
        [5, 6, 0, 1],
        [6, 0, 1, 2],
        [0, 1, 2, 3],
    ]


def test_three_participants_have_no_verslaglegger():
    assert rotation(3, 3) == [
        {"inbrenger": 0, "procesbegeleider": 1, "tijdbewaker": 2},
        {"inbrenger": 1, "procesbegeleider": 2, "tijdbewaker": 0},
        {"inbrenger": 2, "procesbegeleider": 0, "tijdbewaker": 1},
    ]


def test_offsets_spread_the_extra_meetings():
    # 8 people, 4 meetings: the plain offsets 1, 2, 3 would give persons 3 to 6 roles
    # twice and persons 7 and 0 once; the rotation spreads them two each.
    plan = check_rotation(8, 4)
    load = Counter(person for holders in plan for person in holders.values())
    assert sorted(load.values()) == [2] * 8


@pytest.mark.parametrize("participants, meetings", [(2, 5), (5, 0)])
def test_rotation_needs_three_people_and_a_meeting(participants, meetings):
    with pytest.raises(ValueError):
        rotation(participants, meetings)


# ---- Dates and the calendar file ---------------------------------------------------------


def test_meeting_dates_are_whole_weeks_apart_across_summer_time():
    dates = meeting_dates(date(2026, 3, 16), 4, 2)
    assert dates == [date(2026, 3, 16), date(2026, 3, 30), date(2026, 4, 13), date(2026, 4, 27)]
    assert all(d.weekday() == 0 for d in dates)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def ics_unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def check_ics(text: str, count: int) -> list[dict[str, str]]:
    """A valid iCalendar file (RFC 5545) with ``count`` all-day events; their properties."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    assert len(events) == count
    uids = set()
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"} <= set(event)
        assert len(event["DTSTART;VALUE=DATE"]) == 8 and event["DTSTART;VALUE=DATE"].isdigit()
        assert len(event["DTSTAMP"]) == 16 and event["DTSTAMP"].endswith("Z")
        uids.add(event["UID"])
    assert len(uids) == count
    return events


def test_ics_calendar_has_one_all_day_event_per_meeting():
    text = ics_calendar(
        [(date(2026, 3, 2), "Intervisie: bijeenkomst 1 van 2", "Inbrenger: Anna\nTijdbewaker: Bram, de tweede"),
         (date(2026, 3, 30), "Intervisie: bijeenkomst 2 van 2", "Inbrenger: Bram")],
        "20260301T120000Z",
        "test",
    )
    events = check_ics(text, 2)
    assert events[0]["DTSTART;VALUE=DATE"] == "20260302" and events[0]["DTEND;VALUE=DATE"] == "20260303"
    assert events[0]["DESCRIPTION"] == "Inbrenger: Anna\\nTijdbewaker: Bram\\, de tweede"
    assert events[1]["UID"] == "test-2@intervisiewijzer"


@PROPERTIES
@given(st.text(min_size=1, max_size=200), st.text(max_size=300), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 30)))
def test_ics_text_survives_escaping_and_folding(summary, description, day):
    events = check_ics(ics_calendar([(day, summary, description)], "20260301T120000Z", "x"), 1)
    assert ics_unescape(events[0]["SUMMARY"]) == summary.replace("\r\n", "\n")
    assert ics_unescape(events[0]["DESCRIPTION"]) == description.replace("\r\n", "\n")
    assert events[0]["DTEND;VALUE=DATE"] == f"{day + timedelta(days=1):%Y%m%d}"


# ---- The kinds of question the chooser filters on ------------------------------------------


def test_every_method_names_its_kinds_of_question():
    assert list(typing.get_args(QuestionKind)) == list(QUESTION_KIND_LABELS)
    for slug, method in CATALOGUE.methods.items():
        assert method.question_kinds, f"methods/{slug}.yml: add question_kinds"


def test_unknown_or_repeated_kinds_are_errors(methods_dir):
    (methods_dir / "a.yml").write_text(method_yaml(question_kinds=["voorval", "raadsel"]), encoding="utf-8")
    (methods_dir / "b.yml").write_text(method_yaml(question_kinds=["voorval", "voorval"]), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(methods_dir)
    messages = [str(problem) for problem in caught.value.problems]
    assert any("a.yml" in m and "question_kinds[1]" in m and "'raadsel' is not allowed" in m for m in messages), messages
    assert any("b.yml" in m and "voorval listed more than once" in m for m in messages), messages


def test_method_page_shows_the_kinds_of_question():
    from macros.method_page import kind_label, render_method_page

    page = render_method_page(CATALOGUE, "incidentmethode")
    facts = page[page.index('<aside class="iw-facts"') : page.index("</aside>")]
    assert "<dt>Soort vraag</dt>" in facts
    for kind in CATALOGUE.methods["incidentmethode"].question_kinds:
        assert f"<li>{kind_label(kind)}</li>" in facts
