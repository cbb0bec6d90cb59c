"""Renders one method, and the overview of all methods, as Markdown with HTML blocks.

Headings are Markdown so that they reach the table of contents; everything taken from
the data is escaped HTML (see ``markup``).
"""

from __future__ import annotations

from markupsafe import Markup

from .catalogue import Catalogue
from .markup import clock, duration, md_text, paragraphs, scroll_table, text
from .model import EXPERIENCE_LABELS, FACILITATOR_LABELS, QUESTION_KIND_LABELS, Citation, GroupSize, Method
from .planning import shortest_time

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


def kind_label(kind: str) -> str:
    label = QUESTION_KIND_LABELS[kind]
    return label[0].upper() + label[1:]


OUR_GUIDELINE = " (richtlijn van Intervisiewijzer)"
OUR_JUDGEMENT = " (inschatting van Intervisiewijzer)"


def _facts(method: Method) -> Markup:
    rows = [("Doel", paragraphs(method.goal))]
    if method.question_kinds:
        rows.append(("Soort vraag", _list([kind_label(k) for k in method.question_kinds], "iw-kinds")))
    rows += [
        ("Past bij", _list(method.fits)),
        ("Past niet bij", _list(method.does_not_fit) if method.does_not_fit else text("geen beperking genoemd")),
        ("Groepsgrootte", text(group_size(method.group_size) + (OUR_GUIDELINE if "group_size" in method.guideline else ""))),
        (
            "Totale tijd",
            text(f"{duration(method.total_minutes)}, {len(method.steps)} stappen"
                 + (OUR_GUIDELINE if "minutes" in method.guideline else "")),
        ),
        ("Ervaring", text(EXPERIENCE_LABELS[method.experience] + OUR_JUDGEMENT)),
        ("Wie leidt", text(FACILITATOR_LABELS[method.facilitator] + OUR_JUDGEMENT)),
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
    return scroll_table("iw-steps", Markup("{}<tbody>{}</tbody>{}").format(head, Markup("").join(rows), foot))


def _roles(catalogue: Catalogue, method: Method) -> Markup:
    items = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(role.name, paragraphs(role.purpose))
        for _, role in catalogue.roles_of(method)
    )
    return Markup('<dl class="iw-roles">{}</dl>').format(items)


def source_item(catalogue: Catalogue, citation: Citation) -> Markup:
    source = catalogue.sources[citation.ref]
    details = ", ".join(str(part) for part in (source.edition, source.year) if part)
    line = Markup("{}, <cite>{}</cite>").format(text(source.author), text(source.title))
    if details:
        line += Markup(" ({})").format(text(details))
    if source.publisher:
        line += Markup(". {}").format(text(source.publisher))
    if citation.note:
        line += Markup(". {}").format(text(citation.note))
    return Markup("<li>{}</li>").format(line)


def source_list(catalogue: Catalogue, citations: list[Citation]) -> Markup:
    return Markup('<ul class="iw-sources">{}</ul>').format(Markup("").join(source_item(catalogue, c) for c in citations))


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
    if method.differs_from:
        parts += ["## Niet te verwarren met"]
        parts += [f"- [{md_text(catalogue.methods[d.method].name)}]({d.method}.md): {md_text(d.how)}" for d in method.differs_from]
    parts += ["## Bron", source_list(catalogue, method.sources)]
    return "\n\n".join(str(part) for part in parts) + "\n"


# The method chooser: filters above a list that is complete without JavaScript.
# docs/assets/chooser.js reads the data-* attributes below and hides the rows that do
# not fit; the filters' names are the keys in the address (?vraag=...&tijd=...).
GROUP_EXPERIENCE = {
    "geen": "Nog geen ervaring",
    "enige": "Enige ervaring",
    "ervaren": "Ervaren, met onderling vertrouwen",
}
LEADER_CHOICES = {
    "groepslid": "Een lid van de groep",
    "ervaren-begeleider": "Een getraind groepslid",
    "intervisor": "Een intervisor van buiten",
}
ANY = Markup('<option value="">Maakt niet uit</option>')


def _options(choices: dict[str, str], extra: str = "") -> Markup:
    return Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(value, Markup(extra.format(i=i)), label)
        for i, (value, label) in enumerate(choices.items())
    )


