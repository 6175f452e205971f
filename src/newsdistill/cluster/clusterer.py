"""Incremental story clustering: each article joins the best open story or starts a new one.

Articles arrive in time order (``published``; an undated article arrives "now", at the latest time
seen). Articles of one instant form a batch handled in a canonical order (by content hash, then
id), and scored against the stories as they stood before the batch, so the outcome does not depend
on the order among same-time articles. Those that match no open story are grouped among themselves
by average link. Copies (same canonical URL, same or near-identical body) join their original's
story. A story closes to new members after ``window_days`` without news. Candidate stories come from
an inverted index over open stories, queried with the article's rarest terms, so the cost per article
stays flat as the stream grows. :meth:`StoryClusterer.state` is plain data for a store.
"""

from __future__ import annotations

import heapq
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import Any

from newsdistill.cluster.features import Vocabulary, article_counts, cosine, weigh
from newsdistill.cluster.stories import OpenStory, group_average_link, story_id, to_epoch
from newsdistill.dedupe import DuplicateIndex
from newsdistill.model import Article

DAY = 86400.0


@dataclass(slots=True)
class ClusterConfig:
    """One configuration for every stream (chosen by measurement, see benchmarks/bench_cluster.py)."""

    threshold: float = 0.18         # average-link similarity among same-time articles to group them
    join_threshold: float = 0.12    # average-link similarity (time-decayed) to join an open story
    window_days: float = 60.0       # a story closes after this long without a new member
    decay_days: float = 60.0        # similarity divided by 1 + days since the story's last news / this
    name_weight: float = 1.0        # weight of multi-word names beside their words
    lead_weight: float = 2.0        # extra weight of the headline and first sentences
    query_terms: int = 12           # rarest article terms used to find candidate stories
    max_candidates: int = 40        # stories scored in full per article
    story_members: int = 50         # latest members that make up a story's vector
    refresh: float = 1.25           # recompute a story vector when the corpus grew by this factor
    max_batch: int = 800            # same-time articles grouped jointly at most
    duplicate_threshold: float = 0.5  # MinHash Jaccard estimate for near-identical bodies


