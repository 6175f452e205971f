"""The :class:`Store` and its atomic write batches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from newsdistill.model import Article
from newsdistill.store import schema as S


class StoreError(Exception):
    """The database cannot be opened or used (the message names the file)."""


def article_key(article: Article) -> str:
    """What makes an article the same article: its canonical URL, else its content."""
    return article.canonical_url or article.url or f"sha1:{article.hash}"


def _aware(dt: datetime | None) -> datetime | None:
    """Read back: SQLite keeps no offset, and everything is written in UTC."""
    return dt.replace(tzinfo=timezone.utc) if dt is not None and dt.tzinfo is None else dt


def _utc(dt: datetime | None) -> datetime | None:
    """Write: SQLite's DATETIME drops the offset, so store every instant in UTC."""
    return dt.astimezone(timezone.utc) if dt is not None and dt.tzinfo is not None else dt


@dataclass(slots=True)
class FeedHealth:
    url: str
    title: str | None
    last_checked: datetime | None
    last_ok: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    items_seen: int
    failures: int
    etag: str | None = None
    last_modified: str | None = None


class Store:
    """One SQLite database. Open with a path; the schema is created or migrated on first use."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(f"sqlite:///{self.path}", future=True)
            event.listen(self.engine, "connect", _pragmas)
            with self.engine.begin() as conn:
                conn.execute(text("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value TEXT)"))
                row = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).first()
                current = int(row[0]) if row else 0
                if current > S.SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: made by a newer newsdistill (schema {current})")
                if current < S.SCHEMA_VERSION:
                    S.migrate(conn, current)
        except (OperationalError, DatabaseError, OSError) as err:
            raise StoreError(f"{self.path}: cannot open the database ({_reason(err)})") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """One atomic write: everything done in the block is committed together or not at all."""
        with self.engine.begin() as conn:
            yield Batch(conn)

    # --- reading ------------------------------------------------------------------------------

    def all_keys(self) -> set[str]:
        """The key (canonical URL or content hash) of every stored article."""
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(select(S.articles.c.key))}

    def read_paths(self) -> set[str]:
        """The local files stored articles were read from."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(S.articles.c.path).where(S.articles.c.path.is_not(None)).distinct())
            return {r[0] for r in rows}

    def known_keys(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                found.update(r[0] for r in conn.execute(select(S.articles.c.key).where(S.articles.c.key.in_(chunk))))
        return found

    def articles(self, story_id: str | None = None, limit: int | None = None) -> list[Article]:
        q = select(S.articles).order_by(S.articles.c.rowid)
        if story_id is not None:
            q = q.where(S.articles.c.story_id == story_id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_article(r) for r in conn.execute(q).mappings()]

    def copies(self, story_id: str) -> dict[str, str]:
        """The story's articles that copy another (as dedupe found them when stored): id -> original's id."""
        a = S.articles.c
        q = select(a.id, a.duplicate_of).where(a.story_id == story_id, a.duplicate_of.is_not(None))
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(q)}

    def story_count(self, written: bool = False) -> int:
        q = select(func.count()).select_from(S.stories)
        if written:
            q = q.where(S.stories.c.digest.is_not(None))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def article_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(S.articles)).scalar_one()

    def story_ids_of(self) -> dict[str, str]:
        """article id -> story id, for every stored article."""
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(S.articles.c.id, S.articles.c.story_id))}

    def stories(self, limit: int = 50, offset: int = 0, dirty: bool | None = None,
                ids: list[str] | None = None, written: bool = False) -> list[dict[str, Any]]:
        """Stories, most recently updated first (only ``ids`` when given; with ``written``, only
        those whose digest has been written, so readers never see a story half made)."""
        q = select(S.stories).order_by(S.stories.c.updated.desc().nulls_last(), S.stories.c.id)
        if dirty is not None:
            q = q.where(S.stories.c.dirty == dirty)
        if written:
            q = q.where(S.stories.c.digest.is_not(None))
        if ids is not None:
            q = q.where(S.stories.c.id.in_(ids[:5000]))
        q = q.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_story(r) for r in conn.execute(q).mappings()]

    def redirects(self) -> dict[str, str]:
        """Retired story id -> the story that absorbed its articles."""
        with self.engine.connect() as conn:
            st = S.stories.c
            return {r[0]: r[1] for r in conn.execute(select(st.id, st.merged_into).where(st.merged_into.is_not(None)))}

    def story(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(S.stories).where(S.stories.c.id == story_id)).mappings().first()
        return _story(row) if row else None

    def feeds(self) -> list[FeedHealth]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(S.feeds).order_by(S.feeds.c.url)).mappings()
            return [FeedHealth(**{k: (_aware(v) if isinstance(v, datetime) else v) for k, v in r.items()})
                    for r in rows]

    def feed(self, url: str) -> FeedHealth | None:
        return next((f for f in self.feeds() if f.url == url), None)

    def get_state(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(select(S.state.c.value).where(S.state.c.key == key)).first()
        return json.loads(row[0]) if row else default


class Batch:
    """Writes inside one transaction (see :meth:`Store.batch`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_article(self, article: Article, story_id: str | None = None, feed_url: str | None = None,
                    summary_only: bool = False, duplicate_of: str | None = None) -> bool:
        """Insert unless an article with the same key (canonical URL or content) or id is stored.

        Returns True when the article is new."""
        values = {
            "id": article.id, "key": article_key(article), "url": article.url,
            "canonical_url": article.canonical_url, "path": article.path, "source": article.source,
            "title": article.title, "text": article.text, "outlet": article.outlet, "author": article.author,
            "published": _utc(article.published), "language": article.language,
            "fetched_at": _utc(article.fetched_at),
            "hash": article.hash, "feed_url": feed_url, "summary_only": summary_only,
            "duplicate_of": duplicate_of, "story_id": story_id,
        }
        result = self.conn.execute(insert(S.articles).prefix_with("OR IGNORE").values(**values))
        return result.rowcount == 1

    def set_story(self, article_id: str, story_id: str) -> None:
        self.conn.execute(update(S.articles).where(S.articles.c.id == article_id).values(story_id=story_id))

    def move_article(self, article_id: str, story_id: str) -> None:
        """An article (and its stored copies) now belongs to ``story_id``, as when the clusterer
        splits a story or absorbs a small one; both stories' digests must be rewritten. A story
        left without articles is retired: it redirects to ``story_id`` (and so does every story
        that redirected to it)."""
        old = self.conn.execute(select(S.articles.c.story_id).where(S.articles.c.id == article_id)).scalar()
        if old is None or old == story_id:
            return
        a = S.articles.c
        mine = (a.story_id == old) & ((a.id == article_id) | (a.duplicate_of == article_id))
        self.conn.execute(update(S.articles).where(mine).values(story_id=story_id))
        self.mark_story(old)
        self.mark_story(story_id)
        if self.conn.execute(select(a.id).where(a.story_id == old).limit(1)).first() is None:
            st = S.stories.c
            self.conn.execute(update(S.stories).where((st.id == old) | (st.merged_into == old)).values(
                merged_into=story_id, dirty=False, digest=None, headline=None, lede=None, n_articles=0,
                n_publishers=0))
            self.conn.execute(text("DELETE FROM stories_fts WHERE id = :id"), {"id": old})

    def mark_story(self, story_id: str, updated: datetime | None = None) -> None:
        """Note that a story changed (its digest must be rewritten)."""
        updated = _utc(updated)
        exists = self.conn.execute(select(S.stories.c.id).where(S.stories.c.id == story_id)).first()
        if exists:
            values: dict[str, Any] = {"dirty": True, "merged_into": None}  # articles again: not retired
            if updated:
                values["updated"] = updated
            self.conn.execute(update(S.stories).where(S.stories.c.id == story_id).values(**values))
        else:
            self.conn.execute(insert(S.stories).values(id=story_id, first_seen=updated, updated=updated, dirty=True))

    def save_digest(self, story_id: str, digest: dict[str, Any], n_articles: int, n_publishers: int) -> None:
        lede = " ".join(s["text"] for s in digest.get("lede", []))
        updated = digest.get("updated") or digest.get("published")
        values = {"headline": digest.get("headline"), "lede": lede, "digest": json.dumps(digest, ensure_ascii=False),
                  "n_articles": n_articles, "n_publishers": n_publishers, "dirty": False,
                  "updated": _utc(datetime.fromisoformat(updated)) if updated else None,
                  "first_seen": _utc(datetime.fromisoformat(digest["published"])) if digest.get("published") else None}
        if self.conn.execute(select(S.stories.c.id).where(S.stories.c.id == story_id)).first():
            self.conn.execute(update(S.stories).where(S.stories.c.id == story_id).values(**values))
        else:
            self.conn.execute(insert(S.stories).values(id=story_id, **values))
        self.conn.execute(text("DELETE FROM stories_fts WHERE id = :id"), {"id": story_id})
        self.conn.execute(text("INSERT INTO stories_fts(id, headline, lede) VALUES (:id, :h, :l)"),
                          {"id": story_id, "h": digest.get("headline") or "", "l": lede})

    def set_state(self, key: str, value: Any) -> None:
        self.conn.execute(text("INSERT OR REPLACE INTO state(key, value) VALUES (:k, :v)"),
                          {"k": key, "v": json.dumps(value, ensure_ascii=False)})

    def feed_checked(self, url: str, *, ok: bool, error: str | None = None, title: str | None = None,
                     etag: str | None = None, last_modified: str | None = None, new_items: int = 0) -> None:
        now = datetime.now(timezone.utc)
        if not self.conn.execute(select(S.feeds.c.url).where(S.feeds.c.url == url)).first():
            self.conn.execute(insert(S.feeds).values(url=url))
        values: dict[str, Any] = {"last_checked": now}
        if ok:
            values.update(last_ok=now, failures=0, items_seen=S.feeds.c.items_seen + new_items)
            if title:
                values["title"] = title
            if etag is not None or last_modified is not None:
                values.update(etag=etag, last_modified=last_modified)
        else:
            values.update(last_error=error, last_error_at=now, failures=S.feeds.c.failures + 1)
        self.conn.execute(update(S.feeds).where(S.feeds.c.url == url).values(**values))


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _reason(err: Exception) -> str:
    return str(getattr(err, "orig", err)).splitlines()[0]


def _article(r: Any) -> Article:
    return Article(id=r["id"], text=r["text"], title=r["title"], url=r["url"], path=r["path"], source=r["source"],
                   outlet=r["outlet"], author=r["author"], published=_aware(r["published"]), language=r["language"],
                   fetched_at=_aware(r["fetched_at"]), canonical_url=r["canonical_url"], hash=r["hash"])


def _story(r: Any) -> dict[str, Any]:
    out = {k: (_aware(v) if isinstance(v, datetime) else v) for k, v in r.items()}
    out["digest"] = json.loads(r["digest"]) if r["digest"] else None
    return out
