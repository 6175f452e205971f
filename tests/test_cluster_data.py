"""Clustering quality on the dev data (fast: about a second each)."""

import sys

import pytest
from conftest import ROOT, dataset

sys.path.insert(0, str(ROOT / "benchmarks"))


def test_ecbplus_bcubed():
    dataset("ecbplus")
    from cluster_data import bcubed, ecbplus

    from newsdistill.cluster import StoryClusterer

    articles, gold = ecbplus()
    p, r, f = bcubed(StoryClusterer().add_batch(articles), gold)
    assert f >= 0.96, (p, r, f)  # 0.968 measured (0.959 without absorptions)


def one_at_a_time(stream):
    """B-cubed of a stream added one article at a time, as the scanner does (with the moves of
    later splits)."""
    from cluster_data import bcubed
    from cluster_data import one_at_a_time as assign

    articles, gold = stream()
    return bcubed(assign(articles), gold)


def test_duc_stream_bcubed():
    dataset("duc2003_task2")
    from cluster_data import duc_stream

    p, r, f = one_at_a_time(duc_stream)
    assert f >= 0.94 and p >= 0.95, (p, r, f)  # 0.969 / 0.930 / 0.949 measured (0.936 without absorptions)


def test_denser_mixed_stream_bcubed():
    dataset("duc2003_task2")
    dataset("ecbplus")
    from cluster_data import mixed_stream

    p, r, f = one_at_a_time(mixed_stream)
    assert f >= 0.925, (p, r, f)  # 0.935 measured (0.931 without absorptions, 0.905 without splits)


def test_a_busy_days_new_reports_do_not_group_on_their_date_alone():
    """Dates cut to the day, every DUC cluster starting within three weeks (crowded seed 4): two
    new reports of one day get half the time boost (`pair_boost`), so related events of one place
    group less: the budget fight no longer takes in four Senate-race reports."""
    dataset("duc2003_task2")
    import dataclasses

    from cluster_data import dated
    from cluster_data import bcubed, crowded_duc_stream

    from newsdistill.cluster import ClusterConfig, StoryClusterer

    arts, gold = crowded_duc_stream(4, 21.0)
    day = dated(arts, True)
    f1 = {share: bcubed(StoryClusterer(dataclasses.replace(ClusterConfig(), pair_boost=share)).add_batch(day), gold)[2]
          for share in (ClusterConfig().pair_boost, 1.0)}
    assert ClusterConfig().pair_boost == 0.5
    assert f1[0.5] >= 0.91 and f1[0.5] > f1[1.0] + 0.01, f1  # 0.920 measured, 0.896 with the full boost


def test_a_calls_reports_placed_before_their_events_reports_came_settle_at_its_end():
    """The DUC stream in one call with dates cut to the day: at the end of the call each dated
    report whose nearest reports are mostly in one other story moves there (`settle`). The state
    stays consistent: every open story's members are assigned to it, the term index is the open
    stories' terms, and the clusterer goes on taking articles."""
    dataset("duc2003_task2")
    import dataclasses
    import random
    from collections import Counter

    from cluster_data import dated
    from cluster_data import bcubed, duc_stream

    from newsdistill.cluster import ClusterConfig, StoryClusterer

    arts, gold = duc_stream()
    day = dated(arts, True)
    unsettled = bcubed(StoryClusterer(dataclasses.replace(ClusterConfig(), settle_own=-1)).add_batch(day), gold)
    clusterer = StoryClusterer()
    got = clusterer.add_batch(day[:-20])
    settled = bcubed({**got, **clusterer.add_batch(day[-20:])}, gold)
    assigned = StoryClusterer().add_batch(day)
    whole = bcubed(assigned, gold)
    assert whole[2] >= 0.945 and whole[2] > unsettled[2] + 0.008, (whole, unsettled)  # 0.950 / 0.938 measured
    shuffled = day[:]
    random.Random(3).shuffle(shuffled)
    assert StoryClusterer().add_batch(shuffled) == assigned  # the moves do not depend on input order
    assert settled[2] >= 0.93, settled
    postings: dict[str, Counter] = {}
    for sid, story in clusterer.open.items():
        assert all(clusterer.assignments[m] == sid for m in story.members)
        for counts in story.counts:
            for k in counts:
                postings.setdefault(k, Counter())[sid] += 1
    assert {k: dict(v) for k, v in postings.items()} == clusterer.postings


