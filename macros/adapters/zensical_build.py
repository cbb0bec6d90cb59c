"""``python -m macros.adapters.zensical_build``: build the handbook with Zensical.

Zensical, Material's successor, reads mkdocs.yml and runs the macros, but ignores MkDocs
hooks: the pages generated from the data would be missing. So this adapter writes them
beforehand, next to a copy of docs/, with a configuration that points Zensical there and
adds the generated pages to the navigation as the MkDocs hook does. The pages are the
same; Zensical's own search is used (the Dutch tuning of the lunr search is not).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..data import DataError
from ..pages import extend_nav, front_matter
from .config import read_config
from .project import Project

ROOT = Path(__file__).resolve().parents[2]
STAGE = ".zensical"  # inside the project: Zensical wants docs and site there


def stage(project: Project, config: dict) -> Path:
    """Write docs/ and the generated pages to the stage; return the staged configuration."""
    stage_dir = project.root / STAGE
    shutil.rmtree(stage_dir, ignore_errors=True)
    docs = stage_dir / "docs"
    shutil.copytree(project.root / config.get("docs_dir", "docs"), docs, symlinks=False)
    pages = project.pages()
    for page in pages:
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{front_matter(page)}\n{project.render(page)}\n", encoding="utf-8")
    staged = dict(config, docs_dir=f"{STAGE}/docs")
    staged.pop("hooks", None)
    extend_nav(staged.get("nav") or [], pages)
    config_path = project.root / f"{STAGE}.yml"
    config_path.write_text(yaml.safe_dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_path


def build(site_dir: Path, root: Path = ROOT) -> bool:
    try:
        project = Project.load(root)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return False
    config = read_config(root)
    config["site_dir"] = os.path.relpath(site_dir.resolve(), root.resolve())
    config_path = stage(project, config)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config_path)],
            cwd=root, capture_output=True, text=True,
        )
    finally:
        shutil.rmtree(root / STAGE, ignore_errors=True)
        config_path.unlink(missing_ok=True)
    if result.returncode != 0:
        print((result.stdout + result.stderr).strip(), file=sys.stderr)
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site-zensical")
    args = parser.parse_args(argv)
    return 0 if build(args.site_dir) else 1


if __name__ == "__main__":
    sys.exit(main())
