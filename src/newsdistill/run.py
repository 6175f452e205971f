"""The main job: scan feeds, store new articles, group them into stories, rewrite changed digests,
publish the site. ``newsdistill run`` calls :func:`run_once` (or repeats it with ``--watch``).

Crash safety: new articles, their story assignments and the clusterer's state are committed in one
transaction per chunk, together with marking their stories dirty; digests of dirty stories are
rewritten afterwards (and by the next run, if this one is killed first). A run killed at any moment
loses nothing committed and doubles nothing: articles are keyed by canonical URL.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsdistill.cluster import ClusterConfig, StoryClusterer
from newsdistill.dedupe import canonical_url, count_publishers
from newsdistill.extract.batch import safe_extract, worker_pool
from newsdistill.ingest import InputError, RawDocument
from newsdistill.ingest.feeds import read_feed_list
from newsdistill.ingest.files import RECORD_SUFFIXES
from newsdistill.ingest.http import Fetcher, FetchOptions
from newsdistill.ingest.scanner import FeedPoll, FeedSource, ScannedItem, scan
from newsdistill.model import Article, Story, time_order
from newsdistill.store import Store
from newsdistill.store.db import article_key

CHUNK = 200  # new articles committed per transaction
DIGESTS_IN_FLIGHT = 4  # stories handed to each worker process ahead of saving
STATE_KEY = "clusterer"
SITE_STORIES = 200  # stories on the published site


@dataclass(slots=True)
class RunOptions:
    feeds: list[str]
    db: Path
    site: Path | None = None
    host_delay: float = 0.0
    timeout: float = 30.0
    length: str = "standard"
    workers: int = 0  # extraction processes (0 = one per core)


@dataclass(slots=True)
class RunReport:
    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: list[tuple[str, str]] = field(default_factory=list)
    new_articles: int = 0
    summary_only: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    stories_new: int = 0
    stories_updated: int = 0
    seconds: float = 0.0
    # stage -> seconds: fetch, cluster, summarize, publish are wall time; extract is CPU summed over the
    # worker processes (it overlaps fetching); summarize composes digests in the workers
    timings: dict[str, float] = field(default_factory=dict)

    def add_time(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds


Progress = Callable[[str], None]  # called with "page" per fetched page, "digest" per written story


def _timed_extract(doc: RawDocument | InputError) -> tuple[Article | InputError, float]:
    if isinstance(doc, InputError):  # a folder's file that could not be read
        return doc, 0.0
    started = time.process_time()
    result = safe_extract(doc)
    return result, time.process_time() - started


def feed_sources(specs: list[str], store: Store, report: RunReport) -> list[FeedSource]:
    """Every feed the specs name (OPML, lists, URLs, files), with the validators stored last time."""
    known = {f.url: f for f in store.feeds()}
    sources: dict[str, FeedSource] = {}
    for spec in specs:
        found = read_feed_list(spec)
        if isinstance(found, InputError):
            report.feeds_failed.append((found.source, found.reason))
            continue
        for url in found:
            health = known.get(url)
            sources[url] = FeedSource(url, health.etag if health else None, health.last_modified if health else None)
    return list(sources.values())


async def _collect(opts: RunOptions, keys: set[str], sources: list[FeedSource], pool: ProcessPoolExecutor,
                   report: RunReport, progress: Progress | None
                   ) -> tuple[list[FeedPoll], list[tuple[ScannedItem, Article | InputError]]]:
    """Poll, fetch new pages and extract them (in the pool, while fetching goes on)."""
    polls: list[FeedPoll] = []
    loop = asyncio.get_running_loop()
    jobs: list[tuple[ScannedItem, asyncio.Future]] = []

    def is_known(url: str) -> bool:
        return url in keys or (canonical_url(url) or url) in keys

    started = time.perf_counter()
    async with Fetcher(FetchOptions(timeout=opts.timeout, host_delay=opts.host_delay)) as fetcher:
        async for item in scan(fetcher, sources, is_known, polls.append):
            jobs.append((item, loop.run_in_executor(pool, _timed_extract, item.document)))
            if progress:
                progress("page")
    report.add_time("fetch", time.perf_counter() - started)
    results = await asyncio.gather(*(future for _, future in jobs))
    out = []
    for (item, _), (result, cpu) in zip(jobs, results, strict=True):
        report.add_time("extract", cpu)
        out.append((item, result))
    return polls, out


def _prepare(item: ScannedItem, article: Article, feed_titles: dict[str, str]) -> Article:
    """Canonical address, outlet name, the feed's time and title where the page lacks them."""
    article.canonical_url = canonical_url(article.canonical_url or article.url or item.entry.link or "") or None
    if not article.outlet or "." in article.outlet:  # a bare domain: the feed's own name reads better
        article.outlet = feed_titles.get(item.feed_url) or article.outlet
    if item.entry.published and (article.published is None or
                                 (article.published.hour, article.published.minute) == (0, 0)):
        article.published = item.entry.published  # a page's bare date loses to the feed's time
    if not article.title and item.entry.title:
        article.title = item.entry.title
    return article


