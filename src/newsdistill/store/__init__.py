"""Store: articles, stories, feeds and pipeline state in one SQLite file (SQLAlchemy Core).

WAL journal, one transaction per write batch: a run killed at any moment leaves the database as it
was after the last finished batch, and articles are keyed by canonical URL so nothing is doubled.
"""

from newsdistill.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
