"""Generated method files, valid and broken: each either loads and renders, or gets
one-line errors naming file, line and column. Never a traceback, never a hang."""

from __future__ import annotations

import json
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisiewijzer.data import DataError, load_catalogue
from intervisiewijzer.pages import generated_pages
from intervisiewijzer.rendering import Renderer
from intervisiewijzer.views.glossary import Glossary

from .conftest import method_yaml

LINE = re.compile(r"^methods/x\.yml:\d+:\d+: .+$")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def outcome(methods_dir, content: bytes) -> str:
    """'ok', or 'error' after checking every problem line; fails on anything else."""
    (methods_dir / "x.yml").write_bytes(content)
    started = time.monotonic()
    try:
        catalogue = load_catalogue(methods_dir, methods_dir.parent)
    except DataError as exc:
        assert exc.problems, "an error without problems"
        for problem in exc.problems:
            assert LINE.match(str(problem)) and "\n" not in str(problem), str(problem)
        return "error"
    finally:
        assert time.monotonic() - started < 5, "loading took too long"
    renderer = Renderer(glossary=Glossary(catalogue.glossary))
    for page in generated_pages(catalogue, methods_dir.parent / "docs"):
        assert page.body(renderer), page.src
    return "ok"


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes(methods_dir, content):
    outcome(methods_dir, content)


YAML_BITS = st.sampled_from(
    ["name:", "steps:", "- ", "  ", "\t", "minutes: ", "5", "'5'", "1:30", "no", "~", "&a ", "*a", "!!python/object ",
     "{", "}", "[", "]", ": ", "\n", "#", "\"", "---\n", "roles:", "inbrenger: x", "<script>", "{{ 7*7 }}", "é", "\ufeff"]
)


@SETTINGS
@given(st.lists(YAML_BITS, max_size=60).map("".join))
def test_yaml_fragments(methods_dir, text):
    outcome(methods_dir, text.encode("utf-8"))


VALID = method_yaml()


@SETTINGS
@given(st.data())
def test_mutations_of_a_valid_method(methods_dir, data):
    lines = VALID.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "value", "indent", "truncate"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {data.draw(YAML_BITS)}\n"
        elif action == "indent":
            lines[i] = data.draw(st.sampled_from(["  ", "\t", " "])) + lines[i]
        else:
            lines[i] = lines[i][: len(lines[i]) // 2] + "\n"
        if not lines:
            break
    outcome(methods_dir, "".join(lines).encode("utf-8"))


# Any text YAML can hold: no control, surrogate, unassigned or private-use characters, no line separators.
TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co", "Zl", "Zp")), min_size=1, max_size=40
).filter(str.strip)


@st.composite
def valid_methods(draw):
    steps = [
        {
            "title": draw(TEXT),
            "minutes": draw(st.integers(1, 600)),
            "description": draw(TEXT),
            "roles": draw(
                st.dictionaries(st.sampled_from(["inbrenger", "procesbegeleider", "vragensteller"]), TEXT, min_size=1)
            ),
        }
        for _ in range(draw(st.integers(2, 12)))
    ]
    name = draw(TEXT.filter(lambda s: not set(s) & set('<>{}"`\\') and len(s.strip()) <= 80))
    return {"name": name, "summary": draw(TEXT), "goal": draw(TEXT), "fits": [draw(TEXT)],
            "group_size": {"min": 3}, "experience": "geen", "facilitator": "groepslid", "steps": steps,
            "sources": [{"ref": "testbron", "note": draw(TEXT)}]}


@SETTINGS
@given(valid_methods())
def test_valid_generated_methods_load_and_render(methods_dir, method):
    text = json.dumps(method, ensure_ascii=False)  # JSON is YAML 1.2 with every string quoted
    assert outcome(methods_dir, text.encode("utf-8")) == "ok"


def test_oversized_text_renders_in_every_page_kind(methods_dir):
    long = "Een heel lange zin met veel woorden, die maar doorgaat. " * 60
    steps = [
        {"title": f"Stap {n}", "minutes": 5, "description": long, "roles": {"inbrenger": long, "vragensteller": long}}
        for n in range(1, 16)
    ]
    assert outcome(methods_dir, method_yaml(steps=steps, summary=long, tips=[long] * 5).encode("utf-8")) == "ok"
