"""One handbook project as the adapters see it: its data, loaded once, and a renderer
with its own templates and glossary. Shared by the MkDocs plugin, the macros, the
commands and the Zensical build, so that each of them stays a few lines.

Every failure while a page is rendered becomes one line: a mistake in the project's
own template names that template, its line and the undefined name; a bug in our code
says so, and keeps the traceback in a file for the bug report.
"""

from __future__ import annotations

import logging
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from ..data import Catalogue, load_catalogue
from ..pages import GeneratedPage, generated_pages, page_macros, render_page
from ..rendering import Renderer
from ..views.glossary import Glossary

log = logging.getLogger("mkdocs.plugins.intervisiewijzer")
REPORT = "dit is een fout in Intervisiewijzer zelf: meld hem met deze regel en het bestand"
METHODS = "methods"
TEMPLATES = "overrides/intervisiewijzer"  # a project's own templates, found before ours


def our_fault(where: str, exc: BaseException) -> str:
    """The one line for a failure in our own code; the traceback goes to a file for the report."""
    with tempfile.NamedTemporaryFile("w", prefix="intervisiewijzer-fout-", suffix=".txt", delete=False) as report:
        report.write("".join(traceback.format_exception(exc)))
    return f"{where}: {type(exc).__name__}: {exc} ({REPORT} {report.name})"


@dataclass
class Project:
    root: Path
    docs: Path
    templates: Path
    catalogue: Catalogue
    renderer: Renderer
    # The bodies rendered in earlier builds, each with what it was made from (see _made_from):
    # under `mkdocs serve` an edit to a page under docs/ renders no page of the data again,
    # and an edit to a method file only that method's pages (and the pages of all data).
    # A change to the project's own templates clears it.
    _bodies: dict[str, tuple[tuple, str]] = field(default_factory=dict, repr=False)
    _templates_seen: tuple = ()

    @classmethod
    def load(cls, root: Path, methods: str = METHODS, templates: str = TEMPLATES, docs: str = "docs") -> Project:
        """The project in ``root``; raises DataError naming every problem in its data."""
        root = root.resolve()
        catalogue = load_catalogue(root / methods, root, root / docs)
        key = (root, methods, templates, docs)
        cached = _projects.get(key)
        if cached is None or cached.catalogue is not catalogue:
            folder = root / templates
            renderer = Renderer(folder, Glossary(catalogue.glossary))
            earlier = (cached._bodies, cached._templates_seen) if cached else ({}, ())
            cached = cls(root, root / docs, folder, catalogue, renderer, *earlier)
            _projects[key] = cached
        return cached

    def pages(self) -> list[GeneratedPage]:
        return generated_pages(self.catalogue, self.docs)

    def start_build(self) -> None:
        """Forget the bodies of the last build if the project's own templates changed since."""
        seen = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in sorted(self.templates.rglob("*.html")))
        if seen != self._templates_seen:
            self._bodies.clear()
            self._templates_seen = seen

    def _made_from(self, page: GeneratedPage) -> tuple:
        """What a page's body depends on: a method's pages on the method, the shared files
        they show and the names of the methods (a link's text); every other page on all data.
        A data file that did not change keeps its objects, so comparing is mostly `is`."""
        c = self.catalogue
        if page.method is None:
            return (c,)
        names = tuple(m.name for m in c.methods.values())
        return (c.methods[page.method], c.roles, c.sources, c.glossary, c.checklists, names)

    def render(self, page: GeneratedPage) -> str:
        """A generated page's body; a failure is reported as one line, never a traceback.
        A default page reads the pages under docs/ (the bibliography's "where used"), so it
        is rendered again at every build."""
        made_from = self._made_from(page)
        kept = self._bodies.get(page.src)
        if kept and len(kept[0]) == len(made_from) and all(a is b or a == b for a, b in zip(kept[0], made_from)):
            return kept[1]
        failed: list[str] = []
        body = str(self.guarded(f"docs/{page.src}", lambda: render_page(page, self.renderer), failed))
        if not failed and not page.default:
            self._bodies[page.src] = (made_from, body)
        return body

    def macros(self, here: Callable[[], str]) -> dict[str, Callable[..., str]]:
        """The macros hand-written pages call, bound to ``here()``: the calling page's path under docs/."""

        def bind(name: str, render: Callable[..., Markup]) -> Callable[..., str]:
            def macro(*args: Any) -> str:
                page = here()
                return str(self.guarded(f"docs/{page}: {name}()", lambda: render(page, *args)))

            macro.__name__ = name
            return macro

        macros = page_macros(self.catalogue, self.renderer, self.docs)
        return {name: bind(name, render) for name, render in macros.items()}

    def guarded(self, where: str, render: Callable[[], Markup], failed: list[str] | None = None) -> Markup:
        """Render, or log one line saying what went wrong, show it on the page, and add it to ``failed``."""
        try:
            return render()
        except LookupError as exc:  # the page asks for data the project does not have
            message = f"{where}: {exc.args[0]}"
        except jinja2.TemplateError as exc:
            message = self._template_mistake(exc) or our_fault(where, exc)
        except Exception as exc:  # a bug in our code
            message = our_fault(where, exc)
        log.error(message)
        if failed is not None:
            failed.append(message)
        return Markup('<p class="iw-error" role="alert">{}</p>').format(message)

    def _template_mistake(self, exc: jinja2.TemplateError) -> str | None:
        """A mistake in one of the project's own templates, as "file:line: problem"."""
        places = [(getattr(exc, "filename", None), getattr(exc, "lineno", None))]
        places += [(frame.f_code.co_filename, line) for frame, line in traceback.walk_tb(exc.__traceback__)]
        for filename, line in reversed(places):
            if filename and Path(filename).resolve().is_relative_to(self.templates.resolve()):
                label = Path(filename).resolve().relative_to(self.root).as_posix()
                return f"{label}:{line}: {exc.message or type(exc).__name__} (in een eigen sjabloon van dit handboek)"
        return None


_projects: dict[tuple[Path, str, str, str], Project] = {}
