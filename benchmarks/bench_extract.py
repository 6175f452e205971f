"""Extraction quality and throughput on the Scrapinghub article-extraction benchmark.

Quality uses the benchmark's own metric (github.com/scrapinghub/article-extraction-benchmark,
evaluate.py): tokens are ``\\w+`` runs, shingles are 4-token n-grams counted as a multiset, each page's
true-positive/false-positive/false-negative counts are normalised to sum to 1, precision is averaged
over the pages that predicted something, recall over the pages whose truth has something, and F1 is
taken of those two averages.

The calibration rows score the benchmark's published outputs of other systems (they must give the
published F1); ``--variants`` adds the trafilatura options tried; the throughput rows time the whole
``newsdistill extract`` command against a one-process ``trafilatura.extract`` loop, alternated.

Run: .venv/bin/python benchmarks/bench_extract.py [--reps 5] [--variants] [--skip-speed]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
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


VARIANTS = [  # trafilatura options tried (bare_extraction keyword arguments)
    ("defaults (body text only: extract() would append the comments)", {}),
    ("include_comments=False", {"include_comments": False}),
    ("include_comments=False, favor_recall", {"include_comments": False, "favor_recall": True}),
    ("include_comments=False, favor_precision", {"include_comments": False, "favor_precision": True}),
    ("include_comments=False, include_tables=False", {"include_comments": False, "include_tables": False}),
    ("include_comments=False, fast (no fallback)", {"include_comments": False, "fast": True}),
    ("include_comments=False, fast, favor_precision", {"include_comments": False, "fast": True, "favor_precision": True}),
]


def variant_rows(dataset: Path) -> list[tuple[str, dict[str, float], float]]:
    """F1 and CPU seconds of each trafilatura option set, then of newsdistill's body clean-up steps."""
    import warnings

    import trafilatura

    from newsdistill.extract.html import TRAFILATURA_OPTIONS, clean_body

    warnings.simplefilter("ignore")
    truth = load_truth(dataset)
    htmls = {k: read_page(p) for k, p in pages(dataset).items()}
    rows = []
    for name, options in VARIANTS:
        start = time.process_time()
        out = {k: getattr(trafilatura.bare_extraction(h, **options), "text", None) for k, h in htmls.items()}
        rows.append((f"trafilatura {name}", score(truth, out), time.process_time() - start))
    docs = {k: trafilatura.bare_extraction(h, with_metadata=True, **TRAFILATURA_OPTIONS) for k, h in htmls.items()}
    steps = {
        "chosen options + drop the repeated headline": lambda d: clean_body(d.text, d.title, drop_furniture=False),
        "chosen options + drop furniture lines (is_furniture)": lambda d: clean_body(d.text, None),
        "chosen options + both (newsdistill's body)": lambda d: clean_body(d.text, d.title),
    }
    for name, step in steps.items():
        out = {k: "\n".join(step(d)) if d is not None else None for k, d in docs.items()}
        rows.append((name, score(truth, out), float("nan")))
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
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of all its processes, peak RSS in MB of its largest process)."""
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True, check=True)
    wall, cpu, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed (exit {code}): {' '.join(cmd[:4])} ...")
    return float(wall), float(cpu), int(rss_kb) / 1024


def speed_rows(dataset: Path, reps: int) -> list[tuple[str, float, float, float]]:
    """(command, median wall s, median CPU s, peak RSS MB): start-up included, the two alternated."""
    files = [str(p) for p in pages(dataset).values()]
    bin_dir = Path(sys.executable).parent
    commands = {
        "newsdistill extract --format jsonl (2 cores)": [str(bin_dir / "newsdistill"), "extract", "--format", "jsonl", *files],
        "trafilatura.extract loop, one process": [sys.executable, "-c", TRAFILATURA_SCRIPT, *files],
    }
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(reps):
        for name, cmd in commands.items():
            runs[name].append(_timed(cmd))
    return [(name, statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), max(r[2] for r in rs))
            for name, rs in runs.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each timed command (alternated)")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--variants", action="store_true", help="also score the trafilatura options tried")
    args = parser.parse_args()
    if not (args.dataset / "ground-truth.json").exists():
        raise SystemExit(f"dataset not found: {args.dataset}")
    print(f"Scrapinghub article-extraction benchmark, {len(pages(args.dataset))} pages, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| system | precision | recall | F1 |\n|---|---:|---:|---:|")
    for name, m in quality_rows(args.dataset):
        print(f"| {name} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} |")
    if args.variants:
        print("\n| variant | precision | recall | F1 | CPU s |\n|---|---:|---:|---:|---:|")
        for name, m, cpu in variant_rows(args.dataset):
            cpu_text = "" if cpu != cpu else f"{cpu:.2f}"  # nan: not timed
            print(f"| {name} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | {cpu_text} |")
    if args.skip_speed:
        return
    rows = speed_rows(args.dataset, args.reps)
    print(f"\n| command ({len(pages(args.dataset))} files, start-up included, median of {args.reps}, alternated) "
          "| wall s | CPU s (all processes) | peak RSS MB (largest process) |")
    print("|---|---:|---:|---:|")
    for name, wall, cpu, peak in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak:.0f} |")
    print(f"\nnewsdistill: {rows[1][1] / rows[0][1]:.2f}x the wall-clock speed of single-process trafilatura "
          f"(CPU ratio {rows[1][2] / rows[0][2]:.2f}); load average at the end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
