"""The seating: how the chairs stand, drawn from a method's data on its page and in its
draaiboek, with the same in words; nothing where the sources say nothing."""

from __future__ import annotations

import itertools
import math

from bs4 import BeautifulSoup

from intervisiewijzer.data.vocabulary import SEATINGS
from intervisiewijzer.views.cards import default_people
from intervisiewijzer.views.seating import SEAT, seating


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_seating_is_drawn_for_the_group_the_cards_are_for(catalogue):
    seated = {slug: method for slug, method in catalogue.methods.items() if method.seating}
    assert {method.seating for method in seated.values()} == set(SEATINGS), "every arrangement is used"
    for slug, method in seated.items():
        view = seating(catalogue, method)
        people = default_people(method)
        taken = [chair for chair in view.chairs if chair.who != "leeg"]
        assert people - 2 <= len(taken) <= people, f"{slug}: {len(taken)} chairs for {people} people"
        for a, b in itertools.combinations(view.chairs, 2):
            assert math.dist((a.x, a.y), (b.x, b.y)) >= SEAT, f"{slug}: two chairs on top of each other"
        x, y, width, height = view.box
        assert all(x + SEAT <= c.x <= x + width - SEAT and y + SEAT <= c.y <= y + height - SEAT for c in view.chairs)
        assert {who for who, _ in view.legend} == {chair.who for chair in view.chairs}, f"{slug}: the key names every chair"
        assert all(name in {role.name for role in catalogue.roles.values()} | {"Lege stoel"} for _, name in view.legend)


def test_a_method_page_and_its_draaiboek_show_the_seating_in_a_picture_and_in_words(site, catalogue):
    for slug, method in catalogue.methods.items():
        for url in (f"methoden/{slug}", f"methoden/{slug}/draaiboek"):
            figure = soup(site, url).select_one("article figure.iw-seating")
            if method.seating is None:
                assert figure is None, f"{url}: no seating where the sources say nothing"
                continue
            arrangement = SEATINGS[method.seating]
            picture = figure.select_one("svg[role=img]")
            assert picture["aria-label"] == f"Opstelling: {arrangement.label}"
            assert len(picture.select("g")) == len(seating(catalogue, method).chairs)
            words = " ".join(figure.figcaption.get_text().split())
            assert arrangement.text in words, f"{url}: the picture in words"
        if method.seating:
            on_page = soup(site, f"methoden/{slug}").select_one(".iw-seating-section")
            in_draaiboek = soup(site, f"methoden/{slug}/draaiboek").select_one(".iw-seating-section")
            assert "iw-screen-only" in on_page["class"], "the participants' copy stays within its two sheets"
            assert "iw-screen-only" not in in_draaiboek["class"], "the procesbegeleider has it on paper"
