"""Every kind of bad input gets exactly one clear line naming file, line, column and problem."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from intervisiewijzer.data import DataError, load_catalogue

from .conftest import command, method_yaml


def problems(methods_dir: Path, name: str, content: bytes | str) -> list[str]:
    data = content.encode() if isinstance(content, str) else content
    (methods_dir / name).write_bytes(data)
    with pytest.raises(DataError) as caught:
        load_catalogue(methods_dir, methods_dir.parent)
    return [str(p) for p in caught.value.problems]


def test_yaml_syntax_error(methods_dir):
    assert problems(methods_dir, "x.yml", "name: [Test\nsummary: x\n") == [
        "methods/x.yml:2:8: fout in de YAML-opmaak: er ontbreekt een komma of een ]"
    ]


def test_tab_in_indentation(methods_dir):
    text = method_yaml().replace("  min: 3", "\tmin: 3")
    line = text.splitlines().index("\tmin: 3") + 1
    assert problems(methods_dir, "x.yml", text) == [f"methods/x.yml:{line}:1: een tab bij het inspringen: YAML springt in met spaties"]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(methods_dir, content):
    assert problems(methods_dir, "x.yml", content) == ["methods/x.yml:1:1: het bestand is leeg"]


def test_list_at_top(methods_dir):
    assert problems(methods_dir, "x.yml", "- name: Test\n") == [
        "methods/x.yml:1:1: bovenaan horen velden (naam: waarde), geen lijst"
    ]


def test_duplicate_key(methods_dir):
    text = method_yaml() + "goal: Nog een doel.\n"
    line = len(text.splitlines())
    assert problems(methods_dir, "x.yml", text) == [f"methods/x.yml:{line}:1: goal: deze sleutel staat er twee keer (eerst op regel 3)"]


def test_unknown_key_suggests_the_known_one(methods_dir):
    text = method_yaml().replace("summary:", "sumary:")
    assert problems(methods_dir, "x.yml", text) == [
        "methods/x.yml:1:1: summary: dit veld ontbreekt",
        "methods/x.yml:2:1: sumary: onbekend veld (bedoel je 'summary'?)",
    ]


def test_missing_field_in_a_step(methods_dir):
    text = method_yaml().replace("  minutes: 10\n", "")
    assert problems(methods_dir, "x.yml", text) == ["methods/x.yml:17:3: steps[1].minutes: dit veld ontbreekt"]


def test_wrong_types(methods_dir):
    text = method_yaml().replace("minutes: 5", "minutes: '5'").replace("name: Testmethode", "name: 12")
    assert problems(methods_dir, "x.yml", text) == [
        "methods/x.yml:1:1: name: hier hoort tekst, maar er staat een getal 12 (zet het tussen aanhalingstekens)",
        "methods/x.yml:13:3: steps[0].minutes: hier hoort een heel getal, maar er staat '5'",
    ]


def test_yaml_1_1_surprises_are_not_silent(methods_dir):
    # PyYAML would turn 1:30 into 90 and `no` into False; here they stay text.
    text = method_yaml().replace("minutes: 5", "minutes: 1:30").replace("experience: geen", "experience: no")
    assert problems(methods_dir, "x.yml", text) == [
        "methods/x.yml:9:1: experience: 'no' kan hier niet; kies uit 'geen', 'enige' of 'ervaren'",
        "methods/x.yml:13:3: steps[0].minutes: hier hoort een heel getal, maar er staat '1:30'",
    ]


def test_non_utf8_bytes(methods_dir):
    assert problems(methods_dir, "x.yml", b"name: Caf\xe9\n") == [
        "methods/x.yml:1:10: dit is geen UTF-8 (byte 0xe9): sla het bestand op als UTF-8"
    ]


def test_python_tag_is_refused_not_run(methods_dir, tmp_path):
    marker = tmp_path / "ran"
    text = f"name: !!python/object/apply:os.system ['touch {marker}']\n"
    assert problems(methods_dir, "x.yml", text) == [
        "methods/x.yml:1:7: de tag !!python/object/apply:os.system mag hier niet"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused_in_seconds(methods_dir):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
    started = time.monotonic()
    found = problems(methods_dir, "x.yml", "\n".join(lines) + "\n")
    assert time.monotonic() - started < 5
    assert found == ["methods/x.yml:2:8: de verwijzing *a mag niet: schrijf de waarde voluit"]


def test_unknown_role_and_related_method(methods_dir):
    text = method_yaml(related=["nergens"]).replace("vragensteller: Vraag.", "vraagsteller: Vraag.")
    found = problems(methods_dir, "x.yml", text)
    assert found[0] == (
        "methods/x.yml:21:5: steps[1].roles.vraagsteller: onbekende rol 'vraagsteller' (bekende rollen: "
        "inbrenger, procesbegeleider, vragensteller, tijdbewaker, verslaglegger, observator)"
    )
    assert found[1] == "methods/x.yml:25:3: related[0]: onbekende methode 'nergens' (er is geen bestand methods/nergens.yml)"


def test_related_to_itself(methods_dir):
    assert problems(methods_dir, "x.yml", method_yaml(related=["x"])) == [
        "methods/x.yml:25:3: related[0]: een methode kan niet aan zichzelf verwant zijn"
    ]


def test_duplicate_slug(methods_dir):
    (methods_dir / "x.yml").write_text(method_yaml())
    assert problems(methods_dir, "x.yaml", method_yaml()) == [
        "methods/x.yml:1:1: de slug 'x' komt twee keer voor: methods/x.yaml heeft hem ook"
    ]


def test_file_name_must_be_a_slug(methods_dir):
    assert problems(methods_dir, "Mijn Methode.yml", method_yaml()) == [
        "methods/Mijn Methode.yml:1:1: de bestandsnaam 'Mijn Methode' is geen geldige slug: "
        "gebruik kleine letters, cijfers en streepjes"
    ]


def test_every_problem_in_every_file_in_one_run(methods_dir):
    (methods_dir / "a.yml").write_text(method_yaml(goal=5, fits=[]))
    found = problems(methods_dir, "b.yml", "name: [\n")
    assert found == [
        "methods/a.yml:3:1: goal: hier hoort tekst, maar er staat een getal 5 (zet het tussen aanhalingstekens)",
        "methods/a.yml:4:1: fits: hier hoort minstens 1 item",
        "methods/b.yml:2:1: fout in de YAML-opmaak: hier ontbreekt een waarde",
    ]


def test_command_line_prints_one_line_per_problem_without_traceback(project):
    (project / "methods" / "kapot.yml").write_text("name: Kapot\nsteps: 3\n")
    result = command("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("methods/kapot.yml:") for line in lines)
    assert "methods/kapot.yml:2:1: steps: hier hoort een lijst (regels die met - beginnen)" in lines