def test_a_long_call_settles_in_parts_as_consecutive_calls_would():
    """A call of more than `settle_part` dated reports (a file of years of news) settles in equal
    parts, each at its end, so what is held for settling stays the size of a part: its stories
    are those of the parts given as consecutive calls."""
    dataset("duc2003_task2")
    import dataclasses
    from itertools import accumulate, groupby

    from cluster_data import dated, duc_stream

    from newsdistill.cluster import ClusterConfig, StoryClusterer

    arts, _ = duc_stream()
    day = sorted(dated(arts, True), key=lambda a: a.published)
    config = dataclasses.replace(ClusterConfig(), settle_part=150)  # 289 reports: two parts of 145
    whole = StoryClusterer(config).add_batch(day)
    sizes = [len(list(g)) for _, g in groupby(day, key=lambda a: a.published)]
    cut = next(n for n in accumulate(sizes) if n >= 145)  # the first instant after the part is full
    clusterer = StoryClusterer(config)
    first = clusterer.add_batch(day[:cut])
    second = clusterer.add_batch(day[cut:])
    assert {**first, **second, **clusterer.moved} == whole
    assert whole != StoryClusterer().add_batch(day)  # settling the whole call moves other reports


def test_a_day_of_web_pages_from_many_sites_keeps_unrelated_stories_apart():
    """Few of a broad day's pages continue a story, so being of the same day adds little to their
    similarity: same-topic pages of different events (impeachment hearings and a 2020 campaign
    trip, two hockey games, two UK stories) no longer merge as they did with a fixed time boost."""
    dataset("scrapinghub_article_extraction")
    from cluster_data import bcubed, web_day
    from cluster_data import one_at_a_time as assign

    from newsdistill.cluster import ClusterConfig, StoryClusterer

    articles, gold = web_day()
    clusterer = StoryClusterer()
    p, r, f = bcubed(assign(articles, clusterer=clusterer), gold)
    assert p >= 0.83 and r >= 0.97, (p, r, f)  # 0.851 / 0.993 measured (0.749 / 0.993 with a fixed boost)
    assert clusterer.continuation.share() < ClusterConfig().continuation_full


def test_a_stream_of_developing_stories_keeps_the_full_time_boost():
    dataset("duc2003_task2")
    from cluster_data import duc_stream

    from newsdistill.cluster import ClusterConfig, StoryClusterer

    clusterer = StoryClusterer()
    for a in duc_stream()[0]:
        clusterer.add(a)
    assert clusterer.continuation.share() >= ClusterConfig().continuation_full


def test_bcubed_multi_label():
    from cluster_data import bcubed

    gold = {"a": {"x"}, "b": {"x", "y"}, "c": {"y"}}
    p, r, _ = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    # one cluster per item recalls half of b's two labels with itself (Amigo et al. 2009)
    assert r == pytest.approx((1 + 2.5 / 3 + 1) / 3)
    assert p == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    p, r, f = bcubed({"a": "1", "b": "2", "c": "3"}, gold)
    assert p == pytest.approx(1.0) and r < 1.0


def test_ecbplus_as_text_files_with_dates_found_in_some(tmp_path):
    """Dates found in 149 of the texts: those are clustered online, the rest as one batch that meets
    their stories through neighbours shared with the stories' members (0.889 without)."""
    import json

    from cluster_data import DATASETS, bcubed

    from newsdistill.cluster import StoryClusterer
    from newsdistill.extract.batch import extract_inputs
    from newsdistill.model import Article
    from newsdistill.text import detokenize

    dataset("ecbplus")
    gold = {}
    for line in open(DATASETS / "ecbplus" / "documents.jsonl", encoding="utf-8"):
        d = json.loads(line)
        (tmp_path / f"{d['id']}.txt").write_text("\n\n".join(detokenize(s) for s in d["sentences"]), encoding="utf-8")
        gold[d["id"]] = {d["cluster"]}
    articles = [a for a in extract_inputs([str(tmp_path)], workers=1) if isinstance(a, Article)]
    assert sum(1 for a in articles if a.published) > 100
    by_file = {a.id: a.source.rsplit("/", 1)[-1][:-4] for a in articles}
    assigned = {by_file[k]: v for k, v in StoryClusterer().add_batch(articles).items()}
    p, r, f = bcubed(assigned, {k: v for k, v in gold.items() if k in assigned})
    assert f >= 0.90, (p, r, f)  # 0.918 measured


