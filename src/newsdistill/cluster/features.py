"""What identifies an event in an article: salient terms, names, numbers, weighted by rarity.

An article becomes a bag of features in three views: content stems, whole multi-word names
(``n:tara reid``) and numbers written in figures (``#6.1``; spelled-out ones such as "one" are
mostly not figures), each counted with the headline and lead counted again (they say what
happened). :class:`Vocabulary` keeps incremental document frequencies, so rarity is learnt from the
stream itself; :func:`weigh` turns counts into a unit TF-IDF vector made of one unit vector per
view, each view holding a fixed share of the similarity of two articles (so names and figures
count as evidence of their own, however long the text around them).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

from newsdistill.model import Article
from newsdistill.text import (YEAR, content_stems, fold, names, numbers, split_sentences, stem_words, stemmer_language,
                             word_frequencies)

LEAD_SENTENCES = 2


NAMES, NUMBERS = "n:", "#"
VIEWS = ("", NAMES, NUMBERS)  # words, names, figures
BACKGROUND_WORDS = 200  # words of a typical background document (the chance it uses a word)


@lru_cache(maxsize=1)
def background() -> dict[str, float]:
    """Share of general English documents that use each content stem, from word frequencies
    (the ``wordfreq`` package's data, installed with it: nothing is fetched). A stem used at
    frequency f appears in a document of BACKGROUND_WORDS words with chance 1 - exp(-f * words)."""
    freq = word_frequencies("en")  # words used at least once in a million
    words = [w for w in freq if w.isalpha()]
    total: dict[str, float] = {}
    for word, s in zip(words, stem_words(words, "english")):
        total[s] = total.get(s, 0.0) + freq[word]
    return {s: -math.expm1(-f * BACKGROUND_WORDS) for s, f in total.items()}


def _common_figure(stem: str) -> bool:
    """A small count or a year: as a word so common in news that two reports sharing one is chance
    (it stays a figure in the numbers view); "5.6", "737", "4-7" stay words."""
    return (len(stem) <= 2 and stem.isdigit()) or bool(YEAR.fullmatch(stem))


def article_counts(article: Article, lead_weight: float = 1.0, single_names: float = 0.0) -> dict[str, float]:
    """Sublinear feature counts (1 + log count) of one article: stems (not small counts or years),
    ``n:`` names, ``#`` numbers.

    A one-word name inside a sentence (a place, a person: "Qeshm", "Iquique") counts
    ``single_names`` more in the words view: two reports of the same kind of event share the
    event's words (earthquake, magnitude, struck), and where it happened tells them apart."""
    language = stemmer_language(article.language)
    text = article.text or ""
    title = article.title or ""
    if article.dateline:  # where it happened, as the wire put it ("NAIROBI, Kenya"): part of the lead
        text = f"{article.dateline.title()}. {text}"
    lead = " ".join(split_sentences(text[:2000])[:LEAD_SENTENCES + bool(article.dateline)])
    counts: Counter[str] = Counter()
    for part, weight in ((text, 1.0), (f"{title}\n{lead}", lead_weight)):
        if not part.strip() or weight <= 0:
            continue
        for s in content_stems(part, language):
            if not _common_figure(s):
                counts[s] += weight
        for name in names(part):
            if " " in name:
                counts[NAMES + fold(name)] += weight
            elif single_names:
                for st in content_stems(name, language):
                    counts[st] += single_names * weight
        for surface, value in numbers(part):
            if any(ch.isdigit() for ch in surface):
                counts[f"{NUMBERS}{value:g}"] += weight
    return {k: 1.0 + math.log(c) if c >= 1 else c for k, c in counts.items()}


@dataclass(slots=True)
class Vocabulary:
    """Document frequencies learnt incrementally: ``idf`` of a feature never seen is the highest.

    Rarity is learnt from the stream on top of ``prior`` documents of general English (see
    :func:`background`): a handful of articles on one story would otherwise make the story's own
    words look common and only each article's incidentals rare, so its reports would look unlike
    each other; as the stream grows its own counts take over. Names and figures have no background
    (they are as rare as they look). ``names`` and ``numbers`` are the weights of those views
    beside the words' (1.0) in :func:`weigh`.
    Past ``limit`` features, the rarest (seen in one document, then two, ...) are forgotten until
    70% are left: a stream's vocabulary keeps growing with new names, and a forgotten feature only
    counts as never seen (the highest idf), which it nearly was.
    """

    docs: int = 0
    df: dict[str, int] = field(default_factory=dict)
    names: float = 0.3
    numbers: float = 0.2
    limit: int = 300_000
    prior: float = 100.0

    def add(self, features: dict[str, float]) -> None:
        self.docs += 1
        df = self.df
        for k in features:
            df[k] = df.get(k, 0) + 1
        if len(df) > self.limit:
            cutoff = 1
            while len(self.df) > 0.7 * self.limit:
                self.df = {k: n for k, n in self.df.items() if n > cutoff}
                cutoff += 1

    def idf(self, feature: str) -> float:
        common = self.prior * background().get(feature, 0.0) if self.prior else 0.0
        return math.log((self.docs + 1 + self.prior) / (self.df.get(feature, 0) + common + 1)) + 1.0

    def state(self) -> dict[str, Any]:
        return {"docs": self.docs, "df": dict(self.df)}

    @classmethod
    def from_state(cls, state: dict[str, Any], **settings: Any) -> Vocabulary:
        """The vocabulary of :meth:`state`; ``settings`` are the view weights and limit."""
        return cls(int(state["docs"]), dict(state["df"]), **settings)


def _view(feature: str) -> str:
    return NAMES if feature.startswith(NAMES) else NUMBERS if feature.startswith(NUMBERS) else ""


def _view_weights(vocab: Vocabulary) -> dict[str, float]:
    return {"": 1.0, NAMES: vocab.names, NUMBERS: vocab.numbers}


def weigh(counts: dict[str, float], vocab: Vocabulary) -> dict[str, float]:
    """Unit-length TF-IDF vector of feature counts: per view (words, names, numbers) a unit vector
    scaled by the square root of the view's share among the views the article has, so the dot
    product of two articles is the share-weighted sum of their per-view cosines."""
    docs = vocab.docs + 1 + vocab.prior
    df = vocab.df
    prior = vocab.prior
    common = background() if prior else {}
    views: dict[str, dict[str, float]] = {}
    for k, c in counts.items():
        views.setdefault(_view(k), {})[k] = c * (math.log(docs / (df.get(k, 0) + prior * common.get(k, 0.0) + 1)) + 1.0)
    weights = _view_weights(vocab)
    total = sum(weights[view] for view in views) or 1.0
    out: dict[str, float] = {}
    for view, vec in views.items():
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        scale = math.sqrt(weights[view] / total) / norm
        if scale > 0:
            for k, v in vec.items():
                out[k] = v * scale
    return out


def _triplets(vectors: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int]]:
    """Row, column and value of every entry of sparse vectors, and the column of each feature
    (as arrays: a list of Python numbers per entry would take ten times the memory)."""
    index: dict[str, int] = {}
    sizes = np.fromiter((len(vec) for vec in vectors), dtype=np.int64, count=len(vectors))
    total = int(sizes.sum())
    rows = np.repeat(np.arange(len(vectors)), sizes)
    cols = np.fromiter((index.setdefault(k, len(index)) for vec in vectors for k in vec), dtype=np.int64, count=total)
    vals = np.fromiter((v for vec in vectors for v in vec.values()), dtype=float, count=total)
    return rows, cols, vals, index


