"""Polite HTTP fetching (httpx, asyncio): the pages of ``extract`` and, later, the feeds of ``run``.

One :class:`Fetcher` per job. Every request it makes:

- identifies itself (:data:`USER_AGENT`, with a contact address) and obeys robots.txt (RFC 9309:
  fetched once per origin and cached; 4xx = allow all; 5xx or unreachable = disallow all), checked
  again for every redirect hop, and its Crawl-delay;
- runs at most ``per_host`` at once per host (2) and ``concurrency`` in all, each host spaced by the
  larger of ``host_delay`` and Crawl-delay;
- gives up after ``timeout`` seconds in all (connecting, headers and a slow-drip body), follows at
  most ``max_redirects`` redirects itself (loops detected), stops reading at ``max_bytes``;
- retries 429, 5xx and connection failures with exponential back-off and jitter, honouring
  Retry-After, within ``retry_budget`` seconds of waiting in all;
- sends If-None-Match / If-Modified-Since when given, so an unchanged feed comes back as a 304.

Results are values: :class:`Fetched` or :class:`FetchError` (a one-line reason meant for a person).
:func:`fetch_all` is the synchronous entry point ``extract`` uses for article pages.
"""

from __future__ import annotations

import asyncio
import os
import queue
import random
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from newsdistill.ingest import InputError, RawDocument
from newsdistill.ingest.decoding import is_binary
from newsdistill.ingest.fetched import (
    ANYTHING, FEEDS, PAGES, USER_AGENT, Accept, Fetched, FetchError, FetchOptions, content_type, retry_after, size_text,
)
from newsdistill.ingest.robots import MAX_ROBOTS_BYTES, Robots, parse

