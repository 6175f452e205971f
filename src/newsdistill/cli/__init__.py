"""The ``newsdistill`` command line (Typer + Rich).

Each subcommand lives in its own module and registers itself on :data:`app`; shared helpers for
reporting errors and showing progress live here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="newsdistill",
    help="Read the news once: extract articles, group them into stories, distill each story.\n\n"
         "Example: newsdistill extract --format jsonl examples/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # docstring paragraphs reflow; their line breaks are not kept
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root() -> None:
    """Read the news once: extract articles, group them into stories, distill each story."""


WorkersOption = Annotated[int, typer.Option(help="Processes for extraction (0 = one per core).", min=0)]


def report(source: str, reason: str) -> None:
    """One line on stderr naming the input and the reason."""
    sys.stderr.write(f"newsdistill: {source}: {reason}\n")
    sys.stderr.flush()


@contextmanager
def progress(label: str) -> Iterator[tuple]:
    """(set_total, advance) callbacks that drive a Rich progress bar on a terminal, nothing elsewhere."""
    if not sys.stderr.isatty():
        yield (lambda n: None), (lambda: None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield (lambda n: bar.update(task, total=n)), (lambda: bar.advance(task))


def read_articles(inputs: list[str], workers: int = 0, into: Any = None, text_only: bool = False) -> Any:
    """The articles in ``inputs`` (extracted with a progress bar), appended to ``into`` (a new list
    by default; an :class:`~newsdistill.spool.ArticleSpool` keeps them on disk); each bad input gets
    one line. ``text_only`` drops the paragraph lists (clustering reads the text only)."""
    from newsdistill.extract.batch import extract_inputs
    from newsdistill.ingest import InputError

    articles = [] if into is None else into
    with progress("reading") as (set_total, advance):
        for item in extract_inputs(inputs, workers=workers or None, on_total=set_total, on_done=advance):
            if isinstance(item, InputError):
                report(item.source, item.reason)
            else:
                if text_only:
                    item.paragraphs = []
                articles.append(item)
    return articles


def main() -> None:
    from newsdistill.cli import (  # noqa: F401  (registers commands)
        cluster_cmd, digest_cmd, extract_cmd, run_cmd, serve_cmd, store_cmds, summarize_cmd)

    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("newsdistill: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
