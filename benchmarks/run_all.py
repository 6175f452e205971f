"""Run the benchmark scripts in this folder (bench_*.py), one after another, printing their tables.

    .venv/bin/python benchmarks/run_all.py            # every benchmark except the slow ones
    .venv/bin/python benchmarks/run_all.py --all      # the slow ones too (about 10 minutes more)
    .venv/bin/python benchmarks/run_all.py run web    # only bench_run.py and bench_web.py

Each runs with its default options; a failing one is reported and the others still run (exit 1).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLOW = {"bench_cluster_scale.py": "about 8 minutes: 100,000 articles clustered one at a time"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="run only these (e.g. run, extract, cluster_scale)")
    parser.add_argument("--all", action="store_true", help="include the slow benchmarks: " + "; ".join(
        f"{name} ({why})" for name, why in SLOW.items()))
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        wanted = {f"bench_{n.removeprefix('bench_').removesuffix('.py')}.py" for n in args.names}
        unknown = wanted - {s.name for s in scripts}
        if unknown:
            parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
        scripts = [s for s in scripts if s.name in wanted]
    elif not args.all:
        for name, why in SLOW.items():
            print(f"skipping {name} ({why}); --all runs it", flush=True)
        scripts = [s for s in scripts if s.name not in SLOW]
    failed = []
    for script in scripts:
        print(f"\n## {script.name}\n", flush=True)
        started = time.perf_counter()
        if subprocess.run([sys.executable, str(script)]).returncode != 0:
            failed.append(script.name)
        print(f"\n({script.name}: {time.perf_counter() - started:.0f} s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
