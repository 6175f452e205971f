"""Dedupe: recognise one report under many addresses and copies.

- :func:`canonical_url`: one address for tracking, AMP and mobile variants of a page.
- :func:`publisher_key`: the outlet behind an article, so stories count publishers, not feeds.
- :class:`DuplicateIndex`: same URL, same body (``Article.hash``) or near-identical body (MinHash LSH).
"""

from newsdistill.dedupe.duplicates import Duplicate, DuplicateIndex, shingles
from newsdistill.dedupe.urls import canonical_url, publisher_key, registered_domain
from newsdistill.model import Article

__all__ = ["Duplicate", "DuplicateIndex", "canonical_url", "count_publishers", "publisher_key",
           "registered_domain", "shingles"]


def count_publishers(articles: list[Article]) -> int:
    """Distinct publishers among ``articles``: copies and feeds of one outlet count once."""
    keys = {publisher_key(a.outlet, a.canonical_url or a.url) or f"id:{a.id}" for a in articles}
    return len(keys)
