"""Strict YAML reading for data files.

PyYAML's own loaders follow YAML 1.1 (``no`` becomes False, ``1:30`` becomes 90), keep
the last of two duplicate keys, expand aliases (a small file can blow up to gigabytes)
and know Python tags. This reader walks libyaml's event stream instead and builds plain
data itself: YAML 1.2 core scalars only, duplicate keys and aliases refused, unknown tags
refused, and the position of every value kept so that later checks can name a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import DataError, Problem, format_path

Position = tuple[int, int]
Loc = tuple[str | int, ...]

MAX_DEPTH = 32
_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


@dataclass
class YamlDocument:
    """Plain data from one file plus the position (1-based line, column) of every value."""

    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)

    def position(self, loc: Loc) -> Position:
        """Position of ``loc``, or of its nearest enclosing value (for a missing field)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)


class _Abort(Exception):
    pass


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def decode(label: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise DataError(
            [Problem(label, line, column, "", f"dit is geen UTF-8 (byte 0x{bad}): sla het bestand op als UTF-8")]
        ) from None


def _tab_problems(label: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(label, number, indent.index("\t") + 1, "", "een tab bij het inspringen: YAML springt in met spaties")
            )
    return problems


def _scalar(label: str, event: Any, problems: list[Problem]) -> Any:
    value, tag = event.value, event.tag
    if tag in (None, "!"):
        if not event.implicit[0]:
            return value
        tag = _resolve_plain(value)
    if not tag.startswith(_CORE) or tag[len(_CORE) :] not in ("str", "int", "float", "bool", "null"):
        problems.append(Problem(label, *_pos(event.start_mark), "", f"de tag {_short(tag)} mag hier niet"))
        return value
    kind = tag[len(_CORE) :]
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return _BOOL[value]
        if kind == "null":
            return None
    except (KeyError, ValueError):
        problems.append(Problem(label, *_pos(event.start_mark), "", f"'{value}' is not a valid {kind}"))
    return value


def _resolve_plain(value: str) -> str:
    if _NULL.match(value):
        kind = "null"
    elif value in _BOOL:
        kind = "bool"
    elif _INT.match(value):
        kind = "int"
    elif _FLOAT.match(value):
        kind = "float"
    else:
        kind = "str"
    return _CORE + kind


class _Builder:
    """Turns the event stream into plain Python data, recording positions as it goes."""

    _NO_KEY = object()

    def __init__(self, label: str):
        self.label = label
        self.problems: list[Problem] = []
        self.doc = YamlDocument(None)
        self.stack: list[dict[str, Any]] = []
        self.documents = 0

    def fail(self, mark: Any, message: str) -> None:
        self.problems.append(Problem(self.label, *_pos(mark), "", message))
        raise _Abort

    def place(self, value: Any, mark: Any) -> Loc:
        if not self.stack:
            self.doc.data = value
            self.doc.positions[()] = _pos(mark)
            return ()
        top = self.stack[-1]
        if isinstance(top["value"], list):
            loc = top["loc"] + (len(top["value"]),)
            top["value"].append(value)
            self.doc.positions[loc] = _pos(mark)
            return loc
        if top["key"] is self._NO_KEY:
            if not isinstance(value, str):
                if isinstance(value, (dict, list)):
                    self.fail(mark, "een sleutel moet gewone tekst zijn")
                self.problems.append(Problem(self.label, *_pos(mark), format_path(top["loc"]), f"de sleutel {value!r} moet tekst zijn"))
                value = str(value)
            if value in top["seen"]:
                first = top["seen"][value]
                self.problems.append(
                    Problem(self.label, *_pos(mark), format_path(top["loc"] + (value,)), f"deze sleutel staat er twee keer (eerst op regel {first})")
                )
            else:
                top["seen"][value] = mark.line + 1
            top["key"], top["key_mark"] = value, mark
            return top["loc"]
        key, key_mark = top["key"], top["key_mark"]
        top["key"] = self._NO_KEY
        loc = top["loc"] + (key,)
        if key in top["value"]:
            return loc
        top["value"][key] = value
        self.doc.positions[loc] = _pos(key_mark)
        return loc

    def open(self, container: Any, event: Any) -> None:
        if event.tag not in (None, "!", _CORE + "map", _CORE + "seq"):
            self.problems.append(Problem(self.label, *_pos(event.start_mark), "", f"de tag {_short(event.tag)} mag hier niet"))
        if len(self.stack) >= MAX_DEPTH:
            self.fail(event.start_mark, f"meer dan {MAX_DEPTH} niveaus diep")
        loc = self.place(container, event.start_mark)
        self.stack.append({"value": container, "loc": loc, "key": self._NO_KEY, "seen": {}})

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(event.start_mark, "meer dan één YAML-document (---) in dit bestand")
        elif isinstance(event, yaml.AliasEvent):
            self.fail(event.start_mark, f"de verwijzing *{event.anchor} mag niet: schrijf de waarde voluit")
        elif isinstance(event, yaml.ScalarEvent):
            self.place(_scalar(self.label, event, self.problems), event.start_mark)
        elif isinstance(event, yaml.MappingStartEvent):
            self.open({}, event)
        elif isinstance(event, yaml.SequenceStartEvent):
            self.open([], event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()


# PyYAML's words for the syntax errors authors make most, in plain Dutch.
_YAML_PROBLEMS = {
    "did not find expected ',' or ']'": "er ontbreekt een komma of een ]",
    "did not find expected ',' or '}'": "er ontbreekt een komma of een }",
    "did not find expected key": "hier verwacht YAML een veld (naam: waarde): klopt het inspringen?",
    "did not find expected node content": "hier ontbreekt een waarde",
    "did not find expected '-' indicator": "hier verwacht YAML een regel van een lijst (- ...)",
    "mapping values are not allowed here": "hier mag geen dubbele punt staan: zet de tekst tussen aanhalingstekens",
    "could not find expected ':'": "er ontbreekt een dubbele punt (:)",
    "found character that cannot start any token": "dit teken kan hier niet staan: zet de tekst tussen aanhalingstekens",
    "found unexpected end of stream": "het bestand houdt midden in een waarde op",
    "found unexpected ':'": "hier staat een dubbele punt te veel",
}


def _plain_yaml_problem(problem: str) -> str:
    return _YAML_PROBLEMS.get(problem.strip(), problem)


def read_yaml(label: str, raw: bytes) -> YamlDocument:
    """Parse one YAML file into plain data; raise DataError naming every problem found."""
    text = decode(label, raw)
    problems = _tab_problems(label, text)
    if problems:
        raise DataError(problems)
    builder = _Builder(label)
    parser = _Parser(text)
    try:
        while parser.check_event():
            builder.feed(parser.get_event())
    except _Abort:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        problem = exc.problem or exc.context or "ongeldige YAML"
        builder.problems.append(Problem(label, line, column, "", f"fout in de YAML-opmaak: {_plain_yaml_problem(problem)}"))
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(label, 1, 1, "", f"fout in de YAML-opmaak: {str(exc).splitlines()[0]}"))
    finally:
        parser.dispose()
    if builder.problems:
        raise DataError(builder.problems)
    if builder.documents == 0 or builder.doc.data is None:
        raise DataError([Problem(label, 1, 1, "", "het bestand is leeg")])
    return builder.doc


def require_mapping(label: str, doc: YamlDocument, what: str) -> None:
    if not isinstance(doc.data, dict):
        kind = "lijst" if isinstance(doc.data, list) else "losse waarde"
        line, column = doc.position(())
        raise DataError([Problem(label, line, column, "", f"bovenaan horen {what} (naam: waarde), geen {kind}")])
