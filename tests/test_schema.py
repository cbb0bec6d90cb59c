"""The editor agrees with the build: the JSON Schemas refuse the files the build refuses.

Each case below breaks a valid file in one way. The file is checked twice: by the
committed schema, as the YAML language server in an editor does, and by the build's own
loader. Both must refuse it, or both accept it. What JSON Schema cannot express is listed
apart (and in the README): the build alone refuses those.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from intervisiewijzer.data import DataError, load_catalogue
from intervisiewijzer.data.schema import SCHEMAS, render
from intervisiewijzer.data.yamlsource import read_yaml

from .conftest import MINIMAL_METHOD, method_yaml


def broken(**changes) -> dict:
    return {**MINIMAL_METHOD, **changes}


def step(**changes) -> dict:
    return {**MINIMAL_METHOD["steps"][0], **changes}


CASES = {
    "valid": broken(),
    "unknown role": broken(steps=[step(roles={"vraagsteller": "Vraag."}), MINIMAL_METHOD["steps"][1]]),
    "unknown related method": broken(related=["nergens"]),
    "unknown method in differs_from": broken(differs_from=[{"method": "nergens", "how": "Anders."}]),
    "unknown source": broken(sources=[{"ref": "onbekend"}]),
    "blank description": broken(steps=[step(description="   "), MINIMAL_METHOD["steps"][1]]),
    "blank name": broken(name="  "),
    "unknown kind of question": broken(question_kinds=["raadsel"]),
    "former English code": broken(question_kinds=["relationship"]),
    "kind listed twice": broken(question_kinds=["relatie", "relatie"]),
    "minutes as text": broken(steps=[step(minutes="5"), MINIMAL_METHOD["steps"][1]]),
    "no minutes": broken(steps=[{k: v for k, v in step().items() if k != "minutes"}, MINIMAL_METHOD["steps"][1]]),
    "zero minutes": broken(steps=[step(minutes=0), MINIMAL_METHOD["steps"][1]]),
    "one step": broken(steps=[step()]),
    "unknown field": {**broken(), "sumary": "Typo."},
    "unknown experience": broken(experience="some"),
    "unknown leader": broken(facilitator="iedereen"),
    "group too small": broken(group_size={"min": 1}),
    "no sources": broken(sources=[]),
    "related listed twice": broken(related=["y", "y"]),
}
# What JSON Schema cannot express: the build alone refuses these.
BUILD_ONLY = {
    "max below min": broken(group_size={"min": 6, "max": 3}),
    "related to itself": broken(related=["x"]),
}


@pytest.fixture
def data_dir(methods_dir):
    (methods_dir / "y.yml").write_text(method_yaml(name="Andere methode"), encoding="utf-8")
    return methods_dir


def schema_for(methods_dir) -> dict:
    return json.loads(render(SCHEMAS["method.schema.json"], load_catalogue(methods_dir, methods_dir.parent)))


def refused_by_schema(schema: dict, text: str) -> bool:
    data = read_yaml("x.yml", text.encode()).data
    return not jsonschema.Draft202012Validator(schema).is_valid(data)


def refused_by_build(methods_dir, text: str) -> bool:
    (methods_dir / "x.yml").write_text(text, encoding="utf-8")
    try:
        load_catalogue(methods_dir, methods_dir.parent)
    except DataError:
        return True
    finally:
        (methods_dir / "x.yml").unlink()
    return False


@pytest.mark.parametrize("case", list(CASES))
def test_schema_and_build_refuse_the_same_method_files(data_dir, case):
    schema = schema_for(data_dir)
    text = yaml.safe_dump(CASES[case], allow_unicode=True, sort_keys=False)
    by_schema, by_build = refused_by_schema(schema, text), refused_by_build(data_dir, text)
    assert by_schema == by_build, f"{case}: schema {'refuses' if by_schema else 'accepts'}, build {'refuses' if by_build else 'accepts'}"
    assert by_build == (case != "valid")


@pytest.mark.parametrize("case", list(BUILD_ONLY))
def test_what_the_schema_cannot_express_the_build_refuses(data_dir, case):
    text = yaml.safe_dump(BUILD_ONLY[case], allow_unicode=True, sort_keys=False)
    assert refused_by_build(data_dir, text)


@pytest.mark.parametrize(
    "entry, refused",
    [
        ({"author": "A", "title": "B", "used_for": "C"}, False),
        ({"author": "A", "title": "B", "used_for": "C", "url": "http://x.nl"}, True),
        ({"author": "A", "used_for": "C"}, True),
        ({"author": " ", "title": "B", "used_for": "C"}, True),
        ({"author": "A", "title": "B", "used_for": "C", "year": 1800}, True),
    ],
)
def test_schema_and_build_refuse_the_same_sources(methods_dir, entry, refused):
    text = yaml.safe_dump({"testbron": {"author": "T", "title": "T", "used_for": "T"}, "nieuw": entry}, allow_unicode=True)
    schema = json.loads(render(SCHEMAS["sources.schema.json"], load_catalogue(methods_dir, methods_dir.parent)))
    (methods_dir / "_sources.yml").write_text(text, encoding="utf-8")
    try:
        load_catalogue(methods_dir, methods_dir.parent)
        by_build = False
    except DataError:
        by_build = True
    assert refused_by_schema(schema, text) == by_build == refused


def test_the_schema_tells_in_dutch_what_each_field_is_for():
    schema = json.loads(render(SCHEMAS["method.schema.json"]))
    for name, field in schema["properties"].items():
        assert field.get("description"), name
    assert schema["properties"]["steps"]["description"] == "Het stappenplan, in volgorde."


def test_editors_accept_every_committed_schema_and_the_data():
    """check-jsonschema reads the schemas as an editor does (ECMA regular expressions):
    every data file of the handbook passes its committed schema."""
    import subprocess
    import sys
    from pathlib import Path

    from .conftest import ROOT

    tool = Path(sys.executable).parent / "check-jsonschema"
    methods = ROOT / "methods"
    groups: dict[str, list[str]] = {}
    for path in sorted(methods.glob("*.yml")):
        schema = f"{path.stem[1:]}.schema.json" if path.name.startswith("_") else "method.schema.json"
        groups.setdefault(schema, []).append(path.name)
    for schema, files in groups.items():
        result = subprocess.run([str(tool), "--schemafile", f"_schema/{schema}", *files], cwd=methods, capture_output=True, text=True)
        assert result.returncode == 0, f"{schema}: {result.stdout[-500:]}{result.stderr[-500:]}"