def run_once(opts: RunOptions, progress: Progress | None = None) -> RunReport:
    """One scan cycle; never raises for a bad feed or page (they are in the report)."""
    started = time.perf_counter()
    report = RunReport()
    with Store(opts.db) as store:
        sources = feed_sources(opts.feeds, store, report)
        state = store.get_state(STATE_KEY)
        # the run job has no clustering options: today's defaults, whatever the stored state was made with
        clusterer = StoryClusterer.from_state(state, ClusterConfig()) if state else StoryClusterer()
        # a folder's files read before are known by path, but records files (they may grow)
        keys = store.all_keys() | {p for p in store.read_paths() if not p.lower().endswith(RECORD_SUFFIXES)}
        workers = opts.workers or os.cpu_count() or 1
        with worker_pool(workers) as pool:
            polls, extracted = asyncio.run(_collect(opts, keys, sources, pool, report, progress))
            _store_extracted(store, clusterer, keys, polls, extracted, report)
            _write_digests(store, opts, report, progress, pool, DIGESTS_IN_FLIGHT * workers)
        if opts.site:
            t0 = time.perf_counter()
            publish_site(store, opts.site)
            report.add_time("publish", time.perf_counter() - t0)
    report.seconds = time.perf_counter() - started
    return report


def _store_extracted(store: Store, clusterer: StoryClusterer, keys: set[str], polls: list[FeedPoll],
                     extracted: list[tuple[ScannedItem, Article | InputError]], report: RunReport) -> None:
    """Record each feed's health, then store the new articles with their stories."""
    feed_titles = {p.url: p.title for p in polls if p.title}
    with store.batch() as b:
        for poll in polls:
            if poll.ok:
                report.feeds_unchanged += poll.not_modified
                report.feeds_ok += 1
            else:
                report.feeds_failed.append((poll.url, poll.error or "failed"))
            new_items = sum(1 for item, _ in extracted if item.feed_url == poll.url)
            b.feed_checked(poll.url, ok=poll.ok, error=poll.error, title=poll.title, etag=poll.etag,
                           last_modified=poll.last_modified, new_items=new_items)
    new: list[tuple[Article, ScannedItem]] = []
    for item, result in extracted:
        if isinstance(result, InputError):
            report.rejected.append((result.source, result.reason))
            continue
        article = _prepare(item, result, feed_titles)
        key = article_key(article)
        if key in keys:  # a redirect to, or a copy at, an address already stored
            continue
        keys.add(key)
        new.append((article, item))
    new.sort(key=lambda pair: time_order(pair[0]))
    _store_new(store, clusterer, new, report)


def _store_new(store: Store, clusterer: StoryClusterer, new: list[tuple[Article, ScannedItem]],
               report: RunReport) -> None:
    for i in range(0, len(new), CHUNK):
        chunk = new[i:i + CHUNK]
        t0 = time.perf_counter()
        assigned = clusterer.add_batch([a for a, _ in chunk])
        report.add_time("cluster", time.perf_counter() - t0)
        with store.batch() as b:
            for article_id, story in clusterer.moved.items():  # earlier articles a split or absorption moved
                b.move_article(article_id, story)
            latest: dict[str, datetime | None] = {}
            for article, item in chunk:
                story = assigned[article.id]
                original = clusterer.copies.get(article.id)
                if b.add_article(article, story_id=story, feed_url=item.feed_url,
                                 summary_only=item.summary_only, duplicate_of=original):
                    report.new_articles += 1
                    report.summary_only += item.summary_only
                    report.duplicates += original is not None
                    when = article.published
                    latest[story] = max(filter(None, [latest.get(story), when]), default=None)
            for story, when in latest.items():
                b.mark_story(story, when)
            b.set_state(STATE_KEY, clusterer.state())


def _digest(story_id: str, articles: list[Article], length: str, copies: dict[str, str] | None = None) -> dict:
    """One story's digest as the stored record (runs in a worker process); ``copies`` as stored."""
    from newsdistill.publish import digest_to_dict
    from newsdistill.summarize import select_sentences
    from newsdistill.summarize.check import enforce
    from newsdistill.summarize.compose import compose

    digest = compose(Story(id=story_id, articles=articles, copies=copies), select_sentences, length=length)
    enforce(digest, articles)
    return digest_to_dict(digest)


def _write_digests(store: Store, opts: RunOptions, report: RunReport, progress: Progress | None,
                   pool: ProcessPoolExecutor, window: int) -> None:
    """Rewrite the digest of every dirty story: composed in the pool, saved here in story order.

    At most ``window`` stories are in flight, so memory stays bounded on a large first run.
    """
    started = time.perf_counter()
    pending: deque[tuple[dict, list[Article], dict[str, str], Future]] = deque()

    def save_oldest() -> None:
        row, articles, copies, future = pending.popleft()
        record = future.result()
        with store.batch() as b:
            b.save_digest(row["id"], record, len(articles), count_publishers(articles, copies))
        if row["headline"] is None:
            report.stories_new += 1
        else:
            report.stories_updated += 1
        if progress:
            progress("digest")

    for row in store.stories(dirty=True, limit=1_000_000):
        articles = sorted(store.articles(story_id=row["id"]), key=time_order)
        if not articles:
            continue
        ids = {a.id for a in articles}
        copies = {c: o for c, o in store.copies(row["id"]).items() if o in ids}
        pending.append((row, articles, copies, pool.submit(_digest, row["id"], articles, opts.length, copies)))
        if len(pending) >= window:
            save_oldest()
    while pending:
        save_oldest()
    report.add_time("summarize", time.perf_counter() - started)


def publish_site(store: Store, site: Path) -> Path:
    """The static site of the latest stories (index, story pages, Atom)."""
    from newsdistill.publish.html import write_redirects, write_site
    from newsdistill.publish.records import digest_from_dict

    digests = [digest_from_dict(r["digest"]) for r in store.stories(limit=SITE_STORIES, written=True)]
    write_redirects(store.redirects(), site)
    return write_site(digests, site)


def watch(opts: RunOptions, minutes: float, on_report: Callable[[RunReport], None],
          progress: Progress | None = None) -> None:
    """Run a scan every ``minutes`` until interrupted."""
    while True:
        on_report(run_once(opts, progress))
        time.sleep(max(1.0, minutes * 60))
