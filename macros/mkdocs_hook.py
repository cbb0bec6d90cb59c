"""MkDocs hook: loads the method data and adds one generated page per method.

A generated page holds only front matter and a macro call; the data itself never
becomes template source.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros.catalogue import Catalogue, load_catalogue
from macros.handbook_pages import abbreviations
from macros.markup import text
from macros.method_page import METHODS_SECTION, method_src
from macros.problems import DataError

log = logging.getLogger("mkdocs.hooks.intervisiewijzer")


def _catalogue(config) -> Catalogue:
    root = Path(config.config_file_path).parent
    return load_catalogue(root / "methods", root)


def _page(title: str, description: str, body: str) -> str:
    # JSON strings are valid YAML; the theme prints both values unescaped, so escape them.
    return (
        f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(str(text(description)))}\n"
        f"render_macros: true\n---\n\n{body}\n"
    )


def _first_sentence(value: str) -> str:
    value = " ".join(value.split())
    end = value.find(". ")
    return value if end == -1 else value[: end + 1]


@event_priority(100)
def on_config(config):
    try:
        catalogue = _catalogue(config)
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"{len(exc.problems)} problem(s) in the method data") from None
    index = f"{METHODS_SECTION}/index.md"
    for section in config.nav or []:
        for children in section.values() if isinstance(section, dict) else ():
            if isinstance(children, list) and index in children:
                children += [{m.name: method_src(slug)} for slug, m in catalogue.methods.items()]
    return config


def on_files(files: Files, config) -> Files:
    for slug, method in _catalogue(config).methods.items():
        src = method_src(slug)
        if files.get_file_from_path(src):
            raise Abort(f"docs/{src} exists and would hide methods/{slug}.yml: remove one of them")
        body = f'{{{{ method_page("{slug}") }}}}'
        files.append(File.generated(config, src, content=_page(method.name, _first_sentence(method.summary), body)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    glossary = _catalogue(config).glossary
    return f"{markdown}\n\n{abbreviations(glossary)}" if glossary else markdown
