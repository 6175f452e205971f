"""Story clustering quality: extended B-cubed on ECB+ (dev topics) and a DUC 2003 news stream.

Prints Markdown tables: newsdistill (one configuration, the library default) beside a TF-IDF +
average-link baseline (one distance threshold, chosen once for both datasets), a denser mixed
stream (stress check), and ECB+ and DUC once more as the cluster command reads them; small calls
(one DUC cluster, one ECB+ topic at a time); a day of web pages from many sites; a crowded DUC stream (clusters moved closer in time); the streams
as one call; how often pairs whose neighbourhoods share nothing are of one event; dense events
(wire copies, heavy rewrites) with and without shared neighbours; the sensitivity of F1 to the
threshold, the time boost, the neighbourhoods and the window; threshold and boost chosen on half of the
topics/clusters and scored on the other half (leave-topics-out); the near-duplicate measurement.

    .venv/bin/python benchmarks/bench_cluster.py
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import (DATASETS, as_text_files, bcubed, cosine_matrix, crowded_duc_stream, dated,  # noqa: E402
                          duc_cluster_ids, duc_stream, ecbplus, heavy_rewrites, mixed_stream, one_at_a_time,
                          through_extract, web_day)
from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from newsdistill.cluster import ClusterConfig, StoryClusterer  # noqa: E402
from newsdistill.dedupe.duplicates import minhash  # noqa: E402
from newsdistill.model import Article  # noqa: E402

BASELINE_GRID = [0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95]
THRESHOLDS = [0.14, 0.15, 0.16, 0.17, 0.18, 0.20, 0.22]
BOOSTS = [1.0, 1.25, 1.5, 1.75, 2.0]


def ours(articles: list[Article], config: ClusterConfig, stream: bool) -> dict[str, str]:
    if stream:  # one article at a time, as the scanner does
        return one_at_a_time(articles, config)
    return StoryClusterer(config).add_batch(articles)


def baseline(articles: list[Article], distance: float) -> dict[str, str]:
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.text for a in articles])
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=distance).fit_predict(x.toarray())
    return {a.id: str(label) for a, label in zip(articles, labels)}


def fmt(prf: tuple[float, float, float]) -> str:
    return " | ".join(f"{v:.3f}" for v in prf)


def main() -> None:
    data = {"ecbplus (dev topics 1-22)": (*ecbplus(), False), "duc2003 stream": (*duc_stream(), True),
            "mixed stream (DUC 2003 + ECB+ stories, one period)": (*mixed_stream(), True)}
    extracted = through_extract(data["ecbplus (dev topics 1-22)"][0])
    cfg = ClusterConfig()
    # baseline: one threshold for both datasets, the best mean F1
    base_scores = {d: [bcubed(baseline(a, d), g) for a, g, _ in data.values()] for d in BASELINE_GRID}
    best_d = max(BASELINE_GRID, key=lambda d: statistics.mean(s[2] for s in base_scores[d]))
    print(f"# Story clustering ({time.strftime('%Y-%m-%d')})\n")
    print("| dataset | docs | gold stories | system | B3 precision | B3 recall | B3 F1 | time (s) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (name, (arts, gold, stream)), base in zip(data.items(), base_scores[best_d]):
        labels = {lab for labs in gold.values() for lab in labs}
        t = time.perf_counter()
        pred = ours(arts, cfg, stream)
        took = time.perf_counter() - t
        mode = "online, one at a time" if stream else "one undated batch"
        print(f"| {name} | {len(arts)} | {len(labels)} | newsdistill ({mode}) | {fmt(bcubed(pred, gold))} | {took:.1f} |")
        unsplit = ours(arts, dataclasses.replace(cfg, split_members=10**9), stream)
        print(f"| {name} | {len(arts)} | {len(labels)} | newsdistill ({mode}), no splits | {fmt(bcubed(unsplit, gold))} | |")
        whole = ours(arts, dataclasses.replace(cfg, absorb_size=0), stream)
        print(f"| {name} | {len(arts)} | {len(labels)} | newsdistill ({mode}), no absorptions | {fmt(bcubed(whole, gold))} | |")
        print(f"| {name} | {len(arts)} | {len(labels)} | TF-IDF + average link (distance {best_d}) | {fmt(base)} | |")
    for name, arts, gold, labels in (("ecbplus", extracted, data["ecbplus (dev topics 1-22)"][1], 40),
                                     ("duc2003 stream", through_extract(data["duc2003 stream"][0]),
                                      data["duc2003 stream"][1], 30)):
        n_dated = sum(1 for a in arts if a.published)
        datelines = sum(1 for a in arts if a.dateline)
        row = f"| {name} as `cluster` reads JSONL records of it ({n_dated} dated to the day, {datelines} wire datelines)"
        print(f"{row} | {len(arts)} | {labels} | newsdistill (one call) | {fmt(bcubed(ours(arts, cfg, False), gold))} | |")
        if n_dated:  # settling moves only dated reports
            unsettled = ours(arts, dataclasses.replace(cfg, settle_own=-1), False)
            print(f"{row} | {len(arts)} | {labels} | newsdistill (one call), no settling | {fmt(bcubed(unsettled, gold))} | |")
    files = as_text_files(data["ecbplus (dev topics 1-22)"][0])
    gold = {a.id: data["ecbplus (dev topics 1-22)"][1][a.path.rsplit("/", 1)[-1][:-4]] for a in files}
    print(f"| ecbplus as plain-text files through `cluster` ({sum(1 for a in files if a.published)} dates found "
          f"in the text) | {len(files)} | 40 | newsdistill (one call) | {fmt(bcubed(ours(files, cfg, False), gold))} | |")
    print(f"\nnewsdistill configuration: `{cfg}`\n")
    small_calls(cfg)
    web_day_section(data, cfg)
    crowded_stream(cfg)
    batch_paths(data, cfg)
    unshared_evidence(data, cfg)
    day_orders(data["duc2003 stream"][:2], cfg)
    dense_events(data["duc2003 stream"][:2], cfg)
    sensitivity(data, cfg)
    leave_out(cfg)
    duplicate_threshold(dict(list(data.items())[:2]))  # the mixed stream repeats both


def small_calls(cfg: ClusterConfig) -> None:
    """A handful of articles given at once (a folder for `digest`, a small file for `cluster`):
    each DUC 2003 cluster alone (one story) and each ECB+ topic alone (two same-kind events), with
    and without the general-English background and the one-word names."""
    import json

    duc = [duc_stream(clusters={cid}) for cid in duc_cluster_ids()]
    with open(DATASETS / "ecbplus" / "documents.jsonl", encoding="utf-8") as fh:
        topics = sorted({json.loads(line)["topic"] for line in fh})
    ecb = [ecbplus({t}) for t in topics]
    variants = [("default", cfg), ("no background", dataclasses.replace(cfg, background=0.0)),
                ("no one-word names", dataclasses.replace(cfg, single_names=0.0)),
                ("neither (session 3)", dataclasses.replace(cfg, background=0.0, single_names=0.0))]
    print("## Small calls: one story or one topic at a time (mean B3 F1 over the calls; mean stories per call)\n")
    print("| calls | gold stories per call | " + " | ".join(name for name, _ in variants) + " | TF-IDF + average link (0.85) |")
    print("| --- | --- | " + " | ".join("---" for _ in variants) + " | --- |")
    for name, calls, gold_n in ((f"each DUC 2003 cluster alone ({len(duc)} calls)", duc, 1),
                                (f"each ECB+ dev topic alone ({len(ecb)} calls)", ecb, 2)):
        cells = []
        for _, config in variants:
            preds = [ours(arts, config, False) for arts, _ in calls]
            f = statistics.mean(bcubed(p, g)[2] for p, (_, g) in zip(preds, calls))
            n = statistics.mean(len(set(p.values())) for p in preds)
            cells.append(f"{f:.3f} ({n:.1f})")
        preds = [baseline(arts, 0.85) for arts, _ in calls]
        f = statistics.mean(bcubed(p, g)[2] for p, (_, g) in zip(preds, calls))
        cells.append(f"{f:.3f} ({statistics.mean(len(set(p.values())) for p in preds):.1f})")
        print(f"| {name} | {gold_n} | " + " | ".join(cells) + " |")
    print()


def web_day_section(data: dict, cfg: ClusterConfig) -> None:
    """A broad day of web pages from many sites (few continue a story) beside the streams of
    developing stories, with the time boost as the stream's continuation share makes it, always
    whole (the configuration before session 6) and never; then the two shares it scales between."""
    arts, gold = web_day()
    duc, duc_gold, _ = data["duc2003 stream"]
    mixed, mixed_gold, _ = data["mixed stream (DUC 2003 + ECB+ stories, one period)"]
    crowded = [crowded_duc_stream(seed) for seed in (1, 2, 3)]
    streams = [("web day (181 pages, 147 events)", arts, gold), ("duc2003 stream", duc, duc_gold),
               ("mixed stream", mixed, mixed_gold)]
    always = dataclasses.replace(cfg, continuation_none=0.0, continuation_full=0.0)
    never = dataclasses.replace(cfg, time_boost=1.0)
    print("## A day of web pages from many sites (online, one at a time; B3)\n")
    print("| stream | continuation share at the end | time boost by continuation (default): P | R | F1 "
          "| always the full boost: P | R | F1 | no time boost: P | R | F1 | TF-IDF + average link (0.85): P | R | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, a, g in streams:
        c = StoryClusterer(cfg)
        cells = [fmt(bcubed(one_at_a_time(a, clusterer=c), g))] + [fmt(bcubed(ours(a, k, True), g)) for k in (always, never)]
        print(f"| {name} | {c.continuation.share():.2f} | " + " | ".join(cells) + f" | {fmt(bcubed(baseline(a, 0.85), g))} |")
    print("\n| crowded DUC (21 days), one call by day, median F1 of 3 seeds | default | always the full boost "
          "| no time boost |\n| --- | --- | --- | --- |")
    medians = [statistics.median(bcubed(ours(dated(a, True), k, False), g)[2] for a, g in crowded)
               for k in (cfg, always, never)]
    print("| | " + " | ".join(f"{v:.3f}" for v in medians) + " |")
    print("\n| continuation_none / continuation_full | web day | duc2003 stream | mixed stream "
          "| crowded DUC (21 days) by day, median |")
    print("| --- | --- | --- | --- | --- |")
    for lo, hi in ((0.35, 0.65), (0.45, 0.75), (0.55, 0.85)):
        k = dataclasses.replace(cfg, continuation_none=lo, continuation_full=hi)
        row = [bcubed(ours(a, k, True), g)[2] for _, a, g in streams]
        row.append(statistics.median(bcubed(ours(dated(a, True), k, False), g)[2] for a, g in crowded))
        print(f"| {lo} / {hi} | " + " | ".join(f"{v:.3f}" for v in row) + " |")
    print()


def crowded_stream(cfg: ClusterConfig, seeds: tuple[int, ...] = (1, 2, 3, 4, 5, 6),
                   spans: tuple[float, ...] = (21.0, 7.0)) -> None:
    """The DUC 2003 stream with every cluster moved to start within three weeks (or one) (its own
    spacing kept), so about three (or six) times as many stories run at once (a stand-in for a
    denser news period); online with exact times; as one call with the dates cut to the day; and
    so again as `cluster` reads JSONL records of it (cleaned by extract: the likeliest held-out path)."""
    print("## Crowded DUC stream: every cluster starts within a few days (B3 F1)\n")
    print("| clusters start within | seed | online P | R | F1 | one call, dates cut to the day: P | R | F1 "
          "| as JSONL records, F1 | as records, no settling, F1 | TF-IDF + average link (0.85), F1 (no dates used) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for span in spans:
        f1s: list[tuple[float, ...]] = []
        for seed in seeds:
            arts, gold = crowded_duc_stream(seed, span)
            day = dated(arts, True)
            online = bcubed(ours(arts, cfg, True), gold)
            by_day = bcubed(ours(day, cfg, False), gold)
            extracted = through_extract(day)
            records = bcubed(ours(extracted, cfg, False), gold)[2]
            unsettled = bcubed(ours(extracted, dataclasses.replace(cfg, settle_own=-1), False), gold)[2]
            f1s.append((online[2], by_day[2], records, unsettled))
            print(f"| {span:g} days | {seed} | {fmt(online)} | {fmt(by_day)} | {records:.3f} | {unsettled:.3f} "
                  f"| {bcubed(baseline(arts, 0.85), gold)[2]:.3f} |")
        med = [statistics.median(col) for col in zip(*f1s)]
        print(f"| {span:g} days | median | | | **{med[0]:.3f}** | | | **{med[1]:.3f}** | **{med[2]:.3f}** | {med[3]:.3f} | |")
    print()


def batch_paths(data: dict, cfg: ClusterConfig) -> None:
    """The streams given as one call (as `newsdistill cluster` reads a file), with and without the
    shared-neighbour weighing of a batch's similarities (it acts on batches of over 9 articles)."""
    (e_arts, e_gold, _), (d_arts, d_gold, _), (m_arts, m_gold, _) = data.values()

    rows = [("ecbplus, one undated batch", e_arts, e_gold),
            ("duc2003, one call, full times", d_arts, d_gold),
            ("duc2003, one call, dates cut to the day", dated(d_arts, True), d_gold),
            ("duc2003, one call, no dates (one batch)", dated(d_arts, False), d_gold),
            ("mixed, one call, dates cut to the day", dated(m_arts, True), m_gold),
            ("mixed, one call, no dates (one batch)", dated(m_arts, False), m_gold)]
    plain = dataclasses.replace(cfg, neighbours=10**9)
    print("## One call per stream (B3 F1)\n")
    print(f"| input | default (shared neighbours k={cfg.neighbours}) | without shared neighbours |")
    print("| --- | --- | --- |")
    for name, arts, gold in rows:
        print(f"| {name} | {bcubed(ours(arts, cfg, False), gold)[2]:.3f} | {bcubed(ours(arts, plain, False), gold)[2]:.3f} |")
    print()


