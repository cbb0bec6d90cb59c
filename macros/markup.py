"""Turning data text into safe HTML or Markdown.

Data text is never template source and never raw HTML: it is escaped here, so that
``<script>`` or ``{{ 7*7 }}`` in a YAML file shows up on the page as those characters.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|])")


def text(value: str) -> Markup:
    """Escaped text for use inside HTML; braces become entities so no template sees them."""
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def paragraphs(value: str) -> Markup:
    """Escaped text as HTML paragraphs (blank lines separate paragraphs)."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(text(p)) for p in parts)


def md_text(value: str) -> str:
    """Text safe for inline Markdown: every Markdown, HTML and template character escaped."""
    return str(text(_MD_SPECIAL.sub(r"\\\1", value)))


def scroll_table(css: str, inner: Markup) -> Markup:
    """A table in Material's scroll wrapper. The wrapper takes keyboard focus, so a table
    wider than the screen can be scrolled without a mouse (axe: scrollable-region-focusable)."""
    return Markup(
        '<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table {}"><table>{}</table></div></div>'
    ).format(css, inner)


def clock(minutes: int) -> str:
    """Minutes from the start as a clock time: 75 -> ``1:15``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """Minutes in words a reader scans: 74 -> ``74 minuten (1 uur 14 min)``."""
    if minutes < 60:
        return f"{minutes} minuten"
    hours, rest = divmod(minutes, 60)
    return f"{minutes} minuten ({hours} uur" + (f" {rest} min)" if rest else ")")
