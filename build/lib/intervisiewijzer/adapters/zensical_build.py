"""``intervisiewijzer zensical``: build the handbook with Zensical, Material's successor.

Zensical reads mkdocs.yml and runs the macros, but it runs no MkDocs plugin: the pages
made from the data, our theme partials and assets would be missing. So this adapter does
beforehand what the plugin does during a MkDocs build: it writes the generated pages next
to a copy of docs/, lays our theme under the project's own, and hands Zensical a
configuration with those and with our macros module. mkdocs.yml is read by Zensical's
own loader, so every configuration Zensical accepts stays as it is. The pages are the
same; Zensical's own search is used (the Dutch tuning of the lunr search is not).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ..data import DataError
from ..pages import extend_nav, front_matter
from .mkdocs_plugin import ASSETS, SCRIPTS, STYLESHEETS, THEME
from .project import METHODS, TEMPLATES, Project

STAGE = ".zensical"  # inside the project: Zensical wants docs and site there
PLUGIN = "intervisiewijzer"


def _plugins(config: dict[str, Any]) -> list[Any]:
    plugins = config.get("plugins") or []
    return [{name: value} for name, value in plugins.items()] if isinstance(plugins, dict) else list(plugins)


def _settings(plugins: list[Any]) -> dict[str, str]:
    """The plugin's own settings in mkdocs.yml (methods, templates), with their defaults."""
    for item in plugins:
        if isinstance(item, dict) and PLUGIN in item:
            return {"methods": METHODS, "templates": TEMPLATES, **(item[PLUGIN] or {})}
    return {"methods": METHODS, "templates": TEMPLATES}


def _with_our_macros(plugins: list[Any]) -> list[Any]:
    """The plugins without ours (Zensical runs none), and mkdocs-macros loading our module."""
    staged, found = [], False
    for item in plugins:
        name = item if isinstance(item, str) else next(iter(item))
        if name == PLUGIN:
            continue
        if name == "macros":
            options = {} if isinstance(item, str) else dict(item[name] or {})
            options["modules"] = [*options.get("modules", []), PLUGIN]
            item, found = {"macros": options}, True
        staged.append(item)
    return staged if found else [*staged, {"macros": {"modules": [PLUGIN], "render_by_default": False}}]


def stage(project: Project, config: dict[str, Any], settings: dict[str, str]) -> Path:
    """Write docs/, the generated pages and the theme to the stage; return the staged configuration."""
    root = project.root
    stage_dir = root / STAGE
    shutil.rmtree(stage_dir, ignore_errors=True)
    docs, theme = stage_dir / "docs", stage_dir / "theme"
    shutil.copytree(project.docs, docs)
    pages = [page for page in project.pages() if not (page.default and (docs / page.src).exists())]
    for page in pages:
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{front_matter(page)}\n{project.render(page)}\n", encoding="utf-8")
    shutil.copytree(THEME, theme)
    own_theme = (config.get("theme") or {}).get("custom_dir")
    if own_theme:
        shutil.copytree(root / own_theme, theme, dirs_exist_ok=True)
    staged = dict(config)
    staged.pop("hooks", None)
    staged.update(
        docs_dir=f"{STAGE}/docs",
        site_dir=f"{STAGE}/site",  # Zensical builds only inside the project; build() moves it
        plugins=_with_our_macros(_plugins(config)),
        theme={**(config.get("theme") or {}), "custom_dir": f"{STAGE}/theme"},
        extra_css=[f"{ASSETS}/{name}" for name in STYLESHEETS] + list(config.get("extra_css") or []),
        extra_javascript=[f"{ASSETS}/{name}" for name in SCRIPTS] + list(config.get("extra_javascript") or []),
        markdown_extensions=[
            *(config.get("markdown_extensions") or []),
            {"intervisiewijzer.adapters.glossary_markdown": {"methods": str(root / settings["methods"])}},
        ],
        extra={**(config.get("extra") or {}), PLUGIN: settings},
    )
    if config.get("nav"):
        extend_nav(staged["nav"], pages)
    config_path = root / f"{STAGE}.yml"
    # The full Dumper writes a function (Material's emoji settings) back as !!python/name.
    config_path.write_text(yaml.dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_path


def build(site_dir: Path, root: Path) -> bool:
    try:
        from zensical.config import _yaml_load  # Zensical's own reading of mkdocs.yml
    except ImportError:
        print("Zensical is niet geïnstalleerd: pip install 'intervisiewijzer[zensical]'", file=sys.stderr)
        return False
    root = root.resolve()
    with (root / "mkdocs.yml").open(encoding="utf-8") as source:
        config = _yaml_load(source)
    settings = _settings(_plugins(config))
    try:
        project = Project.load(root, settings["methods"], settings["templates"], config.get("docs_dir", "docs"))
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return False
    config_path = stage(project, config, settings)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config_path)],
            cwd=root, capture_output=True, text=True,
        )
        if result.returncode != 0:
            print((result.stdout + result.stderr).strip(), file=sys.stderr)
            return False
        site_dir = site_dir.resolve()
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(root / STAGE / "site", site_dir)
        return True
    finally:
        shutil.rmtree(root / STAGE, ignore_errors=True)
        config_path.unlink(missing_ok=True)
