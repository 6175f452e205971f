"""Full-text search over stored stories and articles (SQLite FTS5), ranked, with highlights.

A visitor's query is never passed to FTS5 as syntax: it is cut into words, each quoted, so any
input is a valid query. Highlights are returned with the markers \\x02 ... \\x03 around matches;
the caller escapes the text and only then turns the markers into markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from newsdistill.store.db import Store, _aware
from newsdistill.text import words

HL_START, HL_END = "\x02", "\x03"


def fts_query(query: str, max_terms: int = 12) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, all required; None when no word."""
    terms = [w.replace('"', "") for w in words(query)][:max_terms]
    terms = [t for t in terms if t]
    return " ".join(f'"{t}"' for t in terms) or None


@dataclass(slots=True)
class Hit:
    kind: str  # "story" or "article"
    id: str
    story_id: str | None
    title: str
    snippet: str
    updated: datetime | None
    outlet: str | None = None
    url: str | None = None


def search(store: Store, query: str, limit: int = 20) -> list[Hit]:
    """Stories then articles matching every word of ``query``, best first."""
    match = fts_query(query)
    if match is None:
        return []
    hits: list[Hit] = []
    with store.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT f.id, highlight(stories_fts, 1, :a, :b) AS title, "
            "snippet(stories_fts, 2, :a, :b, '…', 24) AS snip, s.updated "
            "FROM stories_fts f JOIN stories s ON s.id = f.id WHERE stories_fts MATCH :q "
            "ORDER BY bm25(stories_fts, 0, 4.0, 1.0) LIMIT :n"), {"q": match, "a": HL_START, "b": HL_END, "n": limit})
        hits += [Hit("story", r.id, r.id, r.title, r.snip, _aware(_dt(r.updated))) for r in rows]
        rows = conn.execute(text(
            "SELECT a.id, a.story_id, highlight(articles_fts, 0, :a, :b) AS title, "
            "snippet(articles_fts, 1, :a, :b, '…', 24) AS snip, a.published, a.outlet, a.url "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH :q "
            "ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT :n"), {"q": match, "a": HL_START, "b": HL_END, "n": limit})
        hits += [Hit("article", r.id, r.story_id, r.title or "(untitled)", r.snip, _aware(_dt(r.published)),
                     r.outlet, r.url) for r in rows]
    return hits


def story_ids_matching(store: Store, query: str) -> list[str] | None:
    """Ids of stories whose headline or lede has every word of ``query`` (None: no filter)."""
    match = fts_query(query)
    if match is None:
        return None
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM stories_fts WHERE stories_fts MATCH :q"), {"q": match})]


def _dt(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
