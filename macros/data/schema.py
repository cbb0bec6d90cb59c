"""``python -m macros.data.schema``: write the JSON Schemas that editors use for the data files.

The schemas are generated from the pydantic model and committed; a test fails when they
are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .catalogue import SHARED_FILES
from .model import Method

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "methods" / "_schema"
# A shared file methods/_<name>.yml uses <name>.schema.json; every other file is a method.
SCHEMAS = {"method.schema.json": Method} | {
    f"{name[1:].removesuffix('.yml')}.schema.json": model for name, model in SHARED_FILES.items()
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
