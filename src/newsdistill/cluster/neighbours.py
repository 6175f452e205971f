"""Shared nearest neighbours: evidence that two reports tell one event (Jarvis and Patrick 1973).

Two reports of one event are near the same reports; two same-kind events that share names and
words (two earthquakes, two rehab stays) each have nearer reports of their own. A clusterer call
finds, once, each article's ``k`` most similar articles among the call's articles and the open
stories' latest members (dated pairs further apart than the story window are never neighbours),
and turns the overlap of two neighbourhoods into a factor on their similarity. (A larger call is
taken in time-ordered parts of ``clusterer.CONTEXT`` articles, so it costs time and memory in
proportion to its length.)

Measured on the development sets (ECB+, the DUC 2003 stream, the two mixed in one period), among
pairs of articles with a TF-IDF cosine of 0.12-0.45, where the threshold decides: a pair sharing
no neighbour at all (neither among the other's nearest, none of those in common) is a pair of
different events in 1,704 of 1,724 cases. Such pairs keep only ``unshared`` of their similarity;
the others are weighed by ``(weight + share) / (weight + neutral)``.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from newsdistill.cluster.stories import unit_matrix

ROWS = 512  # similarity rows computed at once


class Neighbourhoods:
    """Each node's neighbourhood (itself and its ``k`` nearest) among the nodes given.

    ``factors(ids)`` and ``factor(a, b)`` give, per pair, ``unshared`` when the two
    neighbourhoods have nothing in common, else ``(weight + share) / (weight + neutral)``: 1 for
    a pair whose neighbourhoods overlap by ``neutral`` (a share in [0, 1]), more above it, less
    below. Nodes unknown here get 1 (no evidence either way).
    """

    def __init__(self, ids: list[str], vectors: list[dict[str, float]], times: list[float | None], *,
                 k: int, weight: float, neutral: float, unshared: float, window: float | None):
        self.k, self.weight, self.neutral, self.unshared, self.window = k, weight, neutral, unshared, window
        self.index = {aid: i for i, aid in enumerate(ids)}
        rows: list[int] = []
        cols: list[int] = []
        for node, found in self._search(vectors, times):
            rows.extend([node] * len(found))
            cols.extend(found)
        self.member = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), max(1, len(ids))))
        self.sets = [frozenset(self.member.indices[a:b].tolist())
                     for a, b in zip(self.member.indptr[:-1], self.member.indptr[1:])]

    def _search(self, vectors: list[dict[str, float]], times: list[float | None]):
        """(node, its neighbourhood) for every node, ``ROWS`` similarity rows at a time."""
        n, take = len(vectors), min(self.k + 1, len(vectors))
        x = unit_matrix(vectors)
        when = np.array([np.nan if t is None else t for t in times])
        for lo in range(0, n, ROWS):
            hi = min(n, lo + ROWS)
            block = (x[lo:hi] @ x.T).toarray()
            if self.window is not None:  # dated pairs beyond the window (NaN compares False: undated pass)
                block[np.abs(when[lo:hi, None] - when[None, :]) > self.window] = -np.inf
            rows = np.arange(hi - lo)
            block[rows, rows + lo] = np.inf  # a node is in its own neighbourhood
            nearest = np.argpartition(-block, take - 1, axis=1)[:, :take]
            for r in rows:
                keep = nearest[r][np.isfinite(block[r, nearest[r]]) | (nearest[r] == r + lo)]
                yield lo + r, keep.tolist()

    def __contains__(self, node: str) -> bool:
        return node in self.index

    def factors(self, ids: list[str]) -> np.ndarray:
        """The factor of every pair of ``ids`` (a square matrix; 1 where either is unknown)."""
        known = [self.index.get(i) for i in ids]
        rows = [r for r in known if r is not None]
        out = np.ones((len(ids), len(ids)))
        if not rows:
            return out
        m = self.member[rows]
        where = np.array([r is not None for r in known])
        out[np.ix_(where, where)] = self._factor(m @ m.T)
        return out

    def _factor(self, overlap) -> np.ndarray:
        shared = overlap.toarray() / (self.k + 1)
        return np.where(shared > 0, (self.weight + shared) / (self.weight + self.neutral), self.unshared)

    def factor(self, a: str, b: str) -> float:
        return float(self.factors([a, b])[0, 1])

    def mean_factor(self, node: str, members: list[str]) -> float:
        """Mean factor of ``node`` with the members (1 for a member unknown here)."""
        i = self.index.get(node)
        if i is None or not members:
            return 1.0
        mine, scale, neutral = self.sets[i], self.k + 1, self.weight + self.neutral
        total = 0.0
        for m in members:
            j = self.index.get(m)
            if j is None:
                total += 1.0
                continue
            shared = len(mine & self.sets[j])
            total += (self.weight + shared / scale) / neutral if shared else self.unshared
        return total / len(members)
