"""``newsdistill summarize``: a short multi-document summary of each cluster of articles."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

import typer

from newsdistill.cli import app, progress, report
from newsdistill.ingest import InputError, read_json


class SummaryFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    md = "md"


@app.command()
def summarize(
    input_path: Annotated[str, typer.Argument(
        metavar="INPUT.jsonl",
        help='Clusters, one JSON object per line: {"id", "documents": [{"id", "title", "text", "date", '
             '"source", "url"}]} ("-" reads stdin).')],
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Length budget in words.")] = 100,
    max_bytes: Annotated[int | None, typer.Option(
        "--bytes", min=1, help="Length budget in bytes of UTF-8 text instead of words (DUC 2004: 665).")] = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="Output format.")] = SummaryFormat.jsonl,
) -> None:
    """Summarize each cluster of articles in at most N words (or bytes), every sentence with its sources.

    With --format jsonl prints one line per cluster, in input order:
    {"id", "summary", "sentences": [{"text", "sources": [document ids]}]}. A sentence that several
    documents carry lists them all. A bad line or cluster gets one line on stderr; the rest go on.
    Exit status: 0 when any summary came out, 1 when none did, 2 for usage errors.

    Example: newsdistill summarize --words 100 clusters.jsonl > summaries.jsonl
    (newsdistill summarize --bytes 665 clusters.jsonl: DUC 2004's budget)
    """
    from newsdistill.summarize import summarize as summarize_articles

    out = sys.stdout
    results: list[dict[str, Any]] = []
    count = 0
    with progress("summarizing") as (_, advance):
        for item in read_clusters(input_path):
            if isinstance(item, InputError):
                report(item.source, item.reason)
                continue
            cluster_id, articles = item
            summary = summarize_articles(articles, words=words, max_bytes=max_bytes)
            advance()
            if not summary.sentences:
                report(f"cluster {cluster_id}", "no sentence fit to summarise (text too short or all furniture)")
                continue
            rec = {"id": cluster_id, "summary": summary.text,
                   "sentences": [{"text": s.text, "sources": s.sources} for s in summary.sentences]}
            count += 1
            if fmt is SummaryFormat.jsonl:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt is SummaryFormat.md:
                out.write(markdown(rec))
            else:
                results.append(rec)
    if fmt is SummaryFormat.json:
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    raise typer.Exit(0 if count else 1)


def markdown(rec: dict[str, Any]) -> str:
    """One cluster's summary as Markdown: the text, then each sentence's sources."""
    lines = [f"## {rec['id']}", "", rec["summary"], ""]
    lines += [f"{n}. {s['text']} ({', '.join(s['sources'])})" for n, s in enumerate(rec["sentences"], 1)]
    return "\n".join(lines) + "\n\n"


def read_clusters(path: str) -> Iterator[tuple[Any, list] | InputError]:
    """(cluster id, articles) per line of a JSONL file; every problem is yielded as an InputError."""
    try:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8-sig", errors="replace")
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    with fh:
        found = False
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            found = True
            try:
                value = read_json(line)
            except json.JSONDecodeError as err:
                yield InputError(f"{path}:{lineno}", f"not valid JSON ({err.msg}); line skipped")
                continue
            yield from cluster_articles(value, f"{path}:{lineno}")
        if not found:
            yield InputError(path, "no clusters in this file")


def cluster_articles(value: Any, where: str) -> Iterator[tuple[Any, list] | InputError]:
    """The articles of one cluster record, with a line on stderr for each record left out."""
    from newsdistill.ingest.files import record_document
    from newsdistill.model import Article
    from newsdistill.text import parse_datetime

    if not isinstance(value, dict) or not isinstance(value.get("documents"), list):
        yield InputError(where, 'not a cluster (expected {"id": ..., "documents": [...]})')
        return
    cluster_id = value.get("id") if value.get("id") is not None else where
    name = f"cluster {cluster_id} ({where})"
    if not value["documents"]:
        yield InputError(name, "no documents; nothing to summarise")
        return
    articles: list[Article] = []
    seen: set[str] = set()
    for index, rec in enumerate(value["documents"]):
        doc = record_document(where, rec, index, cluster_id)
        if isinstance(doc, InputError):
            yield InputError(name, f"document {index + 1} skipped: {doc.reason}")
            continue
        doc_id = doc.meta.get("id") or f"{cluster_id}#{index}"
        if doc_id in seen:
            yield InputError(name, f"document id {doc_id!r} appears twice; the second copy is skipped")
            continue
        seen.add(doc_id)
        if doc.kind == "html":  # a record with only "html": extract its article first
            from newsdistill.extract import extract

            doc.meta["id"] = doc_id
            found = extract(doc)
            if isinstance(found, InputError):
                yield InputError(name, f"document {doc_id!r} skipped: {found.reason}")
            else:
                articles.append(found)
            continue
        articles.append(Article(id=doc_id, text=doc.body, title=doc.meta.get("title"), url=doc.url,
                                outlet=doc.meta.get("outlet"), published=parse_datetime(doc.meta.get("date")),
                                language=doc.meta.get("language") or value.get("lang") or value.get("language")))
    if not any(a.text.strip() for a in articles):
        yield InputError(name, "no document has any text; nothing to summarise")
        return
    yield cluster_id, articles
