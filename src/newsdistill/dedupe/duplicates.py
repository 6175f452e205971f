"""Recognise copies of one report: same canonical URL, same body, or a near-identical body.

:class:`DuplicateIndex` is a small storage-agnostic index in the manner of datasketch's own
classes: ``add`` an article and learn whether it copies one already seen; ``state()`` gives plain
data (ids, strings, lists of ints) that :meth:`DuplicateIndex.from_state` turns back into an index,
so a store can keep it between runs. Near-duplicates are found with MinHash LSH over word shingles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsdistill.dedupe.urls import canonical_url
from newsdistill.model import Article
from newsdistill.text import tokens

SCHEME = "affine32"


@dataclass(slots=True, frozen=True)
class Duplicate:
    """``article`` copies ``original`` (the first report seen): ``kind`` is url, hash or near."""

    article: str
    original: str
    kind: str
    similarity: float = 1.0


def shingles(text: str, size: int = 4) -> set[bytes]:
    """Overlapping ``size``-word shingles of the lowercase words of ``text``."""
    toks = tokens(text)
    if len(toks) <= size:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i:i + size]).encode("utf-8") for i in range(len(toks) - size + 1)}


def minhash(text: str, num_perm: int = 128, size: int = 4) -> MinHash:
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    sh = shingles(text, size)
    if sh:
        m.update_batch(list(sh))
    return m


class DuplicateIndex:
    """Canonical URLs, body hashes and MinHash LSH over bodies of the originals seen so far.

    ``threshold`` is the estimated Jaccard similarity of 4-word shingle sets above which two bodies
    are one report (measured in ``benchmarks/bench_cluster.py``: light edits of one article stay
    above 0.5, distinct articles of one story, even wire updates, below 0.4).
    """

    def __init__(self, threshold: float = 0.5, num_perm: int = 128, shingle: int = 4, min_words: int = 20):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_words = min_words
        self.urls: dict[str, str] = {}
        self.hashes: dict[str, str] = {}
        self.signatures: dict[str, np.ndarray] = {}
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def __len__(self) -> int:
        return len(self.signatures)

    def find(self, article: Article) -> Duplicate | None:
        """The original that ``article`` copies, or None. The index is not changed."""
        canon = canonical_url(article.canonical_url or article.url)
        if canon and canon in self.urls and self.urls[canon] != article.id:
            return Duplicate(article.id, self.urls[canon], "url")
        if article.text.strip() and article.hash in self.hashes and self.hashes[article.hash] != article.id:
            return Duplicate(article.id, self.hashes[article.hash], "hash")
        if len(article.text.split()) < self.min_words or not self.signatures:
            return None
        m = minhash(article.text, self.num_perm, self.shingle)
        best: Duplicate | None = None
        for key in sorted(self.lsh.query(m)):
            if key == article.id:
                continue
            sim = float(np.mean(self.signatures[key] == m.hashvalues))
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Duplicate(article.id, key, "near", sim)
        return best

    def add(self, article: Article) -> Duplicate | None:
        """Record ``article``; return what it duplicates (its copies point at the first original)."""
        dup = self.find(article)
        target = dup.original if dup else article.id
        canon = canonical_url(article.canonical_url or article.url)
        if canon:
            self.urls.setdefault(canon, target)
        if article.text.strip():
            self.hashes.setdefault(article.hash, target)
        if dup is None and len(article.text.split()) >= self.min_words and article.id not in self.signatures:
            m = minhash(article.text, self.num_perm, self.shingle)
            self.signatures[article.id] = m.hashvalues.copy()
            self.lsh.insert(article.id, m)
        return dup

    def forget(self, article_id: str) -> None:
        """Stop comparing bodies with this article (URL and hash stay known)."""
        if self.signatures.pop(article_id, None) is not None:
            self.lsh.remove(article_id)

    def state(self) -> dict[str, Any]:
        """Plain data (JSON-ready) from which :meth:`from_state` rebuilds this index."""
        return {"threshold": self.threshold, "num_perm": self.num_perm, "shingle": self.shingle,
                "min_words": self.min_words, "urls": dict(self.urls), "hashes": dict(self.hashes),
                "signatures": {k: v.tolist() for k, v in self.signatures.items()}}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> DuplicateIndex:
        index = cls(state["threshold"], state["num_perm"], state["shingle"], state.get("min_words", 20))
        index.urls = dict(state["urls"])
        index.hashes = dict(state["hashes"])
        for key, values in state["signatures"].items():
            m = MinHash(hashvalues=np.asarray(values, dtype=np.uint64), scheme=SCHEME)
            index.signatures[key] = m.hashvalues.copy()
            index.lsh.insert(key, m)
        return index
