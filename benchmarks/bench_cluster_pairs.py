"""How much closeness in time counts between two new articles of one instant (`pair_boost`).

When dates are cut to the day (as `newsdistill cluster` reads JSONL records dated "YYYY-MM-DD"), a
day's articles are one batch. Between an article and an open story, closeness in time multiplies
the similarity by up to `time_boost`; between two articles of the batch, by `pair_boost` of that
boost. Streams: the DUC 2003 stream and the mixed stream (DUC + ECB+ stories) by day, and the
crowded DUC stream (every cluster starting within 21, 14 or 7 days) as JSONL records, over the six
seeds of `bench_cluster.py` and eight more (7-14), drawn after 0.5 was first tried on seeds 1-6 to
check it.

Run from the project folder: .venv/bin/python benchmarks/bench_cluster_pairs.py
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cluster import ours  # noqa: E402
from cluster_data import DATASETS, bcubed, crowded_duc_stream, dated, duc_stream, mixed_stream, through_extract  # noqa: E402

from newsdistill.cluster import ClusterConfig  # noqa: E402

VALUES = [0.0, 0.25, 0.5, 0.75, 1.0]


def main() -> None:
    if not (DATASETS / "duc2003_task2").exists():
        sys.exit(f"skipped: {DATASETS / 'duc2003_task2'} is absent")
    duc, duc_gold = duc_stream()
    mixed, mixed_gold = mixed_stream()
    duc_day = dated(duc, True)
    fixed = {"DUC 2003 by day": (duc_day, duc_gold), "DUC 2003 records": (through_extract(duc_day), duc_gold),
             "mixed by day": (dated(mixed, True), mixed_gold)}
    crowded: dict[tuple[str, float], list] = {}
    for span in (21.0, 14.0, 7.0):
        for seeds, name in (((1, 2, 3, 4, 5, 6), "seeds 1-6"), (tuple(range(7, 15)), "seeds 7-14")):
            streams = []
            for seed in seeds:
                arts, gold = crowded_duc_stream(seed, span)
                streams.append((through_extract(dated(arts, True)), gold))
            crowded[(name, span)] = streams
    print("## Time evidence between two articles of one instant (`pair_boost`; B3 F1)\n")
    head = list(fixed) + [f"crowded {span:g} days as records, {name}: mean (min)" for name, span in crowded]
    print("| pair_boost | " + " | ".join(head) + " |")
    print("| --- " * (len(head) + 1) + "|")
    for value in VALUES:
        cfg = dataclasses.replace(ClusterConfig(), pair_boost=value)
        cells = [f"{bcubed(ours(a, cfg, False), g)[2]:.3f}" for a, g in fixed.values()]
        for streams in crowded.values():
            f1 = [bcubed(ours(a, cfg, False), g)[2] for a, g in streams]
            cells.append(f"{statistics.mean(f1):.3f} ({min(f1):.3f})")
        mark = " (default)" if value == ClusterConfig().pair_boost else ""
        print(f"| {value:g}{mark} | " + " | ".join(cells) + " |")
    print()


if __name__ == "__main__":
    main()
