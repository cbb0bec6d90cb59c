"""Validating one parsed file against its model, with one plain line per problem.

Pydantic's messages are rewritten for authors: a line and column in the file, the path
of the field, "did you mean" for a misspelt key or an English code of the first release.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import DataError, Problem, format_path
from .vocabulary import FORMER_CODES
from .yamlsource import Loc, YamlDocument, read_yaml, require_mapping


@cache
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """Every field name of a model and the models inside it, for "did you mean"."""
    names: set[str] = set()
    visited: set[type] = set()

    def walk(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in visited:
                return
            visited.add(annotation)
            for name, info in annotation.model_fields.items():
                names.add(name)
                walk(info.annotation)
        for arg in getattr(annotation, "__args__", ()):
            walk(arg)

    walk(model)
    return tuple(sorted(names))


_KINDS = {"int": "een getal", "float": "een getal", "bool": "ja of nee", "NoneType": "niets", "list": "een lijst", "dict": "velden"}


def _choices(expected: str) -> str:
    """Pydantic's "'a', 'b' or 'c'" as "'a', 'b' of 'c'"."""
    return re.sub(r" or (?=[^']*'[^']*'$)", " of ", expected)


# Pydantic's errors about a limit: the sentence, and the key of the limit in the error's context.
_BOUNDS = {
    "string_too_long": ("de tekst mag hoogstens {} tekens lang zijn", "max_length"),
    "too_short": ("hier hoort minstens {} item", "min_length"),
    "too_long": ("hier mogen hoogstens {} items staan", "max_length"),
    "greater_than": ("dit moet groter zijn dan {}", "gt"),
    "greater_than_equal": ("dit moet minstens {} zijn", "ge"),
    "less_than_equal": ("dit mag hoogstens {} zijn", "le"),
}


def _message(error: dict[str, Any], model: type[BaseModel]) -> str:
    """Pydantic's error in plain Dutch, with a hint where one helps."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    field = str(error["loc"][-1]) if error["loc"] else ""
    if kind == "missing":
        return "dit veld ontbreekt"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, _field_names(model), n=1)
        return "onbekend veld" + (f" (bedoel je '{close[0]}'?)" if close else "")
    if kind == "string_type":
        return f"hier hoort tekst, maar er staat {_KINDS.get(type(value).__name__, 'iets anders')} {value!r} (zet het tussen aanhalingstekens)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"hier hoort een heel getal, maar er staat {value!r}"
    if kind in ("list_type", "tuple_type"):
        return "hier hoort een lijst (regels die met - beginnen)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "hier horen velden (naam: waarde)"
    if kind == "bool_type":
        return f"hier hoort true of false, maar er staat {value!r}"
    if kind == "string_pattern_mismatch" and isinstance(value, str) and not value.strip():
        return "de tekst is leeg"
    if kind == "string_pattern_mismatch" and field in ("name", "title"):
        return 'een naam mag niet leeg zijn en geen < > { } " ` of \\ bevatten'
    if kind == "string_pattern_mismatch" and field == "url":
        return f"{value!r} is geen webadres dat met https:// begint"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is geen geldige id: gebruik kleine letters, cijfers en streepjes"
    if kind == "string_too_short":
        return "de tekst is leeg"
    if kind in _BOUNDS:
        sentence, key = _BOUNDS[kind]
        return sentence.format(ctx.get(key))
    if kind == "literal_error":
        former = value if isinstance(value, str) else None
        hint = f" (bedoel je '{FORMER_CODES[former]}'?)" if former in FORMER_CODES else ""
        return f"{value!r} kan hier niet{hint}; kies uit {_choices(ctx.get('expected', ''))}"
    message = error["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def validate(model: type[BaseModel], label: str, doc: YamlDocument) -> Any:
    """The file's data as ``model``; raises DataError with a problem per error."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if part != "[key]")
            problems.append(at(label, doc, loc, _message(error, model)))
        raise DataError(problems) from None


def load_file(model: type[BaseModel], path: Path, label: str) -> tuple[Any, YamlDocument]:
    """Read, parse and validate one data file."""
    doc = read_yaml(label, path.read_bytes())
    require_mapping(label, doc, "velden")
    return validate(model, label, doc), doc


def at(label: str, doc: YamlDocument, loc: Loc, message: str) -> Problem:
    """A problem at the position of ``loc`` in a parsed file."""
    return Problem(label, *doc.position(loc), format_path(loc), message)
