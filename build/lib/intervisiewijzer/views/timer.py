"""The clock for the tijdbewaker: a method's steps, one at a time, with the time left.

The page lists every step (complete without JavaScript); docs/assets/timer.js runs the
clock from the same plan as the draaiboek (the plans computed at build time and the
chosen length in the address).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Catalogue
from . import addresses
from .draaiboek import Plan, plan
from .method import StepView, steps


@dataclass(frozen=True)
class TimerPage:
    name: str
    steps: list[StepView]
    total: int
    plan: Plan
    links: dict[str, str]


def timer_page(catalogue: Catalogue, slug: str) -> TimerPage:
    method = catalogue.methods[slug]
    here = addresses.timer(slug)
    return TimerPage(
        name=method.name,
        steps=steps(catalogue, method),
        total=method.total_minutes,
        plan=plan(catalogue, slug),
        links={
            "draaiboek": addresses.link(here, addresses.draaiboek(slug)),
            "method": addresses.link(here, addresses.method(slug)),
        },
    )
