"""Every method page on paper, in one print run: the participants' copy of each method is
complete (every step, every role's task, every source) on at most two A4 sheets.

Printing 40 pages one by one costs a PDF each. Here the 40 articles are laid one after
the other into one page of the real site, each starting on a new sheet, and printed once:
the same stylesheet, the same column, so each method takes the sheets it takes alone.
Chromium leaves clipped text out of a PDF, so the text is what a reader has on paper."""

from __future__ import annotations

import re

import pytest

from .test_print import body_of, pdf_pages, words

pytestmark = pytest.mark.browser

# Every method's article, one after the other, each from a new sheet.
LAY_OUT = """async urls => {
    const article = document.querySelector('article');
    const parts = [];
    for (const [i, url] of urls.entries()) {
        const html = await (await fetch(url)).text();
        const other = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
        const part = document.createElement('section');
        part.style.breakBefore = i ? 'page' : 'auto';
        part.dataset.method = url;
        part.innerHTML = other.innerHTML;
        parts.push(part);
    }
    article.replaceChildren(...parts);
}"""


def test_every_method_prints_complete_on_at_most_two_sheets(page, server, catalogue):
    slugs = list(catalogue.methods)
    page.goto(f"{server}methoden/{slugs[0]}/")
    page.evaluate(LAY_OUT, [f"{server}methoden/{slug}/" for slug in slugs])
    sheets = [body_of(sheet) for sheet in pdf_pages(page)]
    starts = []
    for slug in slugs:
        method = catalogue.methods[slug]
        opening = words(f"{method.name} {method.summary}")[:120]  # the title, then the summary
        first = next((i for i, sheet in enumerate(sheets) if sheet.startswith(opening)), None)
        assert first is not None, f"{slug}: its page does not start a sheet"
        starts.append(first)
    assert starts == sorted(starts)
    too_long = []
    for slug, start, end in zip(slugs, starts, starts[1:] + [len(sheets)]):
        method = catalogue.methods[slug]
        count = end - start
        limit = 2 if len(method.steps) <= 11 else 3
        if count > limit:
            too_long.append(f"{slug}: {count} sheets")
        text = " ".join(sheets[start:end])
        for number, step in enumerate(method.steps, start=1):
            assert f"{number}. {words(step.title)}" in text, f"{slug}: step {number}"
            assert words(step.description) in text, f"{slug}: step {number}'s description is cut off on paper"
            for task in step.roles.values():
                assert words(task) in text, f"{slug}: step {number}: a role's task is cut off on paper"
        assert len(re.findall(r"Samen \d+ minuten \(", text)) == 1, f"{slug}: the total prints once"
        solid = "".join(text.split())  # a title may wrap at its hyphen
        for citation in method.sources:
            assert "".join(catalogue.sources[citation.ref].title.split()) in solid, f"{slug}: {citation.ref}"
        assert all(sheets[start:end]), f"{slug}: a blank sheet"
    assert too_long == []


def test_headings_stay_with_what_follows_on_paper(page, server, catalogue):
    slugs = ["balintmethode", "dilemmamethode", "socratisch-gesprek"]
    page.goto(f"{server}methoden/{slugs[0]}/")
    page.evaluate(LAY_OUT, [f"{server}methoden/{slug}/" for slug in slugs])
    headings = [words(h) for h in page.locator("article h2, article h3").all_inner_texts()]
    for sheet in pdf_pages(page):
        body = body_of(sheet)
        assert not any(body.endswith(h) for h in headings if h), f"a heading ends a sheet: {body[-60:]}"
