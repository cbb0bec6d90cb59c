"""Marking glossary terms: the first time a term appears in a page's text, and only then.

One marker serves the hand-written pages (through a Markdown extension) and the pages
generated from data (through the templates), so that both mark the same words.
"""

from __future__ import annotations

import re

# A term also matches its plural ("inbrengers", "casussen" is not needed: terms are
# written as readers meet them) and a genitive "'s".
_ENDINGS = r"(?:s|en|'s)?"


class Glossary:
    """Term -> definition, and a pattern that finds any term as a whole word."""

    def __init__(self, definitions: dict[str, str]):
        self.definitions = {term: " ".join(text.split()) for term, text in definitions.items()}
        self._terms = {term.lower(): term for term in definitions}
        words = "|".join(re.escape(term) for term in sorted(definitions, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])({words}){_ENDINGS}(?![\w-])", re.IGNORECASE) if words else None

    def marker(self) -> Marker:
        """A fresh marker for one page."""
        return Marker(self)

    def definition(self, found: str) -> tuple[str, str]:
        """The term a match found, and its definition."""
        term = self._terms[found.lower()]
        return term, self.definitions[term]


class Marker:
    """Splits a page's texts into plain parts and first uses of terms, in reading order."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.seen: set[str] = set()

    def split(self, text: str) -> list[str | tuple[str, str]]:
        """``text`` as plain strings and (word as written, definition) for each first use."""
        pattern = self.glossary.pattern
        if pattern is None:
            return [text]
        parts: list[str | tuple[str, str]] = []
        position = 0
        for match in pattern.finditer(text):
            term, definition = self.glossary.definition(match.group(1))
            if term in self.seen:
                continue
            self.seen.add(term)
            parts += [text[position : match.start()], (match.group(0), definition)]
            position = match.end()
        parts.append(text[position:])
        return [part for part in parts if part != ""]