def unit_matrix(vectors: list[dict[str, float]]) -> csr_matrix:
    """Sparse rows of the given sparse unit vectors (a shared column per feature)."""
    rows, cols, vals, index = _triplets(vectors)
    return csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(1, len(index))))


def weigh_rows(counts: list[dict[str, float]], vocab: Vocabulary) -> tuple[csr_matrix, list[str]]:
    """:func:`weigh` of many articles at once, as the rows of a sparse matrix, and the feature of
    each column (rarity taken once per feature rather than once per use: a story's members share
    most of theirs)."""
    row, col, vals, index = _triplets(counts)
    features = list(index)
    return weigh_entries(row, col, vals, features, len(counts), vocab), features


def weigh_entries(row: np.ndarray, col: np.ndarray, vals: np.ndarray, features: list[str], n: int,
                  vocab: Vocabulary) -> csr_matrix:
    """:func:`weigh_rows` of ``n`` articles' counts given as entries (row, column, count; the
    feature of each column in ``features``)."""
    idf = np.array([vocab.idf(k) for k in features])
    view = np.array([VIEWS.index(_view(k)) for k in features], dtype=int)
    data = vals * idf[col]
    squares = np.zeros((n, 3))
    np.add.at(squares, (row, view[col]), data * data)
    weight = np.array([_view_weights(vocab)[v] for v in VIEWS])
    present = squares > 0
    total = (present * weight).sum(axis=1, keepdims=True)
    total[total == 0] = 1.0
    scale = np.sqrt(weight / total) / np.where(present, np.sqrt(squares), 1.0)
    return csr_matrix((data * scale[row, view[col]], (row, col)), shape=(n, max(1, len(features))))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors (sparse dicts)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
