"""Gold-labelled article streams for the clustering benchmarks (read from ../shared/datasets).

- ECB+ (dev topics): one undated batch; gold = sub-topic cluster.
- DUC 2003 task 2: every article of every cluster in time order; gold = the set of its clusters
  (9 NYT documents sit in two clusters: kept once, with both labels).
- A denser mixed stream (a stress check, not for tuning): the DUC 2003 stream with every ECB+ story
  dropped into the same three months (each at a random day, its reports over up to three days), so
  70 stories overlap in time, among them ECB+'s pairs of same-kind events.
- A crowded DUC stream (stress check): every DUC cluster moved to start within three weeks.
- A crowded mixed stream (stress check): the crowded DUC stream with the ECB+ stories dropped
  into the same weeks, so same-kind events of one ECB+ topic can fall days apart.
- A web day: the Scrapinghub extraction benchmark's 181 article pages from many sites, most of
  them of 18-20 Nov 2019, with event labels made for this project (`web_day_events.json`).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from newsdistill.model import Article
from newsdistill.text import detokenize, parse_datetime

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
Gold = dict[str, set[str]]


def ecbplus(topics: set[int] | None = None) -> tuple[list[Article], Gold]:
    articles, gold = [], {}
    with open(DATASETS / "ecbplus" / "documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if topics is not None and d["topic"] not in topics:
                continue
            text = "\n".join(detokenize(s) for s in d["sentences"])
            articles.append(Article(id=d["id"], text=text))
            gold[d["id"]] = {d["cluster"]}
    return articles, gold


def duc_stream(name: str = "duc2003_task2", clusters: set[str] | None = None) -> tuple[list[Article], Gold]:
    """All articles of all clusters, in date order; duplicated documents kept once, multi-labelled."""
    seen: dict[str, Article] = {}
    gold: Gold = {}
    with open(DATASETS / name / "clusters.jsonl", encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            if clusters is not None and c["id"] not in clusters:
                continue
            for d in c["documents"]:
                gold.setdefault(d["id"], set()).add(c["id"])
                if d["id"] not in seen:
                    raw = d.get("date_time_raw") or d["date"]
                    when = _us_datetime(raw) or parse_datetime(d["date"])
                    seen[d["id"]] = Article(id=d["id"], text=d["text"], title=d.get("title"),
                                            outlet=d.get("source"), published=when)
    articles = sorted(seen.values(), key=lambda a: (a.published, a.id))
    return articles, gold


def mixed_stream(seed: int = 11) -> tuple[list[Article], Gold]:
    """DUC 2003 stream plus the ECB+ dev stories at random days of the same period (seeded)."""
    import random

    duc, gold = duc_stream()
    start = min(a.published for a in duc)
    return _with_ecb_stories(duc, gold, random.Random(seed), start, (max(a.published for a in duc) - start).days - 3)


def _with_ecb_stories(duc: list[Article], gold: Gold, rng, start, days: float) -> tuple[list[Article], Gold]:
    """``duc`` with every ECB+ dev story dropped at a random day of the ``days`` from ``start`` (its
    reports over up to three days), in time order, and the gold labels of both."""
    from dataclasses import replace
    from datetime import timedelta

    ecb, ecb_gold = ecbplus()
    story_day = {label: start + timedelta(days=rng.uniform(0, days))
                 for label in sorted({min(labels) for labels in ecb_gold.values()})}
    moved = [replace(a, published=story_day[min(ecb_gold[a.id])] + timedelta(hours=rng.uniform(0, 72)))
             for a in ecb]
    return sorted(duc + moved, key=lambda a: (a.published, a.id)), {**gold, **ecb_gold}


def crowded_duc_stream(seed: int = 1, span_days: float = 21.0) -> tuple[list[Article], Gold]:
    """The DUC 2003 stream with each cluster moved (its own spacing kept) to start at a random
    point of the first ``span_days`` days (seeded): far more stories at once than in the original."""
    import random
    from dataclasses import replace
    from datetime import timedelta

    arts, gold = duc_stream()
    rng = random.Random(seed)
    first: dict[str, object] = {}
    for a in arts:
        label = min(gold[a.id])
        first[label] = min(first.get(label, a.published), a.published)
    start = min(first.values())
    shift = {label: start + timedelta(days=rng.uniform(0, span_days)) - first[label] for label in sorted(first)}
    moved = [replace(a, published=a.published + shift[min(gold[a.id])]) for a in arts]
    return sorted(moved, key=lambda a: (a.published, a.id)), gold


def crowded_mixed_stream(seed: int = 1, span_days: float = 21.0) -> tuple[list[Article], Gold]:
    """The crowded DUC stream (``seed``, ``span_days``) plus every ECB+ dev story dropped at a random
    day of its first ``span_days`` + 7 days (its reports over up to three days): 70 stories in a few
    weeks, ECB+'s two same-kind events of a topic often days apart (in the corpus they are years apart)."""
    import random

    duc, gold = crowded_duc_stream(seed, span_days)
    return _with_ecb_stories(duc, gold, random.Random(seed + 100), min(a.published for a in duc), span_days + 7)


