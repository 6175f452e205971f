"""Ordering: the chosen sentences in the order events were reported.

Sentences follow their article's date (undated articles keep their input place among the dated
ones), then the article's input order, then their position in the article, so a story reads from
what happened first to what came after, and each article's own flow is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdistill.summarize.candidates import Candidate


def chronological(chosen: Sequence[Candidate], dates: Sequence[datetime | None]) -> list[Candidate]:
    """``chosen`` sorted by article date, article order and sentence position."""
    known = [d.timestamp() for d in dates if d is not None]
    fallback = min(known) if known else 0.0

    def key(c: Candidate) -> tuple[float, int, int]:
        d = dates[c.article_index]
        return (d.timestamp() if d is not None else fallback, c.article_index, c.position)

    return sorted(chosen, key=key)
