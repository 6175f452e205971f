"""``newsdistill extract``: print the article in each input."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from newsdistill.cli import WorkersOption, app, progress, report
from newsdistill.ingest import InputError


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="HTML/text/Markdown files (also .gz), folders, JSON/JSONL records, http(s) URLs; - reads stdin.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    workers: WorkersOption = 0,
    timeout: Annotated[float, typer.Option(
        metavar="SECONDS", min=0.001, help="Give up on a URL after this long per request (connecting, "
        "waiting and reading included).")] = 30.0,
    retries: Annotated[int, typer.Option(
        min=0, help="Retries of a URL answering 429/5xx or refusing the connection (with back-off).")] = 3,
    user_agent: Annotated[str | None, typer.Option(
        show_default="newsdistill/VERSION (news reader bot)",
        help="User-Agent sent with every request; robots.txt rules for its first word apply.")] = None,
) -> None:
    """Extract the article (title, text, date, author, outlet, language) from each input.

    Prints one record per article on stdout; each input that yields no article gets one line on
    stderr. Exit status: 0 when any article came out, 1 when none did, 2 for usage errors.

    URLs are fetched politely: robots.txt is obeyed, at most 2 requests at once per host, at most
    5 redirects, bodies up to 10 MB, only HTML and text pages.

    Example: newsdistill extract --format jsonl page.html notes.txt https://example.org/news/1
    """
    from newsdistill.extract.batch import extract_inputs

    records = []
    out = sys.stdout
    with progress("extracting") as (set_total, advance):
        options: dict[str, object] = {"timeout": timeout, "retries": retries}
        if user_agent:
            options["user_agent"] = user_agent
        for item in extract_inputs(inputs, workers=workers or None, on_total=set_total, on_done=advance,
                                   fetch_options=options):
            if isinstance(item, InputError):
                report(item.source, item.reason)
                continue
            rec = item.to_record()
            if fmt is ExtractFormat.jsonl:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt is ExtractFormat.text:
                out.write(f"# {rec['title'] or '(untitled)'}\n{rec['source']}\n\n{rec['text']}\n\n")
            records.append(rec) if fmt is ExtractFormat.json else records.append(None)
    if fmt is ExtractFormat.json:
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    raise typer.Exit(0 if records else 1)
