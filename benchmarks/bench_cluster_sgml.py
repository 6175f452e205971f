"""The DUC 2003 stream as its original newswire SGML files, through `newsdistill cluster`.

DUC, TDT and TREC ship news as SGML (`<DOC>`, `<DOCNO>`, `<DATE_TIME>`, `<TEXT>`), one file per
document named by its id (no suffix). This gives the folder of the 30 clusters' files to the
command as a user would (`newsdistill cluster raw/docs`), and scores its output with extended
B-cubed against the clusters (a document filed in two clusters carries both labels), beside the
same documents as JSONL records dated to the day (the main table's row).

    .venv/bin/python benchmarks/bench_cluster_sgml.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cluster import fmt  # noqa: E402
from cluster_data import DATASETS, bcubed, duc_stream  # noqa: E402

RAW = DATASETS / "duc2003_task2" / "raw" / "docs"
COMMAND = [sys.executable, "-m", "newsdistill", "cluster"]


def run(inputs: list[str]) -> tuple[dict[str, str], float, str]:
    start = time.perf_counter()
    done = subprocess.run(COMMAND + inputs, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    return {r["id"]: r["story"] for r in map(json.loads, done.stdout.splitlines())}, seconds, done.stderr


def main() -> None:
    if not RAW.exists():
        sys.exit(f"skipped: the DUC 2003 SGML files are not under {RAW}")
    articles, gold = duc_stream()
    print(f"# DUC 2003 stream through `newsdistill cluster` ({time.strftime('%Y-%m-%d')})\n")
    print("| input | files | articles | B3 precision | B3 recall | B3 F1 | wall time (s) | lines on stderr |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    files = sorted(p for p in RAW.rglob("*") if p.is_file())
    pred, seconds, errors = run([str(RAW)])
    print(f"| SGML folder (`raw/docs`, dates to the minute) | {len(files)} | {len(pred)} | "
          f"{fmt(bcubed(pred, gold))} | {seconds:.1f} | {len(errors.splitlines())} |")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "duc2003.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in articles:
                rec = {"id": a.id, "text": a.text, "source": a.outlet, "date": a.published.date().isoformat()}
                out.write(json.dumps(rec) + "\n")
        pred, seconds, errors = run([str(path)])
    print(f"| JSONL records (id, text, source, date to the day) | 1 | {len(pred)} | {fmt(bcubed(pred, gold))} | "
          f"{seconds:.1f} | {len(errors.splitlines())} |")


if __name__ == "__main__":
    main()
