"""MkDocs hook: loads the data and adds the pages generated from it.

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
from macros.pages import extend_nav, generated_pages, page_source
from macros.problems import DataError
from macros.search_terms import tag_search_index

log = logging.getLogger("mkdocs.hooks.intervisiewijzer")


# The data of the current build, loaded once in on_config, and the glossary as
# Markdown abbreviations, appended to every page.
_current: Catalogue | None = None
_glossary_markdown = ""


def _catalogue() -> Catalogue:
    if _current is None:
        raise Abort("the method data was not loaded: on_config did not run")
    return _current


@event_priority(100)
def on_config(config):
    global _current, _glossary_markdown
    root = Path(config.config_file_path).parent
    try:
        _current = load_catalogue(root / "methods", root)
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"{len(exc.problems)} problem(s) in the data under methods/") from None
    _glossary_markdown = abbreviations(_current.glossary) if _current.glossary else ""
    extend_nav(config.nav or [], generated_pages(_current))
    return config


def on_files(files: Files, config) -> Files:
    for page in generated_pages(_catalogue()):
        if files.get_file_from_path(page.src):
            raise Abort(f"docs/{page.src} exists and would hide a page generated from methods/: remove it")
        files.append(File.generated(config, page.src, content=page_source(page)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return f"{markdown}\n\n{_glossary_markdown}" if _glossary_markdown else markdown


# Material's search worker imports lunr.<lang>.min.js; the Dutch query expansion in
# overrides/assets/javascripts/lunr/ is chained onto it (the URL is relative to the worker).
SEARCH_EXTENSION = 'importScripts("../lunr/intervisiewijzer.nl.js");'


def on_post_build(config) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    index = tag_search_index(json.loads(index_path.read_text(encoding="utf-8")), _catalogue())
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    stemmer = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
    if not stemmer.exists():
        raise Abort(f"{stemmer} is missing: is the search plugin set to lang: nl?")
    with stemmer.open("a", encoding="utf-8") as out:
        out.write(f"\n{SEARCH_EXTENSION}\n")
