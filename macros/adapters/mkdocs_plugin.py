"""The MkDocs plugin ``intervisiewijzer``: a handbook made from methods/ and docs/.

Named under ``plugins:`` in a project's mkdocs.yml, it adds everything a handbook needs
and the project does not hold a copy of: the pages made from the data, the default
pages the project did not write itself (the chooser, the print overview, ...), the
theme partials, stylesheets and scripts, the glossary in the hand-written pages, the
macros those pages call (through mkdocs-macros, when it is in the plugins), and the
Dutch tuning of the search index.

A page made from data never goes through Markdown: its body is rendered from its
template and set as the page's content, with a table of contents from its headings.

Under ``mkdocs serve`` broken data does not stop the server: every page becomes an
error page that names the problems, until the data is fixed. State that outlives one
build (the compiled theme templates, the last good list of pages) lives on the plugin,
which MkDocs keeps for the whole ``serve`` because it has ``on_startup``.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Any, Callable, Literal

from jinja2 import BytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from ..data import DataError, Problem
from ..pages import GeneratedPage, error_page, extend_nav, front_matter, headings
from ..rendering import Renderer
from . import offline
from .glossary_markdown import GlossaryExtension
from .project import METHODS, TEMPLATES, Project, log, our_fault
from .search_index import finish_search_index, search_plugin

# mkdocs-macros reports every macro it registers, at every rebuild: noise for an author.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

THEME = Path(__file__).resolve().parent.parent / "theme"
ASSETS = "assets/intervisiewijzer"
STYLESHEETS = ("intervisiewijzer.css", "print.css")
SCRIPTS = (  # iw.js first: the others use it
    "iw.js", "paper.js", "keep.js", "plan.js", "cards.js", "chooser.js", "compare.js", "series.js", "timer.js", "offline.js",
)


class PluginConfig(base.Config):
    methods = c.Type(str, default=METHODS)
    """The folder with the data files, relative to mkdocs.yml."""
    templates = c.Type(str, default=TEMPLATES)
    """The project's own templates, found before ours, relative to mkdocs.yml."""


def _one_line(event: Callable) -> Callable:
    """A failure in our own code stops the build with one line, never a traceback."""

    @functools.wraps(event)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except Abort:
            raise
        except Exception as exc:
            log.error(our_fault(event.__name__, exc))
            raise Abort("Intervisiewijzer kon de site niet bouwen") from None

    return guarded


class _CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per `mkdocs serve` instead of at every rebuild."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class IntervisiewijzerPlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.project: Project | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.broken: list[Problem] = []  # the data's problems, while the dev server shows them
        # The generated pages of the last good build: while the data is broken they still
        # exist, as error pages that reload (the dev server's 404 page would not).
        self.last_good: list[str] = []
        self.in_nav: set[str] | None = None  # the generated pages mkdocs.yml's nav got; None: a nav made from the files
        self.compiled = _CompiledTemplates()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(-50)  # after mkdocs-macros has set itself up, so that our macros join its own
    @_one_line
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.project, self.generated, self.broken = None, {}, []
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        config.extra_css[0:0] = [f"{ASSETS}/{name}" for name in STYLESHEETS]
        config.extra_javascript[0:0] = [f"{ASSETS}/{name}" for name in SCRIPTS]
        config.markdown_extensions.append(GlossaryExtension(methods=str(root / self.config.methods)))
        try:
            self.project = Project.load(root, self.config.methods, self.config.templates, config.docs_dir)
        except DataError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            if self.serving:
                self.broken = exc.problems
                return config
            raise Abort(f"{len(exc.problems)} fout(en) in de gegevens onder {self.config.methods}/") from None
        pages = self.project.pages()
        self.generated = {page.src: page for page in pages}
        self.last_good = list(self.generated)
        self.in_nav = extend_nav(config.nav, pages) if config.nav else None
        macros = config.plugins.get("macros")
        if macros is not None:
            macros.register_macros(self.project.macros(lambda: macros.page.file.src_uri))
        return config

    @_one_line
    def on_serve(self, server, *, config, builder):
        """Edits to the data and to the project's own templates reload the open tab."""
        root = Path(config.config_file_path).parent
        for folder in (root / self.config.methods, root / self.config.templates):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    @_one_line
    def on_pre_build(self, *, config) -> None:
        if self.project is not None:
            self.project.start_build()

    @_one_line
    def on_env(self, env, *, config, files):
        env.bytecode_cache = self.compiled
        return env

    @_one_line
    def on_files(self, files: Files, *, config) -> Files:
        if self.broken:
            for src in self.last_good:
                if not files.get_file_from_path(src):
                    files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
            return files
        for src, page in list(self.generated.items()):
            if files.get_file_from_path(src):
                if page.default:  # the project wrote this page itself
                    del self.generated[src]
                    continue
                raise Abort(f"{config.docs_dir}/{src} bestaat al en zou een pagina uit {self.config.methods}/ verbergen: haal het weg")
            files.append(File.generated(config, src, content=front_matter(page), inclusion=self._inclusion(page)))
        return files

    def _inclusion(self, page: GeneratedPage) -> InclusionLevel:
        """A page joins the navigation where mkdocs.yml's nav lists its section, or, in a nav
        made from the files, when it is a default page or in a section; a method's pages are
        reached from methoden/."""
        if self.in_nav is None:
            shown = page.default or page.nav_section is not None
        else:
            shown = page.src in self.in_nav
        return InclusionLevel.UNDEFINED if shown else InclusionLevel.NOT_IN_NAV

    @event_priority(100)  # before mkdocs-macros: a generated page has no Markdown to render
    @_one_line
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        return "" if self.broken or page.file.src_uri in self.generated else markdown

    @_one_line
    def on_page_content(self, html: str, *, page, config, files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is None or self.project is None:
            return html
        body = self.project.render(generated)
        page.toc = _toc(body)
        return body

    @_one_line
    def on_page_context(self, context, *, page, config, nav):
        """Highlight the section a generated page belongs to (Methoden for a method)."""
        section = self._section_page(page, nav)
        if section is not None:
            section.active = True
            page._iw_highlighted = [section]
        return context

    def _section_page(self, page, nav):
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return None
        in_nav = {item.file.src_uri: item for item in nav.pages}
        return next((in_nav[src] for _, src in reversed(generated.trail) if src in in_nav), None)

    @_one_line
    def on_post_page(self, output: str, *, page, config) -> str:
        for item in getattr(page, "_iw_highlighted", ()):
            item.active = False
        return error_page(self.broken, Renderer()) if self.broken else output

    @_one_line
    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        return error_page(self.broken, Renderer()) if self.broken and template_name == "404.html" else output

    @_one_line
    def on_post_build(self, *, config) -> None:
        if self.project is not None and not self.broken and search_plugin(config) is not None:
            finish_search_index(Path(config.site_dir), self.project.catalogue, list(self.generated.values()))
        if self.project is not None and not self.broken:  # last: the worker's version is a hash of every file
            offline.write(Path(config.site_dir), config, self.project.catalogue, serving=self.serving)


def _toc(body: str):
    tokens: list[dict] = []
    for level, anchor, title in headings(body):
        token = {"level": level, "id": anchor, "name": re.sub(r"<[^>]+>", "", title), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)
