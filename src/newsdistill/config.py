"""Default locations: the database and the site live under the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """$NEWSDISTILL_HOME, else $XDG_DATA_HOME/newsdistill, else ~/.local/share/newsdistill."""
    if os.environ.get("NEWSDISTILL_HOME"):
        return Path(os.environ["NEWSDISTILL_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsdistill"


def default_db() -> Path:
    return data_dir() / "newsdistill.db"


def default_site() -> Path:
    return data_dir() / "site"
