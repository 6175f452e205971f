"""What a fetch gives back, as values: :class:`Fetched` or :class:`FetchError`; and how to fetch.

:class:`FetchOptions` (politeness and patience) and :class:`Accept` (which media types are worth
reading) configure :class:`newsdistill.ingest.http.Fetcher`; the parsers of the HTTP headers it
reads live here too.
"""

from __future__ import annotations

import email.utils
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from newsdistill import __version__
from newsdistill.ingest.decoding import decode, looks_like_html

def default_user_agent() -> str:
    """"newsdistill/VERSION (news reader bot)", with the operator's contact when
    $NEWSDISTILL_CONTACT gives one (a URL or an e-mail address), as sites ask of bots."""
    contact = os.environ.get("NEWSDISTILL_CONTACT", "").strip()
    return f"newsdistill/{__version__} (news reader bot{'; +' + contact if contact else ''})"


USER_AGENT = default_user_agent()


@dataclass(frozen=True, slots=True)
class Accept:
    """The media types worth reading (None: any), and what to call them in a refusal."""

    types: tuple[str, ...] | None
    label: str


PAGES = Accept(("text/html", "application/xhtml+xml", "text/plain", "text/markdown"), "an article page")
FEEDS = Accept(("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json", "application/json", "text/plain", "text/html"), "a feed")
ANYTHING = Accept(None, "anything")


@dataclass(slots=True)
class FetchOptions:
    """How politely and how patiently to fetch. Times are in seconds."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    timeout: float = 30.0  # per request, everything included
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 0.5  # first retry waits 0.5-1 s, then 1-2 s, 2-4 s ...
    retry_budget: float = 60.0  # most waiting between retries of one request, Retry-After included
    per_host: int = 2
    concurrency: int = 16
    host_delay: float = 0.0
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay is honoured up to this
    robots: bool = True
    accept: Accept = PAGES  # the default for Fetcher.fetch


@dataclass(slots=True)
class Fetched:
    """A response: ``url`` as asked, ``final_url`` after redirects; ``status`` 304 means not modified."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml") or (
            self.content_type in (None, "text/plain") and looks_like_html(self.content))

    def text(self) -> str:
        return decode(self.content, html=self.is_html or "xml" in (self.content_type or ""), declared=self.charset)


@dataclass(slots=True)
class FetchError:
    """Why a URL could not be fetched, in one line; ``status`` is the HTTP status when there was one.

    ``kind`` is one of: http, timeout, connect, redirects, too-large, media-type, robots, url, error.
    """

    url: str
    reason: str
    kind: str
    status: int | None = None
    retryable: bool = field(default=False, repr=False)
    retry_after: float | None = field(default=None, repr=False)


def content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    ctype, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip().strip("\"'"):
            charset = val.strip().strip("\"'")
    return ctype.strip().lower() or None, charset


def retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def size_text(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"
