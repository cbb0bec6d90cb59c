"""MkDocs hook: adds the pages generated from the data and places their bodies.

A generated page never goes through Markdown: its body is rendered from its template
and set as the page's content, with a table of contents taken from its headings.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from macros.adapters.project import Project
from macros.adapters.search_index import finish_search_index
from macros.data import DataError
from macros.pages import GeneratedPage, extend_nav, front_matter, headings

log = logging.getLogger("mkdocs.plugins.intervisiewijzer")

_project: Project | None = None
_generated: dict[str, GeneratedPage] = {}


@event_priority(100)
def on_config(config):
    global _project, _generated
    try:
        _project = Project.load(Path(config.config_file_path).parent)
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"{len(exc.problems)} fout(en) in de gegevens onder methods/") from None
    pages = _project.pages()
    _generated = {page.src: page for page in pages}
    extend_nav(config.nav or [], pages)
    return config


class _CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per `mkdocs serve` instead of at every rebuild."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _compiled
    return env


def on_files(files: Files, config) -> Files:
    for page in _generated.values():
        if files.get_file_from_path(page.src):
            raise Abort(f"docs/{page.src} bestaat al en zou een pagina uit methods/ verbergen: haal het weg")
        files.append(File.generated(config, page.src, content=front_matter(page)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return "" if page.file.src_uri in _generated else markdown


def _toc(body: str):
    tokens: list[dict] = []
    for level, anchor, title in headings(body):
        token = {"level": level, "id": anchor, "name": re.sub(r"<[^>]+>", "", title), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)


def on_page_content(html: str, page, config, files) -> str:
    generated = _generated.get(page.file.src_uri)
    if generated is None or _project is None:
        return html
    body = _project.render(generated)
    page.toc = _toc(body)
    return body


def _section_page(page, nav):
    """The page in the navigation a generated page belongs under, if any."""
    generated = _generated.get(page.file.src_uri)
    if generated is None:
        return None
    in_nav = {item.file.src_uri: item for item in nav.pages}
    return next((in_nav[src] for _, src in reversed(generated.trail) if src in in_nav), None)


def on_page_context(context, page, config, nav):
    """Highlight the section a generated page belongs to (Methoden for a method)."""
    section = _section_page(page, nav)
    if section is not None:
        section.active = True
        page._iw_highlighted = [section]
    return context


def on_post_page(output: str, page, config) -> str:
    for item in getattr(page, "_iw_highlighted", ()):
        item.active = False
    return output


def on_post_build(config) -> None:
    if _project is not None:
        finish_search_index(Path(config.site_dir), _project.catalogue)
