"""Validating one parsed file against its model, with one plain line per problem.

Pydantic's messages are rewritten for authors: a line and column in the file, the path
of the field, "did you mean" for a misspelt key or an English code of the first release.
"""

from __future__ import annotations

import difflib
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


def _message(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(error["loc"][-1]), _field_names(model), n=1)
        return "unknown field" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind == "string_type":
        return f"expected text, got {type(error['input']).__name__} {error['input']!r} (put it in quotes)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {error['input']!r}"
    if kind == "string_pattern_mismatch" and error["loc"][-1] in ("name", "title"):
        return "a name may not be blank or contain < > { } \" ` or \\"
    if kind == "string_pattern_mismatch" and error["loc"][-1] == "url":
        return f"{error['input']!r} is not a web address starting with https://"
    if kind == "string_pattern_mismatch" and isinstance(error["input"], str) and not error["input"].strip():
        return "the text is empty"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a valid id: use lowercase letters, digits and hyphens"
    if kind == "string_too_short":
        return "the text is empty"
    if kind == "literal_error":
        former = error["input"] if isinstance(error["input"], str) else None
        hint = f" (did you mean '{FORMER_CODES[former]}'?)" if former in FORMER_CODES else ""
        return f"{error['input']!r} is not allowed{hint}: {error['msg'][len('Input should be '):]}"
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
            problems.append(Problem(label, *doc.position(loc), format_path(loc), _message(error, model)))
        raise DataError(problems) from None


def load_file(model: type[BaseModel], path: Path, label: str) -> tuple[Any, YamlDocument]:
    """Read, parse and validate one data file."""
    doc = read_yaml(label, path.read_bytes())
    require_mapping(label, doc, "a mapping of fields")
    return validate(model, label, doc), doc


def at(label: str, doc: YamlDocument, loc: Loc, message: str) -> Problem:
    """A problem at the position of ``loc`` in a parsed file."""
    return Problem(label, *doc.position(loc), format_path(loc), message)
