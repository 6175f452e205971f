"""Summarization benchmark on DUC 2003 task 2: ROUGE, speed and memory, as Markdown tables.

    .venv/bin/python benchmarks/bench_summarize.py [--data DIR] [--rounds 3] [--no-ablation]

ROUGE: official ROUGE-1.5.5 (see rouge.py), recall with 95% CIs, for newsdistill, the plain concept
ILP (Gillick & Favre 2009), sumy LexRank and TextRank (ranked sentences added while they fit in 100
words, shown in document order) and Lead (opening sentences of the latest article).
Speed: the whole ``newsdistill summarize`` command over all clusters (start-up included) against sumy
LexRank per cluster, alternated in the same run; medians. Memory: peak RSS of the command on one
200-article cluster built from the dev documents.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DEFAULT_DATA = HERE.parent.parent / "shared" / "datasets" / "duc2003_task2"
WORDS = 100


def load(data: Path) -> list[dict]:
    with open(data / "clusters.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def articles_of(cluster: dict):
    from newsdistill.model import Article
    from newsdistill.text import parse_datetime

    return [Article(id=str(d["id"]), text=d["text"], title=d.get("title"), published=parse_datetime(d.get("date")),
                    outlet=d.get("source")) for d in cluster["documents"]]


class TextTokenizer:
    """sumy tokenizer built on newsdistill.text (sumy's own needs nltk punkt data)."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph: str) -> list[str]:
        from newsdistill.text import split_sentences

        return split_sentences(paragraph)

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        from newsdistill.text import words

        return words(sentence)


def sumy_system(name: str):
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer}[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = TextTokenizer()

    def fit(infos):  # ranked best first: take while they fit the budget
        out, used = [], 0
        for info in infos:
            n = len(str(info.sentence).split())
            if used + n <= WORDS:
                out.append(info)
                used += n
        return out

    def run(cluster: dict) -> list[str]:
        text = "\n\n".join(d["text"] for d in cluster["documents"])
        doc = PlaintextParser.from_string(text, tokenizer).document
        return [str(s) for s in summarizer(doc, fit)]

    return run


def ilp_system(settings=None):
    from newsdistill.summarize import summarize

    return lambda cluster: [s.text for s in summarize(articles_of(cluster), WORDS, settings=settings).sentences]


def lead_system():
    from newsdistill.summarize import Lead

    lead = Lead()
    return lambda cluster: [s.text for s in lead(articles_of(cluster), WORDS).sentences]


def ablations():
    from newsdistill.summarize import Settings

    full = Settings()
    plain = Settings.plain()
    pooled = replace(plain, pool_size=full.pool_size, pool_density=full.pool_density)
    cleaned = replace(pooled, rejects=full.rejects)
    positioned = replace(cleaned, concepts=replace(full.concepts, min_df=3))
    families = replace(positioned, families=True)
    return {
        "plain-ILP": plain,
        "+solver-pool-40": pooled,
        "+cleaning": cleaned,
        "+position-title-bonus": positioned,
        "+rewrites-count-once": families,
        "+min-df-2-below-10-reports": replace(families, concepts=full.concepts),
        "+compression=newsdistill": full,
        "newsdistill-no-quote-filter": replace(full, rejects=full.rejects - {"quote"}),
        "newsdistill-no-pronoun-connective-filter": replace(full, rejects=full.rejects - {"pronoun", "connective"}),
        "newsdistill-no-lead-bonus": replace(full, concepts=replace(full.concepts, lead_bonus=0.0)),
        "newsdistill-min-df-3": replace(full, concepts=replace(full.concepts, min_df=3)),
        "newsdistill-solver-pool-200": replace(full, pool_size=200),
    }


def rouge_table(clusters: list[dict], systems: dict) -> str:
    from rouge import rouge

    peers = {name: {c["id"]: run(c) for c in clusters} for name, run in systems.items()}
    models = {c["id"]: c["references"] for c in clusters}
    scores = rouge(peers, models, WORDS)
    lines = ["| system | ROUGE-1 R | ROUGE-2 R | ROUGE-SU4 R | mean words |", "| --- | --- | --- | --- | --- |"]
    for name in systems:
        s = scores[name]
        words = statistics.mean(len(" ".join(peers[name][c["id"]]).split()) for c in clusters)
        cells = [f"{100 * s[m][0]:.2f} ({100 * s[m][1]:.2f}-{100 * s[m][2]:.2f})"
                 for m in ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")]
        lines.append(f"| {name} | {' | '.join(cells)} | {words:.1f} |")
    return "\n".join(lines)


def byte_table(clusters: list[dict], max_bytes: int) -> None:
    """newsdistill with a byte budget against its 100-word summaries cut by ROUGE at the same bytes."""
    from rouge import rouge

    from newsdistill.summarize import summarize

    systems = {f"newsdistill-bytes-{max_bytes}": lambda c: [s.text for s in summarize(
                   articles_of(c), max_bytes=max_bytes).sentences],
               f"newsdistill-words-{WORDS}-cut-by-rouge": ilp_system()}  # (ROUGE's ids have no spaces)
    peers = {name: {c["id"]: run(c) for c in clusters} for name, run in systems.items()}
    scores = rouge(peers, {c["id"]: c["references"] for c in clusters}, max_bytes=max_bytes)
    print(f"\n### ROUGE recall at {max_bytes} bytes (-b {max_bytes})\n")
    print("| system | ROUGE-1 R | ROUGE-2 R | ROUGE-SU4 R | mean bytes |\n| --- | --- | --- | --- | --- |")
    for name in systems:
        cells = [f"{100 * scores[name][m][0]:.2f}" for m in ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")]
        size = statistics.mean(len(" ".join(peers[name][c["id"]]).encode()) for c in clusters)
        print(f"| {name} | {' | '.join(cells)} | {size:.0f} |")


def run_command(path: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsdistill", "summarize", "--words", str(WORDS), path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def speed_table(data: Path, clusters: list[dict], rounds: int) -> str:
    lexrank = sumy_system("LexRank")
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(run_command(str(data / "clusters.jsonl")))
        for c in clusters:
            start = time.perf_counter()
            lexrank(c)
            theirs.append(time.perf_counter() - start)
    per_cluster = statistics.median(ours) / len(clusters)
    lex = statistics.median(theirs)
    return "\n".join([
        "| measure | value |", "| --- | --- |",
        f"| `newsdistill summarize` over {len(clusters)} clusters, whole command (median of {rounds}) "
        f"| {statistics.median(ours) * 1000:.0f} ms |",
        f"| = per cluster | {per_cluster * 1000:.1f} ms |",
        f"| sumy LexRank per cluster (median of {len(theirs)}) | {lex * 1000:.1f} ms |",
        f"| ratio ours / LexRank (goal <= 0.20) | {per_cluster / lex:.3f} |",
    ])


def memory_table(clusters: list[dict]) -> str:
    docs = [d for c in clusters for d in c["documents"]][:200]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "documents": docs}) + "\n")
        path = fh.name
    try:
        probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                 "subprocess.run([sys.executable, '-m', 'newsdistill', 'summarize', sys.argv[1]], check=True, "
                 "stdout=subprocess.DEVNULL); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)")
        out = subprocess.run([sys.executable, "-c", probe, path], capture_output=True, text=True, check=True).stdout
        rss_kb, seconds = out.split()
    finally:
        os.unlink(path)
    return "\n".join([
        "| measure | value |", "| --- | --- |",
        f"| peak RSS, one {len(docs)}-article cluster (goal < 500 MB) | {int(rss_kb) / 1024:.0f} MB |",
        f"| wall time, same run | {float(seconds):.2f} s |",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--only-rouge", action="store_true")
    parser.add_argument("--only-speed", action="store_true", help="speed and memory only")
    parser.add_argument("--bytes", type=int, default=0,
                        help="also score at a byte budget (ROUGE -b N; DUC 2004: 665), newsdistill only")
    args = parser.parse_args()
    if not (args.data / "clusters.jsonl").exists():
        sys.exit(f"bench_summarize: no clusters.jsonl in {args.data}")
    clusters = load(args.data)
    if not args.only_speed:
        rouge_tables(clusters, not args.no_ablation)
    if args.bytes:
        byte_table(clusters, args.bytes)
    if args.only_rouge:
        return
    print("\n### Speed\n")
    print(speed_table(args.data, clusters, args.rounds), flush=True)
    print("\n### Memory\n")
    print(memory_table(clusters))


def rouge_tables(clusters: list[dict], ablation: bool) -> None:
    from newsdistill.summarize import Settings

    systems = {"newsdistill": ilp_system(), "concept-ILP": ilp_system(Settings.plain()),
               "LexRank": sumy_system("LexRank"), "TextRank": sumy_system("TextRank"), "Lead": lead_system()}
    print(f"### ROUGE recall, DUC 2003 task 2 ({len(clusters)} clusters, 4 references each)\n")
    print(rouge_table(clusters, systems), flush=True)
    if ablation:
        print("\n### Ablation (each row adds one change to the one above; the last rows remove one)\n")
        print(rouge_table(clusters, {k: ilp_system(v) for k, v in ablations().items()}), flush=True)


if __name__ == "__main__":
    main()
