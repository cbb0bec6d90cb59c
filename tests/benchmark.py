"""``make bench``: figures for speed and size, printed, not asserted.

- build time of the real handbook;
- build time with 100 and with 1,000 generated methods, and their ratio;
- the size of a method page at both sizes;
- the search index size per page;
- the cost of the macros layer: the same site built once through the YAML, the hook
  and the macros, and once from the Markdown they render;
- Lighthouse scores for a method page (needs npm; installed into .bench/ on first use).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.build import build  # noqa: E402
from macros.catalogue import load_catalogue  # noqa: E402
from macros.handbook_pages import abbreviations  # noqa: E402
from macros.pages import extend_nav, generated_pages, page_source  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
_FRONT = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


def project(tmp: Path, methods: int = 0) -> Path:
    """A copy of the handbook with ``methods`` generated method files added."""
    folder = tmp / f"project-{methods}"
    folder.mkdir()
    for name in ("mkdocs.yml", "overrides", "macros"):
        (folder / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "methods", folder / "methods")
    template = yaml.safe_load((ROOT / "methods" / "incidentmethode.yml").read_text(encoding="utf-8"))
    template.pop("related", None)
    for i in range(methods):
        data = {**template, "name": f"Proefmethode {i:04d}"}
        (folder / "methods" / f"proef-{i:04d}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def timed_build(folder: Path, config: Path | None = None) -> tuple[float, Path]:
    site = folder / "site"
    started = time.perf_counter()
    ok = build(site, folder, config)
    elapsed = time.perf_counter() - started
    if not ok:
        raise SystemExit(f"benchmark build failed in {folder}")
    return elapsed, site


def index_per_page(site: Path) -> tuple[float, int]:
    index = site / "search" / "search_index.json"
    pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
    return index.stat().st_size / pages, pages


def plain_markdown_project(folder: Path) -> Path:
    """The same site as ``folder``, with every page pre-rendered: no hook, no macros."""
    from macros import define_env

    plain = folder.parent / f"{folder.name}-plain"
    shutil.copytree(folder, plain, symlinks=True)
    catalogue = load_catalogue(plain / "methods", plain)

    class Env:
        project_dir = str(plain)
        macros: dict = {}

        def macro(self, fn, name):
            self.macros[name] = fn

    env = Env()
    define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    docs = plain / "docs"
    for page in generated_pages(catalogue):
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(page), encoding="utf-8")
    glossary = abbreviations(catalogue.glossary) if catalogue.glossary else ""
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        meta = yaml.safe_load(match.group(1)) if match else {}
        body = text[match.end() :] if match else text
        if meta.pop("render_macros", False):
            body = jinja.from_string(body).render(**env.macros)
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
        path.write_text(f"{front}{body}\n\n{glossary}", encoding="utf-8")

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config.pop("hooks")
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["site_url"] = "http://127.0.0.1:8000/"
    extend_nav(config["nav"], generated_pages(catalogue))
    (plain / "mkdocs.yml").unlink()
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plain


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml has an !ENV tag; the benchmark only needs its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The site over HTTP with gzip for text files, as any real host serves it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in (".html", ".css", ".js", ".json", ".xml", ".svg")
            if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
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


def lighthouse(site: Path) -> str:
    tools = ROOT / ".bench"
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            return "Lighthouse: skipped (npm not found)"
        subprocess.run(["npm", "install", "--silent", "--prefix", str(tools), LIGHTHOUSE], check=True)
    httpd, base = serve(site)
    try:
        result = subprocess.run(
            [str(binary), f"{base}methoden/incidentmethode/", "--quiet", "--output=json", "--output-path=stdout",
             "--only-categories=performance,accessibility,best-practices,seo",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
            capture_output=True, text=True, env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), timeout=300,
        )
    finally:
        httpd.shutdown()
    if result.returncode != 0:
        return f"Lighthouse: failed ({result.stderr.strip().splitlines()[-1:]})"
    categories = json.loads(result.stdout)["categories"]
    return "Lighthouse (method page): " + ", ".join(
        f"{c['title'].lower()} {round(c['score'] * 100)}" for c in categories.values()
    )


def main() -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="iw-bench-") as tmp_name:
        tmp = Path(tmp_name)
        real, real_site = timed_build(project(tmp))
        size_real = (real_site / "methoden" / "incidentmethode" / "index.html").stat().st_size
        per_page, pages = index_per_page(real_site)
        print(f"real handbook: {pages} pages, built in {real:.2f} s; method page {size_real / 1024:.1f} KB")
        print(f"search index: {per_page / 1024:.1f} KB per page")

        figures = {}
        for n in (100, 1000):
            folder = project(tmp, n)
            seconds, site = timed_build(folder)
            page_size = (site / "methoden" / "proef-0000" / "index.html").stat().st_size
            per_page, pages = index_per_page(site)
            figures[n] = (seconds, page_size, folder)
            print(
                f"{n:>5} extra methods: {pages} pages, built in {seconds:.2f} s; method page "
                f"{page_size / 1024:.1f} KB; search index {per_page / 1024:.1f} KB per page"
            )
        ratio = figures[1000][0] / figures[100][0]
        print(f"build time 1000 / 100: {ratio:.2f} (goal: at most 11)")
        growth = figures[1000][1] / figures[100][1]
        print(f"method page size 1000 / 100: {growth:.3f} (goal: it does not grow)")

        folder = figures[100][2]
        plain = plain_markdown_project(folder)
        ours = min(timed_build(folder)[0] for _ in range(2))
        markdown = min(timed_build(plain, plain / "mkdocs.yml")[0] for _ in range(2))
        print(
            f"macros layer (100 extra methods): {ours:.2f} s through YAML and macros, {markdown:.2f} s from "
            f"the rendered Markdown: ratio {ours / markdown:.2f} (goal: at most 1.10)"
        )
        print(lighthouse(real_site))


if __name__ == "__main__":
    main()
