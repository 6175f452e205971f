"""Story clustering at scale: a synthetic stream of 100,000 articles clustered one at a time.

The stream is built from the dev articles (ECB+ and DUC 2003): each gold story recurs as new
events at random times over five years; each event re-publishes its articles over a few days with
light rewording (sentences dropped, words changed) and its names spelt its own way (two in three
capitalised words get an event-specific ending), so every event is a story of its own. Prints the time
per article over the first and last 10,000, the total time and the peak memory (max RSS).

    .venv/bin/python benchmarks/bench_cluster_scale.py [--articles 100000]
    .venv/bin/python benchmarks/bench_cluster_scale.py --articles 20000 --one-call [--no-settling]

``--one-call`` gives the whole stream to one ``add_batch`` call instead (as ``newsdistill
cluster`` reads a file) and prints its total time and peak memory; ``--no-settling`` leaves out
the settling of the call's reports. ``--write-jsonl PATH`` writes the stream as JSONL records
instead, for timing the command itself (``/usr/bin/time -v newsdistill cluster PATH``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import duc_stream, ecbplus  # noqa: E402

from newsdistill.cluster import ClusterConfig, StoryClusterer  # noqa: E402
from newsdistill.model import Article  # noqa: E402

START = datetime(2020, 1, 1, tzinfo=timezone.utc)
SPAN_DAYS = 5 * 365


def schedule(stories: list[list[Article]], total: int, rng: random.Random) -> list[tuple[float, int, int, int]]:
    """(time, story, article, event) for ``total`` articles, in time order."""
    items = []
    event = 0
    while len(items) < total:
        s = rng.randrange(len(stories))
        start = rng.uniform(0, SPAN_DAYS)
        for k in range(len(stories[s])):
            items.append((start + rng.expovariate(1 / 1.5), s, k, event))
        event += 1
    items = items[:total]
    items.sort()
    return items


def reword(a: Article, event: int, rng: random.Random) -> str:
    """Light rewording; names get an event-specific spelling so each event is its own story."""
    sentences = [s for s in a.text.replace("\n", " \n").split(". ") if s.strip()]
    kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
    words = ". ".join(kept).split(" ")
    for _ in range(max(1, len(words) // 25)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["reportedly", "officials", "on Monday", "later", words[i].lower()])
    suffix = "".join("aeiouklmnrstvz"[int(d)] for d in str(event))
    words = [w + suffix if w[:1].isupper() and len(w) > 3 and zlib.crc32(w.encode()) % 3 else w for w in words]
    return f"Reporting by Jordan {suffix.title()}. " + " ".join(words)


def synthetic(pool: list[list[Article]], n: int, day: float, s: int, k: int, event: int,
              rng: random.Random) -> Article:
    return Article(id=f"a{n}", text=reword(pool[s][k], event, rng), outlet=f"outlet{rng.randrange(50)}",
                   url=f"https://outlet{n % 50}.example/{event}/{n}", published=START + timedelta(days=day))


def one_call(pool: list[list[Article]], plan: list[tuple[float, int, int, int]], rng: random.Random,
             config: ClusterConfig) -> None:
    articles = [synthetic(pool, n, *item, rng) for n, item in enumerate(plan)]
    t0 = time.perf_counter()
    assigned = StoryClusterer(config).add_batch(articles)
    total = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| articles in one call | stories | total time (s) | ms per article | peak memory (MB, articles included) |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| {len(plan)} | {len(set(assigned.values()))} | {total:.0f} | {1000 * total / len(plan):.2f} | {peak_mb:.0f} |")


def write_jsonl(pool: list[list[Article]], plan: list[tuple[float, int, int, int]], rng: random.Random,
                path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for n, item in enumerate(plan):
            a = synthetic(pool, n, *item, rng)
            fh.write(json.dumps({"id": a.id, "text": a.text, "source": a.outlet, "url": a.url,
                                 "date": a.published.isoformat()}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--one-call", action="store_true", help="the whole stream in one add_batch call")
    ap.add_argument("--no-settling", action="store_true", help="with --one-call: no settling at its end")
    ap.add_argument("--write-jsonl", metavar="PATH", help="write the stream as JSONL records for `newsdistill cluster`")
    args = ap.parse_args()
    rng = random.Random(11)
    stories: dict[str, list[Article]] = {}
    for arts, gold in (ecbplus(), duc_stream()):
        for a in arts:
            stories.setdefault(min(gold[a.id]), []).append(a)
    pool = list(stories.values())
    plan = schedule(pool, args.articles, rng)
    if args.write_jsonl:
        return write_jsonl(pool, plan, rng, Path(args.write_jsonl))
    if args.one_call:
        return one_call(pool, plan, rng, ClusterConfig(settle_own=-1) if args.no_settling else ClusterConfig())
    clusterer = StoryClusterer()
    times: list[float] = []
    stories: set[str] = set()
    state_mb: list[float] = []  # JSON size of the clusterer's state (what a store rewrites per commit)
    t0 = time.perf_counter()
    for n, (day, s, k, event) in enumerate(plan):
        art = synthetic(pool, n, day, s, k, event, rng)
        t = time.perf_counter()
        stories.add(clusterer.add(art))
        stories.update(clusterer.moved.values())
        times.append(time.perf_counter() - t)
        if (n + 1) % 10_000 == 0:
            size = len(json.dumps(clusterer.state())) / 1e6
            state_mb.append(size)
            print(f"  {n + 1} articles, {time.perf_counter() - t0:.0f} s, open stories {len(clusterer.open)}, "
                  f"state {size:.1f} MB", file=sys.stderr, flush=True)
    total = time.perf_counter() - t0
    first, last = times[:10_000], times[-10_000:]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stories_made = len(stories)
    print("| articles | stories | first 10k: mean / median ms per article | last 10k: mean / median ms "
          "| ratio of means (last/first) | total time (s) | peak memory (MB) | state JSON at 10k / 100k (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {len(plan)} | {stories_made} | {1000 * statistics.mean(first):.2f} / {1000 * statistics.median(first):.2f} "
          f"| {1000 * statistics.mean(last):.2f} / {1000 * statistics.median(last):.2f} "
          f"| {statistics.mean(last) / statistics.mean(first):.2f} | {total:.0f} | {peak_mb:.0f} "
          f"| {state_mb[0]:.1f} / {state_mb[-1]:.1f} |")


if __name__ == "__main__":
    main()
