"""Renders the training portal (``opleiding/``) from methods/_training.yml and _cases.yml.

Two views of the same data: the trainer's module page (session plan with clock, notes)
and the trainee's hand-out (goals, what to remember, read and practise). Links are
Markdown, so that MkDocs checks every one of them; text from the data is escaped.
"""

from __future__ import annotations

from itertools import accumulate

from markupsafe import Markup

from .catalogue import Catalogue
from .handbook_data import ChecklistSection
from .markup import clock, duration, md_text, paragraphs, scroll_table, text
from .method_page import source_list
from .model import QUESTION_KIND_LABELS
from .planning import SERIES_ROLES, rotation
from .print_pages import PRINT_BUTTON, _section
from .training_model import PRESENCE_LABELS, CaseBook, Module, Series, Training

TRAINING_SECTION = "opleiding"
CASES_PAGE = "oefencasussen.md"
EXTERNAL = "Begeleider"  # the begeleider from outside, in the rotation table


def module_src(module_id: str) -> str:
    return f"{TRAINING_SECTION}/{module_id}.md"


def handout_src(module_id: str) -> str:
    return f"{TRAINING_SECTION}/{module_id}/hand-out.md"


def module_title(number: int, module: Module) -> str:
    return f"Module {number}: {module.title}"


def _training(catalogue: Catalogue) -> Training:
    if catalogue.training is None:
        raise ValueError("methods/_training.yml is missing")
    return catalogue.training


def _cases(catalogue: Catalogue) -> CaseBook:
    if catalogue.cases is None:
        raise ValueError("methods/_cases.yml is missing")
    return catalogue.cases


def _numbered(catalogue: Catalogue, module_id: str) -> tuple[int, Module]:
    modules = _training(catalogue).modules
    return list(modules).index(module_id) + 1, modules[module_id]


class _Links:
    """Markdown links to the handbook's pages, from a page ``depth`` folders below docs/."""

    def __init__(self, catalogue: Catalogue, depth: int):
        self.catalogue, self.root = catalogue, "../" * depth
        self.here = self.root + TRAINING_SECTION + "/"

    def method(self, slug: str) -> str:
        return f"[{md_text(self.catalogue.methods[slug].name)}]({self.root}methoden/{slug}.md)"

    def form(self, checklist_id: str) -> str:
        return f"[{md_text(self.catalogue.checklists[checklist_id].title)}]({self.root}checklists/{checklist_id}.md)"

    def case(self, case_id: str) -> str:
        return f"[{md_text(_cases(self.catalogue).cases[case_id].title)}]({self.here}{CASES_PAGE}#{case_id})"

    def cases(self, case_ids: list[str]) -> list[str]:
        """A link per case; one link to the page when these are all the cases."""
        if len(case_ids) > 3 and set(case_ids) == set(_cases(self.catalogue).cases):
            return [f"[alle oefencasussen]({self.here}{CASES_PAGE})"]
        return [self.case(c) for c in case_ids]

    def module(self, module_id: str) -> str:
        number, module = _numbered(self.catalogue, module_id)
        return f"[{md_text(module_title(number, module))}]({self.here}{module_id}.md)"

    def handout(self, module_id: str, label: str = "hand-out") -> str:
        return f"[{label}]({self.here}{module_id}/hand-out.md)"

    def page(self, title: str, page: str) -> str:
        return f"[{md_text(title)}]({self.root}{page})"


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _plain(value: str) -> str:
    """Data text for one Markdown line (a table cell or list item): escaped, on one line."""
    return md_text(" ".join(value.split()))


def _facts(rows: list[tuple[str, str]]) -> str:
    """Key facts as a definition list in the style of a method's facts (Markdown inside, so links are checked)."""
    body = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'<div class="iw-facts" markdown>\n\n{body}\n\n</div>'


def _reading(links: _Links, module: Module) -> list[str]:
    reading = [links.page(r.title, r.page) for r in module.read]
    return reading + [f"De methode {links.method(slug)}" for slug in module.methods]


# ---- The trainer's module page ------------------------------------------------------


