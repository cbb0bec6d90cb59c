"""Our own Jinja environment for the templates in macros/templates/.

Data text is never template source: the templates are the only source, and every value
they print is escaped (autoescape), with braces turned into entities (finalize) so that
no later template engine (the macros plugin, a theme) sees ``{{`` in data. An unknown
name in a template is an error (StrictUndefined), not an empty string.

An organisation restyles a part of a page by putting a template of the same name in its
own templates folder (``overrides/intervisiewijzer/``, for example ``method/facts.html``):
it is found first. Its template may extend ours and replace one block:
``{% extends "_base/method/page.html" %}`` always names the template that ships here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup, escape

from .views.glossary import Glossary, Marker

TEMPLATES = Path(__file__).parent / "templates"


def text(value: Any) -> Markup:
    """A value as escaped HTML; braces become entities so that no template sees them."""
    if isinstance(value, Markup):
        return value
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def _finalize(value: Any) -> Any:
    return "" if value is None else text(value)


def clock(minutes: int) -> str:
    """Minutes as a time of day or an offset: 75 -> "1:15", 1170 -> "19:30"."""
    minutes %= 24 * 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def hhmm(minutes: int) -> str:
    """A time of day as a time field wants it: 570 -> "09:30"."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """Minutes in words a reader scans: 74 -> "74 minuten (1 uur 14 min)"."""
    if minutes < 60:
        return f"{minutes} minuten"
    hours, rest = divmod(minutes, 60)
    return f"{minutes} minuten ({hours} uur" + (f" {rest} min)" if rest else ")")


def paragraphs(value: str, marker: Marker | None = None) -> Markup:
    """Text as HTML paragraphs; a blank line starts a new paragraph."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(prose(" ".join(p.split()), marker)) for p in parts)


def prose(value: str, marker: Marker | None = None) -> Markup:
    """Running text, with the first use of each glossary term marked for the reader."""
    if marker is None:
        return text(value)
    out = Markup("")
    for part in marker.split(value):
        if isinstance(part, tuple):
            out += Markup('<abbr title="{}">{}</abbr>').format(text(part[1]), text(part[0]))
        else:
            out += text(part)
    return out


def _environment(own: Path | None) -> Environment:
    ours = FileSystemLoader(TEMPLATES)
    loaders = [FileSystemLoader(own)] if own is not None and own.is_dir() else []
    loaders += [ours, PrefixLoader({"_base": ours})]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(clock=clock, hhmm=hhmm, duration=duration)
    return env


# One environment per templates folder: its compiled templates outlive a change of data
# (the dev server reloads the data at every edit); Jinja reloads a template that changed.
_environments: dict[Path | None, Environment] = {}


class Renderer:
    """Renders the templates, with a project's own templates (``own``) found first."""

    def __init__(self, own: Path | None = None, glossary: Glossary | None = None):
        self.glossary = glossary
        if own not in _environments:
            _environments[own] = _environment(own)
        self.env = _environments[own]

    def render(self, template: str, **context: Any) -> Markup:
        """One template, with a fresh glossary marker: terms are marked once per render."""
        marker = self.glossary.marker() if self.glossary else None
        context.update(
            prose=lambda value: prose(value, marker),
            paragraphs=lambda value: paragraphs(value, marker),
        )
        return Markup(self.env.get_template(template).render(**context))
