"""The planning computed at build time (macros/views/planning.py): scaling step times
to the time a group has, the plans shipped to the pages, and the rotation of roles.

Unit tests for known cases and property tests (hypothesis) for all cases.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervisiewijzer.data import DataError, load_catalogue
from intervisiewijzer.views.planning import (
    TooShort,
    longest_time,
    plans,
    rotation,
    rotation_table,
    scale_steps,
    shortest_time,
    step_minimums,
)

from .conftest import method_yaml

PROPERTIES = settings(max_examples=200, deadline=None)
INCIDENT = [5, 5, 5, 10, 10, 5, 10, 5, 10, 5]  # the incidentmethode's own minutes

step_lists = st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=15)


# ---- Scaling a session ------------------------------------------------------------


def test_step_minimums_keep_half_a_step_and_at_least_two_minutes():
    assert step_minimums([1, 2, 3, 4, 5, 10, 15, 20]) == [1, 2, 2, 2, 3, 5, 8, 10]
    assert shortest_time([5, 10, 15]) == 3 + 5 + 8


def test_incidentmethode_scaled_to_60_and_120_minutes():
    assert scale_steps(INCIDENT, 60) == [4, 4, 4, 9, 9, 4, 9, 4, 9, 4]
    assert scale_steps(INCIDENT, 120) == [9, 9, 9, 17, 17, 9, 17, 8, 17, 8]
    assert shortest_time(INCIDENT) == 38


def test_every_method_keeps_its_own_times_at_its_own_total(catalogue):
    for slug, method in catalogue.methods.items():
        minutes = [step.minutes for step in method.steps]
        assert scale_steps(minutes, sum(minutes)) == minutes, slug


def test_too_short_names_the_shortest_workable_time():
    with pytest.raises(TooShort) as caught:
        scale_steps([5, 5, 5, 10, 10, 5, 10, 5, 10, 5], 30)
    assert caught.value.shortest == 38 and caught.value.total == 30
    assert scale_steps([5, 5, 5, 10, 10, 5, 10, 5, 10, 5], 38) == step_minimums([5, 5, 5, 10, 10, 5, 10, 5, 10, 5])


def test_a_step_held_at_its_minimum_leaves_the_rest_to_the_others():
    # Proportionally the 2-minute step would get 1; it keeps 2 and the others share 58.
    assert scale_steps([2, 40, 40], 60) == [2, 29, 29]
    # The 1-minute steps keep their minute (a step never drops below its own time if that is below 2).
    assert scale_steps([1, 1, 8], 7) == [1, 1, 5]


def test_ties_in_the_remainder_go_to_the_earlier_step():
    assert scale_steps([2, 2, 2], 7) == [3, 2, 2]
    assert scale_steps([2, 2, 2], 8) == [3, 3, 2]


@pytest.mark.parametrize("minutes, total", [([], 10), ([0, 5], 10), ([5, "5"], 10)])
def test_scale_steps_rejects_nonsense(minutes, total):
    with pytest.raises(ValueError):
        scale_steps(minutes, total)


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
@given(step_lists)
def test_plans_cover_every_workable_total_from_the_shortest(minutes):
    shipped = plans(minutes)
    first, last = shortest_time(minutes), longest_time(minutes)
    assert shipped["from"] == first
    assert len(shipped["plans"]) == last - first + 1
    for total, plan in enumerate(shipped["plans"], start=first):
        assert sum(plan) == total and len(plan) == len(minutes)
    assert last == max(first, min(600, 2 * sum(minutes)))


# ---- Rotating roles over a series -----------------------------------------------------


# The roles that rotate in the handbook's own _roles.yml, the inbrenger first.
SERIES_ROLES = ("inbrenger", "procesbegeleider", "tijdbewaker", "verslaglegger")


def check_rotation(participants: int, meetings: int) -> list[dict[str, int]]:
    plan = rotation(SERIES_ROLES, participants, meetings)
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
    assert rotation(SERIES_ROLES, 3, 3) == [
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
        rotation(SERIES_ROLES, participants, meetings)


def test_the_rotation_table_gives_the_same_rotation():
    table = rotation_table(SERIES_ROLES)
    assert table["roles"] == list(SERIES_ROLES)
    for participants in range(3, 16):
        for meetings in range(1, 21):
            offsets = table["offsets"][participants - 3][meetings - 1]
            expected = rotation(SERIES_ROLES, participants, meetings)
            looked_up = [
                {role: (n + offset) % participants for role, offset in zip(table["roles"], offsets)}
                for n in range(meetings)
            ]
            assert looked_up == expected, (participants, meetings)


# ---- The kinds of question the chooser filters on ------------------------------------------


def test_every_method_names_its_kinds_of_question(catalogue):
    for slug, method in catalogue.methods.items():
        assert method.question_kinds, f"methods/{slug}.yml: add question_kinds"


def test_unknown_former_or_repeated_kinds_are_errors(methods_dir):
    (methods_dir / "a.yml").write_text(method_yaml(question_kinds=["voorval", "raadsel"]), encoding="utf-8")
    (methods_dir / "b.yml").write_text(method_yaml(question_kinds=["voorval", "voorval"]), encoding="utf-8")
    (methods_dir / "c.yml").write_text(method_yaml(question_kinds=["relationship"]), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(methods_dir)
    messages = [str(problem) for problem in caught.value.problems]
    assert any("a.yml" in m and "question_kinds[1]" in m and "'raadsel' kan hier niet" in m for m in messages), messages
    assert any("b.yml" in m and "voorval staat er meer dan één keer" in m for m in messages), messages
    assert any("c.yml" in m and "'relationship' kan hier niet (bedoel je 'relatie'?)" in m for m in messages), messages
