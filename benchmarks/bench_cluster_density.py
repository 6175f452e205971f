"""How crowded the clustering streams are, and a stream more crowded than the others.

The held-out DUC stream mixes DUC 2003 and DUC 2004 (about 80 TDT clusters of the same three
months of 1998, against the dev stream's 30), so more stories run at once than in any dev stream.
This prints, per stream, the mean number of gold stories running at each article's time and of
articles within three days of it, and scores the crowded mixed stream (the crowded DUC stream
plus the ECB+ stories in the same weeks) as the other crowded streams are scored. Last, it scores
the DUC stream against gold labels that give some of its events twice, as a pool of DUC 2003 and
2004 may (their clusters come from the same TDT topics), with an oracle that puts each event in one
story (``--twice`` prints only that table).

    .venv/bin/python benchmarks/bench_cluster_density.py [--twice]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cluster import baseline, fmt, ours  # noqa: E402
from cluster_data import (DATASETS, bcubed, concurrency, crowded_duc_stream, crowded_mixed_stream, dated,  # noqa: E402
                          duc_stream, mixed_stream, through_extract, twice_labelled)

from newsdistill.cluster import ClusterConfig  # noqa: E402

SEEDS = (1, 2, 3, 4, 5, 6)


def main() -> None:
    if not (DATASETS / "duc2003_task2").exists() or not (DATASETS / "ecbplus").exists():
        sys.exit(f"skipped: the DUC 2003 and ECB+ dev sets are not under {DATASETS}")
    cfg = ClusterConfig()
    print(f"# Crowding ({time.strftime('%Y-%m-%d')})\n")
    print("| stream | gold stories | stories running per article | articles within 3 days |")
    print("| --- | --- | --- | --- |")
    crowded_mixed = {span: [crowded_mixed_stream(s, span) for s in SEEDS] for span in (21.0, 7.0)}
    rows = [("duc2003 stream", [duc_stream()]), ("mixed stream", [mixed_stream()])]
    rows += [(f"crowded DUC, {span:g} days (6 seeds)", [crowded_duc_stream(s, span) for s in SEEDS])
             for span in (21.0, 7.0)]
    rows += [(f"crowded mixed, {span:g} days (6 seeds)", streams) for span, streams in crowded_mixed.items()]
    for name, streams in rows:
        found = [concurrency(a, g) for a, g in streams]
        labels = len({label for labels in streams[0][1].values() for label in labels})
        print(f"| {name} | {labels} | {statistics.median(r for r, _ in found):.1f} "
              f"| {statistics.median(n for _, n in found):.1f} |")
    print()
    print("## Crowded mixed stream (B3 F1)\n")
    print("| ECB+ and DUC stories start within | seed | online P | R | F1 | as JSONL records, F1 | records: DUC "
          "articles, F1 | records: ECB+ articles, F1 | TF-IDF + average link (0.85), F1 (no dates used) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    # the baseline uses no dates: one score for every seed and span
    arts, gold = crowded_mixed[21.0][0]
    base = bcubed(baseline(arts, 0.85), gold)[2]
    for span, streams in crowded_mixed.items():
        f1s = []
        for seed, (arts, gold) in zip(SEEDS, streams):
            online = bcubed(ours(arts, cfg, True), gold)
            records = ours(through_extract(dated(arts, True)), cfg, False)
            parts = [bcubed({k: records[k] for k in gold if k.startswith(("APW", "NYT")) == duc},
                            {k: v for k, v in gold.items() if k.startswith(("APW", "NYT")) == duc})[2]
                     for duc in (True, False)]
            f1s.append((online[2], bcubed(records, gold)[2], *parts))
            print(f"| {span:g} + 7 days | {seed} | {fmt(online)} | {f1s[-1][1]:.3f} | {parts[0]:.3f} "
                  f"| {parts[1]:.3f} | {base:.3f} |")
        med = [statistics.median(col) for col in zip(*f1s)]
        print(f"| {span:g} + 7 days | median | | | **{med[0]:.3f}** | **{med[1]:.3f}** | {med[2]:.3f} "
              f"| {med[3]:.3f} | |")
    print()
    twice(cfg)


def twice(cfg: ClusterConfig) -> None:
    """The DUC stream scored against gold labels that give some of its events twice (a stand-in for
    a pool of DUC 2003 and 2004, whose clusters come from the same TDT topics), beside the baseline
    and an oracle that groups every article with its event (its original cluster)."""
    arts, gold = duc_stream()
    systems = {"TF-IDF + average link (0.85)": baseline(arts, 0.85),
               "newsdistill, JSONL records": ours(through_extract(dated(arts, True)), cfg, False),
               "each event one story (oracle)": {a.id: min(gold[a.id]) for a in arts}}
    print("## One event, two gold stories (DUC stream, B3, median of 6 draws)\n")
    print("| clusters labelled twice (of 30) | documents in both halves | gold stories | "
          + " | ".join(f"{name}: P / R / F1" for name in systems) + " |")
    print("| --- | --- | --- | " + " | ".join("---" for _ in systems) + " |")
    for topics, shared in ((0, 0), (10, 0), (10, 2), (15, 0), (20, 0), (20, 2)):
        golds = [twice_labelled(gold, topics, seed, shared) for seed in SEEDS]
        labels = len({label for labels in golds[0].values() for label in labels})
        cells = []
        for pred in systems.values():
            scores = [bcubed(pred, g) for g in golds]
            cells.append(" / ".join(f"{statistics.median(col):.3f}" for col in zip(*scores)))
        print(f"| {topics} | {shared} | {labels} | " + " | ".join(cells) + " |")
    print()


if __name__ == "__main__":
    if sys.argv[1:] == ["--twice"]:
        twice(ClusterConfig())
    else:
        main()
