"""Macros for mkdocs-macros (``module_name: macros``): a thin adapter over the core.

The core (model, catalogue, rendering) imports nothing from MkDocs, so that this module
and ``mkdocs_hook`` are all that a move to another generator has to replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable


def define_env(env: Any) -> None:
    from .catalogue import load_catalogue
    from .handbook_pages import render_bibliography, render_comparison, render_glossary, render_sources
    from .method_page import render_method_page, render_overview
    from .pages import render_checklist_index, render_print_index
    from .print_pages import render_checklist, render_draaiboek, render_role_cards, render_role_deck, render_series_planner
    from .training_pages import (
        render_learning_path,
        render_practice_cases,
        render_self_assessment,
        render_series_plan,
        render_trainee_overview,
        render_trainer_overview,
        render_training_handout,
        render_training_module,
    )

    root = Path(env.project_dir)
    # Macro name -> renderer; each renderer takes the catalogue and the macro's arguments.
    renderers: dict[str, Callable[..., str]] = {
        "method_page": render_method_page,
        "method_overview": render_overview,
        "comparison_table": render_comparison,
        "glossary": render_glossary,
        "sources": render_sources,
        "bibliography": render_bibliography,
        "role_cards": render_role_cards,
        "role_deck": render_role_deck,
        "draaiboek": render_draaiboek,
        "checklist": render_checklist,
        "checklist_index": render_checklist_index,
        "print_index": render_print_index,
        "series_planner": render_series_planner,
        "training_module": render_training_module,
        "training_handout": render_training_handout,
        "learning_path": render_learning_path,
        "trainer_overview": render_trainer_overview,
        "trainee_overview": render_trainee_overview,
        "self_assessment": render_self_assessment,
        "practice_cases": render_practice_cases,
        "series_plan": render_series_plan,
    }

    # Loaded once per build (define_env runs at every build, also under `mkdocs serve`),
    # not once per macro call: a call per page would make the build quadratic.
    catalogue = load_catalogue(root / "methods", root)

    def bind(render: Callable[..., str]) -> Callable[..., str]:
        return lambda *args: render(catalogue, *args)

    for name, render in renderers.items():
        env.macro(bind(render), name)