def _session_plan(links: _Links, module: Module) -> str:
    starts = [0, *accumulate(e.minutes for e in module.exercises)]
    lines = ["| Klok | Min. | Oefening | Wat doen de deelnemers? | Nodig |", "| --- | --- | --- | --- | --- |"]
    for exercise, start in zip(module.exercises, starts):
        needs = [f"Methode: {links.method(exercise.method)}"] if exercise.method else []
        needs += [f"Casus: {case}" for case in links.cases(exercise.cases)]
        needs += [links.form(f) for f in exercise.forms]
        cells = [clock(start), str(exercise.minutes), f"**{_plain(exercise.title)}**", _plain(exercise.description)]
        lines.append("| " + " | ".join(cells + ["<br>".join(needs) or "–"]) + " |")
    lines.append(f"| {clock(module.minutes)} | {module.minutes} | **Einde** | | |")
    return "\n".join(lines)


def _to_print(links: _Links, module_id: str, module: Module) -> list[str]:
    items = [f"Voor iedere deelnemer de {links.handout(module_id)}."]
    items += [f"{links.form(f)}, een paar keer." for f in module.forms]
    if module.cases:
        items.append(f"De oefencasussen: {', '.join(links.cases(module.cases))}.")
    items += [f"Het draaiboek en de rolkaarten bij de {links.method(slug)}." for slug in module.methods]
    return items


def _trainer_notes(module: Module) -> str:
    notes = "\n".join(f"    - {_plain(note)}" for note in module.trainer_notes)
    return f'!!! abstract "Aantekeningen voor de trainer"\n\n{notes}'


def render_training_module(catalogue: Catalogue, module_id: str) -> str:
    number, module = _numbered(catalogue, module_id)
    links = _Links(catalogue, 1)
    facts = [
        ("Duur", f"{duration(module.minutes)}, {len(module.exercises)} onderdelen"),
        ("Oefent", ", ".join(links.method(slug) for slug in module.methods)),
        ("Voor deelnemers", f"de {links.handout(module_id)} om te printen"),
    ]
    parts = [
        PRINT_BUTTON,
        Markup('<div class="iw-lead">{}</div>').format(paragraphs(module.summary)),
        _facts(facts),
        "## Leerdoelen",
        "Na deze module kun je:",
        _bullets([_plain(goal) for goal in module.goals]),
        "## Voor de deelnemer",
        "Lees dit voor de module:",
        _bullets(_reading(links, module)),
        "Oefen na de module in je eigen werk:",
        _bullets([_plain(item) for item in module.handout.practice]),
        f"Alles staat ook op de {links.handout(module_id)}.",
        "## Voor de trainer",
        '<p class="iw-trainer-only">Dit deel is voor de trainer. De deelnemers hebben hun eigen hand-out.</p>',
        "### Sessieplan",
        f'<div class="iw-session" markdown>\n\n{_session_plan(links, module)}\n\n</div>',
        "### Printen",
        _bullets(_to_print(links, module_id, module)),
        "### Aantekeningen",
        _trainer_notes(module),
    ]
    if module.sources:
        parts += ["## Bron", source_list(catalogue, module.sources)]
    return "\n\n".join(map(str, parts)) + "\n"


# ---- The trainee's hand-out -----------------------------------------------------------


def render_training_handout(catalogue: Catalogue, module_id: str) -> str:
    number, module = _numbered(catalogue, module_id)
    links = _Links(catalogue, 2)
    handout = module.handout
    practice = ChecklistSection(title="Oefenen in je eigen werk", checks=handout.practice)
    parts = [
        PRINT_BUTTON,
        Markup('<p class="iw-lead">Hand-out bij module {} van de opleiding voor procesbegeleiders.</p>').format(number),
        Markup('<div class="iw-lead">{}</div>').format(paragraphs(module.summary)),
        "## Na deze module kun je",
        _bullets([_plain(goal) for goal in module.goals]),
        "## Om te onthouden",
        _bullets([_plain(point) for point in handout.points]),
        "## Lezen",
        _bullets(_reading(links, module)),
        "## Aan de slag",
        _section("oefen", practice, "h3"),
    ]
    if handout.questions:
        parts.append(_section("noteer", ChecklistSection(title="Je aantekeningen", questions=handout.questions), "h3"))
    return "\n\n".join(map(str, parts)) + "\n"


# ---- Pages of the portal ---------------------------------------------------------------


