"""Digest craft on real wire copy: each DUC 2003 cluster (no source headlines) composed as one story.

Prints a Markdown table of what a reader sees first: the headline (words; ending on a function word
or inside a name, cut inside a phrase, only an opening phrase, made from another opening sentence
than the lede), the lede (opening on a pronoun, how much of it the story's articles share, how
many articles carry it), the parts `check.verify` finds unbacked (the CLI removes those), and the
key figures shown, listed for reading.
To compare with another version, put its `src` first on the path:

    .venv/bin/python benchmarks/bench_digest.py
    git worktree add /tmp/old REV && PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/bench_digest.py
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import duc_cluster_ids, duc_stream  # noqa: E402

from newsdistill.model import Story  # noqa: E402
from newsdistill.summarize import select_sentences  # noqa: E402
from newsdistill.summarize.check import verify  # noqa: E402
from newsdistill.summarize import compose as compose_module  # noqa: E402
from newsdistill.summarize.compose import compose  # noqa: E402
from newsdistill.summarize.headline import shorten  # noqa: E402
from newsdistill.text import STOPWORDS, WEEKDAYS, content_stems, numbers, split_sentences  # noqa: E402

PRONOUNS = frozenset("he she it they we i you his her its their him them this these those".split())
# Words a phrase may end before (prepositions, conjunctions, relative words, "to")
BOUNDARY = frozenset("""in on at for from with after before during while as when because amid despite against
over under near since until who which that whose where and but or by than into about to""".split()) | {
    d.lower() for d in WEEKDAYS} | {"yesterday", "today", "tonight", "last", "this"}  # time words come out of headlines


POINTING = frozenset("it it's its they them their he she him her this that that's these those".split())
SPEAKER_TAIL = re.compile(r"\s(?:later|earlier|also|then|again|now|today|yesterday|[a-z]+ly|[a-z]+ed)$")


def fragment(quote: str) -> bool:
    """A quote that cannot stand alone: under 3 words, part of a sentence (opening in lower case)
    under 8, or opening on what it points at ("They were overconfident") under 5."""
    n, first = len(quote.split()), quote.split()[0].lower().replace("’", "'")
    return n < 3 or (quote[:1].islower() and n < 8) or (first in POINTING and n < 5)


def cut_inside(headline: str, text: str) -> bool | None:
    """Whether the source goes on, right after the headline's last words, with a word that does not
    open a phrase ("the world's financial | system"); None when those words are not in the text."""
    tail = " ".join(headline.split()[-3:]).rstrip('",.')
    m = re.search(re.escape(tail) + r"""(["”’']?[,.;:!?)]?)\s*(\S*)""", text)
    if not m:
        return None
    nxt = m.group(2).strip('"“‘”’(),.;:')
    joins_names = nxt.lower() in ("and", "or") and re.search(re.escape(tail) + r"\s+\S+\s+[A-Z]", text)
    return not m.group(1).strip("\"”’'") and bool(nxt) and (nxt.lower() not in BOUNDARY or bool(joins_names))


def bare_surnames(cid: str, articles) -> int:
    """Section sentences that name someone first by a bare surname, in the digest composed without
    the filter that drops them (``compose._without_bare_names``)."""
    from newsdistill.summarize import compose as module

    kept = module._without_bare_names
    module._without_bare_names = lambda sections, *_: sections
    try:
        digest = compose(Story(id=cid, articles=articles), select_sentences)
    finally:
        module._without_bare_names = kept
    before = [*digest.lede, *(s for sec in digest.sections if sec.heading == "Latest" for s in sec.sentences)]
    sections = [sec for sec in digest.sections if sec.heading != "Latest"]
    left = kept(sections, before, digest.headline, articles)
    return sum(len(sec.sentences) for sec in sections) - sum(len(sec.sentences) for sec in left)


def section_rows(digest) -> list[tuple[str, int, int, bool]]:
    """Each section under a subheading of its own (not 'Latest'): heading, sentences, sentences
    holding every content word of the heading, and whether the first of them does."""
    out = []
    for sec in digest.sections:
        if sec.heading == "Latest":
            continue
        st = set(content_stems(sec.heading))
        holding = [bool(st) and st <= set(content_stems(s.text)) for s in sec.sentences]
        out.append((sec.heading, len(sec.sentences), sum(holding), bool(holding) and holding[0]))
    return out


def measure(cid: str) -> dict:
    articles, _ = duc_stream(clusters={cid})
    digest = compose(Story(id=cid, articles=articles), select_sentences)
    words = digest.headline.split()
    last = words[-1].strip('",.')
    text = re.sub(r"\s+", " ", " ".join(a.text for a in articles))
    after = re.search(re.escape(digest.headline.rstrip('",.')) + r"\s+(\S+)", text)
    lede = digest.lede[0].text if digest.lede else ""
    opening = re.match(r"^(?:[^,]{0,200}?,\s+)?(\w+)", lede)
    stems = set(content_stems(lede))
    return {"headline": digest.headline, "words": len(words), "function_word": last.lower() in STOPWORDS,
            "inside_name": bool(after) and last[:1].isupper() and after.group(1)[:1].isupper(),
            "pronoun": bool(opening) and opening.group(1).lower() in PRONOUNS,
            "shared": statistics.mean(len(stems & set(content_stems(a.text))) / max(1, len(stems)) for a in articles),
            "carried": len(digest.lede[0].sources) if digest.lede else 0, "unbacked": len(verify(digest, articles)),
            "opening": bool(digest.lede) and digest.lede[0].position == 0,
            "cut_inside": cut_inside(digest.headline, next((t for a in articles for t in split_sentences(a.text)
                                                            if " ".join(words[:2]).lower() in t.lower()
                                                            and " ".join(words[-3:]) in t), "")),
            "intro_only": bool(re.match(r"\w+ing [a-z]", digest.headline)) and bool(
                re.search(re.escape(digest.headline.rstrip('",.')) + r"[^,]{0,80},", text)),
            "from_lede": not lede or digest.headline == shorten(lede),
            "figures": [f"{f.value} {f.label}" for f in digest.key_figures],
            "passing": passing_figures(digest),
            "latest": any(sec.heading == "Latest" for sec in digest.sections),
            "bare": bare_surnames(cid, articles) if hasattr(compose_module, "_without_bare_names") else None,
            "sections": section_rows(digest),
            "body_words": sum(len(s.text.split()) for sec in digest.sections for s in sec.sentences),
            "quotes": len(digest.quotes), "fragments": sum(fragment(q.text) for q in digest.quotes),
            "joined": sum(q.text not in text.replace("``", '"').replace("''", '"') for q in digest.quotes),
            "speaker_tail": sum(bool(SPEAKER_TAIL.search(q.speaker)) for q in digest.quotes)}


def passing_figures(digest) -> int:
    """Key figures that only one report gives (copies counted once) and no sentence the digest
    shows states: in a story of several reports, a count mentioned in passing."""
    shown = [(set(s.sources), {amount for _, amount in numbers(s.text)})
             for s in [*digest.lede, *(x for sec in digest.sections for x in sec.sentences)]]
    count = 0
    for f in digest.key_figures:
        parts = [f, *f.conflicts]
        reports = {digest.copies.get(a, a) for g in parts for a in g.sources}
        # by amount: a figure is shown in digits ("14") where its sentence may say "Fourteen"
        if len(reports) == 1 and not any(set(g.sources) & ids and {a for _, a in numbers(g.value)} & values
                                         for g in parts for ids, values in shown):
            count += 1
    return count


def main() -> None:
    rows = [measure(cid) for cid in duc_cluster_ids()]
    n = len(rows)
    print(f"| measure ({n} DUC 2003 clusters, one story each) | value |\n| --- | --- |")
    print(f"| headline words, median (max) | {statistics.median(r['words'] for r in rows):g} ({max(r['words'] for r in rows)}) |")
    print(f"| headlines ending on a function word | {sum(r['function_word'] for r in rows)} |")
    print(f"| headlines ending inside a name | {sum(r['inside_name'] for r in rows)} |")
    print(f"| headlines cut inside a phrase (the source goes on with a word that opens none) "
          f"| {sum(bool(r['cut_inside']) for r in rows)} |")
    print(f"| headlines that are an opening phrase only (\"Hailing the ...\") | {sum(r['intro_only'] for r in rows)} |")
    print(f"| headlines made from another opening sentence than the lede | {sum(not r['from_lede'] for r in rows)} |")
    print(f"| ledes whose subject is a pronoun | {sum(r['pronoun'] for r in rows)} |")
    print(f"| ledes that are the first sentence of their article | {sum(r['opening'] for r in rows)} |")
    print(f"| lede words found in the story's articles, mean share | {statistics.mean(r['shared'] for r in rows):.3f} |")
    print(f"| articles carrying the lede, mean | {statistics.mean(r['carried'] for r in rows):.2f} |")
    print(f"| unbacked parts found by check.verify (removed by the CLI) | {sum(r['unbacked'] for r in rows)} |")
    print(f"| key figures shown (at most 6 a story) | {sum(len(r['figures']) for r in rows)} |")
    print(f"| of them given by one report only and stated by no sentence shown | {sum(r['passing'] for r in rows)} |")
    print(f"| digests with a 'Latest' section (the newest report's own news) | {sum(r['latest'] for r in rows)} |")
    if rows[0]["bare"] is not None:
        print(f"| section sentences naming someone first by a bare surname (\"Blewitt declined ...\"), dropped | "
              f"{sum(r['bare'] for r in rows)} |")
    print(f"| words under the subheadings ('Latest' included), median | {statistics.median(r['body_words'] for r in rows):g} |")
    secs = [x for r in rows for x in r["sections"]]
    named = [x for x in secs if x[0] != "More details"]
    print(f"| sections under a subheading ('Latest' not counted); of them 'More details' | {len(secs)}; "
          f"{len(secs) - len(named)} |")
    print(f"| sentences a section, median (max) | {statistics.median(x[1] for x in secs):g} ({max(x[1] for x in secs)}) |")
    print(f"| subheadings (not 'More details') that two or more of their sentences name | "
          f"{sum(x[2] >= 2 for x in named)} of {len(named)} |")
    print(f"| subheadings (not 'More details') that the section's first sentence names | "
          f"{sum(x[3] for x in named)} of {len(named)} |")
    print(f"| quotes shown (at most 4 a story) | {sum(r['quotes'] for r in rows)} |")
    print(f"| quotes that cannot stand alone (\"At this point\", \"a sense of optimism\", \"They were overconfident\") "
          f"| {sum(r['fragments'] for r in rows)} |")
    print(f"| quotes joined across the attribution that interrupts them | {sum(r['joined'] for r in rows)} |")
    print(f"| speakers ending on a word after the name (\"Yasser Arafat later\") | {sum(r['speaker_tail'] for r in rows)} |")
    print("\nHeadlines:\n")
    for cid, r in zip(duc_cluster_ids(), rows):
        print(f"- {cid}: {r['headline']}")
    print("\nSubheadings (sentences under each):\n")
    for cid, r in zip(duc_cluster_ids(), rows):
        print(f"- {cid}: " + " | ".join(f"{h} ({n})" for h, n, _, _ in r["sections"]))
    print("\nKey figures (value and label, as shown):\n")
    for cid, r in zip(duc_cluster_ids(), rows):
        print(f"- {cid}: " + " | ".join(r["figures"]))


if __name__ == "__main__":
    main()
