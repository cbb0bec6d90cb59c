"""Which publications the hand-written pages cite, read from their ``sources(...)`` calls.

The bibliography lists, for each publication, every page that uses it: the pages made
from data know their citations, and a hand-written page names its publications in the
macro call ``{{ sources("id", ...) }}``. This reads those calls without running them,
so that the bibliography page can list the pages in any order of the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_CALL = re.compile(r"\{\{-?\s*sources\(([^)]*)\)\s*-?\}\}")
_ID = re.compile(r"""["']([^"']+)["']""")
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageCitations:
    """One hand-written page: its path under docs/, its title and the publications it cites."""

    src: str
    title: str
    refs: tuple[str, ...]


def _read(path: Path, src: str) -> PageCitations | None:
    text = path.read_text(encoding="utf-8")
    refs = tuple(ref for call in _CALL.findall(text) for ref in _ID.findall(call))
    if not refs:
        return None
    front = text.split("---", 2)[1] if text.startswith("---") else ""
    title = _TITLE.search(front) or _HEADING.search(text)
    return PageCitations(src, title.group(1).strip("'\"") if title else src, tuple(dict.fromkeys(refs)))


_cache: dict[Path, tuple[int, PageCitations | None]] = {}


def page_citations(docs_dir: Path) -> list[PageCitations]:
    """Every page under ``docs_dir`` that cites a publication, in path order."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else ():
        stamp = path.stat().st_mtime_ns
        cached = _cache.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, _read(path, path.relative_to(docs_dir).as_posix()))
            _cache[path] = cached
        if cached[1] is not None:
            found.append(cached[1])
    return found
