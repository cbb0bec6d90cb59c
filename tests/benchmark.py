"""``make bench``: figures for speed and size, printed, not asserted. Times are medians of
several runs, because this machine is noisy.

- the real handbook's build, page and search index sizes;
- the cost of Intervisiewijzer over plain Material: the handbook with 200 generated
  methods, and the same words written back as plain Markdown and built by plain Material
  (same theme, same Markdown extensions): both times and their ratio;
- the handbook with 1,000 generated methods;
- edit to browser: a step title changed in a method file, and a sentence on a handbook
  page, while `make serve` runs, until the open tab shows it;
- filtering the method chooser with 1,000 methods;
- search: the reader questions of test_search.py, an answer in the top three for its tuned
  and its held-out half, results per question, and the time from the last key press to the
  final result list while typing each question into the search box;
- Lighthouse scores for a method page, with ``--lighthouse`` (npm installs it into .bench/).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
THEME_ASSETS = ROOT / "macros" / "theme" / "assets" / "intervisiewijzer"

PYTHON = sys.executable
LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
RUNS = 3


def project(tmp: Path, methods: int = 0) -> Path:
    """A copy of the handbook with ``methods`` generated method files added."""
    folder = tmp / f"project-{methods}"
    folder.mkdir()
    (folder / "overrides").symlink_to(ROOT / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "methods", folder / "methods")
    template = yaml.safe_load((ROOT / "methods" / "incidentmethode.yml").read_text(encoding="utf-8"))
    template.pop("related", None)
    template.pop("differs_from", None)
    for i in range(methods):
        data = {**template, "name": f"Proefmethode {i:04d}"}
        (folder / "methods" / f"proef-{i:04d}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def mkdocs_build(folder: Path, site: Path) -> float:
    """One `mkdocs build` as its own process; seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "-q", "--clean", "--site-dir", str(site)],
        cwd=folder, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark build failed in {folder}:\n{result.stderr[-2000:]}")
    return elapsed


def median_build(folder: Path) -> tuple[float, Path]:
    site = folder / "site"
    return statistics.median(mkdocs_build(folder, site) for _ in range(RUNS)), site


def index_per_page(site: Path) -> tuple[int, int]:
    """Search index size in bytes, and the number of pages it covers."""
    index = site / "search" / "search_index.json"
    if not index.exists():
        return 0, 0
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    return index.stat().st_size, pages


# ---- The same words, as plain Markdown for plain Material ------------------------------

BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "figcaption")