def unshared_evidence(data: dict, cfg: ClusterConfig) -> None:
    """Pairs of articles in the cosine range where the threshold decides, by whether their
    neighbourhoods (each dataset as one set, dated pairs within the window) share anything."""
    from newsdistill.cluster.clusterer import DAY
    from newsdistill.cluster.stories import shared_neighbours, to_epoch

    print("## Pairs whose neighbourhoods share nothing (TF-IDF cosine 0.12-0.45, within the window)\n")
    print("| dataset | same-event pairs | of which share nothing | different-event pairs | of which share nothing |")
    print("| --- | --- | --- | --- | --- |")
    for name, (arts, gold, _) in data.items():
        cos = cosine_matrix(arts, cfg)
        when = np.array([np.nan if a.published is None else to_epoch(a.published) for a in arts])
        near = ~(np.abs(when[:, None] - when[None, :]) > cfg.window_days * DAY)  # NaN: undated, near
        overlap = shared_neighbours(np.where(near, cos, -1.0), cfg.neighbours)
        same = np.array([[bool(gold[a.id] & gold[b.id]) for b in arts] for a in arts])
        upper = np.triu(near & (cos >= 0.12) & (cos < 0.45), 1)
        row = [int((upper & same).sum()), int((upper & same & (overlap == 0)).sum()),
               int((upper & ~same).sum()), int((upper & ~same & (overlap == 0)).sum())]
        print(f"| {name} | " + " | ".join(str(v) for v in row) + " |")
    print()