def twice_labelled(gold: Gold, topics: int, seed: int = 1, shared: int = 0) -> Gold:
    """``gold`` with ``topics`` clusters (drawn with ``seed``) each labelled as two gold stories, as
    a pool of two collections that drew one event twice would be (DUC 2003 and DUC 2004 took
    clusters from the same TDT topics): each such cluster's documents split at random into halves
    ``/a`` and ``/b``, ``shared`` of them keeping both labels (a document in both collections)."""
    import random

    rng = random.Random(seed)
    labels = sorted({label for labels in gold.values() for label in labels})
    split = set(rng.sample(labels, topics))
    out: Gold = {item: {label for label in labels if label not in split} for item, labels in gold.items()}
    for label in sorted(split):
        items = sorted(item for item, labels in gold.items() if label in labels)
        rng.shuffle(items)
        half = len(items) // 2
        for i, item in enumerate(items):
            both = half - shared // 2 <= i < half + shared - shared // 2
            out[item] |= {f"{label}/a", f"{label}/b"} if both else {f"{label}/{'a' if i < half else 'b'}"}
    return out


def concurrency(articles: list[Article], gold: Gold, tail_days: float = 7.0,
                near_days: float = 3.0) -> tuple[float, float]:
    """How crowded a dated stream is: per article, the mean number of gold stories running at its
    time (from a story's first report to ``tail_days`` after its last) and of articles within
    ``near_days`` of it."""
    import bisect

    day = 86400.0
    stamps: dict[str, list[float]] = {}
    for a in articles:
        for label in gold[a.id]:
            stamps.setdefault(label, []).append(a.published.timestamp())
    spans = [(min(ts), max(ts) + tail_days * day) for ts in stamps.values()]
    times = sorted(a.published.timestamp() for a in articles)
    running = sum(lo <= t <= hi for t in times for lo, hi in spans)
    near = sum(bisect.bisect_right(times, t + near_days * day) - bisect.bisect_left(times, t - near_days * day)
               for t in times)
    return running / len(times), near / len(times)


def web_day(workers: int = 0) -> tuple[list[Article], Gold]:
    """The 181 Scrapinghub article pages (most of 18-20 Nov 2019, from many sites) as one day of
    web news: extracted as `newsdistill` reads them, in time order; gold = the event labels of
    `web_day_events.json` (147 events, 20 of them with two to four pages)."""
    from newsdistill.extract.batch import extract_inputs
    from newsdistill.model import time_order

    labels = json.loads((Path(__file__).with_name("web_day_events.json")).read_text(encoding="utf-8"))["events"]
    folder = DATASETS / "scrapinghub_article_extraction" / "html"
    articles = [a for a in extract_inputs([str(folder)], workers=workers or None) if isinstance(a, Article)]
    gold = {a.id: {labels[Path(a.path).name.split(".")[0]]} for a in articles}
    return sorted(articles, key=time_order), gold


