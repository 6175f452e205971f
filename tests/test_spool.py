import random
from collections.abc import Sequence
from dataclasses import replace

import pytest
from cluster_fixture import fixture_articles

from newsdistill.cluster import StoryClusterer, cluster_articles, iter_stories
from newsdistill.model import Article
from newsdistill.spool import ArticleSpool


def test_a_spool_gives_back_each_article_whole():
    articles, _ = fixture_articles(dated=True)
    articles[0] = replace(articles[0], title="Ä headline", dateline="NAIROBI, Kenya", language="de")
    with ArticleSpool() as spool:
        for a in articles:
            spool.append(a)
        assert len(spool) == len(articles)
        assert spool.ids == [a.id for a in articles]
        assert list(spool) == articles
        assert spool[0] == articles[0] and spool[0].paragraphs == articles[0].paragraphs
        assert spool[-1] == articles[-1]
        assert spool[2:5] == articles[2:5]
        with pytest.raises(IndexError):
            spool[len(articles)]
        with pytest.raises(IndexError):
            spool[-len(articles) - 1]
    assert spool._file.closed


class Counting(Sequence):
    """A sequence that counts which articles are asked for by index."""

    def __init__(self, articles: list[Article]):
        self.articles, self.asked = articles, []

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, index):
        article = self.articles[index]  # IndexError ends Sequence's iteration: not counted
        self.asked.append(index)
        return article


def test_a_call_reads_its_articles_once_through_then_each_new_one_once_by_index():
    articles, _ = fixture_articles(dated=True)
    random.Random(3).shuffle(articles)
    first = StoryClusterer()
    first.add_batch(articles[:4])
    calls = articles + [articles[5], articles[1]]  # one article given twice; one already clustered
    reference = StoryClusterer.from_state(first.state()).add_batch(calls)
    counting = Counting(calls)
    got = StoryClusterer.from_state(first.state()).add_batch(counting)
    assert got == reference
    # the iteration goes through __getitem__ too (Sequence's __iter__): the first len(calls) asks
    assert counting.asked[:len(calls)] == list(range(len(calls)))
    later = counting.asked[len(calls):]
    assert sorted(later) == list(range(4, len(articles)))  # each new article once; known and repeats never


@pytest.mark.parametrize("dated", [True, False])
def test_a_spooled_call_clusters_as_the_list_does(dated):
    articles, _ = fixture_articles(dated)
    random.Random(7).shuffle(articles)
    with ArticleSpool() as spool:
        for a in articles:
            spool.append(a)
        assert StoryClusterer().add_batch(spool) == StoryClusterer().add_batch(articles)


def test_stories_come_one_at_a_time_each_reading_only_its_own_articles():
    articles, _ = fixture_articles(dated=True)
    random.Random(5).shuffle(articles)
    given = articles + [articles[2]]  # one article given twice: one member
    expected = cluster_articles(given)
    assert len(expected) > 2
    counting = Counting(given)
    stories = iter_stories(counting)
    assert next(stories) == expected[0]  # the call's reads, then the first story's articles
    clustered = len(counting.asked) - len(expected[0].articles)
    for story in expected[1:]:
        before = len(counting.asked)
        assert next(stories) == story
        assert len(counting.asked) - before == len(story.articles)  # its own articles, when it comes
    assert next(stories, None) is None
    # after clustering, each article was read once more, with its story (the repeat only once)
    assert sorted(counting.asked[clustered:]) == sorted({given.index(a) for a in given})


def test_a_spooled_digest_equals_the_listed_one_without_the_sources_text():
    from newsdistill.cli.digest_cmd import build_digests
    from newsdistill.publish import digests_to_json

    articles, _ = fixture_articles(dated=True)
    with ArticleSpool() as spool:
        for a in articles:
            spool.append(a)
        light = build_digests(spool, "brief", keep_text=False)
    full = build_digests(articles, "brief")
    assert digests_to_json(light) == digests_to_json(full)
    assert all(s.text == "" and s.paragraphs == [] for d in light for s in d.sources)
    assert all(s.text for d in full for s in d.sources)
    assert [s.hash for d in light for s in d.sources] == [s.hash for d in full for s in d.sources]
