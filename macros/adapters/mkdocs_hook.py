"""MkDocs hook: adds the pages generated from the data and places their bodies.

A generated page never goes through Markdown: its body is rendered from its template
and set as the page's content, with a table of contents taken from its headings.

Under ``make serve`` (macros/adapters/serve.py) broken data does not stop the server:
every page becomes an error page that names the problems, until the data is fixed.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from macros.adapters.project import Project, log, our_fault
from macros.adapters.search_index import SearchEntryMemo, finish_search_index
from macros.adapters.serve import SERVING
from macros.data import DataError, Problem
from macros.pages import GeneratedPage, extend_nav, front_matter, headings
from macros.rendering import Renderer

# The macros plugin reports every macro it loads at every rebuild: noise for an author.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def _one_line(event):
    """A failure in our own code stops the build with one line, never a traceback."""

    def guarded(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except Abort:
            raise
        except Exception as exc:
            log.error(our_fault(event.__name__, exc))
            raise Abort("Intervisiewijzer kon de site niet bouwen") from None

    guarded.__name__ = event.__name__
    guarded.mkdocs_priority = getattr(event, "mkdocs_priority", 0)
    return guarded


_project: Project | None = None
_generated: dict[str, GeneratedPage] = {}
_broken: list[Problem] = []  # the data's problems, while the dev server shows them
# The generated pages of the last good build: while the data is broken they still exist,
# as error pages that reload (the dev server's 404 page would not).
_last_good: list[str] = []


@_one_line
@event_priority(100)
def on_config(config):
    global _project, _generated, _broken, _last_good
    _project, _generated, _broken = None, {}, []
    try:
        _project = Project.load(Path(config.config_file_path).parent)
    except DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        if os.environ.get(SERVING):
            _broken = exc.problems
            return config
        raise Abort(f"{len(exc.problems)} fout(en) in de gegevens onder methods/") from None
    pages = _project.pages()
    _generated = {page.src: page for page in pages}
    _last_good = list(_generated)
    extend_nav(config.nav or [], pages)
    return config


def _error_page() -> str:
    return str(Renderer().render("shared/error_page.html", problems=_broken))


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


_search_entries = SearchEntryMemo()


@_one_line
def on_pre_build(config) -> None:
    _search_entries.attach(config.plugins)


@_one_line
def on_env(env, config, files):
    env.bytecode_cache = _compiled
    return env


@_one_line
def on_files(files: Files, config) -> Files:
    if _broken:
        for src in _last_good:
            if not files.get_file_from_path(src):
                files.append(File.generated(config, src, content=""))
        return files
    for page in _generated.values():
        if files.get_file_from_path(page.src):
            raise Abort(f"docs/{page.src} bestaat al en zou een pagina uit methods/ verbergen: haal het weg")
        files.append(File.generated(config, page.src, content=front_matter(page)))
    return files


@_one_line
@event_priority(100)  # before the macros plugin: broken data leaves it nothing to render
def on_page_markdown(markdown: str, page, config, files) -> str:
    return "" if _broken or page.file.src_uri in _generated else markdown


def _toc(body: str):
    tokens: list[dict] = []
    for level, anchor, title in headings(body):
        token = {"level": level, "id": anchor, "name": re.sub(r"<[^>]+>", "", title), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)


@_one_line
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


@_one_line
def on_page_context(context, page, config, nav):
    """Highlight the section a generated page belongs to (Methoden for a method)."""
    section = _section_page(page, nav)
    if section is not None:
        section.active = True
        page._iw_highlighted = [section]
    return context


@_one_line
def on_post_page(output: str, page, config) -> str:
    for item in getattr(page, "_iw_highlighted", ()):
        item.active = False
    return _error_page() if _broken else output


@_one_line
def on_post_template(output: str, template_name: str, config) -> str:
    return _error_page() if _broken and template_name == "404.html" else output


@_one_line
def on_post_build(config) -> None:
    if _project is not None and not _broken:
        finish_search_index(Path(config.site_dir), _project.catalogue)
