"""Throughput of the main job end to end: `newsdistill run` over the local news web.

The web is the one the end-to-end test uses (tests/newsweb.py): loopback outlets on 127.0.0.2-4
serving the 298 DUC 2003 articles as HTML pages with their furniture, one RSS feed per agency and a
republisher (361 pages in all). Each repetition runs the real command as a subprocess on a fresh
database and site folder and times it whole (interpreter start-up included); the command's own
figures come from its ``--report-json``. The servers run in this process; their CPU time is printed
so their share of the machine can be seen.

    .venv/bin/python benchmarks/bench_run.py [--reps 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DUC = ROOT.parent / "shared" / "datasets" / "duc2003_task2" / "clusters.jsonl"
sys.path.insert(0, str(ROOT / "tests"))

STAGES = [  # (timings key, row label)
    ("fetch", "fetch (wall: polling and pages; extraction runs alongside)"),
    ("extract", "extract (CPU summed over the worker processes, overlaps fetch)"),
    ("cluster", "cluster (wall, main process)"),
    ("summarize", "summarize (wall: digests composed in the worker processes, saved)"),
    ("publish", "publish (wall: static site)"),
]


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def one_run(feeds: Path, folder: Path) -> dict:
    """Run the command once; its report plus wall time and CPU time (command and its workers)."""
    report = folder / "report.json"
    cmd = [sys.executable, "-m", "newsdistill", "run", "--feeds", str(feeds), "--db", str(folder / "news.db"),
           "--site", str(folder / "site"), "--report-json", str(report)]
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    cpu0, server0 = _cpu(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0 or not report.exists():
        raise SystemExit(f"newsdistill run failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    figures = json.loads(report.read_text())
    figures.update(wall=wall, cpu=_cpu(resource.RUSAGE_CHILDREN) - cpu0, server_cpu=_cpu(resource.RUSAGE_SELF) - server0)
    return figures


def main() -> None:
    from newsweb import NewsWeb, load_clusters

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions, each on a fresh database (default 3)")
    parser.add_argument("--clusters", type=Path, default=DUC, help="DUC 2003 clusters.jsonl")
    args = parser.parse_args()
    if not args.clusters.exists():
        raise SystemExit(f"dataset not found: {args.clusters}")
    load_before = os.getloadavg()[0]
    runs = []
    with NewsWeb(load_clusters(args.clusters)) as web, tempfile.TemporaryDirectory() as tmp:
        feeds = web.write_feed_list(Path(tmp) / "feeds.txt")
        for i in range(args.reps):
            folder = Path(tmp) / f"run{i}"
            folder.mkdir()
            runs.append(one_run(feeds, folder))
            if runs[-1]["new_articles"] != len(web.gold):
                raise SystemExit(f"stored {runs[-1]['new_articles']} pages, expected {len(web.gold)}")
    pages = len(web.gold)

    def med(get) -> float:
        return statistics.median(get(r) for r in runs)

    wall = med(lambda r: r["wall"])
    print(f"`newsdistill run` on the local news web ({pages} pages, 3 outlets), "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after\n")
    print(f"| measure (median of {args.reps}, fresh database each) | value |\n|---|---:|")
    print(f"| wall s, whole command (start-up included) | {wall:.2f} |")
    print(f"| pages stored | {pages} |")
    print(f"| **pages/s** (pages stored / wall time; goal >= 40) | **{pages / wall:.1f}** |")
    print(f"| CPU s, command and its workers | {med(lambda r: r['cpu']):.2f} |")
    print(f"| CPU s, the test web's servers (this process) | {med(lambda r: r['server_cpu']):.2f} |")
    print(f"| stories written | {med(lambda r: r['stories_new']):.0f} |")
    walls = ", ".join(f"{r['wall']:.2f}" for r in runs)
    print(f"| wall s of each run | {walls} |")

    print("\n| stage | s (median) | share of wall time |\n|---|---:|---:|")
    for key, label in STAGES:
        seconds = med(lambda r, key=key: r["timings"].get(key, 0.0))
        print(f"| {label} | {seconds:.2f} | {seconds / wall:.0%} |")
    walled = [k for k, _ in STAGES if k != "extract"]
    rest = med(lambda r: r["seconds"] - sum(r["timings"].get(k, 0.0) for k in walled))
    startup = med(lambda r: r["wall"] - r["seconds"])
    print(f"| other in the run (reading the store, waiting for the last extractions, storing) | {rest:.2f} "
          f"| {rest / wall:.0%} |")
    print(f"| start-up (interpreter, imports, command line) | {startup:.2f} | {startup / wall:.0%} |")


if __name__ == "__main__":
    main()
