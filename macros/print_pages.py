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
from .markup import clock, scroll_table, text
from .method_page import step_starts
from .model import Citation, Method, Role
from .planning import SERIES_ROLES, rotation, shortest_time

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


def source_line(catalogue: Catalogue, citations: list[Citation]) -> str:
    """The cited publications on one line, for paper: 'Author, Title (year)'."""
    sources = [catalogue.sources[c.ref] for c in citations]
    return "; ".join(f"{s.author}, {s.title}" + (f" ({s.year})" if s.year else "") for s in sources)


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


def _card(heading: str, role_id: str, role: Role, body: Markup, footer: str) -> Markup:
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
        '<article class="role-card role-card--{}"><header><p class="role-card__method">{}</p><h2 class="role-card__role" id="rol-{}">{}</h2>'
        '</header><p class="role-card__purpose">{}</p>{}{}<footer class="role-card__footer">{}</footer></article>'
    ).format(density, text(heading), role_id, text(role.name), text(role.purpose), body, tips, text(footer))


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
        footer = f"{method.name} · {method.total_minutes} min · Bron: {source_line(catalogue, method.sources)}"
        cards.append(_card(method.name, role_id, role, body, footer))
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
    for role_id, role in catalogue.roles.items():
        body = Markup('<ul class="role-card__tasks">{}</ul>').format(_items(role.tasks))
        if role.example_questions:
            body += Markup('<p class="role-card__label">Voorbeeldvragen</p><ul>{}</ul>').format(
                _items(role.example_questions)
            )
        cards.append(_card("Rollen bij intervisie", role_id, role, body, "Intervisiewijzer · rol voor iedere methode"))
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
    if checklist.sources:
        parts.append(Markup('<p class="iw-source">Bron: {}</p>').format(text(source_line(catalogue, checklist.sources))))
    return "\n\n".join(map(str, parts)) + "\n"


def _step_rows(method: Method) -> Markup:
    rows = []
    for number, (step, start) in enumerate(zip(method.steps, step_starts(method)), start=1):
        facilitator = step.roles.get("procesbegeleider")
        say = text(facilitator) if facilitator else Markup("<em>Geen eigen taak: bewaak de tijd.</em>")
        rows.append(
            Markup(
                '<tr><td><input type="checkbox" id="stap-{0}" data-keep aria-label="Stap {0} gedaan"></td>'
                '<td class="iw-clock" data-offset="{1}">{2}</td><td class="iw-minutes" data-minutes="{3}">{3}</td>'
                '<th scope="row">{0}. {4}</th><td>{5}</td><td>{6}</td></tr>'
            ).format(number, start, clock(start), step.minutes, text(step.title), text(step.description), say)
        )
    end = method.total_minutes
    return scroll_table(
        "iw-script",
        Markup(
            '<thead><tr><th scope="col"><span class="iw-visually-hidden">Gedaan</span></th><th scope="col">Klok</th>'
            '<th scope="col">Min.</th><th scope="col">Stap</th><th scope="col">Wat gebeurt er</th>'
            '<th scope="col">Jij als procesbegeleider</th></tr></thead><tbody>{}</tbody>'
            '<tbody class="iw-script-end"><tr><td></td><td class="iw-clock" data-offset="{}">{}</td><td class="iw-minutes">{}</td>'
            '<th scope="row">Einde</th><td colspan="2"></td></tr></tbody>'
        ).format(_join(rows), end, clock(end), end),
    )


# Times offered as buttons in the session planner, besides the method's own.
SESSION_TIMES = (60, 90, 120)


def session_planner(method: Method) -> Markup:
    """Controls that fit the steps to the time available; docs/assets/planner.js runs them.

    Hidden without JavaScript: the draaiboek then shows the method's own times.
    """
    own = method.total_minutes
    shortest = shortest_time([step.minutes for step in method.steps])
    buttons = _join(
        Markup('<button type="button" class="md-button" data-plan-time="{0}" aria-pressed="false">{0} min</button>').format(t)
        for t in sorted({own, *SESSION_TIMES})
    )
    return Markup(
        '<div class="iw-session-planner iw-screen-only" data-session-planner data-own="{0}" data-shortest="{1}" hidden>'
        '<p class="iw-session-planner__time"><label for="iw-duration">Tijd die je hebt, in minuten</label> '
        '<input type="number" id="iw-duration" min="1" max="600" step="1" value="{0}" inputmode="numeric" '
        'aria-describedby="iw-duration-status" data-keep></p>'
        '<p class="iw-session-planner__choices" role="group" aria-label="Kies een tijd">{2}</p>'
        '<p id="iw-duration-status" class="iw-session-planner__status" role="status">'
        "De methode duurt zelf {0} minuten. Korter dan {1} minuten kan niet.</p></div>"
    ).format(own, shortest, buttons)


