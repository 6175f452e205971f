"""Dedupe: recognise one report under many addresses and copies.

- :func:`canonical_url`: one address for tracking, AMP and mobile variants of a page.
- :func:`publisher_key`: the outlet behind an article, so stories count publishers, not feeds.
- :class:`DuplicateIndex`: same URL, same body (``Article.hash``) or near-identical body (MinHash LSH).
- :func:`find_copies`, :func:`publishers`, :func:`count_publishers`: which of a story's articles copy
  another, and who published each once feeds of one outlet and copies (a paper running a wire
  report) count once.
"""

from collections.abc import Mapping

from newsdistill.dedupe.duplicates import Duplicate, DuplicateIndex, shingles
from newsdistill.dedupe.urls import canonical_url, publisher_key, registered_domain
from newsdistill.model import Article, time_order

__all__ = ["Duplicate", "DuplicateIndex", "canonical_url", "count_publishers", "find_copies", "publisher_key",
           "publishers", "registered_domain", "shingles"]


def publishers(articles: list[Article], copies: Mapping[str, str] | None = None) -> dict[str, str]:
    """Article id -> its publisher's key: feeds of one outlet share one, and a copy of another
    article among them (``copies``: copy's id -> original's id, see :func:`find_copies`) takes its
    original's: a paper running a wire report is no second report."""
    out = {a.id: publisher_key(a.outlet, a.canonical_url or a.url) or f"id:{a.id}" for a in articles}
    for copy, original in (copies or {}).items():
        if copy in out and original in out:
            out[copy] = out[original]
    return out


def count_publishers(articles: list[Article], copies: Mapping[str, str] | None = None) -> int:
    """Distinct publishers among ``articles`` (see :func:`publishers`)."""
    return len(set(publishers(articles, copies).values()))


def find_copies(articles: list[Article]) -> dict[str, str]:
    """Copy's id -> original's id among ``articles`` (same address, same or near-identical body),
    the earliest published taken as the original."""
    index = DuplicateIndex()
    out: dict[str, str] = {}
    for a in sorted(articles, key=time_order):
        dup = index.add(a)
        if dup is not None and dup.original != a.id:
            out[a.id] = dup.original
    return out
