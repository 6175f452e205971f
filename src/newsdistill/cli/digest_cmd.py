"""``newsdistill digest``: articles in, one news-style story per real-world event out."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsdistill.cli import WorkersOption, app, read_articles, report


class DigestFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


class Length(str, Enum):
    brief = "brief"
    standard = "standard"
    full = "full"


def build_digests(articles, length: str = "standard", on_problem=None, keep_text: bool = True):
    """Group articles into stories and write each as a digest, most-covered story first. A story's
    articles are taken from ``articles`` (any sequence: an :class:`~newsdistill.spool.ArticleSpool`
    too) when it comes, and let go once it is written; with ``keep_text=False`` the digests' sources
    keep what the publishers show of them (ids, outlets, titles, addresses, dates), not their text.

    Anything its cited sources do not back is removed (:func:`~newsdistill.summarize.check.enforce`)
    and reported through ``on_problem``; it never should be.
    """
    from newsdistill.cluster import iter_stories
    from newsdistill.dedupe import count_publishers
    from newsdistill.summarize import select_sentences
    from newsdistill.summarize.check import enforce
    from newsdistill.summarize.compose import compose

    digests = []
    for story in iter_stories(articles):
        digest = compose(story, select_sentences, length=length)
        for problem in enforce(digest, story.articles):
            if on_problem:
                on_problem(story.id, problem)
        if not keep_text:
            digest.sources = [replace(a, text="", paragraphs=[]) for a in digest.sources]
        digests.append(digest)
    # most publishers first, counted as the digest shows them (a copy of another's report counts once)
    digests.sort(key=lambda d: (-count_publishers(d.sources, d.copies), -len(d.sources), d.story_id))
    return digests


@app.command()
def digest(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="The same inputs as extract: files, folders, JSON/JSONL records, URLs, - for stdin.")],
    fmt: Annotated[DigestFormat, typer.Option("--format", "-f", help="md (to the terminal), json, or html (a site; needs -o DIR).")] = DigestFormat.md,
    length: Annotated[Length, typer.Option(help="Body length: brief ~100 words, standard ~250, full ~600.")] = Length.standard,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (md, json) or folder (html) to write.")] = None,
    workers: WorkersOption = 0,
) -> None:
    """Group the articles into stories and write each as a short news story with its sources.

    Each story has a headline, a lede, sections, key figures, quotes, where the sources differ and
    the list of sources; every sentence cites the articles it was taken from.

    Example: newsdistill digest --format html -o site/ examples/
    """
    from newsdistill.publish import digests_to_json, render_markdown
    from newsdistill.publish.html import write_site

    if fmt is DigestFormat.html and output is None:
        report("--format html", "writes a site: give the folder with -o DIR")
        raise typer.Exit(2)
    from newsdistill.spool import ArticleSpool

    with ArticleSpool() as articles:  # on disk: a big input's articles are never all held at once
        read_articles(inputs, workers, into=articles)
        if not articles:
            report("digest", "no articles to distill")
            raise typer.Exit(1)
        digests = build_digests(articles, length.value, keep_text=False,
                                on_problem=lambda sid, p: report(f"story {sid}", f"dropped unbacked text: {p}"))
    if fmt is DigestFormat.html:
        index = write_site(digests, output)
        sys.stderr.write(f"newsdistill: wrote {len(digests)} stories to {index}\n")
        raise typer.Exit(0)
    text = digests_to_json(digests) + "\n" if fmt is DigestFormat.json else \
        "\n---\n\n".join(render_markdown(d) for d in digests)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(f"newsdistill: wrote {len(digests)} stories to {output}\n")
    else:
        sys.stdout.write(text)
    raise typer.Exit(0)
