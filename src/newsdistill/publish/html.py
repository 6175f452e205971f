"""Digests as HTML pages and a small self-contained static site (index, one page per story, Atom).

Everything taken from articles is escaped (Jinja2 autoescape); links are emitted only for http(s)
URLs; pages load nothing from elsewhere and run no script (a Content-Security-Policy says so).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import BaseLoader, Environment, PackageLoader, select_autoescape
from markupsafe import escape

from newsdistill.model import Digest
from newsdistill.publish.atom import render_atom
from newsdistill.publish.markdown import citation_numbers, paragraphs, publisher_count, source_where, when

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data: or file: links)."""
    if url and re.match(r"^https?://[^\s\"'<>]+$", url, re.I):
        return url
    return None


def story_slug(story_id: str) -> str:
    """A file-name-safe, stable form of a story id."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", story_id).strip(".") or "story"


def template_env(loader: BaseLoader) -> Environment:
    """An autoescaping environment with what the story templates use (the site's and the web app's)."""
    env = Environment(loader=loader, autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, slug=story_slug, paragraphs=paragraphs,
                       date=lambda dt, fmt=None: (dt.strftime(fmt) if fmt else when(dt)) if dt else "")
    env.globals.update(csp=CSP, source_where=source_where)
    return env


def _env() -> Environment:
    return template_env(PackageLoader("newsdistill.publish", "templates"))


def render_story(d: Digest, index_href: str | None = "../index.html", articles: list | None = None) -> str:
    """A story's page; ``articles`` (when given) are listed at its end with outlet and time."""
    numbers = citation_numbers(d)

    def cite(ids: list[str]) -> list[int]:
        return sorted({numbers[i] for i in ids if i in numbers})

    return _env().get_template("story.html").render(
        d=d, cite=cite, publishers=publisher_count(d), index_href=index_href, articles=articles)


def render_index(digests: list[Digest], title: str = "newsdistill", story_prefix: str = "story/") -> str:
    return _env().get_template("index.html").render(
        digests=digests, title=title, prefix=story_prefix, publishers=publisher_count,
        generated=datetime.now(timezone.utc))


def write_site(digests: list[Digest], out_dir: str | Path, title: str = "newsdistill",
               base_url: str = "") -> Path:
    """index.html, story/<id>.html for each digest and feed.atom; returns the index path.

    A story's page address depends only on its id, so it stays the same as the story grows.
    """
    out = Path(out_dir)
    (out / "story").mkdir(parents=True, exist_ok=True)
    for d in digests:
        _write(out / "story" / f"{story_slug(d.story_id)}.html", render_story(d))
    _write(out / "feed.atom", render_atom(digests, title=title, base_url=base_url))
    index = out / "index.html"
    _write(index, render_index(digests, title=title))
    return index


def write_redirects(redirects: dict[str, str], out_dir: str | Path) -> None:
    """story/<id>.html of each retired story (id -> the story that absorbed it) sends its
    readers on to that story's page, so an address once published keeps working."""
    folder = Path(out_dir) / "story"
    folder.mkdir(parents=True, exist_ok=True)
    for old, new in redirects.items():
        href = escape(f"{story_slug(new)}.html")
        page = (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
                f'<meta http-equiv="refresh" content="0; url={href}"><title>Moved</title></head>\n'
                f'<body><p>This story is now part of <a href="{href}">a larger one</a>.</p></body></html>\n')
        path = folder / f"{story_slug(old)}.html"
        if not path.exists() or path.read_text(encoding="utf-8") != page:
            _write(path, page)


def _write(path: Path, text: str) -> None:
    """Write atomically: a reader never sees half a page."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
