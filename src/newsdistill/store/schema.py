"""The store's tables (SQLAlchemy Core) and its versioned migrations."""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text,
                        text)

SCHEMA_VERSION = 2
metadata = MetaData()

meta = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", Text))

feeds = Table(
    "feeds", metadata,
    Column("url", String, primary_key=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_checked", DateTime(timezone=True)),
    Column("last_ok", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("items_seen", Integer, nullable=False, server_default="0"),
    Column("failures", Integer, nullable=False, server_default="0"),
)

articles = Table(
    "articles", metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("key", String, nullable=False, unique=True),  # canonical URL, else "sha1:<content hash>"
    Column("url", Text),
    Column("canonical_url", Text),
    Column("path", Text),
    Column("source", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", DateTime(timezone=True)),
    Column("language", String),
    Column("fetched_at", DateTime(timezone=True)),
    Column("hash", String, nullable=False),
    Column("feed_url", Text),
    Column("summary_only", Boolean, nullable=False, server_default="0"),
    Column("duplicate_of", String),
    Column("story_id", String),
    Index("ix_articles_story", "story_id"),
    Index("ix_articles_hash", "hash"),
    Index("ix_articles_published", "published"),
)

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    Column("headline", Text),
    Column("lede", Text),
    Column("first_seen", DateTime(timezone=True)),
    Column("updated", DateTime(timezone=True)),
    Column("n_articles", Integer, nullable=False, server_default="0"),
    Column("n_publishers", Integer, nullable=False, server_default="0"),
    Column("digest", Text),  # the digest JSON (publish.digest_to_dict), rewritten when the story changes
    Column("dirty", Boolean, nullable=False, server_default="1"),
    Column("merged_into", String),  # set when all its articles joined that story (its address redirects)
    Index("ix_stories_updated", "updated"),
)

state = Table("state", metadata, Column("key", String, primary_key=True), Column("value", Text))

# Full-text search over stories and articles (SQLite FTS5), kept in step by triggers.
FTS_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(id UNINDEXED, headline, lede, "
    "tokenize='porter unicode61')",
]


def migrate(conn, current: int) -> None:
    """Bring a database at schema version ``current`` (0 = new) up to :data:`SCHEMA_VERSION`."""
    if current < 1:
        metadata.create_all(conn)
        for sql in FTS_SQL:
            conn.execute(text(sql))
    elif current < 2:  # version 2: stories absorbed into another one redirect to it
        conn.execute(text("ALTER TABLE stories ADD COLUMN merged_into VARCHAR"))
    conn.execute(text("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', :v)"),
                 {"v": str(SCHEMA_VERSION)})
