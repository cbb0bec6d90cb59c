"""A Markdown extension that marks glossary terms on the hand-written pages.

It uses the same marker as the generated pages (views/glossary.py): a term is marked the
first time it appears in the page's text, not in headings, links or code, and not at
every repeat. The MkDocs plugin adds it; the Zensical build names it in the staged
configuration: ``intervisiewijzer.adapters.glossary_markdown``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..data.catalogue import SHARED_FILES
from ..data.validation import load_file
from ..views.glossary import Glossary, Marker

GLOSSARY_FILE = "_glossary.yml"
SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "script", "style", "button", "label", "summary", "dt"}

_cache: dict[tuple[Path, int], Glossary] = {}


def _glossary(methods: Path) -> Glossary:
    path = methods / GLOSSARY_FILE
    if not path.exists():
        return Glossary({})
    key = (path.resolve(), path.stat().st_mtime_ns)
    if key not in _cache:
        value, _ = load_file(SHARED_FILES[GLOSSARY_FILE], path, f"methods/{GLOSSARY_FILE}")
        _cache[key] = Glossary(value.root)
    return _cache[key]


class _Marking(Treeprocessor):
    def __init__(self, md: Markdown, methods: Path):
        super().__init__(md)
        self.methods = methods

    def run(self, root: etree.Element) -> None:
        marker = _glossary(self.methods).marker()
        self._walk(root, marker)

    def _walk(self, element: etree.Element, marker: Marker) -> None:
        children = list(element)
        if element.text and element.tag not in SKIP:
            element.text, first = self._mark(element.text, marker)
            for position, abbr in enumerate(first):
                element.insert(position, abbr)
        for child in children:
            if child.tag not in SKIP:
                self._walk(child, marker)
            if child.tail:
                child.tail, following = self._mark(child.tail, marker)
                index = list(element).index(child)
                for offset, abbr in enumerate(following, start=1):
                    element.insert(index + offset, abbr)

    def _mark(self, text: str, marker: Marker) -> tuple[str, list[etree.Element]]:
        """The plain text before the first term, and the abbr elements (with their tails)."""
        parts = marker.split(text)
        head, elements = "", []
        for part in parts:
            if isinstance(part, tuple):
                abbr = etree.Element("abbr", {"title": part[1]})
                abbr.text = part[0]
                abbr.tail = ""
                elements.append(abbr)
            elif elements:
                elements[-1].tail += part
            else:
                head += part
        return head, elements


class GlossaryExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"methods": ["methods", "The folder with _glossary.yml, relative to where the build runs."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (priority 20) and before the table of contents (5).
        md.treeprocessors.register(_Marking(md, Path(self.getConfig("methods"))), "intervisiewijzer-glossary", 8)


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
