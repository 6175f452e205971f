"""Cluster: group articles that report the same real-world event into stories.

- :class:`StoryClusterer`: incremental (``add``, ``add_batch``), with ``state()``/``from_state()``
  as plain data so a store can carry it from one run to the next.
- :func:`cluster_articles`: a list of articles -> a list of :class:`~newsdistill.model.Story`;
  :func:`iter_stories` the same one story at a time, each story's articles read from the sequence
  only when it comes (a :class:`~newsdistill.spool.ArticleSpool` need not hold them all).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsdistill.cluster.clusterer import ClusterConfig, StoryClusterer
from newsdistill.cluster.stories import story_id
from newsdistill.model import Article, Story, time_order

__all__ = ["ClusterConfig", "StoryClusterer", "cluster_articles", "iter_stories", "story_id"]


def cluster_articles(articles: Sequence[Article], config: ClusterConfig | None = None) -> list[Story]:
    """Stories of ``articles`` (clustered as one stream), largest first, each in time order."""
    return list(iter_stories(articles, config))


def iter_stories(articles: Sequence[Article], config: ClusterConfig | None = None) -> Iterator[Story]:
    """:func:`cluster_articles` one story at a time: the articles are read once through to cluster
    them, then again by index, one story's at a time (an article given twice counts once)."""
    clusterer = StoryClusterer(config)
    assigned = clusterer.add_batch(articles)
    all_copies = clusterer.copies
    del clusterer  # its state (vocabulary, open stories) is not needed while the stories are used
    members: dict[str, dict[str, int]] = {}
    for i, aid in enumerate(article_ids(articles)):
        members.setdefault(assigned[aid], {}).setdefault(aid, i)
    for sid in sorted(members, key=lambda s: (-len(members[s]), s)):
        group = [articles[i] for i in members.pop(sid).values()]
        dated = sorted(a.published for a in group if a.published)
        ids = {a.id for a in group}
        copies = {c: o for c, o in all_copies.items() if c in ids and o in ids}
        yield Story(id=sid, articles=sorted(group, key=time_order), first_seen=dated[0] if dated else None,
                    updated=dated[-1] if dated else None, copies=copies)


def article_ids(articles: Sequence[Article]) -> list[str]:
    """The ids of ``articles``, without loading a spooled sequence's articles."""
    ids = getattr(articles, "ids", None)
    return list(ids) if ids is not None else [a.id for a in articles]
