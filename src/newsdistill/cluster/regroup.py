"""Later regrouping of a story clusterer's open stories: splits and absorptions.

Online, each article is placed once, with what the stream has shown so far; two corrections
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

Either way the articles moved are listed in :attr:`StoryClusterer.moved` (or the current call's
result), so a store can move them too.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from newsdistill.cluster.features import unit_matrix, weigh, weigh_rows
from newsdistill.cluster.stories import OpenStory, neighbour_factors, report_families, split_parts, story_id

if TYPE_CHECKING:
    from newsdistill.cluster.clusterer import StoryClusterer

Member = tuple[str, dict[str, float], float | None]  # (article id, feature counts, publication time)


def split(c: StoryClusterer, sid: str) -> None:
    """Let story ``sid`` shed the groups of its latest members that, clustered as one batch would
    be, form stories of their own: each becomes a new story (id: its first member's)."""
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
        new = OpenStory(story_id(members[0][0]), None if story.timed else story.first,
                        None if story.timed else story.last)
        c.open[new.id] = new
        move(c, story, members, new)


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
