"""Intervisiewijzer: a handbook of intervisie methods, made from YAML data.

Under MkDocs the plugin (adapters/mkdocs_plugin.py) does everything, the macros of the
hand-written pages included. ``define_env`` serves generators that load macros from a
module instead: Zensical (``modules: [intervisiewijzer]``, written by the Zensical
build) and mkdocs-macros without the plugin. The core under data/, views/ and
templates/ imports nothing from a site generator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _calling_page(env: Any) -> str:
    """The source path under docs/ of the page being rendered (MkDocs or Zensical)."""
    page = env.page
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else Path(page.path).as_posix()


def define_env(env: Any) -> None:
    from .adapters.project import Project, log, our_fault
    from .data import DataError

    settings = (env.variables.get("extra") or {}).get("intervisiewijzer") or {}
    try:
        project = Project.load(Path(env.project_dir), **settings)
    except DataError:
        return  # the build reports the problems; the pages then hold no macros to run
    except Exception as exc:  # a bug in our code: one line, never a traceback
        log.error(our_fault("define_env", exc))
        return
    for name, macro in project.macros(lambda: _calling_page(env)).items():
        env.macro(macro, name)
