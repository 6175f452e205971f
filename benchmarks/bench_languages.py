"""Other languages than English: MultiLing 2011's 7 languages (10 topics x 10 articles each).

    .venv/bin/python benchmarks/bench_languages.py

Per language:
- a day of news in that language: its 100 articles given random times within one day and
  clustered online, one at a time (10 distinct stories published the same day, so the time
  evidence is at its strongest and only the words keep them apart): B-cubed precision, recall, F1,
  stories made, and the median cosine of two articles of different topics against two of the same;
- summaries: 250 words per topic, ROUGE-1 and ROUGE-2 recall against the ~3 human summaries,
  counted on lowercase whitespace tokens with punctuation stripped (ROUGE-1.5.5 drops non-ASCII
  letters, so it cannot score Arabic, Greek, Hebrew or Hindi), no stemming, no stopword removal.

MultiLing's topics are themes (some span years), so this is no test of event boundaries; what it
shows is whether a language's function words pass for evidence.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DATA = HERE.parent.parent / "shared" / "datasets" / "multiling2011"
CODES = {"english": "en", "arabic": "ar", "czech": "cs", "french": "fr", "greek": "el", "hebrew": "he", "hindi": "hi"}
PUNCTUATION = ".,;:!?\"'()[]«»“”‘’-–—"


def plain_tokens(text: str) -> list[str]:
    return [w for w in (x.strip(PUNCTUATION) for x in text.lower().split()) if w]


def rouge_recall(summary: str, references: list[str], n: int) -> float:
    def grams(toks: list[str]) -> Counter:
        return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))

    mine = grams(plain_tokens(summary))
    total = hit = 0
    for ref in references:
        theirs = grams(plain_tokens(ref))
        total += sum(theirs.values())
        hit += sum(min(v, mine[k]) for k, v in theirs.items())
    return hit / total if total else 0.0


def main() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    import numpy as np
    from cluster_data import bcubed, cosine_matrix, one_at_a_time

    from newsdistill.cluster import ClusterConfig
    from newsdistill.model import Article
    from newsdistill.summarize import summarize

    by_language: dict[str, list[dict]] = defaultdict(list)
    with open(DATA / "clusters.jsonl", encoding="utf-8") as fh:
        for line in fh:
            cluster = json.loads(line)
            by_language[cluster["lang"]].append(cluster)
    print("| language | one day online: B3 P | R | F1 | stories (10 topics) | cosine, different / same topic (medians) "
          "| summaries: ROUGE-1 | ROUGE-2 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for language, clusters in by_language.items():
        rng = random.Random(3)
        day = datetime(2020, 1, 1, tzinfo=timezone.utc)
        articles, gold, r1, r2 = [], {}, [], []
        for cluster in clusters:
            docs = [Article(id=d["id"], text=d["text"], title=d.get("title"), language=CODES[language],
                            published=day + timedelta(minutes=rng.uniform(0, 1440))) for d in cluster["documents"]]
            refs = [r if isinstance(r, str) else r.get("text", "") for r in cluster["references"]]
            text = summarize(docs, 250).text
            r1.append(rouge_recall(text, refs, 1))
            r2.append(rouge_recall(text, refs, 2))
            for a in docs:
                gold[a.id] = {cluster["id"]}
            articles += docs
        articles.sort(key=lambda a: (a.published, a.id))
        pred = one_at_a_time(articles, ClusterConfig())
        p, r, f = bcubed(pred, gold)
        cos = cosine_matrix(articles)
        labels = [min(gold[a.id]) for a in articles]
        same = np.equal.outer(labels, labels)
        upper = np.triu(np.ones_like(same), 1)
        different, alike = np.median(cos[upper & ~same]), np.median(cos[upper & same])
        print(f"| {language} | {p:.3f} | {r:.3f} | {f:.3f} | {len(set(pred.values()))} | "
              f"{different:.3f} / {alike:.3f} | "
              f"{statistics.mean(r1):.4f} | {statistics.mean(r2):.4f} |", flush=True)


if __name__ == "__main__":
    main()
