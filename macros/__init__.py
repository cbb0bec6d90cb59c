"""Macros for mkdocs-macros (``module_name: macros``): a thin adapter over the core.

The core (model, catalogue, rendering) imports nothing from MkDocs, so that this module
and ``mkdocs_hook`` are all that a move to another generator has to replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def define_env(env: Any) -> None:
    from .catalogue import load_catalogue
    from .handbook_pages import render_comparison, render_glossary
    from .method_page import render_method_page, render_overview

    root = Path(env.project_dir)

    def catalogue():
        return load_catalogue(root / "methods", root)

    @env.macro
    def method_page(slug: str) -> str:
        return render_method_page(catalogue(), slug)

    @env.macro
    def method_overview() -> str:
        return render_overview(catalogue())

    @env.macro
    def comparison_table() -> str:
        comparison = catalogue().comparison
        if comparison is None:
            raise ValueError("methods/_comparison.yml is missing")
        return render_comparison(comparison)

    @env.macro
    def glossary() -> str:
        return render_glossary(catalogue().glossary)
