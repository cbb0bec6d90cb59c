"""``python -m macros.adapters.build``: build the site safely with MkDocs.

mkdocs empties ``site_dir`` before it validates anything, and with ``--strict -q`` it
can exit 0 although warnings were logged. So: check the data first (one line per
problem), build into a temporary folder next to the target, fail on any warning or
error in mkdocs' log, and only then swap the new site in. A failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..data import DataError, load_catalogue
from .config import read_config

ROOT = Path(__file__).resolve().parents[2]
_LOG_PROBLEM = re.compile(r"^(WARNING|ERROR|CRITICAL)\b|Aborted|Traceback", re.MULTILINE)


def check_data(root: Path = ROOT) -> bool:
    try:
        load_catalogue(root / "methods", root)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return False
    return True


def _mkdocs_problems(output: str) -> list[str]:
    """Warning and error lines from mkdocs' log, with their indented continuation lines."""
    problems, inside = [], False
    for line in output.splitlines():
        if _LOG_PROBLEM.search(line) and "Material for MkDocs" not in line:
            problems.append(line)
            inside = True
        elif inside and line[:1].isspace():
            problems.append(line)
        else:
            inside = False
    return problems


def build(site_dir: Path, root: Path = ROOT, config: Path | None = None) -> bool:
    """Build into ``site_dir``; True on success. On failure ``site_dir`` is left untouched."""
    if not check_data(root):
        return False
    if not read_config(root).get("site_url"):
        print(
            "Let op: SITE_URL is niet gezet. De site werkt, maar zonder canonieke adressen en met een lege sitemap. "
            "Bouw voor publicatie met SITE_URL=https://jouw-adres/ make build.",
            file=sys.stderr,
        )
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(tmp)]
        if config:
            command += ["--config-file", str(config)]
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        problems = _mkdocs_problems(result.stdout + result.stderr)
        if result.returncode != 0 or problems:
            for line in problems or (result.stdout + result.stderr).strip().splitlines()[-5:]:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the data files")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    ok = check_data() if args.check else build(args.site_dir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
