"""The handbook offline, in a room without a network: written after every build.

- ``sw.js``, the service worker, at the root of the site so that its scope is the whole
  site: this build's data, then ``importScripts`` of the logic in
  assets/intervisiewijzer/offline-worker.js. Its version is a hash of the built files: a
  browser installs a worker again when its bytes change, so a new build brings a new
  cache and the old one goes. What the worker saves, all as URLs relative to itself (a
  site under a path, https://example.org/handboek/, works like one at the root):
  ``shell`` when it is installed (what every page loads, the search with its index, the
  home page, the sitemap that instant navigation reads); a method's ``group`` (its page,
  clock, role cards and draaiboek) with the ``forms`` when one of those pages is visited;
  ``all`` (every file a reader can open) when someone asks for the whole handbook.
- ``manifest.webmanifest`` and its icons, drawn here (a circle of seven on the site's
  colour), so that a phone can put the site on its home screen.

Under ``mkdocs serve`` the worker is one that removes itself and its caches: a page being
edited is never served from a cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import struct
import zlib
from pathlib import Path
from typing import Any

from ..data import Catalogue
from ..views import addresses
from .search_index import search_plugin

WORKER = "sw.js"
LOGIC = "assets/intervisiewijzer/offline-worker.js"
MANIFEST = "manifest.webmanifest"
ICONS = "assets/intervisiewijzer/icon-{size}.png"
ICON_SIZES = (180, 192, 512)  # 180: the home screen of an iPhone (apple-touch-icon in main.html)
# The primary colour of intervisiewijzer.css; main.html gives it to the browser's bar.
THEME_COLOUR = "#00695c"
BACKGROUND = "#ffffff"

# Files no reader opens: source maps, compressed copies of the sitemap, the worker itself.
_NOT_SAVED = re.compile(r"(\.map|\.gz)$|^sw\.js$")
_LUNR = "assets/javascripts/lunr/"
# The search worker loads lunr.<language>.min.js for the site's languages only.
_LUNR_LANGUAGE = re.compile(r"^min/lunr\.([a-z]+)\.min\.js$")
_LUNR_EXTRA = {"tinyseg.js": "ja", "wordcut.js": "th"}
# Material names its search worker in the page's configuration: "search": "assets/...".
_SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+\.js)"')
SEARCH_INDEX = "search/search_index.json"
_RESOURCE = re.compile(r"""<(?:link|script|img)\b[^>]*?\b(?:href|src)=["']([^"'#?]+)""", re.I)


def write(site: Path, config: Any, catalogue: Catalogue, *, serving: bool) -> None:
    """Write the worker, the manifest and the icons into the built ``site``."""
    if serving:
        (site / WORKER).write_text(_worker(None), encoding="utf-8")
        return
    for size in ICON_SIZES:
        (site / ICONS.format(size=size)).write_bytes(icon(size))
    (site / MANIFEST).write_text(json.dumps(manifest(config), ensure_ascii=False, indent=1), encoding="utf-8")
    directory_urls = config.use_directory_urls
    languages = _search_languages(config)
    files = sorted(str(p.relative_to(site).as_posix()) for p in site.rglob("*") if p.is_file())
    data = {
        "version": _version(site, files),
        "shell": _shell(site, languages),
        "groups": [
            present
            for slug in catalogue.methods
            if (present := _pages(site, directory_urls, addresses.method(slug), addresses.timer(slug),
                                  addresses.role_cards(slug), addresses.draaiboek(slug)))
        ],
        "forms": _pages(site, directory_urls, addresses.CHECKLIST_INDEX, *map(addresses.checklist, catalogue.checklists)),
        "all": [_url(path, directory_urls) for path in files if _saved(path, languages)],
    }
    (site / WORKER).write_text(_worker(data), encoding="utf-8")


def _worker(data: dict[str, Any] | None) -> str:
    return (
        "/* Intervisiewijzer's service worker for this build: its data, then the logic. */\n"
        f"self.IW_OFFLINE = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"
        f'importScripts("{LOGIC}");\n'
    )


def manifest(config: Any) -> dict[str, Any]:
    """The web app manifest; every address is relative to it, at the root of the site."""
    name = config.site_name
    icons = [
        {"src": ICONS.format(size=size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in ICON_SIZES
        if size != 180
    ]
    # The circle of seven lies within the safe zone, so a phone may crop the largest icon to its own shape.
    icons.append({**icons[-1], "purpose": "maskable"})
    return {
        "name": name,
        "short_name": name,
        "description": config.site_description or name,
        "lang": config.theme.get("language") or "nl",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }


def _version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for path in files:
        if path != WORKER:
            digest.update(path.encode() + b"\0" + (site / path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _url(path: str, directory_urls: bool) -> str:
    """The address a reader opens for a built file: "methoden/x/index.html" -> "methoden/x/"."""
    if directory_urls and (path == "index.html" or path.endswith("/index.html")):
        return path.removesuffix("index.html") or "./"
    return path


def _pages(site: Path, directory_urls: bool, *sources: str) -> list[str]:
    """The built addresses of these pages (source paths), those that exist."""
    found = []
    for src in sources:
        file = addresses.url(src) + "index.html" if directory_urls else src.removesuffix(".md") + ".html"
        if (site / file).is_file():
            found.append(_url(file, directory_urls))
    return found


def _shell(site: Path, languages: list[str] | None) -> list[str]:
    """What every page loads: the home page's stylesheets, scripts and images, and the
    search (Material's worker, the lunr files for the site's languages, the index); the
    home page, the sitemap and the manifest with its icons."""
    home = site / "index.html"
    text = home.read_text(encoding="utf-8") if home.is_file() else ""
    loaded = _RESOURCE.findall(text) + _SEARCH_WORKER.findall(text)
    local = [url.removeprefix("./") for url in loaded if not re.match(r"^([a-z]+:|/)", url, re.I)]
    lunr = sorted(str(p.relative_to(site).as_posix()) for p in (site / _LUNR).rglob("*.js"))
    extra = [
        *(path for path in lunr if _saved(path, languages)),
        SEARCH_INDEX,
        "sitemap.xml",
        MANIFEST,
        *(ICONS.format(size=size) for size in ICON_SIZES),
    ]
    return ["./", *dict.fromkeys(url for url in [*local, *extra] if (site / url).is_file())]


def _search_languages(config: Any) -> list[str] | None:
    languages = getattr(getattr(search_plugin(config), "config", None), "lang", None)
    return list(languages) if languages else None


def _saved(path: str, languages: list[str] | None) -> bool:
    """A file the whole handbook needs offline: not a source map, and of the search's
    languages only those the site uses."""
    if _NOT_SAVED.search(path):
        return False
    if languages is None or not path.startswith(_LUNR):
        return True
    name = path.removeprefix(_LUNR)
    if name in _LUNR_EXTRA:
        return _LUNR_EXTRA[name] in languages
    match = _LUNR_LANGUAGE.match(name)
    return match is None or match.group(1) in [*languages, "multi"]


@functools.cache  # the same picture for every build in one process
def icon(size: int, samples: int = 4) -> bytes:
    """A PNG of seven white dots in a circle (a group of seven) on the site's colour; the
    edges of a dot are as light as the share of samples x samples points it covers."""
    background = bytes.fromhex(THEME_COLOUR[1:])
    full = samples * samples
    shades = [bytes(round(c + (255 - c) * n / full) for c in background) for n in range(full + 1)]
    ring, radius = 0.27 * size, 0.075 * size
    reach = math.ceil(radius) + 1
    dot = {}  # pixel offset from the centre -> how many of its points the dot covers
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            near = math.hypot(max(0, abs(dx) - 0.5), max(0, abs(dy) - 0.5))
            if near >= radius:
                continue
            if math.hypot(abs(dx) + 0.5, abs(dy) + 0.5) <= radius:
                dot[dx, dy] = full
                continue
            points = [(dx + (i + 0.5) / samples - 0.5, dy + (j + 0.5) / samples - 0.5) for i in range(samples) for j in range(samples)]
            dot[dx, dy] = sum(x * x + y * y <= radius * radius for x, y in points)
    pixels = bytearray(background * (size * size))
    for k in range(7):
        cx = round(size / 2 + ring * math.sin(2 * math.pi * k / 7))
        cy = round(size / 2 - ring * math.cos(2 * math.pi * k / 7))
        for (dx, dy), inside in dot.items():
            at = 3 * ((cy + dy) * size + cx + dx)
            pixels[at : at + 3] = shades[inside]
    rows = (b"\0" + pixels[3 * size * y : 3 * size * (y + 1)] for y in range(size))
    return _png(size, b"".join(rows))


def _png(size: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")