def day_orders(duc: tuple[list[Article], dict], cfg: ClusterConfig, orders: int = 10) -> None:
    """The DUC stream with its dates cut to the day, one article at a time, each day's articles in
    a random order (seeded): how much what a story does depends on the order its reports came in."""
    arts, gold = duc
    day = dated(arts, True)
    scores = []
    for seed in range(orders):
        rng = random.Random(seed)
        scores.append(bcubed(one_at_a_time(sorted(day, key=lambda a: (a.published, rng.random())), cfg), gold)[2])
    print(f"## DUC stream, dates cut to the day, {orders} random orders within each day, one at a time (B3 F1)\n")
    print(f"{', '.join(f'{x:.3f}' for x in scores)}: median {statistics.median(scores):.3f}\n")


def dense_events(duc: tuple[list[Article], dict], cfg: ClusterConfig) -> None:
    """Two kinds of dense coverage the dev sets lack, added to the DUC stream: every third article
    republished by 12 outlets with light edits (copies: dedupe catches them), and three clusters'
    articles each rewritten 8 times (20% of sentences dropped, words and name spellings changed:
    not copies), each within hours or two days of its source. B-cubed over all articles."""
    from datetime import timedelta

    arts, gold = duc
    rng = random.Random(5)
    copies, gold_c = [], dict(gold)
    for a in arts[::3]:
        for i in range(12):
            copies.append(Article(id=f"{a.id}-copy{i}", text=light_edit(a.text, rng),
                                  published=a.published + timedelta(hours=rng.uniform(0, 6))))
            gold_c[copies[-1].id] = gold[a.id]
    rewrites, gold_r = heavy_rewrites(arts, gold, rng)
    plain = dataclasses.replace(cfg, neighbours=10**9)
    print("## Dense events (DUC stream plus copies or rewrites, one call; B3 F1)\n")
    print("| stream | dated: default | dated: without shared neighbours | undated (one batch): default "
          "| undated: without shared neighbours |")
    print("| --- | --- | --- | --- | --- |")
    for name, extra, g in (("+ 12 light-edit copies of every third article (1,164)", copies, gold_c),
                           ("+ 8 heavy rewrites of each article of 3 clusters (240)", rewrites, gold_r)):
        stream = sorted(arts + extra, key=lambda a: (a.published, a.id))
        row = [bcubed(ours(s_, c, False), g)[2] for s_ in (stream, dated(stream, False)) for c in (cfg, plain)]
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in row) + " |")
    print()


