"""Loads every data file under methods/, validates it and checks cross-references.

All problems of all files are collected before anything is raised, so one run names
them all. The result is cached on the files' names, sizes and modification times, so the
MkDocs hook and the macros module share one load per build.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .handbook_data import (
    CHECKLISTS_FILE,
    COMPARISON_FILE,
    GLOSSARY_FILE,
    SOURCES_FILE,
    Bibliography,
    Checklist,
    Checklists,
    Comparison,
    Glossary,
)
from .model import FORMER_CODES, Citation, Method, Publication, Role, Roles
from .problems import DataError, Problem, format_path
from .training_model import CASES_FILE, TRAINING_FILE, CaseBook, Training, training_problems
from .yamlsource import Loc, YamlDocument, read_yaml, require_mapping

ROLES_FILE = "_roles.yml"
METHOD_SUFFIXES = (".yml", ".yaml")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Catalogue:
    roles: dict[str, Role]
    methods: dict[str, Method]  # slug -> method, ordered by name
    glossary: dict[str, str]
    comparison: Comparison | None
    checklists: dict[str, Checklist]
    sources: dict[str, Publication]  # methods/_sources.yml: the bibliography
    training: Training | None = None  # methods/_training.yml: learning path, series plan
    cases: CaseBook | None = None  # methods/_cases.yml: practice cases

    def roles_of(self, method: Method) -> list[tuple[str, Role]]:
        """The roles a method uses, in the order of the roles file."""
        used = {role_id for step in method.steps for role_id in step.roles}
        return [(role_id, role) for role_id, role in self.roles.items() if role_id in used]


def _field_names(model: type[BaseModel], seen: set[str]) -> set[str]:
    for name, info in model.model_fields.items():
        seen.add(name)
        for arg in getattr(info.annotation, "__args__", ()) + (info.annotation,):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg is not model:
                _field_names(arg, seen)
    return seen


_KNOWN_FIELDS = sorted(_field_names(Method, set()) | _field_names(Role, set()))


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, _KNOWN_FIELDS, n=1)
        return "unknown field" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind in ("string_type",):
        return f"expected text, got {type(error['input']).__name__} {error['input']!r} (put it in quotes)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {error['input']!r}"
    if kind == "string_pattern_mismatch" and error["loc"][-1] == "name":
        return "a name may not contain < > { } \" ` or \\"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a valid id: use lowercase letters, digits and hyphens"
    if kind == "literal_error":
        hint = f" (did you mean '{FORMER_CODES[error['input']]}'?)" if error["input"] in FORMER_CODES else ""
        return f"{error['input']!r} is not allowed{hint}: {error['msg'][len('Input should be '):]}"
    message = error["msg"]
    return message.removeprefix("Value error, ")[0].lower() + message.removeprefix("Value error, ")[1:]


def _validate(model: type[BaseModel], label: str, doc: YamlDocument) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if part != "[key]")
            problems.append(Problem(label, *doc.position(loc), format_path(loc), _message(error)))
        raise DataError(problems) from None


def _load(model: type[BaseModel], path: Path, label: str) -> tuple[Any, YamlDocument]:
    doc = read_yaml(label, path.read_bytes())
    require_mapping(label, doc, "a mapping of fields")
    return _validate(model, label, doc), doc


def _at(label: str, doc: YamlDocument, loc: Loc, message: str) -> Problem:
    return Problem(label, *doc.position(loc), format_path(loc), message)


def _cross_references(
    label: str, slug: str, method: Method, doc: YamlDocument, roles: dict[str, Role], slugs: set[str]
) -> list[Problem]:
    problems = []
    for i, step in enumerate(method.steps):
        for role_id in step.roles:
            if role_id not in roles:
                known = ", ".join(roles)
                problems.append(_at(label, doc, ("steps", i, "roles", role_id), f"unknown role '{role_id}' (known roles: {known})"))
    seen: set[str] = set()
    for i, other in enumerate(method.related):
        loc = ("related", i)
        if other == slug:
            problems.append(_at(label, doc, loc, "a method cannot be related to itself"))
        elif other in seen:
            problems.append(_at(label, doc, loc, f"'{other}' is listed twice"))
        elif other not in slugs:
            problems.append(_at(label, doc, loc, f"unknown method '{other}' (no file methods/{other}.yml)"))
        seen.add(other)
    for i, other in enumerate(method.differs_from):
        loc = ("differs_from", i, "method")
        if other.method == slug:
            problems.append(_at(label, doc, loc, "a method cannot differ from itself"))
        elif other.method not in slugs:
            problems.append(_at(label, doc, loc, f"unknown method '{other.method}' (no file methods/{other.method}.yml)"))
    return problems


def _citations(value: Any, loc: Loc = ()):
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


def _citation_problems(label: str, value: Any, doc: YamlDocument, sources: dict[str, Publication]) -> list[Problem]:
    problems = []
    for loc, citation in _citations(value):
        if citation.ref not in sources:
            close = difflib.get_close_matches(citation.ref, list(sources), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"add it to methods/{SOURCES_FILE}"
            problems.append(_at(label, doc, loc + ("ref",), f"unknown source '{citation.ref}' ({hint})"))
    return problems


def _method_files(methods_dir: Path) -> list[Path]:
    return sorted(
        p for p in methods_dir.iterdir() if p.suffix in METHOD_SUFFIXES and not p.name.startswith(("_", "."))
    )


def _fingerprint(methods_dir: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(methods_dir.iterdir()) if p.is_file())


_cache: dict[Path, tuple[tuple, Catalogue]] = {}


def load_catalogue(methods_dir: Path, root: Path | None = None) -> Catalogue:
    """Load roles and methods from ``methods_dir``; raise DataError listing every problem."""
    methods_dir = methods_dir.resolve()
    root = (root or methods_dir.parent).resolve()
    fingerprint = _fingerprint(methods_dir)
    cached = _cache.get(methods_dir)
    if cached and cached[0] == fingerprint:
        return cached[1]
    catalogue = _load_all(methods_dir, root)
    _cache[methods_dir] = (fingerprint, catalogue)
    return catalogue


def _label(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _load_shared(methods_dir: Path, root: Path, name: str, model: type[BaseModel], problems: list[Problem]):
    """Load one of the shared ``_*.yml`` files; None when it is missing or has problems."""
    path = methods_dir / name
    if not path.exists():
        return None
    try:
        return _load(model, path, _label(path, root))
    except DataError as exc:
        problems += exc.problems
        return None


def _comparison_problems(label: str, comparison: Comparison, doc: YamlDocument) -> list[Problem]:
    known = ", ".join(comparison.forms)
    return [
        _at(label, doc, ("aspects", i, "values", form), f"unknown form '{form}' (forms: {known})")
        for i, aspect in enumerate(comparison.aspects)
        for form in aspect.values
        if form not in comparison.forms
    ]


def _ids(loaded: tuple[Any, YamlDocument] | None, path: Path, ids) -> set[str] | None:
    """The ids a shared file defines: none when it is missing, None when it failed to load."""
    if loaded:
        return set(ids(loaded[0]))
    return None if path.exists() else set()


def _load_all(methods_dir: Path, root: Path) -> Catalogue:
    problems: list[Problem] = []
    roles: dict[str, Role] = {}
    loaded_roles = _load_shared(methods_dir, root, ROLES_FILE, Roles, problems)
    if loaded_roles:
        roles = loaded_roles[0].root
    elif not (methods_dir / ROLES_FILE).exists():
        problems.append(Problem(_label(methods_dir / ROLES_FILE, root), 1, 1, "", "file is missing: the roles are defined here"))
    glossary = _load_shared(methods_dir, root, GLOSSARY_FILE, Glossary, problems)
    comparison = _load_shared(methods_dir, root, COMPARISON_FILE, Comparison, problems)
    checklists = _load_shared(methods_dir, root, CHECKLISTS_FILE, Checklists, problems)
    if comparison:
        problems += _comparison_problems(_label(methods_dir / COMPARISON_FILE, root), *comparison)
    loaded_sources = _load_shared(methods_dir, root, SOURCES_FILE, Bibliography, problems)
    sources = loaded_sources[0].root if loaded_sources else {}

    method_files = _method_files(methods_dir)
    slugs = {p.stem for p in method_files}
    loaded: dict[str, tuple[str, Method, YamlDocument]] = {}
    for path in method_files:
        label, slug = _label(path, root), path.stem
        if not _SLUG.match(slug):
            problems.append(
                Problem(label, 1, 1, "", f"file name '{slug}' is not a valid slug: use lowercase letters, digits and hyphens")
            )
            continue
        if slug in loaded:
            problems.append(Problem(label, 1, 1, "", f"duplicate slug '{slug}': {loaded[slug][0]} has it too"))
            continue
        try:
            method, doc = _load(Method, path, label)
        except DataError as exc:
            problems += exc.problems
            continue
        loaded[slug] = (label, method, doc)

    if roles:
        for slug, (label, method, doc) in loaded.items():
            problems += _cross_references(label, slug, method, doc, roles, slugs)
    training = _load_shared(methods_dir, root, TRAINING_FILE, Training, problems)
    cases = _load_shared(methods_dir, root, CASES_FILE, CaseBook, problems)
    if loaded_sources or not (methods_dir / SOURCES_FILE).exists():
        citing = [(label, method, doc) for label, method, doc in loaded.values()]
        for name, entry in ((COMPARISON_FILE, comparison), (CHECKLISTS_FILE, checklists), (TRAINING_FILE, training)):
            if entry:
                citing.append((_label(methods_dir / name, root), *entry))
        for label, value, doc in citing:
            problems += _citation_problems(label, value, doc, sources)
    problems += training_problems(
        (*training, _label(methods_dir / TRAINING_FILE, root)) if training else None,
        (*cases, _label(methods_dir / CASES_FILE, root)) if cases else None,
        methods={slug: entry[1] for slug, entry in loaded.items()},
        slugs=slugs,
        checklists=_ids(checklists, methods_dir / CHECKLISTS_FILE, lambda c: c.root),
        case_ids=_ids(cases, methods_dir / CASES_FILE, lambda c: c.cases),
        docs_dir=root / "docs" if (root / "docs").is_dir() else None,
    )
    if problems:
        raise DataError(problems)
    methods = {slug: entry[1] for slug, entry in sorted(loaded.items(), key=lambda kv: kv[1][1].name.lower())}
    return Catalogue(
        roles=roles,
        methods=methods,
        glossary=glossary[0].root if glossary else {},
        comparison=comparison[0] if comparison else None,
        checklists=checklists[0].root if checklists else {},
        sources=sources,
        training=training[0] if training else None,
        cases=cases[0] if cases else None,
    )
