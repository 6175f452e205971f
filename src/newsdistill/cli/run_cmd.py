"""``newsdistill run``: the main job (scan feeds, store, group, distill, publish)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from newsdistill.cli import app, report
from newsdistill.cli.store_cmds import DbOption


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def print_summary(r, site: Path | None) -> None:
    """One screen: feeds ok/failed, new articles, stories new/updated, time, where the site is."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsdistill run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    failed = len(r.feeds_failed)
    table.add_row("feeds", f"{r.feeds_ok} ok ({r.feeds_unchanged} unchanged), {failed} failed")
    table.add_row("new articles", f"{r.new_articles} ({_count(r.duplicates, 'copy', 'copies')} of others, "
                                  f"{r.summary_only} from the feed's summary); "
                                  f"{_count(len(r.rejected), 'page', 'pages')} rejected")
    table.add_row("stories", f"{r.stories_new} new, {r.stories_updated} updated")
    shares = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(r.timings.items()))
    table.add_row("time", f"{r.seconds:.1f} s" + (f" ({shares})" if shares else ""))
    if site:
        table.add_row("site", str(site / "index.html"))
    Console(stderr=True, soft_wrap=False, markup=False).print(table)


def write_report(r, path: Path) -> None:
    """The run's report as JSON (the summary's figures, machine-readable)."""
    import dataclasses
    import json

    try:
        path.write_text(json.dumps(dataclasses.asdict(r), indent=1) + "\n", encoding="utf-8")
    except OSError as err:
        report(str(path), f"cannot write the report: {err.strerror or err}")


@app.command()
def run(
    feeds: Annotated[list[str] | None, typer.Option(
        "--feeds", help="OPML file, list of feed URLs (one per line), feed URL, feed file or folder of saved "
                        "articles; repeatable. "
                        "Default: the shipped list of major outlets' public feeds.")] = None,
    db: DbOption = None,
    site: Annotated[Path | None, typer.Option(help="Folder for the static site (default: under the user's data directory).")] = None,
    watch: Annotated[float | None, typer.Option(help="Scan again every MINUTES until interrupted.", min=0.1)] = None,
    host_delay: Annotated[float, typer.Option(help="At least this many seconds between requests to one host.", min=0)] = 0.0,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per request, everything included.", min=0.1)] = 30.0,
    length: Annotated[str, typer.Option(help="Digest length: brief, standard or full.")] = "standard",
    report_json: Annotated[Path | None, typer.Option(
        "--report-json", help="Also write the summary as JSON to this file (rewritten after each scan): counts, "
                              "failures and seconds per stage.")] = None,
) -> None:
    """Scan the feeds once (or every --watch MINUTES): fetch new pages, extract, recognise copies,
    group into stories, rewrite the digests of stories that changed, publish the site.

    A second run over unchanged feeds adds nothing; a run killed at any moment loses and doubles
    nothing. Each failed feed or page gets one line on stderr.

    Example: newsdistill run --feeds my-feeds.opml --db news.db --site site/

    With --report-json PATH the summary is also written as JSON; "timings" holds seconds per stage:
    fetch, cluster, summarize and publish are wall time, extract is CPU time summed over the
    worker processes (it overlaps fetching).
    """
    from newsdistill.config import default_db, default_site
    from newsdistill.ingest.feeds import default_feeds_path
    from newsdistill.run import RunOptions, run_once
    from newsdistill.store import StoreError

    if length not in ("brief", "standard", "full"):
        report("--length", f"{length!r} is not one of brief, standard, full")
        raise typer.Exit(2)
    opts = RunOptions(feeds=feeds or [str(default_feeds_path())], db=db or default_db(),
                      site=site or default_site(), host_delay=host_delay, timeout=timeout, length=length)

    def once() -> None:
        with _progress() as tick:
            try:
                r = run_once(opts, progress=tick)
            except StoreError as err:
                report(str(opts.db), str(err).removeprefix(f"{opts.db}: "))
                raise typer.Exit(1) from None
        for source, reason in r.feeds_failed:
            report(source, f"feed failed: {reason}")
        for source, reason in r.rejected:
            report(source, reason)
        print_summary(r, opts.site)
        if report_json:
            write_report(r, report_json)

    if watch is None:
        once()
        raise typer.Exit(0)
    import time

    try:
        while True:
            once()
            sys.stderr.write(f"newsdistill: next scan in {watch:g} minutes (Ctrl-C stops)\n")
            time.sleep(watch * 60)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    """A tick(event) callback driving a live count of fetched pages and written stories on a terminal."""
    if not sys.stderr.isatty():
        yield lambda event: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as p:
        pages = p.add_task("pages fetched: 0", total=None)
        digests = p.add_task("stories written: 0", total=None)
        counts = {"page": 0, "digest": 0}

        def tick(event: str) -> None:
            counts[event] = counts.get(event, 0) + 1
            p.update(pages, description=f"pages fetched: {counts['page']}")
            p.update(digests, description=f"stories written: {counts['digest']}")

        yield tick