def as_markdown(html: str) -> str:
    """The text of a built page's article: headings, paragraphs and list items."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return ""
    for tag in article.select("script, style, .headerlink, nav.iw-trail, form, button"):
        tag.decompose()
    lines = []
    for element in article.find_all(BLOCKS):
        if element.find(BLOCKS):
            continue
        text = " ".join(element.get_text(" ").split())
        if not text:
            continue
        text = re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)
        if element.name[0] == "h" and element.name[1:].isdigit():
            lines.append(f"{'#' * int(element.name[1])} {text}")
        elif element.name in ("li",):
            lines.append(f"- {text}")
        else:
            lines.append(text)
    return "\n\n".join(lines) + "\n"


def plain_material_project(folder: Path, site: Path) -> Path:
    """The built site's words as plain Markdown pages, with the same theme and extensions
    and the handbook's own navigation (no entries for the generated pages)."""
    plain = folder.parent / f"{folder.name}-plain"
    docs = plain / "docs"
    for page in site.rglob("index.html"):
        relative = page.parent.relative_to(site)
        target = docs / ("index.md" if str(relative) == "." else f"{relative}.md")
        if (folder / "docs" / relative / "index.md").exists():
            target = docs / relative / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(as_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: "")
    config = yaml.load((folder / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    config["plugins"] = [p for p in config["plugins"] if p == "search" or (isinstance(p, dict) and "search" in p)]
    config["extra_css"] = [f"assets/{css.name}" for css in sorted(THEME_ASSETS.glob("*.css"))]
    config["validation"] = {"omitted_files": "info", "unrecognized_links": "info", "anchors": "info"}
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(THEME_ASSETS, docs / "assets", dirs_exist_ok=True)
    return plain


# ---- Edit to browser under `make serve` ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What an author edits under make serve: a step title in a method file, and the title of a
# handbook page. Each: (page to watch, file, the line to change, the line after edit n).
EDITS = {
    "a method file": (
        "methoden/incidentmethode/", "methods/incidentmethode.yml",
        r"title: Incident kiezen.*", "title: Incident kiezen (bewerking {n})",
    ),
    "a handbook page": (
        "intervisie/", "docs/intervisie/index.md",
        r"# Wat is intervisie.*", "# Wat is intervisie (bewerking {n})",
    ),
}


def edit_to_browser(folder: Path, edits: int = 5) -> dict[str, list[float]]:
    """Seconds from saving a file to the open tab showing the change, per kind of edit."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    times: dict[str, list[float]] = {}
    try:
        for line in server.stdout:
            if "Serving on" in line:
                break
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            for kind, (url, name, pattern, replacement) in EDITS.items():
                page.goto(f"http://127.0.0.1:{port}/{url}")
                path = folder / name
                text = path.read_text(encoding="utf-8")
                for n in range(edits):
                    line = replacement.format(n=n)
                    text = re.sub(pattern, line, text, count=1)
                    time.sleep(1.5)
                    started = time.perf_counter()
                    path.write_text(text, encoding="utf-8")
                    page.wait_for_function(
                        "t => (document.querySelector('article') || {textContent: ''}).textContent.includes(t)",
                        arg=line.removeprefix("title: ").removeprefix("# "), timeout=30_000,
                    )
                    times.setdefault(kind, []).append(time.perf_counter() - started)
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    return times


# ---- The chooser with 1,000 methods --------------------------------------------------------


def serve(site: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The site over HTTP; with gzip for text files, as any real host serves it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in (".html", ".css", ".js", ".json", ".xml", ".svg")
            if not (compress and text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


CHOOSER = """() => {
    const form = document.querySelector('form[data-chooser]');
    const set = (name, value) => {
        const t0 = performance.now();
        form.elements[name].value = value;
        form.elements[name].dispatchEvent(new Event('input', {bubbles: true}));
        const t1 = performance.now();
        document.body.offsetHeight;
        return [t1 - t0, performance.now() - t0];
    };
    return [['vraag', 'handelen'], ['groep', '6'], ['tijd', '60'], ['vraag', ''], ['groep', ''], ['tijd', '']]
        .map(([name, value]) => set(name, value));
}"""


def chooser_timings(site: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"{base}methoden/")
            timings = page.evaluate(CHOOSER)
            browser.close()
    finally:
        httpd.shutdown()
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


# ---- Search: answers, and the time to settle while typing ----------------------------------

# Each key press and each change of the result list, timed.
WATCH_TYPING = """() => {
    window.iwTimes = {typed: 0, changed: 0};
    new MutationObserver(() => { iwTimes.changed = performance.now() })
        .observe(document.querySelector('.md-search-result__list'), {childList: true, subtree: true});
    document.querySelector('input.md-search__input').addEventListener('keyup', () => { iwTimes.typed = performance.now() });
}"""
KEY_DELAYS = (10, 30)  # milliseconds between key presses: as fast as keys come, and a very fast typist


def search_figures(site: Path) -> list[str]:
    """The questions of test_search.py: answered in the top three, per half, asked straight
    to the search worker; then typed into the search box, key by key, each timed from the
    last key press to the result list for the whole question."""
    from playwright.sync_api import sync_playwright
    from test_search import ASK_WORKER, HELD_OUT, QUESTIONS, START_WORKER, TUNING, WATCH_THE_WORKER, top_pages

    answered = "q => iwAsked.every(a => a.answered) && (!q || (iwAsked.length && iwAsked[iwAsked.length - 1].query === q))"
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"{base}search/search_index.json")
            page.evaluate(START_WORKER, next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name)
            answers = page.evaluate(ASK_WORKER, list(QUESTIONS))
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.add_init_script(WATCH_THE_WORKER)
            page.goto(base)
            page.locator(".md-search__input").click()
            page.wait_for_function("() => !/initiali/i.test(document.querySelector('.md-search-result__meta').innerText)")
            page.evaluate(WATCH_TYPING)
            settle: dict[int, dict[str, float]] = {delay: {} for delay in KEY_DELAYS}
            box = page.locator("input.md-search__input")
            for delay in KEY_DELAYS:
                for question in QUESTIONS:
                    box.fill("")
                    page.wait_for_function(answered, arg="")
                    page.evaluate("() => { iwAsked.length = 0 }")
                    box.press_sequentially(question, delay=delay)
                    page.wait_for_function(answered, arg=question)
                    settle[delay][question] = page.evaluate("() => Math.max(0, iwTimes.changed - iwTimes.typed)")
            browser.close()
    finally:
        httpd.shutdown()
    lines = []
    for name, half in (("tuned half", TUNING), ("held-out half", HELD_OUT)):
        top3 = sum(bool(set(pages) & set(top_pages(answers[q], 3))) for q, pages in half.items())
        times = ", ".join(
            f"{delay} ms per key: median {statistics.median(settle[delay][q] for q in half):.0f} ms, worst {max(settle[delay][q] for q in half):.0f} ms"
            for delay in KEY_DELAYS
        )
        lines.append(f"  {name}: an answer in the top 3 for {top3} of {len(half)}; last key to final results, {times}")
    hits = [len(answers[q]["items"]) for q in QUESTIONS]
    longest = max(len(q) for q in QUESTIONS)
    lines.append(
        f"  results per question: median {statistics.median(hits):g}, most {max(hits)}; "
        f"questions of up to {longest} characters"
    )
    return lines


def lighthouse(site: Path) -> str:
    tools = ROOT / ".bench"
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            return "Lighthouse: skipped (npm not found)"
        subprocess.run(["npm", "install", "--silent", "--prefix", str(tools), LIGHTHOUSE], check=True)
    httpd, base = serve(site, compress=True)
    try:
        result = subprocess.run(
            [str(binary), f"{base}methoden/incidentmethode/", "--quiet", "--output=json", "--output-path=stdout",
             "--only-categories=performance,accessibility,best-practices,seo",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
            capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300,
        )
    finally:
        httpd.shutdown()
    if result.returncode != 0:
        return f"Lighthouse: failed ({result.stderr.strip().splitlines()[-1:]})"
    categories = json.loads(result.stdout)["categories"]
    return "Lighthouse (method page): " + ", ".join(f"{c['title'].lower()} {round(c['score'] * 100)}" for c in categories.values())


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description="Speed and size figures, printed.")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on a method page")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="iw-bench-") as tmp_name:
        tmp = Path(tmp_name)
        real = project(tmp)
        seconds, site = median_build(real)
        pages = len(list(site.rglob("index.html")))
        index, indexed = index_per_page(site)
        method_page = (site / "methoden" / "incidentmethode" / "index.html").stat().st_size
        print(f"real handbook: {pages} pages, built in {seconds:.2f} s (median of {RUNS})")
        print(f"  method page {kb(method_page)}; search index {kb(index)}, {kb(index / max(indexed, 1))} per page")

        folder = project(tmp, 200)
        ours, ours_site = median_build(folder)
        plain = plain_material_project(folder, ours_site)
        theirs, _ = median_build(plain)
        count = len(list(ours_site.rglob("index.html")))
        print(f"handbook + 200 methods ({count} pages): {ours:.2f} s; plain Material on the same words: {theirs:.2f} s")
        print(f"  ratio {ours / theirs:.2f} (goal: at most 1.25)")

        folder = project(tmp, 1000)
        seconds, big_site = median_build(folder)
        size = (big_site / "methoden" / "proef-0000" / "index.html").stat().st_size
        print(f"handbook + 1,000 methods ({len(list(big_site.rglob('index.html')))} pages): {seconds:.2f} s; method page {kb(size)}")
        script, layout = chooser_timings(big_site)
        methods = len(list((folder / "methods").glob("[a-z0-9]*.yml")))
        print(f"  method chooser with {methods} methods: {script:.0f} ms script, {layout:.0f} ms with layout (medians)")

        if Path(CHROMIUM).exists():
            print(f"search, {len(json.loads((site / 'search' / 'search_index.json').read_text(encoding='utf-8'))['docs'])} entries (goal: results within 100 ms of the last key):")
            print("\n".join(search_figures(site)))
            for kind, times in edit_to_browser(real).items():
                print(
                    f"edit to browser under make serve, {kind}: median {statistics.median(times):.2f} s"
                    f" ({', '.join(f'{t:.2f}' for t in times)}; goal: 2 s)"
                )
        if args.lighthouse:
            print(lighthouse(site))


if __name__ == "__main__":
    main()
