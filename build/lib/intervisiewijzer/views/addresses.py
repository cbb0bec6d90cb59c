"""Every address of the site, in one place.

A page is named by its source path under docs/ ("methoden/balintmethode.md"), as MkDocs
and Zensical name it; the site serves it at a directory URL ("methoden/balintmethode/").
Links between pages are computed from here, relative to the page that holds them, so no
other module writes "methoden/" or "../" by hand.
"""

from __future__ import annotations

import posixpath

METHODS = "methoden"
CHECKLISTS = "checklists"
TRAINING = "opleiding"

HOME = "index.md"
METHOD_OVERVIEW = f"{METHODS}/index.md"
CHECKLIST_INDEX = f"{CHECKLISTS}/index.md"
TRAINING_INDEX = f"{TRAINING}/index.md"
PRACTICE_CASES = f"{TRAINING}/oefencasussen.md"
SERIES_PLAN = f"{TRAINING}/reeksplan.md"
SELF_ASSESSMENT = f"{TRAINING}/zelfbeoordeling.md"
ROLE_DECK = "rollen/index.md"
PRINT_INDEX = "printen/index.md"
PLANNER = "planner/index.md"
GLOSSARY = "intervisie/begrippenlijst.md"
COMPARISON = "intervisie/vergelijking.md"
BIBLIOGRAPHY = "intervisie/bronnen.md"


def method(slug: str) -> str:
    return f"{METHODS}/{slug}.md"


def role_cards(slug: str) -> str:
    return f"{METHODS}/{slug}/rolkaarten.md"


def draaiboek(slug: str) -> str:
    return f"{METHODS}/{slug}/draaiboek.md"


def timer(slug: str) -> str:
    return f"{METHODS}/{slug}/klok.md"


def checklist(checklist_id: str) -> str:
    return f"{CHECKLISTS}/{checklist_id}.md"


def module(module_id: str) -> str:
    return f"{TRAINING}/{module_id}.md"


def handout(module_id: str) -> str:
    return f"{TRAINING}/{module_id}/hand-out.md"


def url(src: str) -> str:
    """The directory URL of a page, relative to the site root: "methoden/x.md" -> "methoden/x/"."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def link(here: str, target: str, anchor: str | None = None) -> str:
    """The address of ``target`` as written on the page ``here`` (both source paths)."""
    relative = posixpath.relpath(url(target) or ".", url(here) or ".")
    href = "./" if relative == "." else relative + "/"
    return f"{href}#{anchor}" if anchor else href


def address(src: str, anchor: str | None = None) -> str:
    """A page's address from the site root: printed after a link on paper, and the name
    of the page (or its section) in the search index."""
    return url(src) + (f"#{anchor}" if anchor else "")
