"""axe-core in Chromium: no violations on any kind of page, in light and dark mode."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

from .test_layout import PAGES  # every kind of page


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(page, server, axe, kind, scheme):
    page.emulate_media(color_scheme=scheme)
    response = page.goto(server + PAGES[kind])
    assert response.ok, f"{PAGES[kind]} is missing"
    page.wait_for_load_state("networkidle")
    violations = axe.run(page).response["violations"]
    summary = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
    assert summary == []
