"""``newsdistill serve``: the reader's web app over the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsdistill.cli import app
from newsdistill.cli.store_cmds import DbOption, open_store


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the stored stories as a website and a JSON API (read-only for visitors).

    Pages: / (latest stories), /story/ID, /search?q=, /feed.atom; JSON under /api (documented at /api).

    Example: newsdistill serve --db news.db --port 8000
    """
    import uvicorn

    from newsdistill.web import create_app

    open_store(db).close()  # a clear error now rather than a traceback later
    from newsdistill.config import default_db

    uvicorn.run(create_app(db or default_db()), host=host, port=port, log_level="warning")
