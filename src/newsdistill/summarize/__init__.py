"""Summarize: choose the sentences that tell a multi-article story, once, within a word budget.

Library API (the digest builds on it)::

    from newsdistill.summarize import summarize, select_sentences, ConceptILP, Lead

    summary = summarize(articles, words=100)          # -> Summary(text, sentences, ...)
    sentences = select_sentences(articles, words=250)  # -> [Sentence] in reading order

Every returned :class:`~newsdistill.model.Sentence` is a sentence of one of the articles (or a
faithful compression of one) and lists as ``sources`` every article carrying a near-identical one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat

from newsdistill.model import Article, Sentence
from newsdistill.summarize.candidates import REASONS, Candidate, article_sentences, reject_reason
from newsdistill.summarize.compress import variants
from newsdistill.summarize.concepts import ConceptWeights, sentence_concepts, sentence_stems, weigh
from newsdistill.summarize.order import chronological
from newsdistill.summarize.select import Item, solve
from newsdistill.summarize.sources import carriers, near_duplicate_pairs
from newsdistill.text import LANGUAGE_NAMES, STOPWORDS, detect_language, stemmer_language, tokens, word_count

__all__ = ["Summary", "Settings", "ConceptILP", "Lead", "summarize", "select_sentences", "summary_language"]


SHORTENABLE = ("connective", "too long")  # rejects that a compressed version may cure
LAST_RESORT_REJECTS = frozenset({"furniture", "too long"})  # when no sentence passes the usual filters
FAMILY = 0.5  # Jaccard of two articles' content stems above which one is a rewrite of the other


@dataclass(slots=True)
class Summary:
    """A summary: its plain text (at most the budget in words) and its sentences with sources."""

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    language: str = "english"

    @property
    def words(self) -> int:
        return word_count(self.text)


@dataclass(slots=True)
class Settings:
    """What the concept-ILP summarizer does; the defaults are newsdistill's, :meth:`plain` the baseline."""

    concepts: ConceptWeights = field(default_factory=ConceptWeights)
    rejects: frozenset[str] = REASONS  # every reason a sentence can be unusable for
    compress: bool = True
    families: bool = True  # rewrites of one report count once in concept weights
    length_eps: float = 0.0  # > 0 prefers longer selections among equals (slows the solver)
    pool_size: int = 40  # sentences given to the solver (the most concept-rich ones)
    pool_density: float = 0.4  # share of the pool chosen by concept weight per word instead

    @classmethod
    def plain(cls) -> Settings:
        """Gillick & Favre (2009): document-frequency bigram weights (df >= 3), short sentences out,
        no other cleaning, no compression, a large solver pool."""
        return cls(concepts=ConceptWeights(min_df=3, lead_bonus=0.0, title_bonus=0.0),
                   rejects=frozenset({"too short"}), compress=False, families=False, pool_size=200,
                   pool_density=0.0)


def summary_language(articles: Sequence[Article]) -> str:
    """The Snowball stemmer language of a cluster (stated languages first, then detection)."""
    stated = [a.language for a in articles if a.language]
    if stated:
        common = max(set(stated), key=stated.count).lower()
        return common if common in LANGUAGE_NAMES.values() else stemmer_language(common)
    sample = " ".join(a.text[:600] for a in articles[:5])
    toks = tokens(sample)
    if toks and sum(t in STOPWORDS for t in toks) / len(toks) > 0.3:
        return "english"  # plainly English: spare loading the language model
    return stemmer_language(detect_language(sample))


