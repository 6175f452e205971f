"""What identifies an event in an article: salient terms, names, numbers, weighted by rarity.

An article becomes a bag of features: content stems, whole multi-word names (``n:tara reid``) and
stated numbers (``#6.1``), each counted with the headline and lead counted again (they say what
happened). :class:`Vocabulary` keeps incremental document frequencies, so rarity is learnt from the
stream itself; :func:`weigh` turns counts into a unit TF-IDF vector.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsdistill.model import Article
from newsdistill.text import content_stems, fold, names, numbers, split_sentences, stemmer_language

LEAD_SENTENCES = 2


def article_counts(article: Article, name_weight: float = 1.0, lead_weight: float = 1.0) -> dict[str, float]:
    """Sublinear feature counts (1 + log count) of one article: stems, ``n:`` names, ``#`` numbers."""
    language = stemmer_language(article.language)
    text = article.text or ""
    title = article.title or ""
    lead = " ".join(split_sentences(text[:2000])[:LEAD_SENTENCES])
    counts: Counter[str] = Counter()
    for part, weight in ((text, 1.0), (f"{title}\n{lead}", lead_weight)):
        if not part.strip() or weight <= 0:
            continue
        for s in content_stems(part, language):
            counts[s] += weight
        for name in names(part):
            if " " in name:
                counts["n:" + fold(name)] += weight * name_weight
        for surface, value in numbers(part):
            counts[f"#{value:g}"] += weight
    return {k: 1.0 + math.log(c) if c >= 1 else c for k, c in counts.items()}


@dataclass(slots=True)
class Vocabulary:
    """Document frequencies learnt incrementally: ``idf`` of a feature never seen is the highest."""

    docs: int = 0
    df: dict[str, int] = field(default_factory=dict)

    def add(self, features: dict[str, float]) -> None:
        self.docs += 1
        df = self.df
        for k in features:
            df[k] = df.get(k, 0) + 1

    def idf(self, feature: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(feature, 0) + 1)) + 1.0

    def state(self) -> dict[str, Any]:
        return {"docs": self.docs, "df": dict(self.df)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Vocabulary:
        return cls(int(state["docs"]), dict(state["df"]))


def weigh(counts: dict[str, float], vocab: Vocabulary) -> dict[str, float]:
    """Unit-length TF-IDF vector of feature counts."""
    docs = vocab.docs + 1
    df = vocab.df
    vec = {k: c * (math.log(docs / (df.get(k, 0) + 1)) + 1.0) for k, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors (sparse dicts)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