__all__ = ["ANYTHING", "FEEDS", "PAGES", "USER_AGENT", "Accept", "FetchError", "FetchOptions", "Fetched", "Fetcher",
           "fetch_all", "page_document"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: do not use a cached robots.txt for more than 24 hours
ROBOTS_ERROR_TTL = 600.0


@dataclass(slots=True)
class _Redirect:
    location: str
    status: int


@dataclass(slots=True)
class _Want:
    accept: Accept
    max_bytes: int
    truncate: bool = False  # keep the first max_bytes instead of refusing a larger body


@dataclass(slots=True)
class _Robots:
    rules: Robots
    failure: str | None  # why nothing may be fetched from this origin, when robots.txt could not be read
    expires: float


@dataclass(slots=True)
class _Host:
    """Politeness state of one host name: its request slots, its next start time, its robots.txt."""

    slots: asyncio.Semaphore
    next_start: float = 0.0
    crawl_delay: float = 0.0
    robots: dict[str, _Robots] = field(default_factory=dict)  # by origin (scheme://host:port)
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Fetcher:
    """Fetch URLs politely; use as ``async with Fetcher(options) as f: result = await f.fetch(url)``."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._hosts: dict[str, _Host] = {}
        self._slots = asyncio.Semaphore(self.options.concurrency)
        opts = self.options
        self._client = httpx.AsyncClient(
            headers={"User-Agent": opts.user_agent},
            timeout=httpx.Timeout(opts.timeout, connect=min(opts.connect_timeout, opts.timeout)),
            limits=httpx.Limits(max_connections=opts.concurrency, max_keepalive_connections=opts.concurrency),
            follow_redirects=False,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    accept: Accept | None = None) -> Fetched | FetchError:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given); never raises.

        ``accept`` (default: the options') says which media types are read; others are refused
        from their headers, before any of the body is downloaded.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        want = _Want(accept or self.options.accept, self.options.max_bytes)
        try:
            return await self._follow(url, headers, want, robots=self.options.robots)
        except Exception as err:  # noqa: BLE001  (a value, never an exception)
            return FetchError(url, f"unexpected error: {type(err).__name__}: {err}", "error")

    async def _follow(self, url: str, headers: dict[str, str], want: _Want, robots: bool) -> Fetched | FetchError:
        seen = {url.split("#", 1)[0]}
        current = url
        for _hop in range(self.options.max_redirects + 1):
            if problem := _url_problem(current):
                return FetchError(url, problem, "url")
            if robots and (refusal := await self._robots_refusal(current)):
                refusal.url = url
                if current != url:
                    refusal.reason = f"redirected to {current}, {refusal.reason}"
                return refusal
            result = await self._with_retries(current, headers, want)
            if not isinstance(result, _Redirect):
                result.url = url
                return result
            target = urljoin(current, result.location).split("#", 1)[0]
            if target in seen:
                return FetchError(url, f"redirect loop (HTTP {result.status} from {current} back to {target})",
                                  "redirects", result.status)
            seen.add(target)
            current = target
        return FetchError(url, f"too many redirects (more than {self.options.max_redirects})", "redirects")

    async def _robots_refusal(self, url: str) -> FetchError | None:
        """None when robots.txt lets us fetch ``url``, else why not."""
        parts = urlsplit(url)
        host = self._host(parts.hostname or "")
        origin = f"{parts.scheme}://{parts.netloc}"
        async with host.robots_lock:
            known = host.robots.get(origin)
            if known is None or time.monotonic() > known.expires:
                known = host.robots[origin] = await self._load_robots(origin)
                host.crawl_delay = known.rules.crawl_delay or 0.0
        if known.failure:
            return FetchError(url, known.failure, "robots")
        return None if known.rules.allows(url) else FetchError(url, "disallowed by robots.txt", "robots")

    async def _load_robots(self, origin: str) -> _Robots:
        """RFC 9309: 4xx (and too many redirects) = no rules; 5xx or unreachable = disallow all."""
        result = await self._follow(f"{origin}/robots.txt", {}, _Want(ANYTHING, MAX_ROBOTS_BYTES, truncate=True),
                                    robots=False)
        failure = None
        if isinstance(result, Fetched):
            rules = parse(result.text(), self.options.user_agent)
        elif result.kind == "redirects" or (result.kind == "http" and result.status != 429
                                            and 400 <= (result.status or 0) < 500):
            rules = Robots()
        else:
            rules = Robots(disallow_all=True)
            if result.kind == "connect":  # the page cannot be reached either: say so plainly
                failure = result.reason
            elif result.kind == "timeout":
                failure = f"{result.reason} (asking for robots.txt)"
            else:
                failure = f"robots.txt unreachable ({result.reason}), so treated as disallowing all (RFC 9309)"
        return _Robots(rules, failure, time.monotonic() + (ROBOTS_ERROR_TTL if failure else ROBOTS_TTL))

    def _host(self, hostname: str) -> _Host:
        host = self._hosts.get(hostname)
        if host is None:
            host = self._hosts[hostname] = _Host(asyncio.Semaphore(self.options.per_host))
        return host

    async def _with_retries(self, url: str, headers: dict[str, str], want: _Want) -> Fetched | FetchError | _Redirect:
        opts = self.options
        waited = 0.0
        for attempt in range(opts.retries + 1):
            result = await self._attempt(url, headers, want)
            if not isinstance(result, FetchError) or not result.retryable:
                return result
            if attempt == opts.retries:
                if attempt:
                    result.reason += f" (after {attempt} {'retry' if attempt == 1 else 'retries'})"
                return result
            delay = opts.backoff * 2 ** attempt * random.uniform(0.5, 1.0)
            if result.retry_after is not None:
                delay = max(delay, result.retry_after)
            if waited + delay > opts.retry_budget:
                result.reason += f" (not retried: would wait {delay:.0f} s)"
                return result
            host = self._host(urlsplit(url).hostname or "")
            host.next_start = max(host.next_start, time.monotonic() + delay)  # the whole host waits
            await asyncio.sleep(delay)
            waited += delay
        raise AssertionError("unreachable")

    async def _attempt(self, url: str, headers: dict[str, str], want: _Want) -> Fetched | FetchError | _Redirect:
        opts = self.options
        host = self._host(urlsplit(url).hostname or "")
        async with host.slots:
            delay = max(opts.host_delay, min(host.crawl_delay, opts.max_crawl_delay))
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + delay
            if start > now:
                await asyncio.sleep(start - now)
            async with self._slots:  # taken after the wait, so waiting hosts do not hold up the others
                return await self._timed(url, headers, want)

    async def _timed(self, url: str, headers: dict[str, str], want: _Want) -> Fetched | FetchError | _Redirect:
        opts = self.options
        try:
            async with asyncio.timeout(opts.timeout):
                return await self._send(url, headers, want)
        except httpx.InvalidURL as err:
            return FetchError(url, f"not a valid URL ({err})", "url")
        except httpx.ConnectTimeout:
            connect = min(opts.connect_timeout, opts.timeout)
            return FetchError(url, f"cannot connect (no answer within {connect:g} s)", "connect", retryable=True)
        except (TimeoutError, httpx.TimeoutException):
            return FetchError(url, f"timed out after {opts.timeout:g} s", "timeout")
        except httpx.ConnectError as err:
            cause, retryable = _cause(err)
            return FetchError(url, f"cannot connect ({cause})", "connect", retryable=retryable)
        except httpx.HTTPError as err:
            cause, retryable = _cause(err)
            return FetchError(url, f"connection failed ({cause})", "connect", retryable=retryable)

    async def _send(self, url: str, headers: dict[str, str], want: _Want) -> Fetched | FetchError | _Redirect:
        response = await self._client.send(self._client.build_request("GET", url, headers=headers), stream=True)
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("location"):
                return _Redirect(response.headers["location"], status)
            if status >= 400:
                return FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip(), "http", status,
                                  retryable=status in RETRY_STATUSES,
                                  retry_after=retry_after(response.headers.get("retry-after")))
            ctype, charset = content_type(response.headers.get("content-type"))
            if status != 304 and want.accept.types is not None and ctype is not None and ctype not in want.accept.types:
                return FetchError(url, f"not {want.accept.label} ({ctype})", "media-type", status)
            too_large = FetchError(url, f"larger than {size_text(want.max_bytes)}", "too-large", status)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > want.max_bytes and not want.truncate:
                return too_large
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > want.max_bytes:
                    if not want.truncate:
                        return too_large
                    break
            content = b"".join(chunks)[:want.max_bytes]
            return Fetched(url=url, final_url=str(response.url), status=status, content=content,
                           content_type=ctype, charset=charset, etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"),
                           fetched_at=datetime.now(timezone.utc))
        finally:
            await response.aclose()


def fetch_all(urls: Iterable[str], **options: Any) -> Iterator[tuple[str, RawDocument | InputError]]:
    """Fetch article pages, many hosts in parallel; yields (url as given, document or error) as each ends.

    ``options`` are :class:`FetchOptions` fields (``timeout=5``, ``user_agent=...``). Each distinct
    URL is fetched once.
    """
    unique = list(dict.fromkeys(urls))
    opts = FetchOptions(**options)
    results: queue.Queue[tuple[str, RawDocument | InputError] | None] = queue.Queue()
    thread = threading.Thread(target=asyncio.run, args=(_fetch_pages(unique, opts, results.put),),
                              name="newsdistill-fetch", daemon=True)
    thread.start()
    done: set[str] = set()
    while (item := results.get()) is not None:
        done.add(item[0])
        yield item
    for url in unique:  # only if the fetching thread died
        if url not in done:
            yield url, InputError(url, "not fetched (the fetcher stopped unexpectedly)")


async def _fetch_pages(urls: list[str], opts: FetchOptions, emit: Any) -> None:
    try:
        async with Fetcher(opts) as fetcher:
            async def one(url: str) -> None:
                result = await fetcher.fetch(url)
                try:
                    emit((url, page_document(url, result)))
                except Exception as err:  # noqa: BLE001
                    emit((url, InputError(url, f"cannot read the page: {type(err).__name__}: {err}")))

            await asyncio.gather(*(one(url) for url in urls))
    finally:
        emit(None)


def page_document(source: str, result: Fetched | FetchError) -> RawDocument | InputError:
    """A fetched page as a document for ``extract``, or the reason it is not one."""
    if isinstance(result, FetchError):
        return InputError(source, result.reason)
    if not result.content.strip():
        return InputError(source, f"empty page (HTTP {result.status})")
    if is_binary(result.content):
        return InputError(source, f"binary content, not text or HTML ({result.content_type or 'no Content-Type'})")
    kind = "html" if result.is_html else "text"
    return RawDocument(source=source, kind=kind, body=result.text(), url=result.final_url,
                       fetched_at=result.fetched_at)


def _url_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError when out of range)
    except ValueError as err:
        return f"not a valid URL ({err})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"not an http(s) URL: {url}"
    return None


def _cause(err: BaseException) -> tuple[str, bool]:
    """The innermost cause in words ("Connection refused"), and whether trying again may help."""
    while err.__cause__ is not None or err.__context__ is not None:
        err = err.__cause__ or err.__context__  # type: ignore[assignment]
    if isinstance(err, socket.gaierror):
        return f"cannot resolve the host name: {err.strerror or err}", False
    if isinstance(err, OSError) and err.errno and err.errno > 0:
        return os.strerror(err.errno), True
    return str(err) or type(err).__name__, True
