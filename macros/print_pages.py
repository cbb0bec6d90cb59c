"""Printable pages derived from the data: role cards, draaiboeken and checklists.

Nothing here is typed twice: a method's role cards and its draaiboek come from its
steps, the generic deck from the roles file, the draaiboek's opening and closing from
two checklists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from .catalogue import Catalogue
from .handbook_data import Checklist, ChecklistSection
from .markup import clock, text
from .method_page import step_starts
from .model import Method, Role, Source

CARDS_PER_SHEET = 4
BEFORE_MEETING = "voorbereiding-bijeenkomst"
AFTER_MEETING = "afsluiting-bijeenkomst"
_EMPTY = Markup("")

PRINT_BUTTON = Markup(
    '<p class="iw-print-actions"><button type="button" class="md-button md-button--primary" data-print hidden>'
    "Afdrukken</button></p>"
)


def _join(parts: Iterable[Markup]) -> Markup:
    return _EMPTY.join(parts)


def _items(values: list[str]) -> Markup:
    return _join(Markup("<li>{}</li>").format(text(v)) for v in values)


def source_line(sources: list[Source]) -> str:
    return "; ".join(f"{s.author}, {s.title}" if s.title else s.author for s in sources)


def sheets_needed(cards: int) -> int:
    return -(-cards // CARDS_PER_SHEET)


def sheets(cards: list[Markup]) -> Markup:
    """Cards grouped four to an A4 sheet, so that print never splits a card over two sheets."""
    groups = [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
    body = _join(Markup('<div class="card-sheet">{}</div>').format(_join(group)) for group in groups)
    return Markup('<div class="role-cards">{}</div>').format(body)


# Lines of text (at 62 characters) a card holds at each type size; see print.css.
CARD_CAPACITY = {"normal": 26, "compact": 36, "dense": 44}
_LINE = 62


def card_lines(blocks: Iterable[str]) -> int:
    """A rough count of the printed lines a card's text blocks take."""
    return sum(-(-len(block) // _LINE) for block in blocks)


def card_density(lines: int, name: str) -> str:
    for density, capacity in CARD_CAPACITY.items():
        if lines <= capacity:
            return density
    raise ValueError(f"the role card '{name}' is too long for an A6 card ({lines} lines, at most {capacity})")


def _card(heading: str, role: Role, body: Markup, footer: str) -> Markup:
    tips = _EMPTY
    if role.dos:
        tips += Markup('<p class="role-card__label">Doen</p><ul class="role-card__dos">{}</ul>').format(_items(role.dos))
    if role.donts:
        tips += Markup('<p class="role-card__label">Niet doen</p><ul class="role-card__donts">{}</ul>').format(
            _items(role.donts)
        )
    blocks = [heading, role.name, role.name, role.purpose, footer, *role.dos, *role.donts]
    blocks += ["label"] * (bool(role.dos) + bool(role.donts)) + _text_blocks(body)
    density = card_density(card_lines(blocks), f"{heading}: {role.name}")
    return Markup(
        '<article class="role-card role-card--{}"><header><p class="role-card__method">{}</p><h2 class="role-card__role">{}</h2>'
        '</header><p class="role-card__purpose">{}</p>{}{}<footer class="role-card__footer">{}</footer></article>'
    ).format(density, text(heading), text(role.name), text(role.purpose), body, tips, text(footer))


def _text_blocks(body: Markup) -> list[str]:
    """The text of each list item and paragraph in a card body, for ``card_lines``."""
    return [re.sub(r"<[^>]+>", "", part) for part in re.split(r"</li>|</p>", str(body)) if part.strip()]


def method_role_cards(catalogue: Catalogue, method: Method) -> list[Markup]:
    cards = []
    for role_id, role in catalogue.roles_of(method):
        steps = _join(
            Markup('<li value="{}"><span class="role-card__min">{} min</span> <strong>{}</strong>: {}</li>').format(
                number, step.minutes, text(step.title), text(step.roles[role_id])
            )
            for number, step in enumerate(method.steps, start=1)
            if role_id in step.roles
        )
        body = Markup('<ol class="role-card__steps">{}</ol>').format(steps)
        if role.example_questions:
            body += Markup('<p class="role-card__label">Voorbeeldvragen</p><ul>{}</ul>').format(
                _items(role.example_questions[:3])
            )
        footer = f"{method.name} · {method.total_minutes} min · Bron: {source_line(method.sources)}"
        cards.append(_card(method.name, role, body, footer))
    return cards


def render_role_cards(catalogue: Catalogue, slug: str) -> str:
    method = catalogue.methods[slug]
    cards = method_role_cards(catalogue, method)
    intro = Markup(
        '<p class="iw-screen-only">{} kaarten, vier per A4. Knip langs de lijnen. '
        'Op elke kaart staat wat die rol in iedere stap doet.</p>'
    ).format(len(cards))
    return f"{PRINT_BUTTON}\n\n{intro}\n\n{sheets(cards)}\n"


def render_role_deck(catalogue: Catalogue) -> str:
    cards = []
    for role in catalogue.roles.values():
        body = Markup('<ul class="role-card__tasks">{}</ul>').format(_items(role.tasks))
        if role.example_questions:
            body += Markup('<p class="role-card__label">Voorbeeldvragen</p><ul>{}</ul>').format(
                _items(role.example_questions)
            )
        cards.append(_card("Rollen bij intervisie", role, body, "Intervisiewijzer · rol voor iedere methode"))
    return f"{PRINT_BUTTON}\n\n{sheets(cards)}\n"


def checkbox(box_id: str, label: Markup) -> Markup:
    return Markup(
        '<li class="iw-check"><input type="checkbox" id="{0}" data-keep><label for="{0}">{1}</label></li>'
    ).format(box_id, label)


def _section(prefix: str, section: ChecklistSection, heading: str = "h2") -> Markup:
    checks = _join(checkbox(f"{prefix}-{i}", text(item)) for i, item in enumerate(section.checks, start=1))
    fields = _join(
        Markup(
            '<div class="iw-field"><label for="{0}">{1}</label>'
            '<textarea id="{0}" rows="{2}" data-keep style="--lines: {2}"></textarea></div>'
        ).format(f"{prefix}-q{i}", text(q.label), q.lines)
        for i, q in enumerate(section.questions, start=1)
    )
    checks_html = Markup('<ul class="iw-checklist">{}</ul>').format(checks) if section.checks else _EMPTY
    return Markup('<section class="iw-checklist-section"><{0}>{1}</{0}>{2}{3}</section>').format(
        Markup(heading), text(section.title), checks_html, fields
    )


def _sections(prefix: str, checklist: Checklist, heading: str = "h2") -> Markup:
    return _join(_section(f"{prefix}{n}", s, heading) for n, s in enumerate(checklist.sections, start=1))


def render_checklist(catalogue: Catalogue, checklist_id: str) -> str:
    checklist = catalogue.checklists[checklist_id]
    parts = [PRINT_BUTTON, Markup('<p class="iw-lead">{}</p>').format(text(checklist.description))]
    parts.append(_sections("c", checklist))
    if checklist.source:
        parts.append(Markup('<p class="iw-source">Bron: {}</p>').format(text(checklist.source)))
    return "\n\n".join(map(str, parts)) + "\n"


def _step_rows(method: Method) -> Markup:
    rows = []
    for number, (step, start) in enumerate(zip(method.steps, step_starts(method)), start=1):
        facilitator = step.roles.get("procesbegeleider")
        say = text(facilitator) if facilitator else Markup("<em>Geen eigen taak: bewaak de tijd.</em>")
        rows.append(
            Markup(
                '<tr><td><input type="checkbox" id="stap-{0}" data-keep aria-label="Stap {0} gedaan"></td>'
                '<td class="iw-clock" data-offset="{1}">{2}</td><td>{3}</td>'
                '<th scope="row">{0}. {4}</th><td>{5}</td><td>{6}</td></tr>'
            ).format(number, start, clock(start), step.minutes, text(step.title), text(step.description), say)
        )
    end = method.total_minutes
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table iw-script"><table>'
        '<thead><tr><th scope="col"><span class="iw-visually-hidden">Gedaan</span></th><th scope="col">Klok</th>'
        '<th scope="col">Min.</th><th scope="col">Stap</th><th scope="col">Wat gebeurt er</th>'
        '<th scope="col">Jij als procesbegeleider</th></tr></thead><tbody>{}</tbody>'
        '<tbody class="iw-script-end"><tr><td></td><td class="iw-clock" data-offset="{}">{}</td><td>{}</td>'
        '<th scope="row">Einde</th><td colspan="2"></td></tr></tbody></table></div></div>'
    ).format(_join(rows), end, clock(end), end)


def render_draaiboek(catalogue: Catalogue, slug: str) -> str:
    method = catalogue.methods[slug]
    start = Markup(
        '<p class="iw-start-time"><label for="iw-start">Begintijd</label> '
        '<input type="time" id="iw-start" value="00:00" step="60" data-start-time data-keep> '
        '<span class="iw-screen-only">De klok rekent vanaf de begintijd.</span></p>'
    )
    parts: list[str | Markup] = [
        PRINT_BUTTON,
        Markup('<p class="iw-lead">Draaiboek voor de procesbegeleider. {} stappen, samen {} minuten.</p>').format(
            len(method.steps), method.total_minutes
        ),
        start,
    ]
    before = catalogue.checklists.get(BEFORE_MEETING)
    if before:
        parts += ["## Voor de bijeenkomst", _sections("voor", before, "h3")]
    parts += ["## Stappen", _step_rows(method)]
    after = catalogue.checklists.get(AFTER_MEETING)
    if after:
        parts += ["## Afsluiting", _sections("na", after, "h3")]
    parts.append(Markup('<p class="iw-source">Bron: {}</p>').format(text(source_line(method.sources))))
    return "\n\n".join(map(str, parts)) + "\n"