def test_small_calls_keep_a_story_together():
    """A handful of articles given at once (a folder for `digest`): each DUC cluster alone, each
    ECB+ topic (two same-kind events) alone. Rarity learnt from so few articles alone made one
    story's reports look unlike each other: 0.805 and 0.788 without the general-English background."""
    dataset("duc2003_task2")
    dataset("ecbplus")
    import statistics

    from cluster_data import bcubed, duc_cluster_ids, duc_stream, ecbplus

    from newsdistill.cluster import StoryClusterer

    duc = []
    for cid in duc_cluster_ids():
        articles, gold = duc_stream(clusters={cid})
        duc.append(bcubed(StoryClusterer().add_batch(articles), gold)[2])
    topics = sorted({int(a.id.split("_")[0]) for a in ecbplus()[0]})
    ecb = []
    for topic in topics:
        articles, gold = ecbplus({topic})
        ecb.append(bcubed(StoryClusterer().add_batch(articles), gold)[2])
    assert statistics.mean(duc) >= 0.93, statistics.mean(duc)  # 0.954 measured
    assert statistics.mean(ecb) >= 0.9, statistics.mean(ecb)  # 0.927 measured


def test_a_story_that_took_in_a_second_event_sheds_it_with_its_copies():
    """The Senate races and the budget fight of one week in Washington (two DUC clusters): the
    first budget report joins the election story at 0.16 (0.24 with the time boost); once five
    budget reports are in it, its members clustered as one batch form two stories, and the budget
    reports (and a copy of one of them) move to a story of their own. The election story keeps its id
    (its first report's) and later budget reports join the new story."""
    dataset("duc2003_task2")
    from dataclasses import replace
    from datetime import timedelta

    from cluster_data import duc_stream

    from newsdistill.cluster import StoryClusterer, story_id

    articles, gold = duc_stream(clusters={"d30050t", "d31031t"})
    budget = [a for a in articles if gold[a.id] == {"d31031t"}]
    copy = replace(budget[1], id="copy-of-budget-2", published=budget[1].published + timedelta(minutes=5))
    stream = sorted([*articles, copy], key=lambda a: (a.published, a.id))
    gold[copy.id] = gold[budget[1].id]
    clusterer = StoryClusterer()
    assigned: dict[str, str] = {}
    moved: dict[str, str] = {}
    for a in stream:
        assigned[a.id] = clusterer.add(a)
        moved.update(clusterer.moved)
        assigned.update(clusterer.moved)
    stories = {label: {assigned[a.id] for a in stream if gold[a.id] == {label}} for label in ("d30050t", "d31031t")}
    assert stories["d30050t"] == {story_id(articles[0].id)}
    assert len(stories["d31031t"]) == 1 and stories["d31031t"] != stories["d30050t"]
    assert copy.id in moved and budget[0].id in moved  # they had been placed in the election story
    assert set(moved.values()) == stories["d31031t"]
    assert clusterer.story_of(copy.id) == clusterer.story_of(budget[1].id)


def test_a_story_split_off_never_takes_the_id_of_a_story_still_open():
    """A split-off story's id is fixed by its first report and the story it left: a report that
    founded a story and has left it (settled elsewhere at the end of a call) may be the first of a
    group shed later, while the story it founded is still open. Here a story holding the id the
    first budget report founds (its founding story) stays open; the budget group shed from the
    election story must not replace it (it did: its terms then pointed at a story gone, a crash
    100,000 articles into one call)."""
    dataset("duc2003_task2")
    from cluster_data import duc_stream

    from newsdistill.cluster import StoryClusterer, story_id
    from newsdistill.cluster.stories import OpenStory

    articles, gold = duc_stream(clusters={"d30050t", "d31031t"})
    budget = [a for a in articles if gold[a.id] == {"d31031t"}]
    clusterer = StoryClusterer()
    founded = OpenStory(story_id(budget[0].id), None, None)  # undated: open whatever the time
    clusterer.open[founded.id] = founded
    clusterer._take(founded, "planted", {"zzplanted": 1.0}, None)
    assigned: dict[str, str] = {}
    for a in articles:
        assigned[a.id] = clusterer.add(a)
        assigned.update(clusterer.moved)
    shed = {assigned[a.id] for a in budget}
    assert len(shed) == 1 and founded.id not in shed  # the budget story was split off, with an id of its own
    assert clusterer.open[founded.id] is founded and founded.members == ["planted"]
    assert all(sid in clusterer.open for refs in clusterer.postings.values() for sid in refs)


