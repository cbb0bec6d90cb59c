"""One handbook project as the adapters see it: its data, loaded once, and a renderer
with its overrides and glossary. Shared by the MkDocs hook, the macros and the Zensical
build, so that each of them stays a few lines."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup

from ..data import Catalogue, load_catalogue
from ..data.schema import write_schemas
from ..pages import GeneratedPage, generated_pages, page_macros, render_page
from ..rendering import Renderer
from ..views.glossary import Glossary

log = logging.getLogger("mkdocs.plugins.intervisiewijzer")
REPORT = "dit is een fout in Intervisiewijzer zelf: meld hem met deze regel"


def our_fault(where: str, exc: Exception) -> str:
    """The one line for a failure in our own code: where, what, and a pointer to report it."""
    return f"{where}: {type(exc).__name__}: {exc} ({REPORT})"


@dataclass
class Project:
    root: Path
    catalogue: Catalogue
    renderer: Renderer

    @classmethod
    def load(cls, root: Path) -> Project:
        """The project in ``root``; raises DataError naming every problem in its data."""
        root = root.resolve()
        catalogue = load_catalogue(root / "methods", root)
        cached = _projects.get(root)
        if cached is None or cached.catalogue is not catalogue:
            # The editor's schemas follow the data: they list its roles, methods and sources.
            write_schemas(root / "methods", catalogue)
            cached = cls(root, catalogue, Renderer(root, Glossary(catalogue.glossary)))
            _projects[root] = cached
        return cached

    def pages(self) -> list[GeneratedPage]:
        return generated_pages(self.catalogue)

    def render(self, page: GeneratedPage) -> str:
        """A generated page's body; a failure is reported as one line, never a traceback."""
        return str(guarded(f"docs/{page.src}", lambda: render_page(page, self.renderer)))

    def macros(self) -> dict[str, Callable[..., Any]]:
        return page_macros(self.catalogue, self.renderer)


_projects: dict[Path, Project] = {}


def guarded(where: str, render: Callable[[], Markup]) -> Markup:
    """Render, or log one line saying what went wrong and show it on the page."""
    try:
        return render()
    except LookupError as exc:
        message = f"{where}: {exc.args[0]}"
    except Exception as exc:  # a bug in our code
        message = our_fault(where, exc)
    log.error(message)
    return Markup('<p class="iw-error" role="alert">{}</p>').format(message)
