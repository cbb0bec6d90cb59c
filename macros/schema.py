"""``python -m macros.schema``: write the JSON Schemas that editors use for the data files.

The schemas are generated from the pydantic model and committed; a test fails when they
are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .handbook_data import Bibliography, Checklists, Comparison, Glossary
from .model import Method, Roles
from .training_model import CaseBook, Training

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "methods" / "_schema"
# A shared file methods/_<name>.yml uses <name>.schema.json; every other file is a method.
SCHEMAS = {
    "method.schema.json": Method,
    "roles.schema.json": Roles,
    "glossary.schema.json": Glossary,
    "comparison.schema.json": Comparison,
    "checklists.schema.json": Checklists,
    "training.schema.json": Training,
    "cases.schema.json": CaseBook,
    "sources.schema.json": Bibliography,
}


def render(model) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    for name, model in SCHEMAS.items():
        (SCHEMA_DIR / name).write_text(render(model), encoding="utf-8")
        print(f"wrote methods/_schema/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
