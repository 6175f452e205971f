"""Ordering: the chosen sentences in the order events were reported.

Sentences follow the date they were first reported (the earliest article carrying them; undated
ones sort with the earliest), then the article's input order, then their position in the article,
so a story reads from what happened first to what came after, and each article's own flow is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from newsdistill.summarize.candidates import Candidate


def chronological(chosen: Sequence[Candidate], dates: Mapping[str, datetime | None]) -> list[Candidate]:
    """``chosen`` sorted by when it was first reported, then article order and sentence position.

    A sentence's date is the earliest date among the articles that carry it (``sources``); ``dates``
    maps article ids to their dates.
    """
    known = [d.timestamp() for d in dates.values() if d is not None]
    fallback = min(known) if known else 0.0

    def key(c: Candidate) -> tuple[float, int, int]:
        stamps = [d.timestamp() for d in (dates.get(i) for i in c.sources or [c.article_id]) if d is not None]
        return (min(stamps) if stamps else fallback, c.article_index, c.position)

    return sorted(chosen, key=key)
