"""Incremental story clustering: each article joins the best open story or starts a new one.

Articles arrive in time order (``published``); undated articles come after the dated ones of the
same call and are matched without regard to time. Articles of one instant (or the undated ones)
form a batch handled in a canonical order (by content hash, then id) and clustered jointly with
the open stories by average link (two stories never merge), so the outcome does not depend on the
order among same-time articles. Within a batch of more than ``neighbours + 1`` articles,
similarities are weighed by shared nearest neighbours, found among the batch and the latest
members of its candidate stories: two reports of one event are near the same reports, two
same-kind events sharing names each have nearer reports of their own, and a pair whose
neighbourhoods share nothing is nearly always two events (it keeps ``unshared`` of its
similarity), unless a neighbourhood is all rewrites of one report (``saturated``). An article joins a story when their average-link similarity is at
least ``threshold``; closeness in time, when both are dated, multiplies it by up to
``time_boost``, in proportion to how often the stream's recent articles clearly continue a story
(:class:`~newsdistill.cluster.stories.Continuation`): in a stream of developing stories a report
days later with fewer shared words is still likely a follow-up, while on a broad day of unrelated
pages, being of the same day says little. Between two new articles of one instant (a day's, when
dates are cut to the day) the boost counts ``pair_boost`` as much: they have no story yet to
continue, and on a busy day reports of related events would group on their date. Copies (same canonical URL, same or near-identical body) join their original's
story. Three corrections come later (:mod:`~newsdistill.cluster.regroup`): a story that took in a
second event sheds it (a split); a story that stayed at a report or two folds, when it closes,
into the story its reports' nearest reports belong to (an absorption); and at the end of a call,
each of its dated reports whose nearest reports are mostly in one other story moves there
(settling: it was placed before the call's later reports had come). :attr:`StoryClusterer.moved`
lists the earlier articles moved. A story closes to new members after ``window_days`` without
news. Candidate stories come from an inverted index over open stories, queried with the article's
rarest terms, so the cost per article stays flat as the stream grows. :meth:`StoryClusterer.state` is plain data for a store.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from itertools import groupby
from operator import itemgetter
from typing import Any

import numpy as np

from newsdistill.cluster import regroup
from newsdistill.cluster.features import Vocabulary, article_counts, cosine, unit_matrix, weigh
from newsdistill.cluster.stories import (DAY, Continuation, OpenStory, call_order, joint_average_link,
                                         neighbour_factors, story_id)
from newsdistill.dedupe import DuplicateIndex
from newsdistill.model import Article


@dataclass(slots=True)
class ClusterConfig:
    """One configuration for every stream (chosen by measurement, see benchmarks/bench_cluster.py)."""

    threshold: float = 0.18         # average-link similarity (TF-IDF cosine) to join or group
    neighbours: int = 8             # a batch's similarities are weighed by shared nearest neighbours
    neighbour_weight: float = 2.0   # similarity times (this + shared share) / (this + neighbour_share)
    neighbour_share: float = 0.75   # share of shared neighbours at which a pair keeps its similarity
    unshared: float = 0.4           # similarity kept by a pair whose neighbourhoods share nothing
    saturated: float = 0.5          # a neighbourhood all this similar (rewrites of one report) is no evidence
    time_boost: float = 1.5         # dated and close in time: similarity times this / (1 + gap / decay)
    pair_boost: float = 0.5         # share of that boost between two articles of one instant (no story yet)
    decay_days: float = 60.0        # days over which the time evidence fades
    continuation_window: int = 100  # recent articles over which the share that continue a story is taken
    continuation_none: float = 0.45  # at this share or less, closeness in time adds nothing
    continuation_full: float = 0.75  # from this share, it adds its full time_boost
    window_days: float = 60.0       # a story closes after this long without a new member
    names_view: float = 0.3         # weight of the names view in the similarity (words: 1.0)
    numbers_view: float = 0.2       # weight of the numbers (in figures) view
    vocabulary_limit: int = 300_000  # document frequencies kept (the rarest go first)
    background: float = 100.0       # documents of general English that rarity is learnt on top of
    lead_weight: float = 2.0        # extra weight of the headline and first sentences
    single_names: float = 1.0       # extra count of a one-word name (a place, a person) in the words view
    query_terms: int = 12           # rarest article terms used to find candidate stories
    max_candidates: int = 40        # stories scored in full per article
    story_members: int = 50         # latest members that make up a story's vector
    refresh: float = 1.25           # recompute a story vector when the corpus grew by this factor
    max_batch: int = 1000           # same-time articles grouped jointly at most
    duplicate_threshold: float = 0.5  # MinHash Jaccard estimate for near-identical bodies
    split_members: int = 10         # a story of this many latest reports is checked for a second event...
    split_part: int = 4             # ...and sheds each group of this many reports forming a story of its own
    absorb_size: int = 2            # a story of at most this many reports, when it closes...
    absorb_votes: int = 5           # ...joins the story holding this many of each one's nearest reports
    settle_own: int = 2             # a call's report with no more of its nearest in its story moves (-1: off)
    settle_part: int = 20_000       # a longer call settles in parts of at most this many dated reports


class StoryClusterer:
    """Online story clustering. ``add``/``add_batch`` return story ids; a story's id never changes,
    though a split may move an article to a new story (``moved``, of the latest call).

    An article added again while its story is open gets the same story; once the story has
    closed, the clusterer no longer holds it (a store keeps the assignments), so the state stays
    the size of the open stories however long the stream.
    """

    def __init__(self, config: ClusterConfig | None = None):
        self.config = config or ClusterConfig()
        self.vocab = Vocabulary(**self._vocabulary_settings())
        self.duplicates = DuplicateIndex(threshold=self.config.duplicate_threshold)
        self.open: dict[str, OpenStory] = {}
        self.assignments: dict[str, str] = {}
        self.clock: float | None = None
        self.postings: dict[str, dict[str, int]] = {}  # term -> open story -> members using it
        self._closing: list[tuple[float, str]] = []
        self._defer_close = False
        self.copies: dict[str, str] = {}  # of the latest add/add_batch: copy's id -> original's id
        self.moved: dict[str, str] = {}  # of the latest add/add_batch: earlier article's id -> its new story
        self.copies_of: dict[str, list[str]] = {}  # original's id -> its copies' ids (open stories)
        self._placed: dict[str, str] = {}
        self._undated_new: list[str] = []  # stories the current call's undated articles founded
        self._call: regroup.CallReports | None = None  # the current call's reports, if it is settled
        self.continuation = Continuation(self.config.continuation_window)

    # --- public API ---------------------------------------------------------------------------

    def add(self, article: Article) -> str:
        """Cluster one article; its story id."""
        return self.add_batch([article])[article.id]

    def add_batch(self, articles: Sequence[Article]) -> dict[str, str]:
        """Cluster articles (any order); article id -> story id. Same-time articles are one batch.

        ``articles`` is read once through for ids and dates, then by index in time order, a chunk
        at a time: a sequence that loads each article when asked (the ``cluster`` command's
        :class:`~newsdistill.spool.ArticleSpool`) keeps only the current instant's in memory.
        """
        ids, known, dated, undated = call_order(articles, self.assignments)
        self.copies, self.moved = {}, {}
        self._placed = {}  # this call's assignments, kept even if a story closes within the call
        settled = len(dated) + len(undated) > self.config.neighbours + 1 and self.config.settle_own >= 0
        self._call = regroup.CallReports() if settled else None
        # With undated articles in the call, stories close only at its end, so that the undated
        # ones (matched without regard to time) can still join any story of the call.
        self._defer_close = bool(dated and undated)
        part = regroup.part_size(len(dated), self.config.settle_part)  # a long call settles in parts
        try:
            for t, same in groupby(dated, key=itemgetter(0)):
                if self._call is not None and self._call.held >= part:
                    regroup.settle(self, self._call)
                    self._call = regroup.CallReports()
                self._add_chunks(articles, [key[-1] for key in same], t)
            self._add_chunks(articles, [key[-1] for key in undated], None)
        finally:
            self._defer_close = False
        # an undated call is one instant: its new small stories are complete at its end
        undated_new, self._undated_new = self._undated_new, []
        for sid in undated_new:
            if sid in self.open:
                regroup.absorb(self, self.open[sid])
        if self._call is not None:
            regroup.settle(self, self._call)
            self._call = None
        if self.clock is not None:
            self._close(self.clock)
        return {i: self.moved.get(i, known[i]) if i in known else self._placed[i] for i in ids}

    def _vocabulary_settings(self) -> dict[str, Any]:
        cfg = self.config
        return {"names": cfg.names_view, "numbers": cfg.numbers_view, "limit": cfg.vocabulary_limit,
                "prior": cfg.background}

    def story_of(self, article_id: str) -> str | None:
        return self.assignments.get(article_id)

    def _add_chunks(self, articles: Sequence[Article], indices: list[int], t: float | None) -> None:
        """The articles at ``indices`` (one instant, in canonical order), ``max_batch`` at a time."""
        for i in range(0, len(indices), self.config.max_batch):
            self._add_group([articles[k] for k in indices[i:i + self.config.max_batch]], t)

    # --- one instant ----------------------------------------------------------------------------

    def _time_boost(self) -> float:
        """``time_boost`` as far as the stream's recent articles continue stories (see the module)."""
        cfg = self.config
        span = max(1e-9, cfg.continuation_full - cfg.continuation_none)
        weight = min(1.0, max(0.0, (self.continuation.share() - cfg.continuation_none) / span))
        return 1.0 + (cfg.time_boost - 1.0) * weight

    def _add_group(self, group: list[Article], t: float | None) -> None:
        boost = self._time_boost()  # once per instant: the same for every order of its articles
        if t is not None:
            self.clock = t if self.clock is None else max(self.clock, t)
            if not self._defer_close:
                self._close(self.clock)
        copies: list[tuple[Article, str]] = []
        originals: list[tuple[Article, dict[str, float]]] = []
        for a in group:
            dup = self.duplicates.add(a)
            if dup is not None:
                copies.append((a, dup.original))
            else:
                counts = article_counts(a, self.config.lead_weight, self.config.single_names)
                self.vocab.add(counts)
                originals.append((a, counts))
        vecs = [weigh(counts, self.vocab) for _, counts in originals]
        scored = [self._story_scores(vec, t, boost) for vec in vecs]
        scores = [row for row, _ in scored]
        targets = self._assign(vecs, scores, t, boost)
        founded: dict[int, OpenStory] = {}
        grouped = {target for target, n in Counter(targets).items() if n > 1}  # with others of the batch
        touched: set[str] = set()
        for (a, counts), target, (_, raw) in zip(originals, targets, scored):
            if isinstance(target, str):
                story = self.open[target]
            elif target in founded:
                story = founded[target]
            else:
                arrived = t if t is not None else self.clock  # an undated story closes from its arrival
                story = founded[target] = OpenStory(story_id(a.id), arrived, arrived, timed=t is not None)
                self.open[story.id] = story
            # it clearly continues a story: grouped with others of its batch, or joined an open story
            # at the threshold without the time evidence
            self.continuation.add(story.id, target in grouped or raw.get(target, 0.0) >= self.config.threshold)
            self._join(story, a, counts, t)
            if self._call is not None:
                self._call.add(a.id, counts, t)
            touched.add(story.id)
        for a, original in copies:
            if self._call is not None:
                self._call.copies.append((a.id, original, t))
            self.assignments[a.id] = self._placed[a.id] = (self.assignments.get(original)
                                                           or self._found_alone(a, t))
            self.copies[a.id] = original
            self.copies_of.setdefault(original, []).append(a.id)
        for sid in sorted(touched):
            regroup.split(self, sid)
        if t is None:
            self._undated_new.extend(sorted(story.id for story in founded.values()))

    def _found_alone(self, a: Article, t: float | None) -> str:
        arrived = t if t is not None else self.clock
        story = OpenStory(story_id(a.id), arrived, arrived, timed=t is not None)
        self.open[story.id] = story
        self._join(story, a, {}, t)
        return story.id

    def _join(self, story: OpenStory, a: Article, counts: dict[str, float], t: float | None) -> None:
        self._take(story, a.id, counts, t)
        self.assignments[a.id] = self._placed[a.id] = story.id

    def _take(self, story: OpenStory, article_id: str, counts: dict[str, float], when: float | None) -> None:
        """A member joins ``story``: the term index and, for the member that leaves the story's
        vector, the duplicate index follow; the story is due to close after its latest news."""
        dropped = story.add(article_id, counts, when, self.vocab, self.config.story_members)
        self._index(story.id, counts, 1)
        if dropped is not None:
            self._index(story.id, dropped, -1)
            self.duplicates.forget(story.members[-self.config.story_members - 1])
        if story.last is not None:
            heapq.heappush(self._closing, (story.last, story.id))

    def _assign(self, vecs: list[dict[str, float]], scores: list[dict[str, float]],
                t: float | None, boost: float) -> list[str | int]:
        """Per article: the open story it joins, or the label of the new story it founds."""
        threshold = self.config.threshold
        if not vecs:
            return []
        if len(vecs) == 1:
            best = max(scores[0].items(), key=lambda kv: (kv[1], kv[0]), default=(None, 0.0))
            return [best[0] if best[1] >= threshold else 0]
        stories = sorted(set().union(*scores))
        n, m = len(vecs), len(stories)
        sim = np.zeros((n + m, n + m))
        x = unit_matrix(vecs)
        # two new reports of one instant have no story yet to continue: their time evidence counts less
        pair = 1.0 + (boost - 1.0) * self.config.pair_boost if t is not None else 1.0
        sim[:n, :n] = (x @ x.T).toarray() * pair
        column = {sid: n + k for k, sid in enumerate(stories)}
        for i, row in enumerate(scores):
            for sid, value in row.items():
                sim[i, column[sid]] = sim[column[sid], i] = value
        if n > self.config.neighbours + 1:  # below that every neighbourhood is the whole batch
            self._weigh_by_neighbours(sim, vecs, stories)
        sizes = np.array([1] * n + [len(self.open[sid].counts) or 1 for sid in stories])
        fixed = np.array([False] * n + [True] * m)
        labels = joint_average_link(sim, sizes, fixed, threshold)
        story_of = {labels[column[sid]]: sid for sid in stories}
        return [story_of.get(label, label) for label in labels[:n]]

    def _weigh_by_neighbours(self, sim: np.ndarray, vecs: list[dict[str, float]], stories: list[str]) -> None:
        """Weigh a batch's similarities (in place) by shared nearest neighbours, found among the
        batch's articles and the latest members of its candidate stories: an article's score with a
        story is weighed by the mean factor over the story's members taken."""
        cfg = self.config
        n = len(vecs)
        members, owner = self._member_pool(stories)
        x = unit_matrix(vecs + members)
        factor = neighbour_factors((x @ x.T).toarray(), cfg.neighbours, cfg.neighbour_weight, cfg.neighbour_share,
                                   cfg.unshared, cfg.saturated)
        sim[:n, :n] *= factor[:n, :n]
        if owner:
            owner_of = np.array(owner)
            for k in range(len(stories)):
                mean = factor[:n, n:][:, owner_of == k].mean(axis=1)
                sim[:n, n + k] *= mean
                sim[n + k, :n] *= mean

    def _member_pool(self, stories: list[str]) -> tuple[list[dict[str, float]], list[int]]:
        """The weighed vectors of the latest ``neighbours`` members of each story, and the index
        (into ``stories``) of each one's story: where nearest neighbours are looked for."""
        pool: list[dict[str, float]] = []
        owner: list[int] = []
        for k, sid in enumerate(stories):
            members = self.open[sid].counts[-self.config.neighbours:]
            pool.extend(weigh(c, self.vocab) for c in members)
            owner.extend([k] * len(members))
        return pool, owner

    def _candidates(self, vec: dict[str, float], t: float | None) -> dict[str, float | None]:
        """The open stories sharing the article's rarest terms (most shared first, at most
        ``max_candidates``), each with its time since its latest news (None without time evidence:
        the article or the story undated); stories past the window are left out."""
        cfg = self.config
        rare = sorted(vec, key=lambda k: (-vec[k], k))[:cfg.query_terms]
        hits: dict[str, float] = {}
        for k in rare:
            for sid in self.postings.get(k, ()):
                hits[sid] = hits.get(sid, 0.0) + vec[k]
        found: dict[str, float | None] = {}
        for sid in sorted(hits, key=lambda s: (-hits[s], s))[:cfg.max_candidates]:
            story = self.open[sid]
            gap = None
            if t is not None and story.timed and story.last is not None:
                gap = max(0.0, t - story.last)
                if gap > cfg.window_days * DAY:  # closed, though not yet taken out of the index
                    continue
            found[sid] = gap
        return found

    def _story_scores(self, vec: dict[str, float], t: float | None,
                      boost: float) -> tuple[dict[str, float], dict[str, float]]:
        """Time-weighted average-link similarity to the candidate open stories, and the same
        without the time evidence."""
        cfg = self.config
        scores: dict[str, float] = {}
        raw: dict[str, float] = {}
        for sid, gap in self._candidates(vec, t).items():
            factor = 1.0 if gap is None else boost / (1.0 + gap / (cfg.decay_days * DAY))
            raw[sid] = cosine(vec, self.open[sid].mean_vector(self.vocab, cfg.refresh))
            scores[sid] = raw[sid] * factor
        return scores, raw

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
            if regroup.absorb(self, story):  # a small story folded into a larger one
                continue
            del self.open[sid]
            for counts in story.counts:
                self._index(sid, counts, -1)
            for member in story.members:
                self.duplicates.forget(member)
                self.assignments.pop(member, None)  # the state stays the size of the open stories
                for copy in self.copies_of.pop(member, ()):
                    self.assignments.pop(copy, None)

    # --- state --------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything needed to continue later, as plain (JSON-ready) data."""
        return {"version": 1, "config": asdict(self.config), "clock": self.clock,
                "vocabulary": self.vocab.state(), "duplicates": self.duplicates.state(),
                "open": [s.state() for s in self.open.values()], "assignments": dict(self.assignments),
                "continuation": self.continuation.state(),
                "copies_of": {k: list(v) for k, v in self.copies_of.items()}}

    @classmethod
    def from_state(cls, state: dict[str, Any], config: ClusterConfig | None = None) -> StoryClusterer:
        """The clusterer of :meth:`state`, with the configuration stored in it, or ``config`` (a
        program that never sets one passes the current defaults, so an upgrade's defaults apply)."""
        known = {f.name for f in fields(ClusterConfig)}
        self = cls(config or ClusterConfig(**{k: v for k, v in state["config"].items() if k in known}))
        self.clock = state["clock"]
        self.vocab = Vocabulary.from_state(state["vocabulary"], **self._vocabulary_settings())
        self.duplicates = DuplicateIndex.from_state(state["duplicates"])
        self.assignments = dict(state["assignments"])
        self.copies_of = {k: list(v) for k, v in state.get("copies_of", {}).items()}
        self.continuation = Continuation(self.config.continuation_window,
                                         recent=[(sid, bool(flag)) for sid, flag in state.get("continuation", ())])
        for s in state["open"]:
            story = OpenStory.from_state(s)
            self.open[story.id] = story
            for counts in story.counts:
                self._index(story.id, counts, 1)
            if story.last is not None:
                heapq.heappush(self._closing, (story.last, story.id))
        return self
