"""The JSON Schemas that editors use to check the data files while an author types.

Generated from the pydantic models, and from the data: an editor can then also refuse an
unknown role, method, source, case or form, not only a misspelt field. The command
``intervisiewijzer schema`` (``make schema``) writes them; a build never does, and a test
fails when the committed ones are stale. Checks that JSON Schema cannot express are
listed in the README (for example a maximum below the minimum).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .catalogue import SHARED_FILES, Catalogue, load_catalogue
from .model import Method

SCHEMA_FOLDER = "_schema"
# A shared file methods/_<name>.yml uses <name>.schema.json; every other file is a method.
SCHEMAS: dict[str, type[BaseModel]] = {"method.schema.json": Method} | {
    f"{name[1:].removesuffix('.yml')}.schema.json": model for name, model in SHARED_FILES.items()
}


def _ids(catalogue: Catalogue) -> dict[str, list[str]]:
    return {
        "role": list(catalogue.roles),
        "method": list(catalogue.methods),
        "source": list(catalogue.sources),
        "case": list(catalogue.cases.cases) if catalogue.cases else [],
        "checklist": list(catalogue.checklists),
    }


def _one_of(ids: list[str]) -> dict[str, Any]:
    return {"type": "string", "enum": sorted(ids)} if ids else {"type": "string"}


def _list_of(field: dict[str, Any], ids: list[str]) -> None:
    field["items"] = _one_of(ids)
    field["uniqueItems"] = True


def _close_maps(node: Any) -> None:
    """A map with id keys (patternProperties) takes no other keys, as the model says."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_maps(value)


def _with_ids(schema: dict[str, Any], ids: dict[str, list[str]]) -> dict[str, Any]:
    """Put the known ids where the data refers to them."""
    defs = schema.get("$defs", {})

    def fields(name: str) -> dict[str, Any]:
        return schema["properties"] if schema.get("title") == name else defs.get(name, {}).get("properties", {})

    if "roles" in fields("Step"):
        roles = fields("Step")["roles"]
        text = next(iter(roles.pop("patternProperties").values()))
        roles.update(propertyNames=_one_of(ids["role"]), additionalProperties=text)
    if "ref" in fields("Citation"):
        fields("Citation")["ref"].update(_one_of(ids["source"]))
        fields("Citation")["ref"].pop("pattern", None)
    if "related" in fields("Method"):
        _list_of(fields("Method")["related"], ids["method"])
    if "method" in fields("DifferentFrom"):
        fields("DifferentFrom")["method"].update(_one_of(ids["method"]))
    if "method" in fields("Exercise"):
        exercise = fields("Exercise")
        exercise["method"]["anyOf"][0] = _one_of(ids["method"])
        _list_of(exercise["cases"], ids["case"])
        _list_of(exercise["forms"], ids["checklist"])
    if "forms" in fields("Phase"):
        _list_of(fields("Phase")["forms"], ids["checklist"])
    if "methods" in fields("Case"):
        _list_of(fields("Case")["methods"], ids["method"])
        fields("Case")["methods"]["minItems"] = 1
    return schema


def render(model: type[BaseModel], catalogue: Catalogue | None = None) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    _close_maps(schema)
    if catalogue is not None:
        schema = _with_ids(schema, _ids(catalogue))
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schemas(catalogue: Catalogue) -> dict[str, str]:
    """Every schema's file name and text, for this data."""
    return {name: render(model, catalogue) for name, model in SCHEMAS.items()}


def write_schemas(methods_dir: Path, root: Path) -> list[str]:
    """Write the schemas that changed for the data in ``methods_dir``; return their names.
    Raises DataError when the data has problems."""
    catalogue = load_catalogue(methods_dir, root)
    folder = methods_dir / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schemas(catalogue).items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written
