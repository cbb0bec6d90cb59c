"""Renders one method, and the overview of all methods, as Markdown with HTML blocks.

Headings are Markdown so that they reach the table of contents; everything taken from
the data is escaped HTML (see ``markup``).
"""

from __future__ import annotations

from markupsafe import Markup

from .catalogue import Catalogue
from .markup import clock, duration, md_text, paragraphs, text
from .model import EXPERIENCE_LABELS, FACILITATOR_LABELS, GroupSize, Method, Source

METHODS_SECTION = "methoden"


def method_src(slug: str) -> str:
    """Where a method's generated page lives among the docs."""
    return f"{METHODS_SECTION}/{slug}.md"


def group_size(size: GroupSize) -> str:
    if size.max is None:
        return f"vanaf {size.min} personen"
    return f"{size.min} tot {size.max} personen"


def step_starts(method: Method) -> list[int]:
    """Minutes from the start at which each step begins."""
    starts, elapsed = [], 0
    for step in method.steps:
        starts.append(elapsed)
        elapsed += step.minutes
    return starts


def _list(items: list[str], css: str = "") -> Markup:
    attr = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup("<ul{}>{}</ul>").format(attr, Markup("").join(Markup("<li>{}</li>").format(text(i)) for i in items))


def _facts(method: Method) -> Markup:
    rows = [
        ("Doel", paragraphs(method.goal)),
        ("Past bij", _list(method.fits)),
        ("Past niet bij", _list(method.does_not_fit) if method.does_not_fit else text("geen beperking genoemd")),
        ("Groepsgrootte", text(group_size(method.group_size))),
        ("Totale tijd", text(f"{duration(method.total_minutes)}, {len(method.steps)} stappen")),
        ("Ervaring", text(EXPERIENCE_LABELS[method.experience])),
        ("Begeleiding", text(FACILITATOR_LABELS[method.facilitator])),
    ]
    body = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in rows)
    return Markup('<aside class="iw-facts" aria-label="Kenmerken van de methode"><dl>{}</dl></aside>').format(body)


def _steps_table(catalogue: Catalogue, method: Method) -> Markup:
    rows = []
    for number, (step, start) in enumerate(zip(method.steps, step_starts(method)), start=1):
        who = ", ".join(catalogue.roles[r].name for r in step.roles)
        tasks = Markup("").join(
            Markup("<li><strong>{}</strong>: {}</li>").format(catalogue.roles[r].name, text(task))
            for r, task in step.roles.items()
        )
        rows.append(
            Markup(
                '<tr class="iw-step"><td>{}</td><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td>'
                '<td>{}<ul class="iw-step-roles">{}</ul></td></tr>'
            ).format(number, text(step.title), step.minutes, clock(start), text(who), paragraphs(step.description), tasks)
        )
    head = Markup(
        '<thead><tr><th scope="col">Nr.</th><th scope="col">Stap</th><th scope="col">Min.</th>'
        '<th scope="col">Klok</th><th scope="col">Wie</th><th scope="col">Wat gebeurt er</th></tr></thead>'
    )
    foot = Markup(
        '<tfoot><tr><td></td><th scope="row">Totaal</th><td>{}</td><td>{}</td><td colspan="2"></td></tr></tfoot>'
    ).format(method.total_minutes, clock(method.total_minutes))
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table iw-steps">'
        "<table>{}<tbody>{}</tbody>{}</table></div></div>"
    ).format(head, Markup("").join(rows), foot)


def _roles(catalogue: Catalogue, method: Method) -> Markup:
    items = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(role.name, paragraphs(role.purpose))
        for _, role in catalogue.roles_of(method)
    )
    return Markup('<dl class="iw-roles">{}</dl>').format(items)


def source_item(source: Source) -> Markup:
    year = f" ({source.year})" if source.year else ""
    line = text(source.author) + year
    if source.title:
        line = Markup("{}, <cite>{}</cite>{}").format(text(source.author), text(source.title), year)
    if source.publisher:
        line += Markup(". {}").format(text(source.publisher))
    if source.note:
        line += Markup(". {}").format(text(source.note))
    return Markup("<li>{}</li>").format(line)


def render_method_page(catalogue: Catalogue, slug: str) -> str:
    method = catalogue.methods[slug]
    parts = [
        Markup('<div class="iw-lead">{}</div>').format(paragraphs(method.summary)),
        _facts(method),
        f"Om te printen: [rolkaarten]({slug}/rolkaarten.md) · [draaiboek voor de procesbegeleider]({slug}/draaiboek.md)",
        "## Stappenplan",
        _steps_table(catalogue, method),
        "## Rollen in deze methode",
        _roles(catalogue, method),
    ]
    for heading, items in (("Tips", method.tips), ("Valkuilen", method.pitfalls)):
        if items:
            parts += [f"## {heading}", _list(items)]
    if method.variants:
        variants = Markup("").join(
            Markup("<dt>{}</dt><dd>{}</dd>").format(text(v.name), paragraphs(v.description)) for v in method.variants
        )
        parts += ["## Varianten", Markup('<dl class="iw-variants">{}</dl>').format(variants)]
    if method.related:
        parts += ["## Verwante methoden"]
        parts += [f"- [{md_text(catalogue.methods[o].name)}]({o}.md)" for o in method.related]
    parts += ["## Bron", Markup('<ul class="iw-sources">{}</ul>').format(Markup("").join(map(source_item, method.sources)))]
    return "\n\n".join(str(part) for part in parts) + "\n"


def render_overview(catalogue: Catalogue) -> str:
    """All methods with their key facts, as a Markdown table (links checked by MkDocs)."""
    lines = [
        "| Methode | Tijd | Stappen | Groep | Ervaring | Begeleiding |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for slug, m in catalogue.methods.items():
        cells = [
            f"[{md_text(m.name)}]({slug}.md)",
            f"{m.total_minutes} min",
            str(len(m.steps)),
            group_size(m.group_size),
            EXPERIENCE_LABELS[m.experience],
            FACILITATOR_LABELS[m.facilitator],
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