def render_draaiboek(catalogue: Catalogue, slug: str) -> str:
    method = catalogue.methods[slug]
    start = Markup(
        '<p class="iw-start-time"><label for="iw-start">Begintijd</label> '
        '<input type="time" id="iw-start" value="00:00" step="60" data-start-time data-keep> '
        '<span class="iw-screen-only">De klok rekent vanaf de begintijd.</span></p>'
    )
    parts: list[str | Markup] = [
        PRINT_BUTTON,
        Markup(
            '<p class="iw-lead">Draaiboek voor de procesbegeleider. {} stappen, samen <span data-plan-total>{}</span> minuten.</p>'
        ).format(len(method.steps), method.total_minutes),
        start,
        session_planner(method),
    ]
    before = catalogue.checklists.get(BEFORE_MEETING)
    if before:
        parts += ["## Voor de bijeenkomst", _sections("voor", before, "h3")]
    parts += ["## Stappen", _step_rows(method)]
    after = catalogue.checklists.get(AFTER_MEETING)
    if after:
        parts += ["## Afsluiting", _sections("na", after, "h3")]
    parts.append(Markup('<p class="iw-source">Bron: {}</p>').format(text(source_line(catalogue, method.sources))))
    return "\n\n".join(map(str, parts)) + "\n"


# ---- Series planner ---------------------------------------------------------------
# docs/assets/planner.js fills the schedule from the form, in the browser only. Without
# JavaScript the page shows an example, made here by the same rotation.
SERIES_EXAMPLE = (6, 6, 4)  # participants, meetings, weeks between meetings
MAX_PARTICIPANTS = 15
MAX_MEETINGS = 20


def schedule_table(catalogue: Catalogue, meetings: list[tuple[str, dict[str, str]]]) -> Markup:
    """A series as a table: one row per meeting (its label, then who holds each role)."""
    head = _join(
        Markup('<th scope="col" data-role="{}">{}</th>').format(role_id, catalogue.roles[role_id].name)
        for role_id in SERIES_ROLES
    )
    rows = _join(
        Markup('<tr><th scope="row">{}</th>{}</tr>').format(
            label, _join(Markup("<td>{}</td>").format(holders.get(r, "–")) for r in SERIES_ROLES)
        )
        for label, holders in meetings
    )
    return scroll_table(
        "iw-series-table",
        Markup('<thead><tr><th scope="col">Bijeenkomst</th>{}</tr></thead><tbody>{}</tbody>').format(head, rows),
    )


def _number(name: str, label: str, value: int, low: int, high: int) -> Markup:
    return Markup(
        '<div class="iw-field"><label for="iw-{0}">{1}</label>'
        '<input type="number" id="iw-{0}" min="{3}" max="{4}" step="1" value="{2}" inputmode="numeric" data-keep></div>'
    ).format(name, label, value, low, high)


def render_series_planner(catalogue: Catalogue) -> str:
    people, count, weeks = SERIES_EXAMPLE
    names = [f"Deelnemer {n}" for n in range(1, people + 1)]
    example = schedule_table(
        catalogue,
        [
            (f"{n + 1} (week {1 + n * weeks})", {role: names[who] for role, who in holders.items()})
            for n, holders in enumerate(rotation(people, count))
        ],
    )
    form = Markup(
        '<form class="iw-series-form iw-screen-only" data-series-planner data-max-people="{0}" hidden>'
        '<div class="iw-field"><label for="iw-names">Namen van de deelnemers, één naam per regel</label>'
        '<textarea id="iw-names" rows="8" autocomplete="off" spellcheck="false" aria-describedby="iw-names-help" data-keep>'
        "</textarea><p id=\"iw-names-help\" class=\"iw-help\">3 tot {0} namen. De namen blijven in deze browser.</p></div>"
        '<div class="iw-series-form__row">{1}'
        '<div class="iw-field"><label for="iw-first-date">Datum van de eerste bijeenkomst</label>'
        '<input type="date" id="iw-first-date" data-keep></div>{2}</div>'
        '<p><button type="button" class="md-button" data-series-forget>Namen wissen</button></p>'
        '<p class="iw-series-status" data-series-status role="status"></p></form>'
    ).format(
        MAX_PARTICIPANTS,
        _number("meetings", "Aantal bijeenkomsten", count, 1, MAX_MEETINGS),
        _number("weeks", "Weken tussen twee bijeenkomsten", weeks, 1, 26),
    )
    result = Markup(
        '<section class="iw-series-result" data-series-result aria-label="Schema van de reeks" hidden>'
        "{}"
        '<p class="iw-print-actions"><button type="button" class="md-button" data-series-ics>'
        "Data opslaan in je agenda (.ics)</button></p>"
        "{}{}</section>"
    ).format(
        PRINT_BUTTON,
        schedule_table(catalogue, []),
        scroll_table("iw-series-counts", Markup("<caption>Zo vaak heeft ieder een rol</caption><thead></thead><tbody></tbody>")),
    )
    example_block = Markup(
        '<div class="iw-series-example" data-series-example>'
        "<p>Voor de planner heb je JavaScript nodig. Hieronder zie je een voorbeeld met {} deelnemers. "
        "Zij komen {} keer bij elkaar, elke {} weken.</p>{}</div>"
    ).format(people, count, weeks, example)
    return "\n\n".join(map(str, [form, result, example_block])) + "\n"

