"""Later regrouping of a story clusterer's stories: splits, absorptions and settling.

Online, each article is placed once, with what the stream has shown so far; three corrections
come later, when more of the stream is known:

- **Split.** A second event's first report can join a story of the first, and its later reports
  follow it there. When a story takes in an article, its latest members are clustered again as
  one batch would be (the versions of one report, at ``saturated`` similarity, counted once;
  ``split_members`` reports needed), and each group of ``split_part`` reports or more that stands
  apart from the group of the earliest member leaves, with its copies, for a new story.
- **Absorption.** A report on an event from an angle of its own (background, a side issue, a
  later turn) may fall below the threshold with every story and found one, which then stays a
  story of one or two reports. When such a story closes (``window_days`` without news; an undated
  call's, at the end of the call), each of its reports is placed among its ``neighbours`` nearest
  reports in the open stories around it; where at least ``absorb_votes`` of them, for every one of
  its reports, belong to one story of as many members or more, the small story joins that story.
  A lone report in a stream of unrelated stories has its nearest reports scattered over many.
- **Settling.** Within one call (a file of articles, a scan), a dated report is placed before the
  reports of the same call that come after it; the first report of an event can join a story of a
  related one before its own event's reports arrive. At the end of a call of more than
  ``neighbours + 1`` articles, each of its dated reports is placed among its ``neighbours`` nearest
  reports (the call's, its copies included, and the latest members of the open stories around,
  within ``window_days``; a report and its copies count at most twice); where at most
  ``settle_own`` of them are in its own story and at least ``absorb_votes`` in one other story of
  as many members, it moves there, with its copies. The undated reports of a call were placed as
  one batch with all the others, so they stay. A call of more than ``settle_part`` dated reports
  settles in equal parts, each at its end, as consecutive calls would.

Each way the articles moved are listed in :attr:`StoryClusterer.moved` (or the current call's
result), so a store can move them too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix, vstack

from newsdistill.cluster.features import unit_matrix, weigh, weigh_entries, weigh_rows
from newsdistill.cluster.stories import (DAY, OpenStory, neighbour_factors, report_families, split_parts,
                                         story_id)

if TYPE_CHECKING:
    from newsdistill.cluster.clusterer import StoryClusterer

FAMILY_VOTES = 2  # settling: a report and its copies count at most this often among one's nearest reports
Member = tuple[str, dict[str, float], float | None]  # (article id, feature counts, publication time)


def split(c: StoryClusterer, sid: str) -> None:
    """Let story ``sid`` shed the groups of its latest members that, clustered as one batch would
    be, form stories of their own: each becomes a new story (id: see :func:`_split_id`)."""
    cfg = c.config
    story = c.open[sid]
    if len(story.counts) < cfg.split_members:
        return
    x, _ = weigh_rows(story.counts, c.vocab)
    family, sim = report_families((x @ x.T).toarray(), cfg.saturated)
    if len(sim) < cfg.split_members:
        return
    k = min(cfg.neighbours, max(2, len(sim) // 2))  # a few reports: smaller neighbourhoods
    factor = neighbour_factors(sim, k, cfg.neighbour_weight, cfg.neighbour_share, cfg.unshared, cfg.saturated)
    parts = split_parts(sim, factor, cfg.threshold, cfg.split_part)
    part_of = {i: p for p, part in enumerate(parts) for f in part for i in np.flatnonzero(family == f).tolist()}
    if not part_of:
        return
    groups: dict[int, list[Member]] = {}
    for i, member in zip(sorted(part_of), story.remove(sorted(part_of))):
        groups.setdefault(part_of[i], []).append(member)
    for members in groups.values():
        new = OpenStory(_split_id(c, members[0][0], sid), None if story.timed else story.first,
                        None if story.timed else story.last)
        c.open[new.id] = new
        move(c, story, members, new)


def _split_id(c: StoryClusterer, first: str, parent: str) -> str:
    """The id of a story split off ``parent``: fixed by its first report and the story it left, so
    never that of a story the report founded and has since left (still open, or retired)."""
    new, n = story_id(f"{first} {parent}"), 1
    while new in c.open:  # split off the same story before, and back in it since
        new, n = story_id(f"{first} {parent} {n}"), n + 1
    return new


def absorb(c: StoryClusterer, story: OpenStory) -> bool:
    """Fold a small open ``story`` into the story most of its reports' nearest reports belong to
    (see the module); True if it was (it has then left the open stories)."""
    cfg = c.config
    if not 0 < len(story.counts) <= cfg.absorb_size or len(story.counts) != len(story.members):
        return False
    found = set()
    for counts, when in zip(story.counts, story.times):
        vec = weigh(counts, c.vocab)
        around = sorted(sid for sid in c._candidates(vec, when) if sid != story.id)
        pool, owner = c._member_pool(around)
        if len(pool) < cfg.neighbours:  # every report around would be its neighbour
            return False
        x = unit_matrix([vec, *pool])
        nearest = np.argsort(-(x[0] @ x[1:].T).toarray().ravel(), kind="stable")[:cfg.neighbours]
        target, votes = max(Counter(around[owner[j]] for j in nearest).items(), key=lambda kv: (kv[1], kv[0]))
        if votes < cfg.absorb_votes or len(c.open[target].counts) < cfg.absorb_votes:
            return False
        found.add(target)
    if len(found) != 1:
        return False
    del c.open[story.id]
    move(c, story, story.remove(list(range(len(story.counts)))), c.open[found.pop()])
    return True


def move(c: StoryClusterer, story: OpenStory, members: list[Member], into: OpenStory) -> None:
    """Members taken out of ``story`` join ``into``; their copies follow."""
    for article_id, counts, when in members:
        c._index(story.id, counts, -1)
        c._take(into, article_id, counts, when)
        for moved in (article_id, *c.copies_of.get(article_id, ())):
            c.assignments[moved] = into.id
            if moved in c._placed:
                c._placed[moved] = into.id
            else:
                c.moved[moved] = into.id


class CallReports:
    """The current call's reports, held compactly (feature numbers and counts as arrays, a tenth of
    the memory of their count dicts) for :func:`settle` at the end of the call, and its copies."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.times: list[float | None] = []
        self.features: dict[str, int] = {}
        self.names: list[str] = []  # the feature of each number
        self.entries: list[tuple[np.ndarray, np.ndarray]] = []
        self.copies: list[tuple[str, str, float | None]] = []  # (copy, original, time)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def held(self) -> int:
        """Reports held, copies included."""
        return len(self.ids) + len(self.copies)

    def add(self, article_id: str, counts: dict[str, float], when: float | None) -> None:
        self.ids.append(article_id)
        self.times.append(when)
        self.entries.append(self.encode(counts))

    def encode(self, counts: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        cols = np.empty(len(counts), np.int32)
        for j, k in enumerate(counts):
            number = self.features.get(k)
            if number is None:
                number = self.features[k] = len(self.names)
                self.names.append(k)
            cols[j] = number
        return cols, np.fromiter(counts.values(), float, len(counts))

    def counts(self, i: int) -> dict[str, float]:
        cols, vals = self.entries[i]
        return {self.names[c]: v for c, v in zip(cols.tolist(), vals.tolist())}


def part_size(n: int, limit: int) -> int:
    """Size of the equal parts, of at most ``limit`` reports, that a call of ``n`` dated reports
    settles in (``n`` itself when one part holds them all)."""
    return math.ceil(n / max(1, math.ceil(n / limit)))


def settle(c: StoryClusterer, call: CallReports) -> None:
    """Move each of the call's dated reports whose nearest reports are mostly in one other story
    to that story (see the module); the call's result (``_placed``) follows."""
    cfg = c.config
    if len(call) <= cfg.neighbours + 1:
        return
    inside = set(call.ids)  # story members already in the pool (copies are never members)
    position = {aid: i for i, aid in enumerate(call.ids)}
    entries, times = list(call.entries), list(call.times)
    owner = [c._placed[aid] for aid in call.ids]
    family = list(range(len(call)))  # a report and its copies: one family
    for aid, original, when in call.copies:  # a copy is a report too: it votes for its story
        if original in position:
            entries.append(call.entries[position[original]])
            times.append(when)
            owner.append(c._placed[aid])
            family.append(position[original])
    around = {sid for sid in owner if sid in c.open}
    for i, when in enumerate(call.times):
        around.update(c._candidates(weigh(call.counts(i), c.vocab), when))
    for sid in sorted(around):
        story = c.open[sid]
        offset = len(story.members) - len(story.counts)
        for k, (counts, when) in enumerate(zip(story.counts, story.times)):
            if story.members[offset + k] not in inside:
                entries.append(call.encode(counts))
                times.append(when)
                owner.append(sid)
                family.append(len(family))
    x = _weighed(entries, call.names, c)
    size = Counter(owner)
    for sid in size:
        if sid in c.open:
            size[sid] = max(size[sid], len(c.open[sid].members))
    moves: dict[int, str] = {}
    stamps = np.array([np.nan if when is None else when for when in times])
    dated = sum(when is not None for when in call.times)  # the call's dated reports come first
    for i, near in _nearest(x, stamps, dated, cfg.neighbours, cfg.window_days * DAY):
        votes = _votes(near, owner, family)
        own = votes.pop(owner[i], 0)
        if not votes or own > cfg.settle_own:
            continue
        target, n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= cfg.absorb_votes and size[target] >= cfg.absorb_votes:
            moves[i] = target
    for i, target in sorted(moves.items()):
        _relocate(c, call, i, owner[i], target)
    for sid in sorted({owner[i] for i in moves}):  # a story all of whose reports left (after the
        if sid in c.open and not c.open[sid].members:  # moves: it may have been another's target)
            del c.open[sid]


def _votes(near: list[int], owner: list[str], family: list[int]) -> Counter[str]:
    """The stories of the reports ``near``, each family (a report and its copies) counting at most
    ``FAMILY_VOTES`` times: a report a dozen outlets republished is not a dozen neighbours."""
    votes: Counter[str] = Counter()
    used: Counter[int] = Counter()
    for j in near:
        used[family[j]] += 1
        if used[family[j]] <= FAMILY_VOTES:
            votes[owner[j]] += 1
    return votes


def _weighed(entries: list[tuple[np.ndarray, np.ndarray]], names: list[str], c: StoryClusterer,
             chunk: int = 2000) -> csr_matrix:
    """The weighed unit rows of reports given as (feature numbers, counts), a chunk at a time (one
    column per feature number), so the work arrays stay the size of a chunk's."""
    parts = []
    for start in range(0, len(entries), chunk):
        part = entries[start:start + chunk]
        sizes = np.fromiter((len(cols) for cols, _ in part), np.int64, len(part))
        used, col = np.unique(np.concatenate([cols for cols, _ in part]), return_inverse=True)
        rows = weigh_entries(np.repeat(np.arange(len(part)), sizes), col.ravel(),
                             np.concatenate([vals for _, vals in part]), [names[u] for u in used.tolist()],
                             len(part), c.vocab)
        parts.append(csr_matrix((rows.data, used[rows.indices], rows.indptr), shape=(len(part), max(1, len(names)))))
    return vstack(parts).tocsr()


def _nearest(x: csr_matrix, times: np.ndarray, n: int, k: int, window: float,
             block: int = 200) -> Iterator[tuple[int, list[int]]]:
    """For each of the first ``n`` rows of ``x`` (unit vectors of reports dated ``times``; the
    first ``n`` dated, in time order), the indexes of its ``k`` most similar other rows within
    ``window`` seconds (undated rows: any)."""
    order = np.argsort(times, kind="stable")  # dated rows in time order, then the undated (NaN)
    dated = int(np.count_nonzero(~np.isnan(times)))
    ordered, undated = times[order[:dated]], order[dated:]
    for start in range(0, n, block):
        end = min(start + block, n)
        lo = np.searchsorted(ordered, times[start] - window, side="left")
        hi = np.searchsorted(ordered, times[end - 1] + window, side="right")
        cols = np.concatenate([order[lo:hi], undated])  # only rows within this block's window
        sim = (x[start:end] @ x[cols].T).toarray()
        sim[cols[None, :] == np.arange(start, end)[:, None]] = -np.inf
        sim[np.abs(times[start:end, None] - times[None, cols]) > window] = -np.inf  # NaN is never >
        kept = min(k, sim.shape[1])
        nearest = np.argpartition(-sim, kept - 1, axis=1)[:, :kept] if kept else np.zeros((end - start, 0), int)
        for r, near in enumerate(nearest):
            yield start + r, [int(cols[j]) for j in near if np.isfinite(sim[r, j])]


def _relocate(c: StoryClusterer, call: CallReports, i: int, source: str, target: str) -> None:
    """The call's ``i``-th report (and its copies) leaves ``source`` for ``target``; either may
    have closed during the call (a closed story only changes the call's result)."""
    aid, when = call.ids[i], call.times[i]
    counts = None
    story = c.open.get(source)
    if story is not None:
        kept = story.members[len(story.members) - len(story.counts):]
        if aid not in kept:
            return  # no longer among the members the story keeps: stays
        _, counts, _ = story.remove([kept.index(aid)])[0]
        c._index(source, counts, -1)
    into = c.open.get(target)
    if into is not None:
        c._take(into, aid, counts if counts is not None else call.counts(i), when)
    for moved in (aid, *(copy for copy, original, _ in call.copies if original == aid)):
        c._placed[moved] = target
        if into is not None:
            c.assignments[moved] = target
        else:
            c.assignments.pop(moved, None)
