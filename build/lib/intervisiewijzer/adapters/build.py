"""``intervisiewijzer build``: build a handbook safely with MkDocs.

mkdocs empties ``site_dir`` before it validates anything, and without ``--strict`` a
broken link is only a warning. So: let MkDocs read mkdocs.yml itself, build into a
temporary folder next to the target, fail on any warning or error MkDocs or a plugin
logs (the plugin logs each problem in the data as one line), and only then swap the new
site in. A failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..data import DataError, load_catalogue

SITE_URL_MISSING = (
    "Let op: SITE_URL is niet gezet. De site werkt, maar zonder canonieke adressen en met een lege sitemap. "
    "Bouw voor publicatie met SITE_URL=https://jouw-adres/ make build."
)


def check_data(root: Path, methods: str = "methods") -> bool:
    try:
        load_catalogue(root / methods, root)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return False
    return True


class _Problems(logging.Handler):
    """Every warning and error MkDocs and its plugins log during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _mkdocs_build(config_file: Path, site_dir: Path) -> list[str]:
    """Build with MkDocs in this process; the problems it logged (none: a good build)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    problems = _Problems()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(problems)
    logger.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        if not config.site_url:
            print(SITE_URL_MISSING, file=sys.stderr)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:  # MkDocs' own one-line errors (Abort is a SystemExit)
        if str(exc) and not problems.lines:
            problems.lines.append(str(exc))
        problems.lines = problems.lines or ["MkDocs brak het bouwen af"]
    finally:
        logger.removeHandler(problems)
        logger.setLevel(level)
    return problems.lines


def build(site_dir: Path, root: Path, config_file: Path | None = None) -> bool:
    """Build into ``site_dir``; True on success. On failure ``site_dir`` is left untouched."""
    root = root.resolve()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        problems = _mkdocs_build(config_file or root / "mkdocs.yml", tmp)
        if problems:
            for line in problems:
                print(line, file=sys.stderr)
            print(f"bouwen mislukt: {site_dir.name}/ is gebleven zoals het was", file=sys.stderr)
            return False
        old = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
