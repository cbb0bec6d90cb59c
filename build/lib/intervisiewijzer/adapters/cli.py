"""The command ``intervisiewijzer``: start a handbook, check it, build it safely, write
the editor's schemas, and build it with Zensical.

Every command works on the handbook in the current folder (or ``--project``); a mistake
is one line per problem and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

STARTER = Path(__file__).resolve().parent.parent / "starter"


def new(folder: Path) -> int:
    """Write a starter handbook into an empty (or new) folder."""
    if folder.exists() and any(folder.iterdir()):
        print(f"{folder} is niet leeg: kies een nieuwe of lege map", file=sys.stderr)
        return 1
    shutil.copytree(STARTER, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    schema(folder)
    print(f"Een nieuw handboek staat in {folder}. Ga erheen en start het met: mkdocs serve")
    return 0


def check(project: Path) -> int:
    from .build import check_data

    return 0 if check_data(project) else 1


def build(project: Path, site_dir: Path | None) -> int:
    from .build import build as safe_build

    return 0 if safe_build(site_dir or project / "site", project) else 1


def schema(project: Path) -> int:
    from ..data import DataError
    from ..data.schema import write_schemas

    try:
        written = write_schemas(project / "methods", project)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    for name in written:
        print(f"methods/_schema/{name} geschreven")
    return 0


def zensical(project: Path, site_dir: Path | None) -> int:
    from .zensical_build import build as zensical_build

    return 0 if zensical_build(site_dir or project / "site-zensical", project) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="intervisiewijzer", description="Een handboek intervisie, gemaakt van YAML.")
    parser.add_argument("--project", type=Path, default=Path("."), help="de map met mkdocs.yml (standaard: hier)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("new", help="begin een nieuw handboek in MAP").add_argument("folder", type=Path, metavar="MAP")
    commands.add_parser("check", help="controleer alleen de gegevens in methods/")
    for name, about in (("build", "bouw veilig: bij een fout blijft de vorige site staan"), ("zensical", "bouw met Zensical")):
        commands.add_parser(name, help=about).add_argument("--site-dir", type=Path)
    commands.add_parser("schema", help="schrijf de schema's voor de editor in methods/_schema/")
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.folder)
    if args.command == "check":
        return check(args.project)
    if args.command == "build":
        return build(args.project, args.site_dir)
    if args.command == "schema":
        return schema(args.project)
    return zensical(args.project, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