def sensitivity(data: dict, cfg: ClusterConfig) -> None:
    (e_arts, e_gold, _), (d_arts, d_gold, _), (m_arts, m_gold, _) = data.values()
    print("## Sensitivity (B3 F1)\n")
    grids = (("threshold", THRESHOLDS), ("time_boost", BOOSTS), ("neighbours", [5, 6, 8, 10, 12, 16]),
             ("neighbour_weight", [0.5, 1.0, 2.0, 3.0, 5.0]), ("unshared", [0.2, 0.3, 0.4, 0.5, 0.6, 0.727]),
             ("background", [0.0, 30.0, 100.0, 300.0, 1000.0]), ("single_names", [0.0, 0.5, 1.0, 2.0]),
             ("split_members", [6, 8, 10, 12, 16, 1000]), ("split_part", [2, 3, 4, 5, 6]),
             ("absorb_size", [0, 1, 2, 3, 4]), ("absorb_votes", [3, 4, 5, 6, 7, 8]))
    crowded, crowded_gold = crowded_duc_stream(1, 21.0)
    for name, grid in grids:
        print(f"| {name} | " + " | ".join(str(x) for x in grid) + " |")
        print("| --- " * (len(grid) + 1) + "|")
        online = [("duc2003 stream", d_arts, d_gold, True), ("mixed stream", m_arts, m_gold, True)]
        # one article at a time has no batch to weigh: the streams undated, as one batch
        batch = [(f"{label} (undated, one batch)", dated(arts, False), gold, False) for label, arts, gold, _ in online]
        rows = online if name in ("threshold", "time_boost", "background", "single_names", "split_members",
                                  "split_part") else batch
        if name.startswith("absorb"):
            rows = online + [("crowded DUC (21 days, seed 1), one call by day", dated(crowded, True), crowded_gold, False)]
        for label, arts, gold, stream in ([] if name == "time_boost" else [("ecbplus", e_arts, e_gold, False)]) + rows:
            row = [bcubed(ours(arts, dataclasses.replace(cfg, **{name: x}), stream), gold)[2] for x in grid]
            print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in row) + " |")
        print()
    windows = [(30, 30), (60, 30), (60, 60), (60, 120), (90, 90)]
    print("| window / decay days | " + " | ".join(f"{w} / {d}" for w, d in windows) + " |")
    print("| --- " * (len(windows) + 1) + "|")
    row = [bcubed(ours(d_arts, dataclasses.replace(cfg, window_days=w, decay_days=d), True), d_gold)[2]
           for w, d in windows]
    print("| duc2003 stream | " + " | ".join(f"{v:.3f}" for v in row) + " |\n")


