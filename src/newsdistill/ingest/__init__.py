"""Ingest: where articles come from (files, folders, JSON/JSONL records, URLs).

Ingest yields :class:`RawDocument` items (bytes or text plus what the source said about them) or
:class:`InputError` values; it never raises for one bad input, so the rest are still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class RawDocument:
    """One document before extraction.

    ``kind`` is "html", "text" (plain text or Markdown) or "record" (already-extracted text from a
    JSON record); ``source`` is the input exactly as the user gave it; ``meta`` holds what the source
    stated (id, title, date, outlet, author, language).
    """

    source: str
    kind: str
    body: str
    url: str | None = None
    path: str | None = None
    index: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    fetched_at: datetime | None = None


class InputError(Exception):
    """One input that could not be read, with a one-line reason meant for a person.

    Ingest and extract usually *yield* these as values so one bad input never stops the rest; they
    are exceptions too, so helpers deep inside a reader can raise one.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InputError) and (self.source, self.reason) == (other.source, other.reason)

    __hash__ = Exception.__hash__


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_json(text: str | bytes) -> Any:
    """``json.loads``, with a value nested too deeply for Python's parser raised as invalid JSON
    (``json.JSONDecodeError``, "nested too deeply") like any other."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None
