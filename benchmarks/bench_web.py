"""Load test of `newsdistill serve` on 127.0.0.1: a store of a few thousand articles, a bounded
number of requests (default 2,000, 20 at a time) over every kind of page and API call.

The server runs as its own process (`newsdistill serve`), the client is httpx (async). Prints a
Markdown table of latency percentiles per endpoint and in all, and the error count.

    .venv/bin/python benchmarks/bench_web.py [--articles 3000] [--requests 2000] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DUC = ROOT.parent / "shared" / "datasets" / "duc2003_task2" / "clusters.jsonl"


def build_store(db: Path, n_articles: int) -> list[str]:
    """Stories from the DUC clusters, repeated with shifted dates and ids up to ``n_articles``."""
    from newsdistill.dedupe import count_publishers
    from newsdistill.model import Article, Story
    from newsdistill.publish import digest_to_dict
    from newsdistill.store import Store
    from newsdistill.summarize import select_sentences
    from newsdistill.summarize.compose import compose

    clusters = [json.loads(line) for line in DUC.read_text().splitlines()]
    store = Store(db)
    ids, made, copy = [], 0, 0
    while made < n_articles:
        for c in clusters:
            shift = timedelta(days=40 * copy)
            arts = [Article(id=f"{d['id']}-{copy}", text=d["text"], title=d.get("slug"), outlet=d["source"],
                            url=f"https://{d['source'].lower()}.example/{copy}/{d['id']}",
                            published=datetime.fromisoformat(d["date"]).replace(tzinfo=timezone.utc) + shift)
                    for d in c["documents"]]
            sid = f"{c['id']}-{copy}"
            digest = compose(Story(id=sid, articles=arts), select_sentences)
            with store.batch() as b:
                for a in arts:
                    b.add_article(a, story_id=sid)
                b.save_digest(sid, digest_to_dict(digest), len(arts), count_publishers(arts))
            ids.append(sid)
            made += len(arts)
            if made >= n_articles:
                break
        copy += 1
    store.close()
    return ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def load(base: str, story_ids: list[str], n: int, concurrency: int) -> dict[str, list[float]]:
    rng = random.Random(7)
    words = ["Pinochet", "hurricane", "election", "Brazil", "crash", "Clinton", "bomb", "court", "nobel", "storm"]
    kinds = [
        ("front", lambda: "/"),
        ("front page 3", lambda: "/?page=3"),
        ("topic filter", lambda: f"/?q={rng.choice(words)}"),
        ("story", lambda: f"/story/{rng.choice(story_ids)}"),
        ("search", lambda: f"/search?q={rng.choice(words)}"),
        ("api stories", lambda: "/api/stories?limit=20"),
        ("api story", lambda: f"/api/stories/{rng.choice(story_ids)}"),
        ("api search", lambda: f"/api/search?q={rng.choice(words)}"),
        ("atom", lambda: "/feed.atom"),
        ("unknown story", lambda: "/story/no-such-story"),
    ]
    plan = [kinds[i % len(kinds)] for i in range(n)]
    rng.shuffle(plan)
    times: dict[str, list[float]] = {name: [] for name, _ in kinds}
    errors: list[str] = []
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            name, path = queue.get_nowait()
            url = path()
            t0 = time.perf_counter()
            r = await client.get(url)
            times[name].append(time.perf_counter() - t0)
            expected = 404 if name == "unknown story" else 200
            if r.status_code != expected:
                errors.append(f"{url}: {r.status_code}")

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    times["_errors"] = errors  # type: ignore[assignment]
    return times


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=20)
    args = ap.parse_args()
    if not DUC.exists():
        sys.exit(f"skipped: {DUC} not found (../shared/datasets beside the project)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.db"
        t0 = time.perf_counter()
        ids = build_store(db, args.articles)
        built = time.perf_counter() - t0
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "newsdistill", "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    httpx.get(base + "/api/stories?limit=1", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            t0 = time.perf_counter()
            times = asyncio.run(load(base, ids, args.requests, args.concurrency))
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(10)
    errors = times.pop("_errors")
    every = [t for ts in times.values() for t in ts]
    print(f"Store: {args.articles} articles in {len(ids)} stories (built in {built:.0f} s). "
          f"{len(every)} requests, {args.concurrency} at a time, in {wall:.1f} s "
          f"({len(every) / wall:.0f} requests/s); errors: {len(errors)}\n")
    print("| endpoint | requests | p50 ms | p90 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, ts in [*times.items(), ("all", every)]:
        print(f"| {name} | {len(ts)} | {pct(ts, 50):.1f} | {pct(ts, 90):.1f} | {pct(ts, 99):.1f} | {max(ts) * 1000:.1f} |")
    if errors:
        print("\nErrors:", *errors[:10], sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