def leave_out(cfg: ClusterConfig) -> None:
    """Thresholds chosen on one half of the topics (ECB+) / clusters (DUC), scored on the other."""
    ids = duc_cluster_ids()
    random.Random(7).shuffle(ids)
    halves = [({t for t in range(1, 23) if t % 2}, set(ids[:15])), ({t for t in range(1, 23) if not t % 2}, set(ids[15:]))]
    print("## Leave-topics-out (threshold and time boost chosen on half A, scored on half B)\n")
    print("| tuned on | chosen threshold / boost | ecbplus F1 on B | duc F1 on B | default config on B (ecb / duc) |")
    print("| --- | --- | --- | --- | --- |")
    for i, (ecb_a, duc_a) in enumerate(halves):
        ecb_b, duc_b = halves[1 - i]
        ea, eb, da, db = ecbplus(ecb_a), ecbplus(ecb_b), duc_stream(clusters=duc_a), duc_stream(clusters=duc_b)

        def score(th: float, boost: float) -> float:
            c = dataclasses.replace(cfg, threshold=th, time_boost=boost)
            return bcubed(ours(ea[0], c, False), ea[1])[2] + bcubed(ours(da[0], c, True), da[1])[2]

        th, boost = max(((t, b) for t in THRESHOLDS for b in BOOSTS), key=lambda tb: score(*tb))
        tuned = dataclasses.replace(cfg, threshold=th, time_boost=boost)
        fe = bcubed(ours(eb[0], tuned, False), eb[1])[2]
        fd = bcubed(ours(db[0], tuned, True), db[1])[2]
        de = bcubed(ours(eb[0], cfg, False), eb[1])[2]
        dd = bcubed(ours(db[0], cfg, True), db[1])[2]
        print(f"| half {'AB'[i]} | {th} / {boost} | {fe:.3f} | {fd:.3f} | {de:.3f} / {dd:.3f} |")
    print()


