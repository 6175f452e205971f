"""Proof that nothing is invented: every part of a digest is backed by the sources it cites.

A sentence, quote or figure passes when all of its numbers and names occur in at least one of its
cited sources, and its words are an in-order subsequence of one cited source sentence (verbatim or a
faithful compression).
"""

from __future__ import annotations

import copy

from newsdistill.model import Article, Digest
from newsdistill.text import fold, names, numbers, tokens


def _norm_numbers(text: str) -> set[float]:
    return {value for _, value in numbers(text)}


def backed(text: str, sources: list[str], articles: dict[str, Article], verbatim: bool = True) -> str | None:
    """None when ``text`` is backed by its cited articles, else the reason it is not."""
    cited = [articles[s] for s in sources if s in articles]
    if not cited:
        return f"cites no known source: {sources}"
    whole = [f"{a.title or ''}\n{a.text}" for a in cited]  # a source is its headline and its text
    bodies = [fold(w.replace("``", '"').replace("''", '"')) for w in whole]
    missing_numbers = _norm_numbers(text) - set().union(*(_norm_numbers(w) for w in whole))
    if missing_numbers:
        return f"numbers not in its sources: {sorted(missing_numbers)}"
    for name in names(text):
        if not any(fold(name) in body for body in bodies):
            return f"name not in its sources: {name!r}"
    if verbatim:
        want = tokens(text)
        if not any(_subsequence(want, tokens(w)) for w in whole):
            return "words not found in order in any cited source"
    return None


# The longest run of words a faithful compression deletes at once: a relative clause or an aside
# of up to 90 characters (``compress``), about 18 words, with room to spare.
MAX_GAP = 25


def _subsequence(needle: list[str], hay: list[str]) -> bool:
    """needle occurs in hay in order, with gaps of at most MAX_GAP words (a compression of one passage)."""
    if not needle:
        return True
    for start in (i for i, w in enumerate(hay) if w == needle[0]):
        j, gap = 1, 0
        for w in hay[start + 1:]:
            if j == len(needle):
                break
            if w == needle[j]:
                j, gap = j + 1, 0
            else:
                gap += 1
                if gap > MAX_GAP:
                    break
        if j == len(needle):
            return True
    return False


def verify(digest: Digest, articles: list[Article]) -> list[str]:
    """Every problem found in the digest, as readable lines (empty when all is backed)."""
    return enforce(copy.deepcopy(digest), articles)


def enforce(digest: Digest, articles: list[Article]) -> list[str]:
    """Remove every part of ``digest`` its cited sources do not back; the problems found.

    The default writer only copies the sources' sentences, so this should find nothing: it is the
    guarantee that holds whatever a selector (or a future rewriter) produced.
    """
    by_id = {a.id: a for a in articles}
    problems: list[str] = []

    def ok(where: str, text: str, sources: list[str], verbatim: bool = True) -> bool:
        reason = backed(text, sources, by_id, verbatim)
        if reason:
            problems.append(f"{where}: {text[:80]!r}: {reason}")
        return reason is None

    digest.lede = [s for s in digest.lede if ok("lede", s.text, s.sources)]
    for sec in digest.sections:
        sec.sentences = [s for s in sec.sentences if ok(f"section {sec.heading!r}", s.text, s.sources)]
    digest.sections = [sec for sec in digest.sections if sec.sentences]
    digest.quotes = [q for q in digest.quotes
                     if ok("quote", q.text, q.sources) and ok("quote speaker", q.speaker, q.sources, False)]
    for f in digest.key_figures:
        f.conflicts = [g for g in f.conflicts if ok("figure", f"{g.value} {g.label}", g.sources, False)]
    digest.key_figures = [f for f in digest.key_figures if ok("figure", f"{f.value} {f.label}", f.sources, False)]
    for x in digest.disagreements:
        x.claims = [s for s in x.claims if ok("disagreement", s.text, s.sources)]
    digest.disagreements = [x for x in digest.disagreements if len(x.claims) >= 1]
    ok("headline", digest.headline, [a.id for a in digest.sources], False)  # reported, never removed
    return problems