def _field(name: str, label: str, control: Markup) -> Markup:
    return Markup('<div class="iw-chooser__field"><label for="kies-{0}">{1}</label>{2}</div>').format(
        name, label, control
    )


def _chooser_form(catalogue: Catalogue) -> Markup:
    used = {kind for m in catalogue.methods.values() for kind in m.question_kinds}
    kinds = {kind: kind_label(kind) for kind in QUESTION_KIND_LABELS if kind in used}
    fields = [
        _field("vraag", "Soort vraag", Markup('<select id="kies-vraag" name="vraag">{}{}</select>').format(ANY, _options(kinds))),
        _field(
            "tijd",
            "Tijd die je hebt, in minuten",
            Markup('<input type="number" id="kies-tijd" name="tijd" min="1" max="600" step="1" inputmode="numeric">'),
        ),
        _field(
            "groep",
            "Aantal deelnemers",
            Markup('<input type="number" id="kies-groep" name="groep" min="2" max="100" step="1" inputmode="numeric">'),
        ),
        _field(
            "ervaring",
            "Ervaring van de groep",
            Markup('<select id="kies-ervaring" name="ervaring">{}{}</select>').format(
                ANY, _options(GROUP_EXPERIENCE, ' data-level="{i}"')
            ),
        ),
        _field(
            "begeleider",
            "Wie leidt?",
            Markup('<select id="kies-begeleider" name="begeleider">{}{}</select>').format(
                ANY, _options(LEADER_CHOICES, ' data-level="{i}"')
            ),
        ),
    ]
    return Markup(
        '<form class="iw-chooser" data-chooser hidden aria-label="Methode kiezen">'
        '<p class="iw-chooser__intro">Kies wat voor jouw groep geldt. De lijst past zich meteen aan.</p>'
        '<div class="iw-chooser__fields">{}</div>'
        '<p class="iw-chooser__actions"><button type="button" class="md-button" data-chooser-reset>Alles wissen</button> '
        '<span class="iw-chooser__count" data-chooser-count role="status"></span></p></form>'
    ).format(Markup("").join(fields))


def _chooser_row(slug: str, method: Method) -> str:
    levels = list(EXPERIENCE_LABELS)
    shortest = shortest_time([step.minutes for step in method.steps])
    attrs = Markup(
        'data-kinds="{}" data-shortest="{}" data-group-min="{}" data-group-max="{}" data-level="{}" data-leader="{}"'
    ).format(
        " ".join(method.question_kinds),
        shortest,
        method.group_size.min,
        method.group_size.max or "",
        levels.index(method.experience),
        list(FACILITATOR_LABELS).index(method.facilitator),
    )
    cells = Markup(
        '<td class="iw-chooser__time">{} min <span class="iw-chooser__shortest">kan ook in {} min</span></td>'
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
    ).format(
        method.total_minutes,
        shortest,
        group_size(method.group_size),
        EXPERIENCE_LABELS[method.experience],
        LEADER_CHOICES[method.facilitator],
        "; ".join(kind_label(k) for k in method.question_kinds),
    )
    # The link is Markdown (markdown="span", md_in_html), so that MkDocs checks it.
    return f'<tr {attrs} markdown="1"><td markdown="span">[{md_text(method.name)}]({slug}.md)</td>{cells}</tr>'


def render_overview(catalogue: Catalogue) -> str:
    """The method chooser: filters, and every method with its key facts in a table."""
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("Methode", "Tijd", "Groep", "Ervaring", "Wie leidt", "Soort vraag")
    )
    rows = "\n".join(_chooser_row(slug, m) for slug, m in catalogue.methods.items())
    table = (
        '<div class="md-typeset__scrollwrap" tabindex="0" markdown="1"><div class="md-typeset__table iw-chooser-list" markdown="1">\n'
        f'<table markdown="1">\n<thead><tr>{head}</tr></thead>\n<tbody markdown="1">\n{rows}\n</tbody>\n</table>\n'
        "</div></div>"
    )
    empty = (
        '<p class="iw-chooser__empty" data-chooser-empty hidden>Geen methode past bij al je keuzes. '
        "Zet een keuze terug op: maakt niet uit.</p>"
    )
    return f"{_chooser_form(catalogue)}\n\n{table}\n\n{empty}\n"
