"""Cross-references between the data files: every id one file names must exist in another.

Each problem stands at the line of the bad value. A reference into a file that failed to
load is not checked, so that one mistake is reported once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Citation
from .problems import Problem
from .validation import at
from .yamlsource import Loc, YamlDocument


@dataclass(frozen=True)
class Loaded:
    """One data file that loaded: its name for messages, its validated value and its positions."""

    label: str
    value: Any
    doc: YamlDocument


class _Checker:
    """Collects the problems of one file."""

    def __init__(self, entry: Loaded):
        self.entry, self.problems = entry, []

    def add(self, loc: Loc, message: str) -> None:
        self.problems.append(at(self.entry.label, self.entry.doc, loc, message))

    def refs(self, loc: Loc, values: Iterable[str], known: Iterable[str] | None, what: str, where: str) -> None:
        """Each value must be known (None: the file that defines them did not load) and listed once."""
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                self.add(loc + (i,), f"'{value}' staat er twee keer")
            elif known is not None and value not in known:
                self.add(loc + (i,), _unknown(value, known, what, where))
            seen.add(value)


def _unknown(value: str, known: Iterable[str], what: str, where: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"onbekende {what} '{value}' ({f'bedoel je {close[0]!r}?' if close else where.format(value)})"


def _ids(shared: dict[str, Loaded | None], name: str) -> dict[str, None] | None:
    """The ids a shared file defines, in its order: none when it is missing, None when it
    failed to load."""
    if name not in shared:
        return {}
    entry = shared[name]
    if entry is None:
        return None
    value = entry.value
    return dict.fromkeys(getattr(value, "root", None) or getattr(value, "cases", {}))


def _citations(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Citation]]:
    """Every citation inside a validated value, with where it stands."""
    if isinstance(value, Citation):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _citations(getattr(value, name), loc + (name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _citations(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _citations(item, loc + (i,))


NO_METHOD = "er is geen bestand methods/{}.yml"
NO_CHECKLIST = "er is geen id '{}' in methods/_checklists.yml"


def _method_problems(slug: str, entry: Loaded, roles: dict[str, None] | None, slugs: set[str]) -> list[Problem]:
    check, method = _Checker(entry), entry.value
    if roles is not None:
        for i, step in enumerate(method.steps):
            for role_id in step.roles:
                if role_id not in roles:
                    check.add(("steps", i, "roles", role_id), f"onbekende rol '{role_id}' (bekende rollen: {', '.join(roles)})")
    check.refs(("related",), method.related, slugs, "methode", NO_METHOD)
    for i, other in enumerate(method.related):
        if other == slug:
            check.add(("related", i), "een methode kan niet aan zichzelf verwant zijn")
    for i, other in enumerate(method.differs_from):
        if other.method == slug:
            check.add(("differs_from", i, "method"), "een methode kan niet van zichzelf verschillen")
        elif other.method not in slugs:
            check.add(("differs_from", i, "method"), _unknown(other.method, slugs, "methode", NO_METHOD))
    return check.problems


def _case_problems(entry: Loaded, methods: dict[str, Loaded], slugs: set[str]) -> list[Problem]:
    check = _Checker(entry)
    for case_id, case in entry.value.cases.items():
        check.refs(("cases", case_id, "methods"), case.methods, slugs, "methode", NO_METHOD)
        # Only when every method loaded and at least one says which kinds it fits.
        fitting = [methods[slug].value.question_kinds for slug in case.methods if slug in methods]
        if len(fitting) == len(case.methods) and any(fitting) and not any(case.kind in kinds for kinds in fitting):
            message = f"geen van de methoden van deze casus noemt '{case.kind}' bij question_kinds: voeg er een toe die dat doet"
            check.add(("cases", case_id, "kind"), message)
    return check.problems


def _training_problems(
    entry: Loaded, slugs: set[str], cases: Loaded | None, case_ids: dict[str, None] | None,
    checklists: dict[str, None] | None,
    docs_dir: Path | None,
) -> list[Problem]:
    check, training = _Checker(entry), entry.value
    for module_id, module in training.modules.items():
        for i, exercise in enumerate(module.exercises):
            loc = ("modules", module_id, "exercises", i)
            if exercise.method and exercise.method not in slugs:
                check.add(loc + ("method",), _unknown(exercise.method, slugs, "methode", NO_METHOD))
            check.refs(loc + ("cases",), exercise.cases, case_ids, "casus", "er is geen id '{}' bij cases in methods/_cases.yml")
            check.refs(loc + ("forms",), exercise.forms, checklists, "lijst", NO_CHECKLIST)
            if cases and exercise.method in slugs:
                for j, case_id in enumerate(exercise.cases):
                    case = cases.value.cases.get(case_id)
                    # A case with an unknown method is reported once, in _cases.yml.
                    if case and set(case.methods) <= slugs and exercise.method not in case.methods:
                        check.add(loc + ("cases", j), f"casus '{case_id}' noemt methode '{exercise.method}' niet bij zijn methoden")
        for i, reading in enumerate(module.read):
            page = reading.page.split("#")[0]
            if docs_dir is not None and not (docs_dir / page).is_file():
                check.add(("modules", module_id, "read", i, "page"), f"er is geen pagina docs/{page}")
    for i, phase in enumerate(training.series.phases):
        check.refs(("series", "phases", i, "forms"), phase.forms, checklists, "lijst", NO_CHECKLIST)
    return check.problems


def _role_problems(entry: Loaded) -> list[Problem]:
    """Each duty belongs to one role at most; in a series the inbrenger rotates too."""
    check, roles = _Checker(entry), entry.value.root
    holders: dict[str, str] = {}
    for role_id, role in roles.items():
        if role.duty is None:
            continue
        if role.duty in holders:
            check.add((role_id, "duty"), f"de rol '{holders[role.duty]}' heeft al duty '{role.duty}': één rol per taak")
        else:
            holders[role.duty] = role_id
    bringer = holders.get("inbrengen")
    if bringer and not roles[bringer].rotates and any(role.rotates for role in roles.values()):
        check.add((bringer, "duty"), "in een reeks gaat de inbrenger rond: zet bij deze rol ook rotates: true")
    return check.problems


def _series_problems(entry: Loaded, roles: Loaded | None) -> list[Problem]:
    """The model series has members enough for the roles that rotate."""
    if roles is None:
        return []
    check, series = _Checker(entry), entry.value.series
    rotating = [role_id for role_id, role in roles.value.root.items() if role.rotates]
    if series.members < len(rotating):
        message = f"{series.members} leden kunnen de {len(rotating)} rollen die rondgaan ({', '.join(rotating)}) niet verdelen"
        check.add(("series", "members"), message)
    return check.problems


def _comparison_problems(entry: Loaded) -> list[Problem]:
    check, comparison = _Checker(entry), entry.value
    for i, aspect in enumerate(comparison.aspects):
        for form in aspect.values:
            if form not in comparison.forms:
                check.add(("aspects", i, "values", form), f"onbekende vorm '{form}' (vormen: {', '.join(comparison.forms)})")
    return check.problems


def _citation_problems(entry: Loaded, sources: dict[str, None]) -> list[Problem]:
    check = _Checker(entry)
    for loc, citation in _citations(entry.value):
        if citation.ref not in sources:
            check.add(loc + ("ref",), _unknown(citation.ref, sources, "bron", "voeg haar toe aan methods/_sources.yml"))
    return check.problems


def cross_reference_problems(
    shared: dict[str, Loaded | None], methods: dict[str, Loaded], slugs: set[str], docs_dir: Path | None
) -> list[Problem]:
    """Every reference between the files that loaded.

    ``shared`` holds the shared files by name (None: failed to load; absent: no such
    file), ``methods`` the method files that loaded, ``slugs`` every method file's name.
    """
    problems: list[Problem] = []
    roles = _ids(shared, "_roles.yml") or None
    if roles_file := shared.get("_roles.yml"):
        problems += _role_problems(roles_file)
    for slug, entry in methods.items():
        problems += _method_problems(slug, entry, roles, slugs)
    if comparison := shared.get("_comparison.yml"):
        problems += _comparison_problems(comparison)
    cases = shared.get("_cases.yml")
    if cases:
        problems += _case_problems(cases, methods, slugs)
    if training := shared.get("_training.yml"):
        problems += _training_problems(
            training, slugs, cases, _ids(shared, "_cases.yml"), _ids(shared, "_checklists.yml"), docs_dir
        )
        problems += _series_problems(training, shared.get("_roles.yml"))
    sources = _ids(shared, "_sources.yml")
    if sources is not None:
        citing = list(methods.values()) + [shared[name] for name in shared if shared[name] and name != "_sources.yml"]
        for entry in citing:
            problems += _citation_problems(entry, sources)
    return problems
