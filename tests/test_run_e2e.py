"""The main job end to end: loopback outlets serving DUC 2003 articles, `run`, then `stories`."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bcubed import bcubed
from conftest import dataset, run_cli
from newsweb import NewsWeb, load_clusters


@pytest.fixture(scope="module")
def web():
    clusters = load_clusters(dataset("duc2003_task2") / "clusters.jsonl")
    with NewsWeb(clusters) as w:
        yield w


def stored(db) -> list[dict]:
    out = run_cli("stories", "--db", str(db), "--format", "jsonl", "--limit", "10000")
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def story_of(stories: list[dict]) -> dict[str, str]:
    return {a["url"]: s["id"] for s in stories for a in s["articles"]}


def test_run_stores_every_page_once_and_groups_them_into_the_gold_stories(web, tmp_path):
    db, site = tmp_path / "news.db", tmp_path / "site"
    feeds = web.write_feed_list(tmp_path / "feeds.txt")
    first = run_cli("run", "--feeds", str(feeds), "--db", str(db), "--site", str(site),
                    "--report-json", str(tmp_path / "report.json"), timeout=600)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    stories = stored(db)
    figures = json.loads((tmp_path / "report.json").read_text())
    assert figures["new_articles"] == len(web.gold) and figures["stories_new"] == len(stories)
    assert figures["feeds_ok"] == 3 and figures["feeds_failed"] == [] and figures["rejected"] == []
    assert set(figures["timings"]) == {"fetch", "extract", "cluster", "summarize", "publish"}
    assert 0 < figures["timings"]["summarize"] < figures["seconds"]
    placed = story_of(stories)
    assert sorted(placed) == sorted(web.gold)  # every page, once
    p, r, f1 = bcubed(placed, web.gold)
    print(f"B-cubed on the local news web: P={p:.3f} R={r:.3f} F1={f1:.3f} ({len(stories)} stories)")
    assert f1 >= 0.85
    for page in web.republisher.pages.values():  # republished copies sit in their original's story
        assert placed[web.url_of(page)] == placed[page.original_url]
    with sqlite3.connect(db) as con:  # ... and add no publisher: a story counts reports, not copies
        copy_ids = {r[0] for r in con.execute("select id from articles where duplicate_of is not null")}
    assert len(copy_ids) >= len(web.republisher.pages)
    for story in stories:
        reports = {a["outlet"] for a in story["articles"] if a["id"] not in copy_ids}
        assert story["publishers"] == len(reports), story["id"]
    assert (site / "index.html").exists() and (site / "feed.atom").exists()
    with sqlite3.connect(db) as con:  # stories absorbed into a larger one (when they closed) redirect to it
        retired = dict(con.execute("select id, merged_into from stories where merged_into is not null"))
    assert set(retired.values()) <= {s["id"] for s in stories} and not set(retired) & {s["id"] for s in stories}
    assert len(list((site / "story").glob("*.html"))) == len(stories) + len(retired)
    for old, new in retired.items():
        assert f'url={new}.html"' in (site / "story" / f"{old}.html").read_text(encoding="utf-8")

    web_requests = {o.name: len(o.requests) for o in web.all_outlets}
    again = run_cli("run", "--feeds", str(feeds), "--db", str(db), "--site", str(site),
                    "--report-json", str(tmp_path), timeout=600)  # a folder: the report cannot be written
    assert again.returncode == 0, again.stderr
    assert f"{tmp_path}: cannot write the report" in again.stderr and "Traceback" not in again.stderr
    assert stored(db) == stories  # nothing added, nothing changed
    for o in web.all_outlets:  # only the feeds were asked for again, no page
        assert all(p in ("/rss.xml", "/robots.txt") for p in o.requests[web_requests[o.name]:])
    health = run_cli("feeds", "--db", str(db))
    assert health.returncode == 0 and "Associated Wire" in health.stdout


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_run_killed_with_sigkill_and_rerun_ends_with_the_same_articles(web, tmp_path):
    feeds = web.write_feed_list(tmp_path / "feeds.txt")
    clean_db, db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert run_cli("run", "--feeds", str(feeds), "--db", str(clean_db), "--site", str(tmp_path / "s1"),
                   timeout=600).returncode == 0
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "newsdistill", "run", "--feeds", str(feeds), "--db", str(db),
                             "--site", str(tmp_path / "s2")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:  # kill it once the first chunk of articles is committed
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("select count(*) from articles").fetchone()[0] > 0:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    workers = children(proc.pid)
    assert workers  # the run's worker processes were busy when it was killed
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10  # orphaned workers notice within a second and end
    while time.time() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
    rerun = run_cli("run", "--feeds", str(feeds), "--db", str(db), "--site", str(tmp_path / "s2"), timeout=600)
    assert rerun.returncode == 0, rerun.stderr

    def keys(path):
        with sqlite3.connect(path) as con:
            return sorted(r[0] for r in con.execute("select key from articles"))

    assert keys(db) == keys(clean_db)
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from stories where dirty = 1").fetchone()[0] == 0
        assert con.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0
