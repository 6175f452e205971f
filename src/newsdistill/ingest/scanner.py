"""Scan feeds: poll each (conditional GET), find entries not seen before, fetch their pages.

Storage-agnostic: the caller says which feeds with which validators (ETag / Last-Modified) and
which article URLs it already holds (``is_known``); the scanner hands back what it found. Feeds
are polled and pages fetched concurrently through one polite :class:`Fetcher`. Local feed files
are read from disk. A folder is a source too (saved pages, text files, JSON records): each article
file in it is an entry whose "link" is the file's absolute path, read instead of fetched. A feed
entry that carries its full text needs no page; a page that cannot be fetched leaves the entry's
own summary as the article text.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from newsdistill.ingest import InputError, RawDocument, is_url
from newsdistill.ingest.feeds import Feed, FeedEntry, FeedRejected, parse_feed
from newsdistill.ingest.files import expand, read_file
from newsdistill.ingest.http import FEEDS, PAGES, Fetcher, FetchError, page_document

FULL_TEXT_WORDS = 150  # an entry with this much text is the article itself


@dataclass(slots=True)
class FeedSource:
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class FeedPoll:
    """What polling one feed gave: entries, or the reason it failed (``error``)."""

    url: str
    entries: list[FeedEntry] = field(default_factory=list)
    title: str | None = None
    error: str | None = None
    warning: str | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class ScannedItem:
    """A new feed entry with its article document (its page, or the entry's own text); for a
    folder's file, the document read, or why it could not be."""

    feed_url: str
    entry: FeedEntry
    document: RawDocument | InputError
    page_error: str | None = None  # the page failed; the document is the feed's summary

    @property
    def summary_only(self) -> bool:
        return self.page_error is not None


async def poll_feed(fetcher: Fetcher, source: FeedSource) -> FeedPoll:
    """One feed, never raising."""
    if not is_url(source.url):
        if Path(source.url).is_dir():
            return await asyncio.to_thread(poll_folder, source.url)
        try:
            data = await asyncio.to_thread(Path(source.url).read_bytes)
        except OSError as err:
            return FeedPoll(source.url, error=f"cannot read the feed file: {err.strerror or err}")
        return _parsed(source.url, parse_feed(data, source.url))
    result = await fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified, accept=FEEDS)
    if isinstance(result, FetchError):
        return FeedPoll(source.url, error=result.reason)
    if result.not_modified:
        return FeedPoll(source.url, not_modified=True, etag=source.etag, last_modified=source.last_modified)
    poll = _parsed(source.url, parse_feed(result.content, result.final_url,
                                          content_type=f"{result.content_type}; charset={result.charset}"
                                          if result.charset else result.content_type))
    poll.etag, poll.last_modified = result.etag, result.last_modified
    return poll


def poll_folder(folder: str) -> FeedPoll:
    """A folder's article files as entries (sorted; hidden files and folders left out)."""
    found = expand(folder)
    if isinstance(found, InputError):
        if Path(folder).is_dir():  # an empty folder is a source with nothing new, not a failure
            return FeedPoll(folder)
        return FeedPoll(folder, error=found.reason)
    return FeedPoll(folder, entries=[FeedEntry(link=str(Path(f).resolve()), title=None) for f in found])


def _parsed(url: str, parsed: Feed | FeedRejected) -> FeedPoll:
    if isinstance(parsed, FeedRejected):
        return FeedPoll(url, error=parsed.reason)
    return FeedPoll(url, entries=parsed.entries, title=parsed.title, warning=parsed.warning)


def entry_document(feed_url: str, entry: FeedEntry) -> RawDocument:
    """The entry's own text as a document (for full-text feeds, or when the page fails)."""
    text = entry.content if len(entry.content.split()) >= len(entry.summary.split()) else entry.summary
    meta = {"title": entry.title, "date": entry.published, "author": entry.author}
    return RawDocument(source=entry.link or feed_url, kind="record", body=text, url=entry.link,
                       meta={k: v for k, v in meta.items() if v}, fetched_at=datetime.now(timezone.utc))


async def fetch_entries(fetcher: Fetcher, entries: list[tuple[str, FeedEntry]]) -> AsyncIterator[ScannedItem]:
    """Documents for new entries, as each page arrives (pages fetched concurrently)."""
    queue: asyncio.Queue[ScannedItem | None] = asyncio.Queue()

    async def one(feed_url: str, entry: FeedEntry) -> None:
        try:
            if entry.link and not is_url(entry.link):  # a folder's file: a records file holds several
                for doc in await asyncio.to_thread(lambda: list(read_file(entry.link))):
                    await queue.put(ScannedItem(feed_url, entry, doc))
                return
            if not entry.link or len(entry.content.split()) >= FULL_TEXT_WORDS:
                await queue.put(ScannedItem(feed_url, entry, entry_document(feed_url, entry)))
                return
            page = page_document(entry.link, await fetcher.fetch(entry.link, accept=PAGES))
            if isinstance(page, RawDocument):
                meta = {"title": entry.title, "date": entry.published, "author": entry.author}
                page.meta.update({k: v for k, v in meta.items() if v and k not in page.meta})
                await queue.put(ScannedItem(feed_url, entry, page))
            else:
                await queue.put(ScannedItem(feed_url, entry, entry_document(feed_url, entry), page.reason))
        except Exception as err:  # noqa: BLE001  (one entry never stops the scan)
            await queue.put(ScannedItem(feed_url, entry, entry_document(feed_url, entry),
                                        f"unexpected error: {type(err).__name__}: {err}"))
        finally:
            await queue.put(None)  # this entry is done

    tasks = [asyncio.create_task(one(f, e)) for f, e in entries]
    done = 0
    while done < len(tasks):
        item = await queue.get()
        if item is None:
            done += 1
        else:
            yield item


async def scan(fetcher: Fetcher, feeds: list[FeedSource], is_known: Callable[[str], bool],
               on_poll: Callable[[FeedPoll], None] | None = None) -> AsyncIterator[ScannedItem]:
    """Poll every feed, then yield a document for every entry whose link is not known yet.

    An entry listed by several feeds (or twice in one) is fetched once.
    """
    polls = await asyncio.gather(*(poll_feed(fetcher, f) for f in feeds))
    wanted: list[tuple[str, FeedEntry]] = []
    seen: set[str] = set()
    for poll in polls:
        if on_poll:
            on_poll(poll)
        for entry in poll.entries:
            key = entry.link or entry.guid or f"{poll.url}#{entry.title}"
            if key in seen or (entry.link and is_known(entry.link)):
                continue
            if not entry.link and not (entry.content or entry.summary):
                continue
            seen.add(key)
            wanted.append((poll.url, entry))
    async for item in fetch_entries(fetcher, wanted):
        yield item
