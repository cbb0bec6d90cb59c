"""Under `mkdocs serve` a rebuild renders again only the pages whose data changed: what a
page made from data shows must still follow every edit."""

from __future__ import annotations

import os
import time

from intervisiewijzer.adapters.project import Project

from .conftest import method_yaml


def edit(path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 1  # a new modification time, also on a coarse file system
    os.utime(path, (stamp, stamp))


def bodies(project: Project) -> dict[str, str]:
    project.start_build()
    return {page.src: project.render(page) for page in project.pages()}


def test_a_rebuild_renders_what_changed_and_keeps_the_rest(methods_dir):
    root = methods_dir.parent
    (methods_dir / "x.yml").write_text(method_yaml(name="Methode X", related=["y"]), encoding="utf-8")
    (methods_dir / "y.yml").write_text(method_yaml(name="Methode Y"), encoding="utf-8")
    first = bodies(Project.load(root))

    edit(methods_dir / "y.yml", method_yaml(name="Methode Y", goal="Een nieuw doel."))
    second = bodies(Project.load(root))
    assert second["methoden/x.md"] is first["methoden/x.md"], "an unchanged method is not rendered again"
    assert "Een nieuw doel." in second["methoden/y.md"] and "Een nieuw doel." not in first["methoden/y.md"]

    edit(methods_dir / "y.yml", method_yaml(name="Methode Zet", goal="Een nieuw doel."))
    third = bodies(Project.load(root))
    assert "Methode Zet" in third["methoden/x.md"], "a related method's new name shows on the pages that link to it"

    roles = methods_dir / "_roles.yml"
    edit(roles, roles.read_text(encoding="utf-8").replace("name: Vragensteller", "name: Vrager"))
    fourth = bodies(Project.load(root))
    assert "Vrager" in fourth["methoden/x/rolkaarten.md"] and "Vrager" in fourth["methoden/x.md"]


def test_an_edit_to_an_own_template_shows_at_the_next_build(methods_dir):
    root = methods_dir.parent
    (methods_dir / "x.yml").write_text(method_yaml(name="Methode X"), encoding="utf-8")
    own = root / "overrides" / "intervisiewijzer" / "method"
    own.mkdir(parents=True)
    facts = own / "facts.html"
    edit(facts, "<p class='eigen'>Eerst</p>")
    assert "Eerst" in bodies(Project.load(root))["methoden/x.md"]
    edit(facts, "<p class='eigen'>Daarna</p>")
    assert "Daarna" in bodies(Project.load(root))["methoden/x.md"]
