"""``newsdistill cluster``: which story each article belongs to."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from newsdistill.cli import WorkersOption, app, read_articles


class ClusterFormat(str, Enum):
    jsonl = "jsonl"


@app.command()
def cluster(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="Same inputs as extract: files, folders, JSON/JSONL records, http(s) URLs, - for stdin.")],
    fmt: Annotated[ClusterFormat, typer.Option("--format", "-f", help="Output format.")] = ClusterFormat.jsonl,
    workers: WorkersOption = 0,
) -> None:
    """Group the articles into stories: one line per article, {"id": ..., "story": ...}.

    Articles are taken in time order (undated ones as arriving now); copies of one report (same
    canonical URL, same or near-identical text) share a story. Story ids are stable: an id is fixed
    by the story's first article. Exit status: 0 when any article came out, 1 when none did.

    Example: newsdistill cluster --format jsonl articles.jsonl pages/
    """
    from newsdistill.cluster import StoryClusterer
    from newsdistill.spool import ArticleSpool

    # The articles wait on disk, read back an instant at a time: memory holds the clusterer's state,
    # not every text of a big file.
    with ArticleSpool() as articles:
        read_articles(inputs, workers, into=articles, text_only=True)
        stories = StoryClusterer().add_batch(articles)
        out = sys.stdout
        for article_id in articles.ids:
            out.write(json.dumps({"id": article_id, "story": stories[article_id]}, ensure_ascii=False) + "\n")
        out.flush()
        raise typer.Exit(0 if articles.ids else 1)
