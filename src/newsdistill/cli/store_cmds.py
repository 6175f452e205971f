"""``newsdistill stories`` and ``newsdistill feeds``: what the store holds."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsdistill.cli import app, report

DbOption = Annotated[Path | None, typer.Option("--db", help="SQLite database (default: under the user's data directory).")]


class StoriesFormat(str, Enum):
    jsonl = "jsonl"
    md = "md"


def open_store(db: Path | None, must_exist: bool = True):
    """The store, or exit 1 with one line naming the database."""
    from newsdistill.config import default_db
    from newsdistill.store import Store, StoreError

    path = db or default_db()
    if must_exist and not path.exists():
        report(str(path), "no database here yet (run `newsdistill run` first, or pass --db)")
        raise typer.Exit(1)
    try:
        return Store(path)
    except StoreError as err:
        report(str(path), str(err).removeprefix(f"{path}: "))
        raise typer.Exit(1) from None


@app.command()
def stories(
    db: DbOption = None,
    fmt: Annotated[StoriesFormat, typer.Option("--format", "-f", help="jsonl: one story per line; md: the digests.")] = StoriesFormat.jsonl,
    limit: Annotated[int, typer.Option(help="At most this many stories.", min=1)] = 100,
) -> None:
    """The stored stories, most recently updated first.

    Example: newsdistill stories --db news.db --format jsonl
    """
    from newsdistill.publish.markdown import render_markdown
    from newsdistill.publish.records import digest_from_dict

    with open_store(db) as store:
        rows = store.stories(limit=limit, written=True)
        for row in rows:
            arts = store.articles(story_id=row["id"])
            if fmt is StoriesFormat.jsonl:
                rec = {"id": row["id"], "headline": row["headline"],
                       "updated": row["updated"].isoformat() if row["updated"] else None,
                       "first_seen": row["first_seen"].isoformat() if row["first_seen"] else None,
                       "publishers": row["n_publishers"], "lede": row["lede"],
                       "articles": [{"id": a.id, "url": a.url, "title": a.title, "outlet": a.outlet,
                                     "published": a.published.isoformat() if a.published else None} for a in arts]}
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif row["digest"]:
                sys.stdout.write(render_markdown(digest_from_dict(row["digest"])) + "\n---\n\n")
    raise typer.Exit(0)


@app.command()
def feeds(db: DbOption = None) -> None:
    """Each feed's health: last success, last error, items seen.

    Example: newsdistill feeds --db news.db
    """
    from rich.console import Console
    from rich.table import Table

    from newsdistill.publish.markdown import when

    with open_store(db) as store:
        rows = store.feeds()
    table = Table(title=f"{len(rows)} feeds")
    for col in ("feed", "last success", "last error", "items seen", "failures in a row"):
        table.add_column(col, overflow="fold")
    for f in rows:
        error = f"{f.last_error} ({when(f.last_error_at)})" if f.last_error and f.failures else ""
        table.add_row(f.title or f.url if not f.title else f"{f.title}\n{f.url}",
                      when(f.last_ok) if f.last_ok else "never", error, str(f.items_seen), str(f.failures))
    Console(soft_wrap=False, markup=False).print(table)
