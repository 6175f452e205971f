"""Concepts and their weights: the units of information a summary should cover.

A concept is a bigram of stemmed words (Gillick & Favre 2009); bigrams made only of stopwords are
no concepts. A concept's weight is the number of documents that carry it (facts repeated by several
outlets are the ones that matter; the caller counts rewrites of one report once), refined by where
it appears: a concept in a document's opening sentences or in its headline counts for more, as news
puts the essentials first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsdistill.text import stem_words, stopwords, words

MIN_DF_3_FROM = 10


@dataclass(slots=True)
class ConceptWeights:
    """How concept weights are computed (each refinement can be switched off for ablation)."""

    min_df: int | None = None   # None: 3, or 2 with fewer than 10 documents
    lead_sentences: int = 3     # a document's opening sentences...
    lead_bonus: float = 0.5     # ...add this much per document where the concept opens it
    title_bonus: float = 1.0    # per document whose headline carries the concept
    max_concepts: int = 400     # keep the heaviest concepts only (bounds the solver's work)


@lru_cache(maxsize=65536)
def analyse(text: str, language: str = "english") -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's bigram concepts and its content stems, from one pass over its tokens.

    Concepts are stemmed token pairs that are not both stopwords; content stems are the stems of
    the non-stopword tokens (as :func:`newsdistill.text.content_stems` gives them).
    """
    toks = words(text.lower())
    stems = stem_words(toks, language)
    # 0: a stray letter (no concept), 1: stopword, 2: content word
    stop = stopwords(language)
    codes = [0 if len(t) < 2 and not t.isdigit() else 1 if t in stop else 2 for t in toks]
    concepts = frozenset(f"{a} {b}" for a, b, ca, cb in zip(stems, stems[1:], codes, codes[1:])
                         if ca and cb and ca + cb > 2)
    content = frozenset(s for s, c in zip(stems, codes) if c == 2)
    return concepts, content


def sentence_concepts(text: str, language: str = "english") -> frozenset[str]:
    """The bigram concepts of a sentence: stemmed token pairs, not both stopwords."""
    return analyse(text, language)[0]


def sentence_stems(text: str, language: str = "english") -> frozenset[str]:
    """The content stems of a sentence (stopwords left out)."""
    return analyse(text, language)[1]


def default_min_df(n_units: int) -> int:
    """A concept must recur: in 3 independent reports when there are 10 or more (Gillick & Favre's
    threshold for 10-document clusters), in 2 in smaller clusters."""
    return 3 if n_units >= MIN_DF_3_FROM else 2


def weigh(units: Iterable[tuple[list[set[str]], set[str]]], options: ConceptWeights) -> dict[str, float]:
    """Concept weights over documents.

    ``units`` yields, per document, the concept sets of its sentences in order and the concept set
    of its headline. Returns {concept: weight} for the concepts that recur often enough.
    """
    df: dict[str, int] = defaultdict(int)
    bonus: dict[str, float] = defaultdict(float)
    n_units = 0
    for sentences, title in units:
        n_units += 1
        seen: set[str] = set().union(*sentences) if sentences else set()
        for c in seen:
            df[c] += 1
        lead = set().union(*sentences[:options.lead_sentences]) if sentences else set()
        for c in lead:
            bonus[c] += options.lead_bonus
        for c in title:
            bonus[c] += options.title_bonus
    min_df = options.min_df or default_min_df(n_units)
    weights = {c: df[c] + bonus[c] for c in sorted(df) if df[c] >= min_df}  # sorted: same order every run
    if len(weights) > options.max_concepts:
        keep = sorted(weights, key=lambda c: (-weights[c], c))[:options.max_concepts]
        weights = {c: weights[c] for c in keep}
    return weights
