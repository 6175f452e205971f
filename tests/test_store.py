import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone

import pytest

from newsdistill.model import Article
from newsdistill.store import Store, StoreError


def art(i: int, url: str | None = None, **kw) -> Article:
    return Article(id=f"a{i}", text=f"Article number {i} says something about the council vote.",
                   url=url or f"https://news.example/{i}", canonical_url=url or f"https://news.example/{i}", **kw)


def test_schema_created_versioned_and_reopened(tmp_path):
    db = tmp_path / "sub" / "news.db"
    with Store(db) as store:
        assert store.article_count() == 0
    con = sqlite3.connect(db)
    assert con.execute("select value from meta where key='schema_version'").fetchone() == ("2",)
    assert con.execute("pragma journal_mode").fetchone() == ("wal",)
    con.close()
    with Store(db) as store:
        assert store.article_count() == 0


def test_not_a_database_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        Store(bad)


def test_articles_are_keyed_by_canonical_url_and_never_doubled(tmp_path):
    paris = timezone(timedelta(hours=1))
    with Store(tmp_path / "n.db") as store:
        with store.batch() as b:
            assert b.add_article(art(1, published=datetime(2023, 11, 3, 10, tzinfo=paris)), story_id="s1")
            assert b.add_article(art(2), story_id="s1")
            assert not b.add_article(art(3, url="https://news.example/1"))  # same canonical URL
        with store.batch() as b:
            assert not b.add_article(art(1))
        assert store.article_count() == 2
        assert store.known_keys(["https://news.example/1", "https://x.example/9"]) == {"https://news.example/1"}
        first = store.articles(story_id="s1")[0]
        assert first.published == datetime(2023, 11, 3, 9, tzinfo=timezone.utc)


def test_feed_health_and_state_round_trip(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with store.batch() as b:
            b.feed_checked("https://f.example/rss", ok=True, title="F", etag='"x"', new_items=3)
            b.feed_checked("https://f.example/rss", ok=False, error="HTTP 500")
            b.set_state("clusterer", {"stories": [1, 2]})
        feed = store.feed("https://f.example/rss")
        assert (feed.items_seen, feed.failures, feed.last_error, feed.etag) == (3, 1, "HTTP 500", '"x"')
        assert feed.last_ok is not None and feed.last_error_at >= feed.last_ok
        assert store.get_state("clusterer") == {"stories": [1, 2]}


def test_failed_batch_writes_nothing(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with pytest.raises(RuntimeError):
            with store.batch() as b:
                b.add_article(art(1))
                raise RuntimeError("crash mid-batch")
        assert store.article_count() == 0


WRITER = textwrap.dedent("""
    import sys
    from newsdistill.model import Article
    from newsdistill.store import Store
    store = Store(sys.argv[1])
    n = store.get_state("batches", 0)
    while True:
        with store.batch() as b:
            for i in range(20):
                k = n * 20 + i
                b.add_article(Article(id=f"a{k}", text=f"text {k} " * 50, url=f"https://x.example/{k}"))
            n += 1
            b.set_state("batches", n)
        print(n, flush=True)
""")


def test_kill_9_mid_write_loses_and_doubles_nothing(tmp_path):
    db = tmp_path / "n.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True)
        for _ in range(5):
            proc.stdout.readline()
        time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with Store(db) as store:
            batches = store.get_state("batches")
            assert batches >= 5
            assert store.article_count() == batches * 20  # whole batches only
            ids = {a.id for a in store.articles()}
            assert ids == {f"a{k}" for k in range(batches * 20)}


def test_readers_see_only_stories_whose_digest_is_written(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with store.batch() as b:
            b.add_article(art(1), story_id="s1")
            b.mark_story("s1", datetime(2023, 11, 3, tzinfo=timezone.utc))
        assert [r["id"] for r in store.stories()] == ["s1"]
        assert store.stories(written=True) == [] and store.story_count(written=True) == 0
        with store.batch() as b:
            b.save_digest("s1", {"id": "s1", "headline": "Council votes", "lede": [], "published": None}, 1, 1)
        assert [r["headline"] for r in store.stories(written=True)] == ["Council votes"]


def test_an_article_moved_to_a_new_story_takes_its_copies_and_both_digests_are_rewritten(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with store.batch() as b:
            for i in (1, 2, 3):
                b.add_article(art(i), story_id="s1")
            b.add_article(art(4), story_id="s1", duplicate_of="a2")
            b.save_digest("s1", {"id": "s1", "headline": "Council votes", "lede": [], "published": None}, 4, 1)
        assert store.stories(dirty=True) == []
        with store.batch() as b:
            b.move_article("a2", "s2")
            b.move_article("a9", "s2")  # not stored: nothing to move
        assert store.story_ids_of() == {"a1": "s1", "a2": "s2", "a3": "s1", "a4": "s2"}
        assert sorted(r["id"] for r in store.stories(dirty=True)) == ["s1", "s2"]


def test_a_story_left_without_articles_is_retired_and_redirects_to_the_story_that_took_them(tmp_path):
    with Store(tmp_path / "r.db") as store:
        with store.batch() as b:
            for i, sid in ((1, "s0"), (2, "s1"), (3, "s1"), (4, "s2")):
                b.add_article(art(i), story_id=sid)
            for sid in ("s0", "s1", "s2"):
                b.save_digest(sid, {"id": sid, "headline": f"Headline {sid}", "lede": [], "published": None}, 1, 1)
        with store.batch() as b:
            b.move_article("a1", "s1")  # s0 is absorbed by s1
        assert store.redirects() == {"s0": "s1"}
        with store.batch() as b:
            b.move_article("a1", "s2")
            b.move_article("a2", "s2")
            b.move_article("a3", "s2")  # s1 too, and what led to it now leads on
        assert store.redirects() == {"s0": "s2", "s1": "s2"}
        assert [r["id"] for r in store.stories(written=True)] == ["s2"]
        assert [r["id"] for r in store.stories(dirty=True)] == ["s2"]  # nothing left to write for s0, s1
        with store.batch() as b:
            b.move_article("a3", "s1")  # a split may found a story with a retired one's id again
        assert store.redirects() == {"s0": "s2"} and store.story("s1")["dirty"]


def test_a_version_1_database_gains_the_redirect_column(tmp_path):
    db = tmp_path / "v1.db"
    with Store(db) as store:
        with store.batch() as b:
            b.add_article(art(1), story_id="s1")
    con = sqlite3.connect(db)
    con.execute("alter table stories drop column merged_into")
    con.execute("update meta set value = '1' where key = 'schema_version'")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.story_ids_of() == {"a1": "s1"}
        with store.batch() as b:
            b.add_article(art(2), story_id="s2")
            b.move_article("a1", "s2")
        assert store.redirects() == {"s1": "s2"}
