import json
import random
from datetime import datetime, timedelta, timezone

import pytest
from cluster_fixture import EVENTS, fixture_articles

from newsdistill.cluster import ClusterConfig, StoryClusterer, cluster_articles, story_id
from newsdistill.model import Article


def groups(assigned: dict[str, str]) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for aid, sid in assigned.items():
        out.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in out.values()}


def gold_groups(gold: dict[str, str]) -> set[frozenset[str]]:
    return groups(gold)


@pytest.mark.parametrize("dated", [True, False])
def test_similar_kind_events_kept_apart(dated):
    articles, gold = fixture_articles(dated)
    clusterer = StoryClusterer()
    assigned = {a.id: clusterer.add(a) for a in articles} if dated else clusterer.add_batch(articles)
    assert groups(assigned) == gold_groups(gold)


def test_order_among_same_time_articles_does_not_matter():
    articles, _ = fixture_articles(dated=True)
    undated, _ = fixture_articles(dated=False)
    for batch in (articles, undated):
        reference = StoryClusterer().add_batch(batch)
        for seed in range(5):
            shuffled = batch[:]
            random.Random(seed).shuffle(shuffled)
            assert StoryClusterer().add_batch(shuffled) == reference


def test_story_ids_stable_as_stories_grow():
    articles, _ = fixture_articles(dated=True)
    clusterer = StoryClusterer()
    seen: dict[str, str] = {}
    for a in sorted(articles, key=lambda a: (a.published, a.id)):
        seen[a.id] = clusterer.add(a)
        for earlier, sid in seen.items():
            assert clusterer.story_of(earlier) == sid
    first = {}
    for a in sorted(articles, key=lambda a: (a.published, a.hash, a.id)):
        first.setdefault(seen[a.id], a.id)
    assert all(sid == story_id(aid) for sid, aid in first.items())


def test_state_round_trip_continues_the_same_way():
    articles, _ = fixture_articles(dated=True)
    articles.sort(key=lambda a: (a.published, a.id))
    straight = StoryClusterer()
    expected = {a.id: straight.add(a) for a in articles}
    resumed = StoryClusterer()
    got = {a.id: resumed.add(a) for a in articles[:5]}
    resumed = StoryClusterer.from_state(json.loads(json.dumps(resumed.state())))
    got.update({a.id: resumed.add(a) for a in articles[5:]})
    assert got == expected


def test_copies_join_their_original_and_duplicates_are_one_story():
    articles, _ = fixture_articles(dated=True)
    clusterer = StoryClusterer()
    assigned = clusterer.add_batch(articles)
    original = articles[0]
    copy = Article(id="copy", text=original.text + " (Reuters)", published=original.published + timedelta(days=9))
    amp = Article(id="amp", text="Read the full story on our site today.", url=original.url + "/amp?utm_source=x",
                  published=original.published + timedelta(days=1))
    assert clusterer.add(copy) == assigned[original.id]
    assert clusterer.add(amp) == assigned[original.id]


def test_story_closes_after_the_window():
    articles, gold = fixture_articles(dated=True)
    config = ClusterConfig(window_days=10)
    clusterer = StoryClusterer(config)
    assigned = clusterer.add_batch(articles)
    late = articles[0]
    again = Article(id="late", title=late.title, text=late.text.replace("Sunday", "Friday") + " More later.",
                    published=late.published + timedelta(days=40))
    assert clusterer.add(again) not in set(assigned.values())


def test_bad_input_is_handled():
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    odd = [
        Article(id="nodate", text="Police in Lyon arrested two men after a bank robbery on Monday."),
        Article(id="notitle", text="Police in Lyon arrested two men after a bank robbery on Monday.", published=when),
        Article(id="empty", text="", published=when),
        Article(id="blank", text="   \n  ", title="Only a title"),
        Article(id="same1", text="Identical text about the harbour bridge repairs.", published=when),
        Article(id="same2", text="Identical text about the harbour bridge repairs.", published=when),
        Article(id="fr", text="Le gouvernement a annoncé mardi une réforme des retraites très contestée.",
                language="fr", published=when),
        Article(id="ja", text="東京で大きな地震があり、多くの建物が被害を受けました。", published=when),
        Article(id="digits", text="2024 2025 12 13 14", published=when),
    ]
    stories = cluster_articles(odd)
    assigned = {a.id: s.id for s in stories for a in s.articles}
    assert set(assigned) == {a.id for a in odd}
    assert assigned["same1"] == assigned["same2"]
    assert assigned["fr"] != assigned["notitle"]


def test_cluster_articles_returns_stories_in_time_order():
    articles, gold = fixture_articles(dated=True)
    stories = cluster_articles(list(reversed(articles)))
    assert len(stories) == len(EVENTS)
    for s in stories:
        times = [a.published for a in s.articles]
        assert times == sorted(times) and s.first_seen == times[0] and s.updated == times[-1]
        assert len({gold[a.id] for a in s.articles}) == 1


def test_undated_reports_join_dated_stories_of_the_same_call():
    articles, gold = fixture_articles(dated=True)
    # the last report of each event loses its date: it is matched without regard to time
    for a in articles:
        if a.id.endswith("-2"):
            a.published = None
    assigned = StoryClusterer().add_batch(articles)
    assert groups(assigned) == gold_groups(gold)
    shuffled = articles[::-1]
    assert StoryClusterer().add_batch(shuffled) == assigned


def test_recurring_event_a_year_later_is_a_new_story():
    articles, _ = fixture_articles(dated=True)
    quake = [a for a in articles if a.id.startswith("quake-iran")]
    clusterer = StoryClusterer()
    first = {clusterer.add(a) for a in quake}
    year_later = Article(id="again", title=quake[0].title, published=quake[0].published + timedelta(days=365),
                         text=quake[1].text.replace("Sunday", "Tuesday").replace("Five", "Seven"))
    assert len(first) == 1 and clusterer.add(year_later) not in first


def test_copies_of_the_latest_call_are_reported_with_their_original():
    from datetime import datetime, timezone

    from newsdistill.cluster import StoryClusterer
    from newsdistill.model import Article

    body = ("The harbour authority in Brennport said on Monday that 1,200 dock workers walked off the job "
            "over pay, halting cargo traffic at the port's three container terminals for the first time in years.")
    t = datetime(2023, 5, 2, 9, tzinfo=timezone.utc)
    c = StoryClusterer()
    c.add(Article(id="orig", text=body, published=t))
    assert c.copies == {}
    sid = c.add(Article(id="copy", text=body + " Reporting by a wire service.", published=t.replace(hour=11)))
    assert c.copies == {"copy": "orig"} and sid == c.story_of("orig")
    c.add(Article(id="other", text="Completely different news about a football match and its score.", published=t))
    assert c.copies == {}
