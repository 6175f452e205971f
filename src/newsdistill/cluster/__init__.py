"""Cluster: group articles that report the same real-world event into stories.

- :class:`StoryClusterer`: incremental (``add``, ``add_batch``), with ``state()``/``from_state()``
  as plain data so a store can carry it from one run to the next.
- :func:`cluster_articles`: a list of articles -> a list of :class:`~newsdistill.model.Story`.
"""

from __future__ import annotations

from newsdistill.cluster.clusterer import ClusterConfig, StoryClusterer
from newsdistill.cluster.stories import story_id
from newsdistill.model import Article, Story, time_order

__all__ = ["ClusterConfig", "StoryClusterer", "cluster_articles", "story_id"]


def cluster_articles(articles: list[Article], config: ClusterConfig | None = None) -> list[Story]:
    """Stories of ``articles`` (clustered as one stream), largest first, each in time order."""
    clusterer = StoryClusterer(config)
    assigned = clusterer.add_batch(articles)
    members: dict[str, dict[str, Article]] = {}
    for a in articles:
        members.setdefault(assigned[a.id], {}).setdefault(a.id, a)
    stories = []
    for sid, group in members.items():
        dated = sorted(a.published for a in group.values() if a.published)
        ordered = sorted(group.values(), key=time_order)
        copies = {c: o for c, o in clusterer.copies.items() if c in group and o in group}
        stories.append(Story(id=sid, articles=ordered, first_seen=dated[0] if dated else None,
                             updated=dated[-1] if dated else None, copies=copies))
    stories.sort(key=lambda s: (-len(s.articles), s.id))
    return stories