def duc_cluster_ids(name: str = "duc2003_task2") -> list[str]:
    with open(DATASETS / name / "clusters.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["id"] for line in fh]


def _us_datetime(raw: str):
    from datetime import datetime, timezone

    try:
        return datetime.strptime(raw.strip(), "%m/%d/%Y %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def cosine_matrix(articles: list[Article], config=None):
    """The TF-IDF cosine of every pair of ``articles`` as the clusterer weighs them (its views, lead
    weight, one-word names and background), with rarity learnt from the articles themselves."""
    from newsdistill.cluster import ClusterConfig
    from newsdistill.cluster.features import Vocabulary, article_counts, weigh_rows

    cfg = config or ClusterConfig()
    counts = [article_counts(a, cfg.lead_weight, cfg.single_names) for a in articles]
    vocab = Vocabulary(names=cfg.names_view, numbers=cfg.numbers_view, prior=cfg.background)
    for c in counts:
        vocab.add(c)
    x, _ = weigh_rows(counts, vocab)
    return (x @ x.T).toarray()


def heavy_rewrites(articles: list[Article], gold: Gold, rng, stories: int = 3,
                   versions: int = 8) -> tuple[list[Article], Gold]:
    """Each article of the first ``stories`` gold stories rewritten ``versions`` times within two
    days of it (a fifth of its sentences dropped, words and name spellings changed: not copies);
    the rewrites, and the gold labels extended to them."""
    from datetime import timedelta

    from bench_cluster_scale import reword

    rewrites, gold = [], dict(gold)
    for label in sorted({min(g) for g in gold.values()})[:stories]:
        for a in [a for a in articles if min(gold[a.id]) == label]:
            for i in range(versions):
                rewrites.append(Article(id=f"{a.id}-rewrite{i}", text=reword(a, 0, rng),
                                        published=a.published + timedelta(hours=rng.uniform(0, 48))))
                gold[rewrites[-1].id] = gold[a.id]
    return rewrites, gold


def one_at_a_time(articles: list[Article], config=None, clusterer=None) -> dict[str, str]:
    """Each article added alone, in the given order, as the scanner adds them (to ``clusterer``, or
    a new one of ``config``); the story each ends in (a later split may move an article to a new
    story: ``StoryClusterer.moved``)."""
    from newsdistill.cluster import StoryClusterer

    clusterer = clusterer or StoryClusterer(config)
    out: dict[str, str] = {}
    for a in articles:
        out[a.id] = clusterer.add(a)
        out.update(clusterer.moved)
    return out


def bcubed(pred: dict[str, str], gold: Gold) -> tuple[float, float, float]:
    """Extended B-cubed (Amigó et al. 2009) precision, recall, F1; one predicted cluster per item."""
    by_cluster: dict[str, list[str]] = {}
    for item, c in pred.items():
        by_cluster.setdefault(c, []).append(item)
    by_label: dict[str, set[str]] = {}
    for item, labels in gold.items():
        for lab in labels:
            by_label.setdefault(lab, set()).add(item)
    items = list(gold)
    precision = recall = 0.0
    for e in items:
        mates = by_cluster[pred[e]]
        precision += sum(min(1, len(gold[e] & gold[o])) for o in mates) / len(mates)
        related = set().union(*(by_label[lab] for lab in gold[e]))
        recall += sum(min(1, len(gold[e] & gold[o])) / len(gold[e] & gold[o])
                      * (1 if pred[o] == pred[e] else 0) for o in related) / len(related)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dated(arts: list[Article], day: bool) -> list[Article]:
    """The articles with their dates cut to the day, or with none."""
    return [dataclasses.replace(a, published=a.published.replace(hour=0, minute=0, second=0, microsecond=0) if day else None)
            for a in arts]


def read_back(files: dict[str, str]) -> list[Article]:
    """The articles `extract` finds in files written (name -> content) to a temporary folder."""
    import tempfile

    from newsdistill.extract.batch import extract_inputs

    with tempfile.TemporaryDirectory() as tmp:
        for name, content in files.items():
            (Path(tmp) / name).write_text(content, encoding="utf-8")
        return [a for a in extract_inputs([tmp], workers=1) if isinstance(a, Article)]


def as_text_files(articles: list[Article]) -> list[Article]:
    """One .txt file per article (paragraph per sentence), read back by extract."""
    return read_back({f"{a.id}.txt": a.text.replace("\n", "\n\n") for a in articles})


def through_extract(articles: list[Article]) -> list[Article]:
    """Articles as the cluster command sees JSONL records of them (id, text, title, source and the
    date cut to the day, where the article has them), cleaned by extract."""

    def record(a: Article) -> dict:
        fields = {"id": a.id, "text": a.text, "title": a.title, "source": a.outlet,
                  "date": a.published.date().isoformat() if a.published else None}
        return {k: v for k, v in fields.items() if v}

    return read_back({"records.jsonl": "".join(json.dumps(record(a)) + "\n" for a in articles)})