class ConceptILP:
    """Exact concept-coverage selection with cleaning, position-aware weights and compression."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def __call__(self, articles: Sequence[Article], words: int = 100, language: str | None = None,
                 max_bytes: int | None = None) -> Summary:
        language = language or summary_language(articles)
        candidates = [c for i, a in enumerate(articles) for c in article_sentences(a, i)]
        if not candidates:
            return Summary("", [], language)
        chosen = self._select(articles, candidates, words, language, self.settings.rejects, max_bytes)
        if not chosen:  # nothing passed the filters: better a quote or a "He said" than nothing
            chosen = self._select(articles, candidates, words, language, LAST_RESORT_REJECTS, max_bytes)
        return _assemble(articles, candidates, chosen, language)

    def _select(self, articles: Sequence[Article], candidates: list[Candidate], budget: int,
                language: str, rejects: frozenset[str], max_bytes: int | None = None) -> list[Candidate]:
        opts = self.settings
        length = word_count
        if max_bytes is not None:  # UTF-8 bytes, each sentence with the space that joins it to the next
            length, budget = _bytes_and_space, max_bytes + 1
        sets = [sentence_concepts(c.text, language) for c in candidates]
        weights = weigh(_units(articles, candidates, sets, language, opts.families), opts.concepts)
        if not weights:
            weights = {c: 1.0 for s in sets for c in s}
        index = {c: i for i, c in enumerate(weights)}
        w = list(weights.values())

        # the most concept-rich sentences (a cheap bound on what the solver need consider)
        bases = []
        for cand, cset in zip(candidates, sets):
            usable = cand.reject is None or cand.reject not in rejects
            shortenable = opts.compress and (cand.reject is None or cand.reject in SHORTENABLE)
            value = math.fsum(map(weights.get, cset, repeat(0.0)))  # exact: the same whatever the set's order
            if (usable or shortenable) and value > 0:
                bases.append((value, len(bases), cand, usable, shortenable))
        # the pool grows with the budget (40 sentences for 100 words, 240 for 600)
        in_words = budget // BYTES_PER_WORD if max_bytes is not None else budget
        bases = _pool(bases, max(opts.pool_size, in_words * opts.pool_size // 100), opts.pool_density)

        pool: list[tuple[Candidate, Item]] = []
        groups: list[list[int]] = []
        seen: set[tuple[frozenset[int], int]] = set()
        for _, _, cand, usable, shortenable in bases:
            texts = [cand.text] if usable else []
            if shortenable:
                texts += [v for v in variants(cand.text) if (reject_reason(v) or "") not in rejects]
            group = []
            for text in texts:
                ids = sentence_concepts(text, language)
                item = Item(frozenset(index[c] for c in ids if c in index), length(text))
                # copies of a sentence (same concepts, same length) are one choice for the solver
                if item.concepts and item.length <= budget and (item.concepts, item.length) not in seen:
                    seen.add((item.concepts, item.length))
                    group.append(len(pool))
                    pool.append((_version(cand, text), item))
            if len(group) > 1:
                groups.append(group)
        if not pool:
            return []
        groups += _near_duplicates([c for c, _ in pool], language)
        picked = solve([it for _, it in pool], w, budget, groups, opts.length_eps)
        return [pool[j][0] for j in picked]


class Lead:
    """Baseline: the opening sentences of the latest article, whole sentences up to the budget."""

    def __call__(self, articles: Sequence[Article], words: int = 100, language: str | None = None) -> Summary:
        language = language or summary_language(articles)
        if not articles:
            return Summary("", [], language)
        dated = [i for i, a in enumerate(articles) if a.published is not None]
        latest = max(dated, key=lambda i: articles[i].published) if dated else 0
        candidates = article_sentences(articles[latest], latest)
        chosen, used = [], 0
        for c in candidates:
            if c.n_words and used + c.n_words <= words:
                chosen.append(c)
                used += c.n_words
            elif used:
                break
        return _assemble(articles, candidates, chosen, language)


def summarize(articles: Sequence[Article], words: int = 100, language: str | None = None,
              settings: Settings | None = None, max_bytes: int | None = None) -> Summary:
    """The summary of a group of articles about one story, at most ``words`` words, or with
    ``max_bytes``, at most that many bytes of UTF-8 text instead (DUC 2004's 665)."""
    return ConceptILP(settings)(articles, words, language, max_bytes)


def select_sentences(articles: Sequence[Article], words: int = 100, language: str | None = None,
                     settings: Settings | None = None) -> list[Sentence]:
    """The chosen sentences in reading order, each with every article that carries it."""
    return summarize(articles, words, language, settings).sentences


# --- helpers ---------------------------------------------------------------------------------

BYTES_PER_WORD = 6  # about, in English news: sizes the solver's pool for a byte budget


def _bytes_and_space(text: str) -> int:
    return len(text.encode("utf-8")) + 1


def _units(articles: Sequence[Article], candidates: list[Candidate], sets: list[frozenset[str]],
           language: str, families: bool = True) -> list[tuple[list[set[str]], set[str]]]:
    """Per document: its sentences' concepts in order and its headline's concepts.

    Copies and rewrites of one report (identical text, or most words shared: a wire story's
    successive write-throughs) count as one document, so a fact's weight counts independent
    reports. With fewer than three documents left, paragraphs stand in for documents so recurrence
    still means something.
    """
    family = _families(articles, candidates, language) if families else _copies(articles)
    few = len(set(family)) < 3
    by_doc: dict[tuple[int, int], list[set[str]]] = {}
    for cand, cset in zip(candidates, sets):
        key = (family[cand.article_index], cand.paragraph if few else 0)
        sents = by_doc.setdefault(key, [])
        pos = cand.position if not few else len(sents)
        while len(sents) <= pos:
            sents.append(set())
        sents[pos] |= cset
    titles: dict[int, set[str]] = {}
    for i, a in enumerate(articles):
        if a.title:
            titles.setdefault(family[i], set()).update(sentence_concepts(a.title, language))
    return [(sents, titles.get(key[0], set()) if key[1] == 0 else set()) for key, sents in by_doc.items()]


def _copies(articles: Sequence[Article]) -> list[int]:
    """For each article, the index of the first article with identical text."""
    first: dict[str, int] = {}
    return [first.setdefault(a.hash, i) for i, a in enumerate(articles)]


def _families(articles: Sequence[Article], candidates: list[Candidate], language: str) -> list[int]:
    """For each article, the first article it rewrites (sharing at least FAMILY of their stems)."""
    stems: list[set[str]] = [set() for _ in articles]
    for cand in candidates:
        stems[cand.article_index] |= sentence_stems(cand.text, language)
    heads: list[int] = []
    out = []
    for i, own in enumerate(stems):
        match = next((h for h in heads if own and len(own & stems[h]) >= FAMILY * len(own | stems[h])), None)
        if match is None:
            heads.append(i)
        out.append(i if match is None else match)
    return out


def _pool(bases: list, size: int, density: float) -> list:
    """The ``size`` richest sentences (total concept weight; a share by weight per word), in input order."""
    by_value = sorted(bases, key=lambda b: (-b[0], b[1]))
    n_dense = int(size * density)
    keep = {b[1] for b in by_value[:size - n_dense]}
    by_density = sorted(bases, key=lambda b: (-b[0] / max(b[2].n_words, 1), b[1]))
    for b in by_density:
        if len(keep) >= size:
            break
        keep.add(b[1])
    return [b for b in bases if b[1] in keep]


def _version(cand: Candidate, text: str) -> Candidate:
    if text == cand.text:
        return cand
    return Candidate(text=text, original=cand.original, article_id=cand.article_id,
                     article_index=cand.article_index, position=cand.position, paragraph=cand.paragraph,
                     n_words=word_count(text))


def _near_duplicates(pool: list[Candidate], language: str) -> list[list[int]]:
    """Pairs of pool entries from different sentences that say nearly the same thing."""
    pairs = near_duplicate_pairs([sentence_stems(c.text, language) for c in pool])
    return [[a, b] for a, b in pairs
            if (pool[a].article_index, pool[a].position) != (pool[b].article_index, pool[b].position)]


def _assemble(articles: Sequence[Article], candidates: list[Candidate], chosen: list[Candidate],
              language: str) -> Summary:
    """Sources (every article carrying each chosen sentence, in input order), then reading order."""
    everything = [(c.article_id, sentence_stems(c.text, language)) for c in candidates]
    for c in chosen:
        found = carriers(sentence_stems(c.text, language), everything)
        c.sources = found if c.article_id in found else [c.article_id, *found]
    dates: dict[str, datetime | None] = {}
    for a in articles:
        dates.setdefault(a.id, a.published)
    out = [Sentence(text=c.text, article_id=c.article_id, position=c.position, paragraph=c.paragraph,
                    sources=list(c.sources)) for c in chronological(chosen, dates)]
    return Summary(" ".join(s.text for s in out), out, language)
