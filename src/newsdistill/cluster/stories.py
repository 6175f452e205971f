"""The state of one open story, as plain data, and the average-link group clustering of a batch."""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

from newsdistill.cluster.features import Vocabulary, weigh, weigh_rows
from newsdistill.model import Article

DAY = 86400.0


def story_id(first_article_id: str) -> str:
    """A story's id, fixed by its first article: stable however the story grows."""
    return "s" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:11]


def to_epoch(dt: datetime | None) -> float | None:
    if dt is None:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).timestamp()


def from_epoch(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, tz=timezone.utc)


def call_order(articles: Iterable[Article], assigned: dict[str, str]) -> tuple[
        list[str], dict[str, str], list[tuple[float, str, str, int]], list[tuple[str, str, int]]]:
    """A call's articles, read once: their ids in order, the known ones' stories, and the keys of
    the new ones (the first of two with one id) in canonical order, dated ``(time, hash, id,
    index)`` and undated ``(hash, id, index)``: the order never depends on the input's."""
    ids: list[str] = []
    known: dict[str, str] = {}
    fresh: set[str] = set()
    dated: list[tuple[float, str, str, int]] = []
    undated: list[tuple[str, str, int]] = []
    for i, a in enumerate(articles):
        ids.append(a.id)
        if a.id in assigned:
            known.setdefault(a.id, assigned[a.id])
        elif a.id not in fresh:
            fresh.add(a.id)
            if a.published:
                dated.append((to_epoch(a.published), a.hash, a.id, i))
            else:
                undated.append((a.hash, a.id, i))
    return ids, known, sorted(dated), sorted(undated)