def render_learning_path(catalogue: Catalogue) -> str:
    """The modules in order with their duration and methods, for opleiding/index.md."""
    training = _training(catalogue)
    links = _Links(catalogue, 1)
    lines = ["| Module | Duur | Je oefent |", "| --- | --- | --- |"]
    for module_id, module in training.modules.items():
        methods = ", ".join(links.method(slug) for slug in module.methods)
        lines.append(f"| {links.module(module_id)} | {module.minutes} min | {methods} |")
    total = sum(m.minutes for m in training.modules.values())
    lines += ["", f"Samen {len(training.modules)} modules en {duration(total)}."]
    return "\n".join(lines) + "\n"


def render_trainer_overview(catalogue: Catalogue) -> str:
    """Per module: session plan, hand-out, forms and cases, for the trainer's page."""
    links = _Links(catalogue, 1)
    lines = ["| Module | Hand-out | Formulieren | Casussen |", "| --- | --- | --- | --- |"]
    for module_id, module in _training(catalogue).modules.items():
        forms = "<br>".join(links.form(f) for f in module.forms) or "–"
        cases = "<br>".join(links.cases(module.cases)) or "–"
        lines.append(f"| {links.module(module_id)} | {links.handout(module_id, 'printen')} | {forms} | {cases} |")
    return "\n".join(lines) + "\n"


def render_trainee_overview(catalogue: Catalogue) -> str:
    """Per module: what to read before and what to practise after, for the trainee's page."""
    links = _Links(catalogue, 1)
    parts = []
    for module_id, module in _training(catalogue).modules.items():
        number = list(_training(catalogue).modules).index(module_id) + 1
        parts += [
            f"### {md_text(module_title(number, module))}",
            "Lees vooraf:",
            _bullets(_reading(links, module)),
            "Oefen daarna:",
            _bullets([_plain(item) for item in module.handout.practice]),
            f"Print de {links.handout(module_id)}. Daar staat ook wat je moet onthouden.",
        ]
    return "\n\n".join(parts) + "\n"


def render_self_assessment(catalogue: Catalogue) -> str:
    """The goals of every module as 'Ik kan ...' checks, then the reflection questions."""
    training = _training(catalogue)
    parts: list[str | Markup] = [PRINT_BUTTON, Markup('<p class="iw-lead">{}</p>').format(text(training.self_assessment.description))]
    for number, module in enumerate(training.modules.values(), start=1):
        checks = [f"Ik kan {goal}" for goal in module.goals]
        parts.append(_section(f"m{number}", ChecklistSection(title=module_title(number, module), checks=checks)))
    parts.append(_section("terug", ChecklistSection(title="Terugkijken", questions=training.self_assessment.questions)))
    return "\n\n".join(map(str, parts)) + "\n"


def render_practice_cases(catalogue: Catalogue) -> str:
    """Every case under its own heading; the fitting methods fold open, so that trainees choose first."""
    book = _cases(catalogue)
    links = _Links(catalogue, 1)
    used: dict[str, list[str]] = {}
    modules = catalogue.training.modules if catalogue.training else {}
    for module_id, module in modules.items():
        for case_id in module.cases:
            used.setdefault(case_id, []).append(links.module(module_id))
    lines = ["| Casus | Soort vraag | Waar |", "| --- | --- | --- |"]
    lines += [
        f"| [{md_text(c.title)}](#{cid}) | {md_text(QUESTION_KIND_LABELS[c.kind])} | {md_text(c.setting)} |"
        for cid, c in book.cases.items()
    ]
    parts = ["\n".join(lines)]
    for case_id, case in book.cases.items():
        meta = Markup('<p class="iw-case-meta"><strong>Soort vraag:</strong> {} · <strong>Waar:</strong> {}</p>').format(
            text(QUESTION_KIND_LABELS[case.kind]), text(case.setting)
        )
        answer = "\n".join(f"    - {links.method(slug)}" for slug in case.methods)
        parts += [
            f"## {md_text(case.title)} {{#{case_id}}}",
            meta,
            Markup('<blockquote class="iw-case">{}</blockquote>').format(paragraphs(case.situation)),
            Markup("<p><strong>De vraag van de inbrenger:</strong> {}</p>").format(text(case.question)),
            f'??? question "Welke methoden passen?"\n\n{answer}\n\n    {_plain(case.why)}',
        ]
        if case_id in used:
            parts.append(f"Voor de trainer: deze casus komt terug in {', '.join(used[case_id])}.")
    return "\n\n".join(map(str, parts)) + "\n"


