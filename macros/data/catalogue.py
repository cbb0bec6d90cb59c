"""Loads every data file under methods/ into one Catalogue, or raises DataError with
every problem of every file (one run names them all).

The result is cached on the files' names, sizes and modification times, so the adapters
that ask for it during one build share one load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .checks import Loaded, cross_reference_problems
from .handbook import Bibliography, Checklist, Checklists, Comparison, Glossary, SearchWords
from .model import Method, Publication, Role, Roles
from .problems import DataError, Problem
from .training import CaseBook, Training
from .validation import load_file

METHOD_SUFFIXES = (".yml", ".yaml")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The shared files: name in methods/ -> their model. Every other .yml file is a method.
SHARED_FILES: dict[str, type[BaseModel]] = {
    "_roles.yml": Roles,
    "_sources.yml": Bibliography,
    "_glossary.yml": Glossary,
    "_comparison.yml": Comparison,
    "_checklists.yml": Checklists,
    "_training.yml": Training,
    "_cases.yml": CaseBook,
    "_zoekwoorden.yml": SearchWords,
}
REQUIRED_FILES = {"_roles.yml": "hier staan de rollen"}


@dataclass(frozen=True)
class Catalogue:
    """All data of one handbook, validated and cross-checked."""

    roles: dict[str, Role]
    methods: dict[str, Method]  # slug -> method, ordered by name
    sources: dict[str, Publication]  # the bibliography
    glossary: dict[str, str]
    checklists: dict[str, Checklist]
    comparison: Comparison | None = None
    training: Training | None = None  # the training portal's modules and series plan
    cases: CaseBook | None = None  # practice cases
    search_words: dict[str, list[str]] = field(default_factory=dict)  # a reader's word -> the handbook's words

    def roles_of(self, method: Method) -> list[tuple[str, Role]]:
        """The roles a method uses, in the order of the roles file."""
        used = {role_id for step in method.steps for role_id in step.roles}
        return [(role_id, role) for role_id, role in self.roles.items() if role_id in used]

    def role_with(self, duty: str) -> str | None:
        """The id of the role that has this duty in the roles file, if any."""
        return next((role_id for role_id, role in self.roles.items() if role.duty == duty), None)

    def series_roles(self) -> tuple[str, ...]:
        """The roles that rotate over a series: the inbrenger first, then in the order of the file."""
        bringer = self.role_with("inbrengen")
        rotating = [role_id for role_id, role in self.roles.items() if role.rotates and role_id != bringer]
        return tuple([bringer, *rotating]) if bringer and self.roles[bringer].rotates else tuple(rotating)

    def draaiboek_checklists(self, place: str) -> list[Checklist]:
        """The checklists that stand in every draaiboek at this place ("voor" or "na")."""
        return [checklist for checklist in self.checklists.values() if checklist.draaiboek == place]


def method_files(methods_dir: Path) -> list[Path]:
    return sorted(p for p in methods_dir.iterdir() if p.suffix in METHOD_SUFFIXES and not p.name.startswith(("_", ".")))


def _fingerprint(methods_dir: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(methods_dir.iterdir()) if p.is_file())


_cache: dict[tuple[Path, Path, Path], tuple[tuple, Catalogue]] = {}


def load_catalogue(methods_dir: Path, root: Path | None = None, docs_dir: Path | None = None) -> Catalogue:
    """Load and check everything in ``methods_dir``; raise DataError listing every problem.

    File names in problems are relative to ``root`` (default: the folder above);
    ``docs_dir`` (default: ``root``/docs) holds the pages the training asks to read.
    """
    methods_dir = methods_dir.resolve()
    root = (root or methods_dir.parent).resolve()
    docs_dir = (docs_dir or root / "docs").resolve()
    fingerprint = _fingerprint(methods_dir)
    cached = _cache.get((methods_dir, root, docs_dir))
    if cached and cached[0] == fingerprint:
        return cached[1]
    catalogue = _load_all(methods_dir, root, docs_dir)
    _cache[(methods_dir, root, docs_dir)] = (fingerprint, catalogue)
    return catalogue


def _label(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


# Each file as it was last read: a file that did not change keeps its objects, so that
# what was made from it (a method's pages under `mkdocs serve`) can be kept too.
_files: dict[tuple[Path, str], tuple[tuple[int, int], Loaded]] = {}


def _load(model: type[BaseModel], path: Path, root: Path, problems: list[Problem]) -> Loaded | None:
    label = _label(path, root)
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _files.get((path, label))
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        loaded = Loaded(label, *load_file(model, path, label))
    except DataError as exc:
        problems += exc.problems
        return None
    _files[(path, label)] = (stamp, loaded)
    return loaded


def _load_methods(methods_dir: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Loaded], set[str]]:
    """The method files that loaded (slug -> file), and the slugs of all method files."""
    files = method_files(methods_dir)
    loaded: dict[str, Loaded] = {}
    for path in files:
        label, slug = _label(path, root), path.stem
        if not _SLUG.match(slug):
            message = f"de bestandsnaam '{slug}' is geen geldige slug: gebruik kleine letters, cijfers en streepjes"
            problems.append(Problem(label, 1, 1, "", message))
        elif slug in loaded:
            problems.append(Problem(label, 1, 1, "", f"de slug '{slug}' komt twee keer voor: {loaded[slug].label} heeft hem ook"))
        elif entry := _load(Method, path, root, problems):
            loaded[slug] = entry
    return loaded, {p.stem for p in files}


def _load_all(methods_dir: Path, root: Path, docs_dir: Path) -> Catalogue:
    problems: list[Problem] = []
    shared: dict[str, Loaded | None] = {}
    for name, model in SHARED_FILES.items():
        path = methods_dir / name
        if path.exists():
            shared[name] = _load(model, path, root, problems)
        elif name in REQUIRED_FILES:
            problems.append(Problem(_label(path, root), 1, 1, "", f"dit bestand ontbreekt: {REQUIRED_FILES[name]}"))
    methods, slugs = _load_methods(methods_dir, root, problems)
    problems += cross_reference_problems(shared, methods, slugs, docs_dir if docs_dir.is_dir() else None)
    if problems:
        raise DataError(problems)

    def value(name: str, default: Any = None) -> Any:
        entry = shared.get(name)
        if entry is None:
            return default
        return getattr(entry.value, "root", entry.value)

    ordered = sorted(methods.items(), key=lambda item: item[1].value.name.lower())
    return Catalogue(
        roles=value("_roles.yml", {}),
        methods={slug: entry.value for slug, entry in ordered},
        sources=value("_sources.yml", {}),
        glossary=value("_glossary.yml", {}),
        checklists=value("_checklists.yml", {}),
        comparison=value("_comparison.yml"),
        training=value("_training.yml"),
        cases=value("_cases.yml"),
        search_words=value("_zoekwoorden.yml", {}),
    )