def test_splits_continue_the_same_way_after_a_state_round_trip():
    dataset("duc2003_task2")
    import json

    from cluster_data import duc_stream

    from newsdistill.cluster import StoryClusterer

    articles, _ = duc_stream(clusters={"d30050t", "d31031t"})

    def run(pause: int | None) -> dict[str, str]:
        clusterer, out = StoryClusterer(), {}
        for i, a in enumerate(articles):
            if i == pause:
                state = json.loads(json.dumps(clusterer.state()))
                clusterer = StoryClusterer.from_state(state)
            out[a.id] = clusterer.add(a)
            out.update(clusterer.moved)
        return out

    straight = run(None)
    assert len(set(straight.values())) == 2
    assert run(10) == straight and run(16) == straight  # paused before and after the split


def test_stories_rewritten_by_many_outlets_do_not_fall_apart_into_their_reports():
    """The DUC stream with each report of three stories rewritten 8 times within two days (sentences
    dropped, words and name spellings changed: not copies). Each rewrite is nearest the other
    versions of its report, so clustered as one batch a story's members form one group per report;
    the versions count as one report when a story is checked for a second event, so the stories
    stay (nearly) whole."""
    dataset("duc2003_task2")
    import random

    from cluster_data import bcubed, duc_stream, heavy_rewrites

    from newsdistill.cluster import StoryClusterer

    articles, gold = duc_stream()
    rewrites, gold = heavy_rewrites(articles, gold, random.Random(5))
    p, r, f = bcubed(StoryClusterer().add_batch([*articles, *rewrites]), gold)
    # 0.972 / 0.831 / 0.896 measured (no splits at all: F1 0.894); each version counted as a
    # report: recall 0.548, F1 0.702
    assert r >= 0.8 and f >= 0.87, (p, r, f)


def test_a_story_of_one_report_folds_into_the_story_of_its_nearest_reports_when_it_closes():
    """A survivor's account of a Kosovo massacre (1 Oct) stays below the threshold with every
    story, so it founds one; when that closes, 60 days on, most of its nearest reports are those
    of the story on war crimes in Kosovo, and it joins that story (listed in ``moved`` of that
    call). Without absorptions it stays alone."""
    dataset("duc2003_task2")
    from cluster_data import duc_stream

    from newsdistill.cluster import ClusterConfig, StoryClusterer, story_id

    articles, gold = duc_stream()
    piece = "NYT19981001.0377"
    assert gold[piece] == {"d30051t"}
    for config, joins in ((ClusterConfig(), True), (ClusterConfig(absorb_size=0), False)):
        clusterer = StoryClusterer(config)
        placed, moved_when = {}, None
        for a in articles:
            placed[a.id] = clusterer.add(a)
            if piece in clusterer.moved:
                moved_when = a.published
            placed.update(clusterer.moved)
        mates = {placed[a.id] for a in articles if gold[a.id] == {"d30051t"} and a.id != piece}
        assert (placed[piece] in mates) is joins
        if joins:
            assert (moved_when - articles[0].published).days >= 60  # only once its story closed
            assert story_id(piece) not in clusterer.open and clusterer.story_of(piece) == placed[piece]


def test_absorptions_continue_the_same_way_after_a_state_round_trip():
    """The DUC stream paused (state through JSON) just before and just after the Kosovo piece's
    story closes and is absorbed (on the 251st article) ends the same as straight through."""
    dataset("duc2003_task2")
    import json

    from cluster_data import duc_stream

    from newsdistill.cluster import StoryClusterer

    articles, _ = duc_stream()

    def run(pause: int | None) -> tuple[dict[str, str], int | None]:
        clusterer, out, when = StoryClusterer(), {}, None
        for i, a in enumerate(articles):
            if i == pause:
                clusterer = StoryClusterer.from_state(json.loads(json.dumps(clusterer.state())))
            out[a.id] = clusterer.add(a)
            if "NYT19981001.0377" in clusterer.moved:
                when = i
            out.update(clusterer.moved)
        return out, when

    straight, when = run(None)
    assert when == 250
    assert run(250) == (straight, 250) and run(251) == (straight, 250)
