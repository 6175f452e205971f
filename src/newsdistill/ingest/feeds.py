"""Feeds: parse RSS/Atom/RDF/JSON feeds (feedparser) and read feed lists (OPML, plain lists).

Parsing never raises: a feed is either a :class:`Feed` with its entries or a :class:`FeedRejected`
with a one-line reason a person can act on.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from newsdistill.ingest import InputError, is_url, read_json
from newsdistill.text import normalize_space, parse_datetime

_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)


@dataclass(slots=True)
class FeedEntry:
    """One item of a feed. ``content`` is full text when the feed carries it (else empty)."""

    link: str | None
    title: str | None
    summary: str = ""
    content: str = ""
    published: datetime | None = None
    author: str | None = None
    guid: str | None = None


@dataclass(slots=True)
class Feed:
    url: str
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str | None = None  # the feed was ill-formed but readable


@dataclass(slots=True)
class FeedRejected:
    url: str
    reason: str


def html_to_text(fragment: str) -> str:
    """Feed HTML (summaries, content) to plain paragraphs; markup is dropped, never kept."""
    text = _BLOCK.sub("\n\n", _HIDDEN.sub("", fragment or ""))
    text = html.unescape(_TAG.sub("", text))
    return "\n\n".join(normalize_space(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def _date(entry: dict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError):
                continue
    return parse_datetime(entry.get("published") or entry.get("updated"))


def parse_feed(data: bytes | str, url: str, content_type: str | None = None) -> Feed | FeedRejected:
    """The entries of one feed document."""
    import feedparser

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if raw.lstrip()[:1] == b"{":
        return _json_feed(raw, url)
    headers = {"content-type": content_type} if content_type else None
    try:
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    except Exception as err:  # noqa: BLE001  (feedparser on hostile input: never stop the run)
        return FeedRejected(url, f"unreadable feed ({type(err).__name__}: {err})")
    version = parsed.get("version") or ""
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        head = raw[:512].lower()
        if b"<html" in head or b"<!doctype html" in head:
            return FeedRejected(url, "not a feed (an HTML page)")
        if not version and not parsed.feed.get("title"):
            reason = _one_line(bozo) if bozo else "no feed found in the document"
            return FeedRejected(url, f"not a feed: {reason}")
    entries = []
    for e in parsed.entries:
        content = " ".join(c.get("value", "") for c in e.get("content", []) if isinstance(c, dict))
        link = e.get("link") or (e.get("id") if is_url(str(e.get("id") or "")) else None)
        entries.append(FeedEntry(
            link=link, title=html_to_text(e.get("title", "")) or None,
            summary=html_to_text(e.get("summary", "")), content=html_to_text(content),
            published=_date(e), author=e.get("author"), guid=e.get("id"),
        ))
    title = html_to_text(parsed.feed.get("title", "")) or None
    return Feed(url=url, title=title, entries=entries, warning=_one_line(bozo) if bozo else None)


def _json_feed(raw: bytes, url: str) -> Feed | FeedRejected:
    """JSON Feed 1.x (jsonfeed.org)."""
    try:
        doc = read_json(raw.decode("utf-8", errors="replace"))
    except ValueError as err:
        return FeedRejected(url, f"not a feed: invalid JSON ({err})")
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/"):
        return FeedRejected(url, "not a feed: JSON without a jsonfeed.org version")
    entries = []
    for item in doc.get("items") or []:
        if not isinstance(item, dict):
            continue
        author = item.get("author") or {}
        entries.append(FeedEntry(
            link=item.get("url") or item.get("external_url"), title=item.get("title"),
            summary=html_to_text(str(item.get("summary") or "")),
            content=item.get("content_text") or html_to_text(str(item.get("content_html") or "")),
            published=parse_datetime(item.get("date_published") or item.get("date_modified")),
            author=author.get("name") if isinstance(author, dict) else None, guid=str(item.get("id") or "") or None,
        ))
    return Feed(url=url, title=doc.get("title"), entries=entries)


def _one_line(err: object) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__)[:200]


def read_feed_list(source: str) -> list[str] | InputError:
    """Feed URLs (or feed file paths) named by ``source``: an OPML file, a plain list (one per line,
    ``#`` comments), a single feed file, a single feed URL, or a folder of saved articles (itself a
    source: see :func:`newsdistill.ingest.scanner.poll_folder`)."""
    if is_url(source):
        return [source]
    path = Path(source)
    if path.is_dir():
        return [str(path.resolve())]
    if not path.is_file():
        return InputError(source, "no such feed list, OPML file or feed file")
    try:
        data = path.read_bytes()
    except OSError as err:
        return InputError(source, f"cannot read: {err.strerror or err}")
    head = data[:1024].lstrip().lower()
    if b"<opml" in head or (head.startswith(b"<?xml") and b"<opml" in data[:4096].lower()):
        return _opml(source, data)
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"{")):
        return [source]  # a feed document itself
    urls = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip() if not line.strip().startswith("http") else line.strip()
        if line and (is_url(line) or Path(line).is_file() or Path(line).is_dir()):
            urls.append(line)
    return urls or InputError(source, "no feed URLs in this list (expected OPML or one URL per line)")


def _opml(source: str, data: bytes) -> list[str] | InputError:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        return InputError(source, f"OPML file is not valid XML ({err})")
    urls = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
    urls = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    return urls or InputError(source, "OPML file lists no feeds (no outline with xmlUrl)")


def default_feeds_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "default_feeds.opml"
