"""Extraction quality and throughput on the Scrapinghub article-extraction benchmark.

Quality uses the benchmark's own metric (github.com/scrapinghub/article-extraction-benchmark,
evaluate.py): tokens are ``\\w+`` runs, shingles are 4-token n-grams counted as a multiset, each page's
true-positive/false-positive/false-negative counts are normalised to sum to 1, precision is averaged
over the pages that predicted something, recall over the pages whose truth has something, and F1 is
taken of those two averages.

Run: .venv/bin/python benchmarks/bench_extract.py [--reps 5] [--skip-speed]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT.parent / "shared" / "datasets" / "scrapinghub_article_extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of n-token shingles; a text shorter than n tokens is one short shingle."""
    toks = _TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles for one page, normalised to sum to 1 (all 0 when both are empty)."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(tp: float, other: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + other) if tp + other else 0.0


def score(truth: dict[str, str], pred: dict[str, str | None]) -> dict[str, float]:
    """precision, recall (page averages) and F1 of the averages, as the benchmark computes them."""
    counts = [page_counts(truth[k], pred.get(k)) for k in truth]
    precision = statistics.mean(_ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def load_truth(dataset: Path = DATASET) -> dict[str, str]:
    data = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody", "") for k, v in data.items()}


def pages(dataset: Path = DATASET) -> dict[str, Path]:
    return {p.name.split(".")[0]: p for p in sorted((dataset / "html").glob("*.html.gz"))}


def read_page(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read()


def quality_rows(dataset: Path) -> list[tuple[str, dict[str, float]]]:
    """Calibration rows (published outputs), plain trafilatura and newsdistill, on the same pages."""
    import warnings

    import trafilatura

    from newsdistill.extract import extract
    from newsdistill.ingest import RawDocument

    warnings.simplefilter("ignore")
    truth = load_truth(dataset)
    rows = []
    for system in CALIBRATION:
        path = dataset / "reference_outputs" / f"{system}.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            data = data.get("output", data)
            rows.append((f"published output: {system} (paper {CALIBRATION[system]})",
                         score(truth, {k: v.get("articleBody") for k, v in data.items()})))
    htmls = {k: read_page(p) for k, p in pages(dataset).items()}
    rows.append(("trafilatura.extract(html), defaults", score(truth, {k: trafilatura.extract(h) for k, h in htmls.items()})))
    ours = {}
    for k, h in htmls.items():
        art = extract(RawDocument(source=k, kind="html", body=h))
        ours[k] = getattr(art, "text", None)
    rows.append(("newsdistill extract()", score(truth, ours)))
    return rows


CALIBRATION = {"trafilatura": 0.958, "readability": 0.922, "newspaper": 0.949, "AutoExtract": 0.970}
TRAFILATURA_SCRIPT = """
import gzip, sys
import trafilatura
for path in sys.argv[1:]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        trafilatura.extract(fh.read())
"""


# Runs one command with stdout to /dev/null; prints its wall time and the peak RSS of its largest
# process (workers included). A small launcher of its own, because a child forked straight from this
# big benchmark process would report the benchmark's memory as its peak.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the command's largest process)."""
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True, check=True)
    wall, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed (exit {code}): {' '.join(cmd[:4])} ...")
    return float(wall), int(rss_kb) / 1024


def speed_rows(dataset: Path, reps: int) -> list[tuple[str, float, float]]:
    """Whole-command wall time (start-up included), alternating the two commands, medians."""
    files = [str(p) for p in pages(dataset).values()]
    bin_dir = Path(sys.executable).parent
    commands = {
        "newsdistill extract --format jsonl (2 cores)": [str(bin_dir / "newsdistill"), "extract", "--format", "jsonl", *files],
        "trafilatura.extract loop, one process": [sys.executable, "-c", TRAFILATURA_SCRIPT, *files],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, float] = dict.fromkeys(commands, 0.0)
    for _ in range(reps):
        for name, cmd in commands.items():
            wall, peak = _timed(cmd)
            times[name].append(wall)
            rss[name] = max(rss[name], peak)
    return [(name, statistics.median(times[name]), rss[name]) for name in commands]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each timed command (alternated)")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not (args.dataset / "ground-truth.json").exists():
        raise SystemExit(f"dataset not found: {args.dataset}")
    print(f"Scrapinghub article-extraction benchmark, {len(pages(args.dataset))} pages, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| system | precision | recall | F1 |\n|---|---:|---:|---:|")
    for name, m in quality_rows(args.dataset):
        print(f"| {name} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} |")
    if args.skip_speed:
        return
    rows = speed_rows(args.dataset, args.reps)
    print(f"\n| command (181 files, start-up included, median of {args.reps}, alternated) | seconds | peak RSS MB |")
    print("|---|---:|---:|")
    for name, seconds, peak in rows:
        print(f"| {name} | {seconds:.2f} | {peak:.0f} |")
    print(f"\nnewsdistill is {rows[1][1] / rows[0][1]:.2f}x the speed of single-process trafilatura.")


if __name__ == "__main__":
    main()
