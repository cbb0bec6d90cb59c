"""Macros for hand-written pages: the adapter for mkdocs-macros and Zensical's macros.

``module_name: macros`` loads this package and calls ``define_env``. Every macro renders
a view through our templates (macros.pages.page_macros); this module only binds them to
the page that calls them. The core under data/, views/ and templates/ imports nothing
from a site generator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable


def _calling_page(env: Any) -> str:
    """The source path under docs/ of the page being rendered (MkDocs or Zensical)."""
    page = env.page
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else Path(page.path).as_posix()


def define_env(env: Any) -> None:
    from .adapters.project import Project, guarded, log, our_fault
    from .data import DataError

    try:
        project = Project.load(Path(env.project_dir))
    except DataError:
        return  # the MkDocs hook reports the problems; the pages then hold no macros to run
    except Exception as exc:  # a bug in our code: one line, never a traceback
        log.error(our_fault("define_env", exc))
        return

    def bind(name: str, render: Callable[..., Any]) -> Callable[..., str]:
        def macro(*args: Any) -> str:
            here = _calling_page(env)
            return str(guarded(f"docs/{here}: {name}()", lambda: render(here, *args)))

        return macro

    for name, render in project.macros().items():
        env.macro(bind(name, render), name)
