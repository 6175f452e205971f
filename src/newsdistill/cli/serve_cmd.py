"""``newsdistill serve``: the reader's web app over the store, optionally scanning feeds meanwhile."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from newsdistill.cli import app
from newsdistill.cli.store_cmds import DbOption, open_store


def scan_every(minutes: float, db: Path, feeds: list[str] | None, stop: threading.Event) -> threading.Thread:
    """A thread that runs ``newsdistill run`` (as a child process) now and every ``minutes``.

    The scan is its own process, so its pool of extraction workers never forks the web server; the
    store's WAL journal lets the app go on reading while the scan writes.
    """
    cmd = [sys.executable, "-m", "newsdistill", "run", "--db", str(db)]
    for spec in feeds or []:
        cmd += ["--feeds", spec]

    def loop() -> None:
        while not stop.is_set():
            subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=False)
            stop.wait(minutes * 60)

    thread = threading.Thread(target=loop, name="newsdistill-watch", daemon=True)
    thread.start()
    return thread


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    watch: Annotated[float | None, typer.Option(
        help="Also scan the feeds in the background, now and every MINUTES.", min=0.01)] = None,
    feeds: Annotated[list[str] | None, typer.Option(
        "--feeds", help="With --watch: the feeds to scan (as for `run`; default: the shipped list).")] = None,
) -> None:
    """Serve the stored stories as a website and a JSON API (read-only for visitors).

    Pages: / (latest stories), /story/ID, /search?q=, /feed.atom; JSON under /api (documented at /api).

    Example: newsdistill serve --db news.db --port 8000 --watch 30
    """
    import uvicorn

    from newsdistill.config import default_db
    from newsdistill.web import create_app

    path = db or default_db()
    open_store(path, must_exist=watch is None).close()  # a clear error now rather than a traceback later
    stop = threading.Event()
    if watch is not None:
        scan_every(watch, path, feeds, stop)
    try:
        uvicorn.run(create_app(path), host=host, port=port, log_level="warning")
    finally:
        stop.set()