# ---- The model series plan -----------------------------------------------------------


def _meetings(series: Series) -> list[tuple[int, int, int]]:
    """(number, week, phase index) for every meeting, in order; the first is in week 1."""
    meetings = []
    for index, phase in enumerate(series.phases):
        for _ in range(phase.meetings):
            meetings.append((len(meetings) + 1, 1 + len(meetings) * series.interval_weeks, index))
    return meetings


def _and(values: list[str]) -> str:
    """``['1', '2', '3']`` -> ``1, 2 en 3``."""
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} en {values[-1]}"


def _when(series: Series, index: int, weeks: list[int]) -> str:
    phase = series.phases[index]
    return phase.when if phase.when else "week " + _and([str(week) for week in weeks])


def _phase_table(links: _Links, series: Series) -> str:
    lines = ["| Nr. | Wanneer | Wat gebeurt er | Begeleider van buiten | Formulieren |", "| --- | --- | --- | --- | --- |"]
    meetings = _meetings(series)
    for index, phase in enumerate(series.phases):
        numbers = _and([str(number) for number, _, i in meetings if i == index])
        when = md_text(_when(series, index, [week for _, week, i in meetings if i == index]))
        forms = "<br>".join(links.form(f) for f in phase.forms) or "–"
        what = f"**{_plain(phase.title)}**. {_plain(phase.description)}"
        lines.append(f"| {numbers} | {when} | {what} | {PRESENCE_LABELS[phase.external]} | {forms} |")
    return "\n".join(lines)


def _rotation_table(catalogue: Catalogue, series: Series) -> Markup:
    """Who holds which role in each meeting. Members rotate as in the planner; where the
    begeleider leads, he or she is the procesbegeleider."""
    meetings = _meetings(series)
    with_case = [number for number, _, i in meetings if series.phases[i].cases]
    turns = dict(zip(with_case, rotation(series.members, len(with_case))))
    member = [f"Lid {chr(ord('A') + i)}" for i in range(series.members)]
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(catalogue.roles[r].name) for r in SERIES_ROLES)
    rows = []
    for number, week, index in meetings:
        phase, when = series.phases[index], _when(series, index, [week])
        holders = {role: member[i] for role, i in turns.get(number, {}).items()}
        if phase.external == "leidt":
            holders["procesbegeleider"] = EXTERNAL
        cells = Markup("").join(Markup("<td>{}</td>").format(holders.get(r, "–")) for r in SERIES_ROLES)
        rows.append(Markup('<tr><th scope="row">{}</th><td>{}</td>{}</tr>').format(number, text(when), cells))
    return scroll_table(
        "iw-rotation",
        Markup('<thead><tr><th scope="col">Nr.</th><th scope="col">Wanneer</th>{}</tr></thead><tbody>{}</tbody>').format(
            head, Markup("").join(rows)
        ),
    )


def render_series_plan(catalogue: Catalogue) -> str:
    series = _training(catalogue).series
    links = _Links(catalogue, 1)
    meetings = _meetings(series)
    facts = [
        ("Groep", f"{series.members} leden en een begeleider van buiten"),
        ("Bijeenkomsten", f"{len(meetings)}, van {duration(series.minutes)}"),
        ("Tussen twee bijeenkomsten", f"{series.interval_weeks} weken"),
    ]
    parts = [
        Markup('<div class="iw-lead">{}</div>').format(paragraphs(series.description)),
        _facts(facts),
        "## De fasen",
        _phase_table(links, series),
        "## Wie doet wat",
        "In elke bijeenkomst met een casus wisselen de rollen. Zo brengt ieder lid een casus in. "
        f"Waar de begeleider leidt, staat '{EXTERNAL}'. Daarna leiden de leden om de beurt.",
        _rotation_table(catalogue, series),
    ]
    if series.variants:
        variants = "\n\n".join(f"{md_text(v.name)}\n:   {_plain(v.description)}" for v in series.variants)
        parts += ["## Een andere opzet", variants]
    parts += ["## Bron", source_list(catalogue, series.sources)]
    return "\n\n".join(map(str, parts)) + "\n"
