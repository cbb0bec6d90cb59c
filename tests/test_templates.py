"""The contract a designer relies on: the README lists every template, the blocks it has,
and the named fields of the one `page` object it gets; this holds it against the code."""

from __future__ import annotations

import dataclasses
import importlib
import re

from .conftest import ROOT

TEMPLATES = ROOT / "macros" / "templates"
ROW = re.compile(r"^\| `([a-z_/]+\.html)` \|\s*([a-z_, ]*?)\s*\| `([a-z]+)\.([A-Za-z]+)` \| (.+) \|$", re.MULTILINE)


def readme_rows() -> dict[str, tuple[list[str], type, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {}
    for template, blocks, module, name, fields in ROW.findall(text):
        view = getattr(importlib.import_module(f"intervisiewijzer.views.{module}"), name)
        rows[template] = ([b.strip() for b in blocks.split(",") if b.strip()], view, fields)
    return rows


def test_the_readme_names_every_template():
    rows = readme_rows()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        assert name in rows or f"`{name}`" in readme, f"the README does not name {name}"


def test_each_template_gets_the_fields_and_has_the_blocks_the_readme_lists():
    rows = readme_rows()
    assert len(rows) >= 20
    for template, (blocks, view, fields) in rows.items():
        names = [field.name for field in dataclasses.fields(view)]
        if not fields.startswith("as above"):
            listed = fields.split(";")[0].split(", ")
            assert listed == names, f"{template}: the README lists {listed}, {view.__name__} has {names}"
        source = re.sub(r"\{#.*?#\}", "", (TEMPLATES / template).read_text(encoding="utf-8"), flags=re.S)
        assert "page." in source, f"{template} does not read `page`"
        assert re.findall(r"\{% block (\w+)", source) == blocks, f"{template}: blocks"
