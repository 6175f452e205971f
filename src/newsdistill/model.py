"""Typed records passed between pipeline stages.

Every stage takes and returns these dataclasses; none carries behaviour beyond small derived values,
so a record can be serialised with :func:`to_dict` and rebuilt by the stage that reads it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def content_hash(text: str) -> str:
    """Stable hash of an article body, insensitive to whitespace and case."""
    norm = " ".join(text.lower().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One news article, as extracted from a page, a file or a record.

    ``source`` is the input exactly as the user gave it (path or URL); ``path`` is set for local
    files, ``url`` for the article's address (from the fetch, the page or the record).
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    fetched_at: datetime | None = None
    canonical_url: str | None = None
    hash: str = ""
    dateline: str | None = None  # place of a wire dateline ("NAIROBI, Kenya"), taken off the text

    @property
    def english(self) -> bool:
        """Whether the article is in English (or says no language): what English-only rules read."""
        return (self.language or "en").startswith("en")

    def __post_init__(self) -> None:
        if not self.paragraphs and self.text:
            self.paragraphs = [p.strip() for p in self.text.split("\n\n") if p.strip()]
        if not self.hash:
            self.hash = content_hash(self.text)

    def to_record(self) -> dict[str, Any]:
        """The JSON record printed by ``newsdistill extract --format jsonl``."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "url": self.url,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "dateline": self.dateline,
        }


@dataclass(slots=True)
class Sentence:
    """A sentence of an article, with where it came from.

    ``sources`` lists the ids of every article that carries this sentence (or a near-identical one);
    ``article_id``/``position`` locate the copy it was taken from.
    """

    text: str
    article_id: str
    position: int = 0
    paragraph: int = 0
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sources:
            self.sources = [self.article_id]


@dataclass(slots=True)
class Story:
    """A group of articles that report the same real-world event."""

    id: str
    articles: list[Article] = field(default_factory=list)
    first_seen: datetime | None = None
    updated: datetime | None = None
    copies: dict[str, str] | None = None  # copy's id -> original's id, when dedupe found them (None: not looked)


@dataclass(slots=True)
class Quote:
    """A direct quote, verbatim, with its resolved speaker and every article that carries it."""

    text: str
    speaker: str
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Figure:
    """A number that matters, what it counts, and who reports it.

    ``conflicts`` holds other values that other sources give for the same thing.
    """

    value: str
    label: str
    sources: list[str] = field(default_factory=list)
    conflicts: list["Figure"] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    heading: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Disagreement:
    """A point on which sources differ (or that only one source reports), each claim attributed."""

    about: str
    claims: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Digest:
    """The distilled story: every part carries the ids of the articles it came from."""

    story_id: str
    headline: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    lede: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key_figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    sources: list[Article] = field(default_factory=list)
    note: str = ""
    copies: dict[str, str] = field(default_factory=dict)  # a source that copies another: id -> original's id


def time_order(article: Article) -> tuple[bool, float, str]:
    """Sort key: dated articles by time, then the undated ones; ties by id."""
    return (article.published is None, article.published.timestamp() if article.published else 0.0, article.id)


def to_dict(obj: Any) -> Any:
    """Dataclass -> JSON-ready dict (datetimes as ISO 8601)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