@dataclass(slots=True)
class OpenStory:
    """An open story: its members' feature counts are kept so its vector follows the vocabulary.

    ``vector`` (not part of the state) is the mean of the members' unit TF-IDF vectors, so an
    article's dot product with it is its average-link similarity to the members.
    """

    id: str
    first: float | None
    last: float | None
    members: list[str] = field(default_factory=list)
    counts: list[dict[str, float]] = field(default_factory=list)
    timed: bool = False  # first/last come from publication dates (else from arrival)
    times: list[float | None] = field(default_factory=list)  # publication time of each of ``counts``
    vector: dict[str, float] | None = None
    vector_docs: int = 0
    drift: int = 0  # members dropped since the vector was last computed from scratch

    def mean_vector(self, vocab: Vocabulary, refresh: float) -> dict[str, float]:
        """Mean member vector under the current vocabulary (recomputed when it has drifted)."""
        if self.vector is None or vocab.docs > self.vector_docs * refresh:
            rows, keys = weigh_rows(self.counts, vocab)
            mean = np.asarray(rows.sum(axis=0)).ravel() / (len(self.counts) or 1)
            self.vector = {k: float(v) for k, v in zip(keys, mean)}
            self.vector_docs = vocab.docs
            self.drift = 0
        return self.vector

    def add(self, article_id: str, counts: dict[str, float], when: float | None, vocab: Vocabulary,
            keep: int) -> dict[str, float] | None:
        """Add a member; the story's vector follows its ``keep`` latest members. Returns the counts
        of the member that dropped out of the vector, if one did."""
        dropped = self.counts.pop(0) if len(self.counts) >= keep else None
        if dropped is not None:
            self.times.pop(0)
            self.drift += 1
            if self.drift >= keep:  # subtracting under a newer vocabulary leaves residue: rebuild
                self.vector = None
        if self.vector is not None:
            n = len(self.counts) + (dropped is not None)
            vec = {k: v * n for k, v in self.vector.items()}
            for k, v in weigh(counts, vocab).items():
                vec[k] = vec.get(k, 0.0) + v
            if dropped is not None:
                for k, v in weigh(dropped, vocab).items():
                    vec[k] = vec.get(k, 0.0) - v
            m = len(self.counts) + 1
            self.vector = {k: v / m for k, v in vec.items() if v > 1e-9}
        self.members.append(article_id)
        self.counts.append(counts)
        self.times.append(when)
        if when is not None:
            if not self.timed:
                self.first, self.last, self.timed = when, max(when, self.last or when), True
            self.first = min(self.first, when)
            self.last = max(self.last, when)
        return dropped

    def remove(self, positions: list[int]) -> list[tuple[str, dict[str, float], float | None]]:
        """Take the latest members at ``positions`` (indexes into ``counts``) out of the story:
        their (id, counts, time)."""
        offset = len(self.members) - len(self.counts)
        gone = set(positions)
        taken = [(self.members[offset + i], self.counts[i], self.times[i]) for i in sorted(gone)]
        keep = [i for i in range(len(self.counts)) if i not in gone]
        self.members = self.members[:offset] + [self.members[offset + i] for i in keep]
        self.counts = [self.counts[i] for i in keep]
        self.times = [self.times[i] for i in keep]
        self.vector = None
        left = [t for t in self.times if t is not None]
        if self.timed and left:  # the story's span follows the members it keeps
            self.last = max(left)
            if offset == 0:  # every member is still here: the first can be known again too
                self.first = min(left)
        return taken

    def state(self) -> dict[str, Any]:
        return {"id": self.id, "first": self.first, "last": self.last, "timed": self.timed,
                "members": list(self.members), "counts": [dict(c) for c in self.counts], "times": list(self.times)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> OpenStory:
        counts = [dict(c) for c in state["counts"]]
        times = state.get("times") or [state["last"] if state.get("timed") else None] * len(counts)
        return cls(state["id"], state["first"], state["last"], list(state["members"]), counts,
                   bool(state.get("timed")), times=list(times))


class Continuation:
    """How often the stream's recent articles clearly continue a story: the share of the last
    ``window`` articles that joined an open story at a similarity meeting the threshold with no
    time evidence, that grouped with others of their batch, or whose story such an article joined
    later (a story's first report counts once it is followed). ``prior`` articles that continue
    start it off, so a short stream keeps the share a story-rich stream has.

    A stream following developing stories (wire copy on a few big events, a news site's beat) has
    most of its articles continue one; a broad day of unrelated pages has few, and there two
    articles of the same day share words by chance far more often than they share an event.
    """

    __slots__ = ("recent", "prior")

    def __init__(self, window: int = 100, prior: float = 10.0,
                 recent: list[tuple[str, bool]] | None = None):
        self.recent: deque[tuple[str, bool]] = deque(recent or (), maxlen=window)
        self.prior = prior

    def share(self) -> float:
        return (self.prior + sum(flag for _, flag in self.recent)) / (self.prior + len(self.recent))

    def add(self, story: str, clear: bool) -> None:
        """An article placed in ``story``; ``clear``: it continues the story (see above)."""
        if clear:
            for i, (sid, flag) in enumerate(self.recent):
                if sid == story and not flag:
                    self.recent[i] = (sid, True)
        self.recent.append((story, clear))

    def state(self) -> list[list[Any]]:
        return [[sid, flag] for sid, flag in self.recent]


def _neighbourhoods(sim: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, int] | None:
    """Membership matrix (row i: node i and its ``k`` most similar nodes), each neighbourhood's
    farthest member's similarity, and ``k``; None with ``k`` nodes or fewer besides each (every
    neighbourhood is then everything)."""
    n = len(sim)
    k = min(k, n - 1)
    if k <= 0 or k >= n - 1:
        return None
    ranked = np.array(sim, dtype=float)
    np.fill_diagonal(ranked, np.inf)
    nearest = np.argpartition(-ranked, k, axis=1)[:, :k + 1]
    member = np.zeros((n, n))
    np.put_along_axis(member, nearest, 1.0, axis=1)
    farthest = np.take_along_axis(ranked, nearest, axis=1).min(axis=1)  # the node itself is inf
    return member, farthest, k


def shared_neighbours(sim: np.ndarray, k: int) -> np.ndarray:
    """Shared-nearest-neighbour overlap (Jarvis and Patrick 1973) of every pair of nodes, in [0, 1].

    Each node's neighbourhood is itself and its ``k`` most similar nodes; two nodes' overlap is
    the share of neighbourhood they have in common. Two reports of one event are near the same
    reports; two same-kind events that share names and words each have nearer reports of their
    own. With ``k`` nodes or fewer besides itself every neighbourhood is everything, overlap 1.
    """
    found = _neighbourhoods(sim, k)
    if found is None:
        return np.ones((len(sim), len(sim)))
    member, _, k = found
    return (member @ member.T) / (k + 1)


def neighbour_factors(sim: np.ndarray, k: int, weight: float, neutral: float, unshared: float,
                      saturated: float) -> np.ndarray:
    """What shared neighbours make of every pair's similarity: ``(weight + overlap) / (weight +
    neutral)``, 1 at an overlap of ``neutral``; ``unshared`` for a pair whose neighbourhoods share
    nothing (nearly always two events), unless either neighbourhood is all at ``saturated``
    similarity or more: rewrites of one report, which say nothing about the event, so they never
    count against a pair."""
    found = _neighbourhoods(sim, k)
    if found is None:
        return np.full((len(sim), len(sim)), (weight + 1.0) / (weight + neutral))
    member, farthest, k = found
    overlap = (member @ member.T) / (k + 1)
    factor = np.where(overlap > 0, (weight + overlap) / (weight + neutral), unshared)
    tight = farthest >= saturated
    return np.where(tight[:, None] | tight[None, :], np.maximum(factor, 1.0), factor)


def report_families(sim: np.ndarray, saturated: float) -> tuple[np.ndarray, np.ndarray]:
    """Members linked by similarity ``saturated`` or more (rewrites and copies of one report) as
    one family each: every member's family (numbered in order of their first member) and the mean
    member similarity between every two families (1 on the diagonal)."""
    from scipy.sparse.csgraph import connected_components

    _, found = connected_components(csr_matrix(sim >= saturated), directed=False)
    family = np.unique(found, return_index=True)[1].argsort().argsort()[found]  # renumbered by first member
    member = np.zeros((len(sim), int(family.max()) + 1))
    member[np.arange(len(sim)), family] = 1.0
    size = member.sum(axis=0)
    between = member.T @ sim @ member / np.outer(size, size)
    np.fill_diagonal(between, 1.0)
    return family, between


def split_parts(sim: np.ndarray, factor: np.ndarray, threshold: float, min_part: int) -> list[list[int]]:
    """Groups of a story's members that stand apart when its members are clustered as one batch
    (similarities ``sim`` weighed by shared-neighbour ``factor``, average link at ``threshold``):
    index lists of at least ``min_part`` members, leaving out the group that keeps the story (the
    earliest member's, when that is such a group, else the largest). Smaller groups stay."""
    n = len(sim)
    labels = joint_average_link(sim * factor, np.ones(n, dtype=int), np.zeros(n, dtype=bool), threshold)
    size = Counter(labels)
    big = sorted({label for label in labels if size[label] >= min_part}, key=labels.index)
    if len(big) < 2:
        return []
    keep = labels[0] if labels[0] in big else max(big, key=lambda label: size[label])
    return [[i for i, label in enumerate(labels) if label == b] for b in big if b != keep]


def joint_average_link(sim: np.ndarray, sizes: np.ndarray, fixed: np.ndarray, threshold: float) -> list[int]:
    """Average-link clustering of nodes (articles and open stories) while the best pair is >= threshold.

    ``sim`` holds node similarities, ``sizes`` the members each node stands for, ``fixed`` marks
    open stories: two clusters that each hold a story never merge. Returns a cluster label per node.
    """
    n = len(sim)
    size = sizes.astype(float)
    total = sim * np.outer(size, size)  # summed member-pair similarity between clusters
    holds = fixed.astype(bool).copy()
    alive = np.ones(n, dtype=bool)
    label = np.arange(n)
    eye = np.eye(n, dtype=bool)
    while True:
        blocked = eye | np.outer(holds, holds) | ~alive[:, None] | ~alive[None, :]
        avg = np.where(blocked, -np.inf, total / np.outer(size, size))
        i, j = np.unravel_index(int(np.argmax(avg)), avg.shape)
        if not avg[i, j] >= threshold:
            break
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        size[i] += size[j]
        holds[i] |= holds[j]
        alive[j] = False
        label[label == j] = i
    return [int(x) for x in label]