class StoryClusterer:
    """Online story clustering. ``add``/``add_batch`` return story ids; ids never change."""

    def __init__(self, config: ClusterConfig | None = None):
        self.config = config or ClusterConfig()
        self.vocab = Vocabulary()
        self.duplicates = DuplicateIndex(threshold=self.config.duplicate_threshold)
        self.open: dict[str, OpenStory] = {}
        self.assignments: dict[str, str] = {}
        self.clock: float | None = None
        self.postings: dict[str, dict[str, int]] = {}  # term -> open story -> members using it
        self._closing: list[tuple[float, str]] = []

    # --- public API ---------------------------------------------------------------------------

    def add(self, article: Article) -> str:
        """Cluster one article; its story id."""
        return self.add_batch([article])[article.id]

    def add_batch(self, articles: list[Article]) -> dict[str, str]:
        """Cluster articles (any order); article id -> story id. Same-time articles are one batch."""
        known = {a.id: self.assignments[a.id] for a in articles if a.id in self.assignments}
        fresh: dict[str, Article] = {}
        for a in articles:
            if a.id not in known:
                fresh.setdefault(a.id, a)
        dated = [to_epoch(a.published) for a in fresh.values() if a.published]
        now = max([x for x in dated + [self.clock] if x is not None], default=None)

        def when(a: Article) -> float | None:
            return to_epoch(a.published) if a.published else now

        ordered = sorted(fresh.values(), key=lambda a: (when(a) is not None, when(a) or 0.0, a.hash, a.id))
        for t, same in groupby(ordered, key=when):
            group = list(same)
            for i in range(0, len(group), self.config.max_batch):
                self._add_group(group[i:i + self.config.max_batch], t)
        return {a.id: known.get(a.id) or self.assignments[a.id] for a in articles}

    def story_of(self, article_id: str) -> str | None:
        return self.assignments.get(article_id)

    # --- one instant ----------------------------------------------------------------------------

    def _add_group(self, group: list[Article], t: float | None) -> None:
        if t is not None:
            self.clock = t if self.clock is None else max(self.clock, t)
            self._close(self.clock)
        copies: list[tuple[Article, str]] = []
        originals: list[tuple[Article, dict[str, float]]] = []
        for a in group:
            dup = self.duplicates.add(a)
            if dup is not None:
                copies.append((a, dup.original))
            else:
                counts = article_counts(a, self.config.name_weight, self.config.lead_weight)
                self.vocab.add(counts)
                originals.append((a, counts))
        joins: list[tuple[Article, dict[str, float], str]] = []
        rest: list[tuple[Article, dict[str, float], dict[str, float]]] = []
        for a, counts in originals:
            vec = weigh(counts, self.vocab)
            best = self._best_story(vec, t)
            if best is not None:
                joins.append((a, counts, best))
            else:
                rest.append((a, counts, vec))
        for a, counts, sid in joins:
            self._join(self.open[sid], a, counts, t)
        labels = group_average_link([vec for _, _, vec in rest], self.config.threshold)
        founded: dict[int, OpenStory] = {}
        for (a, counts, _), label in zip(rest, labels):
            story = founded.get(label)
            if story is None:
                story = founded[label] = OpenStory(story_id(a.id), t, t)
                self.open[story.id] = story
            self._join(story, a, counts, t)
        for a, original in copies:
            self.assignments[a.id] = self.assignments.get(original) or self._found_alone(a, t)

    def _found_alone(self, a: Article, t: float | None) -> str:
        story = OpenStory(story_id(a.id), t, t)
        self.open[story.id] = story
        self._join(story, a, {}, t)
        return story.id

    def _join(self, story: OpenStory, a: Article, counts: dict[str, float], t: float | None) -> None:
        dropped = story.add(a.id, counts, t, self.vocab, self.config.story_members)
        self.assignments[a.id] = story.id
        self._index(story.id, counts, 1)
        if dropped is not None:
            self._index(story.id, dropped, -1)
            self.duplicates.forget(story.members[-self.config.story_members - 1])
        if story.last is not None:
            heapq.heappush(self._closing, (story.last, story.id))

    def _best_story(self, vec: dict[str, float], t: float | None) -> str | None:
        cfg = self.config
        rare = sorted(vec, key=lambda k: (-vec[k], k))[:cfg.query_terms]
        hits: dict[str, float] = {}
        for k in rare:
            for sid in self.postings.get(k, ()):
                hits[sid] = hits.get(sid, 0.0) + vec[k]
        if not hits:
            return None
        candidates = sorted(hits, key=lambda s: (-hits[s], s))[:cfg.max_candidates]
        best, best_sim = None, cfg.join_threshold
        for sid in candidates:
            story = self.open[sid]
            sim = cosine(vec, story.mean_vector(self.vocab, cfg.refresh))
            if cfg.decay_days > 0 and t is not None and story.last is not None:
                sim /= 1.0 + max(0.0, t - story.last) / (cfg.decay_days * DAY)
            if sim > best_sim or (sim == best_sim and best is not None and sid < best):
                best, best_sim = sid, sim
        return best

    def _index(self, sid: str, counts: dict[str, float], delta: int) -> None:
        postings = self.postings
        for k in counts:
            refs = postings.setdefault(k, {})
            n = refs.get(sid, 0) + delta
            if n > 0:
                refs[sid] = n
            else:
                refs.pop(sid, None)
                if not refs:
                    del postings[k]

    def _close(self, now: float) -> None:
        """Close stories without a new member for ``window_days``: they leave the indexes."""
        cutoff = now - self.config.window_days * DAY
        while self._closing and self._closing[0][0] < cutoff:
            last, sid = heapq.heappop(self._closing)
            story = self.open.get(sid)
            if story is None or story.last is None or story.last >= cutoff:
                continue
            del self.open[sid]
            for counts in story.counts:
                self._index(sid, counts, -1)
            for member in story.members:
                self.duplicates.forget(member)

    # --- state --------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything needed to continue later, as plain (JSON-ready) data."""
        return {"version": 1, "config": asdict(self.config), "clock": self.clock,
                "vocabulary": self.vocab.state(), "duplicates": self.duplicates.state(),
                "open": [s.state() for s in self.open.values()], "assignments": dict(self.assignments)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryClusterer:
        self = cls(ClusterConfig(**state["config"]))
        self.clock = state["clock"]
        self.vocab = Vocabulary.from_state(state["vocabulary"])
        self.duplicates = DuplicateIndex.from_state(state["duplicates"])
        self.assignments = dict(state["assignments"])
        for s in state["open"]:
            story = OpenStory.from_state(s)
            self.open[story.id] = story
            for counts in story.counts:
                self._index(story.id, counts, 1)
            if story.last is not None:
                heapq.heappush(self._closing, (story.last, story.id))
        return self