def duplicate_threshold(data: dict) -> None:
    """MinHash Jaccard of light edits of one article, of two articles of one story, of two stories."""
    rng = random.Random(3)
    edited: list[float] = []
    same: list[float] = []
    cross: list[float] = []
    for arts, gold, _ in data.values():
        sigs = np.array([minhash(a.text).hashvalues for a in arts])
        labels = [min(gold[a.id]) for a in arts]
        for i, a in enumerate(arts):
            edited.append(float(np.mean(minhash(light_edit(a.text, rng)).hashvalues == sigs[i])))
            sims = (sigs[i + 1:] == sigs[i]).mean(axis=1)
            for k, sim in enumerate(sims.tolist(), i + 1):
                (same if labels[k] == labels[i] else cross).append(sim)
    print("## Near-duplicate threshold (MinHash Jaccard of 4-word shingles, ECB+ and DUC articles)\n")
    print("| pairs | n | median | 99th percentile | max | share >= 0.5 (taken as copies) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, xs in (("light edit of one article", edited), ("two articles of one story", same),
                     ("two articles of different stories", cross)):
        p99 = statistics.quantiles(xs, n=100)[98]
        share = sum(x >= 0.5 for x in xs) / len(xs)
        print(f"| {name} | {len(xs)} | {statistics.median(xs):.2f} | {p99:.2f} | {max(xs):.2f} | {share:.4f} |")
    print()


def light_edit(text: str, rng: random.Random) -> str:
    """A republished copy: a sentence dropped or added at the end, a few words changed."""
    words = text.split()
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.5 else words[i] + "s"
    out = " ".join(words)
    return out + " Copyright 2024 Example News. All rights reserved." if rng.random() < 0.5 else out


if __name__ == "__main__":
    main()
