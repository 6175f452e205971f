import json
import random
from datetime import datetime, timedelta, timezone

import numpy as np
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


def _resumed_after_five(edit=None) -> tuple[dict[str, str], dict[str, str]]:
    """Assignments of the dated fixture stream added straight through, and with the clusterer
    rebuilt from its JSON state after five articles (``edit`` may change that state first)."""
    articles, _ = fixture_articles(dated=True)
    articles.sort(key=lambda a: (a.published, a.id))
    straight = StoryClusterer()
    expected = {a.id: straight.add(a) for a in articles}
    resumed = StoryClusterer()
    got = {a.id: resumed.add(a) for a in articles[:5]}
    state = json.loads(json.dumps(resumed.state()))
    if edit:
        edit(state)
    resumed = StoryClusterer.from_state(state)
    assert all(len(s.times) == len(s.counts) for s in resumed.open.values())
    got.update({a.id: resumed.add(a) for a in articles[5:]})
    return got, expected


def test_state_round_trip_continues_the_same_way():
    got, expected = _resumed_after_five()
    assert got == expected


def test_a_state_written_before_member_times_and_copy_lists_still_loads():
    def as_sessions_1_to_7_wrote_it(state):
        del state["copies_of"]
        for story in state["open"]:
            del story["times"]

    got, expected = _resumed_after_five(as_sessions_1_to_7_wrote_it)
    assert got == expected


def test_continuation_counts_a_story_first_report_once_it_is_followed():
    from newsdistill.cluster.stories import Continuation

    c = Continuation(window=4, prior=0.0)
    c.add("s1", False)  # founds s1
    c.add("s2", False)  # founds s2
    assert c.share() == 0.0
    c.add("s1", True)  # clearly continues s1: its first report continues too
    assert c.share() == pytest.approx(2 / 3)
    for story in ("s3", "s4"):  # the window keeps the latest four
        c.add(story, False)
    assert [flag for _, flag in c.recent] == [False, True, False, False]
    assert Continuation(prior=10.0).share() == 1.0  # a stream starts as one of developing stories


def test_the_time_boost_follows_how_often_articles_continue_a_story_and_survives_a_state():
    cfg = ClusterConfig()
    clusterer = StoryClusterer(cfg)
    assert clusterer._time_boost() == cfg.time_boost
    for i in range(60):  # a run of unrelated one-off reports
        clusterer.continuation.add(f"s{i}", False)
    assert clusterer._time_boost() == 1.0
    resumed = StoryClusterer.from_state(json.loads(json.dumps(clusterer.state())))
    assert resumed.continuation.share() == clusterer.continuation.share()
    for i in range(cfg.continuation_window):  # then a window of follow-ups of one big story
        clusterer.continuation.add("big", True)
    assert clusterer._time_boost() == cfg.time_boost


def test_a_state_keeps_its_configuration_unless_given_one():
    state = json.loads(json.dumps(StoryClusterer(ClusterConfig(threshold=0.3, background=0.0)).state()))
    assert StoryClusterer.from_state(state).config.threshold == 0.3
    resumed = StoryClusterer.from_state(state, ClusterConfig())  # what the run job does after an upgrade
    assert resumed.config == ClusterConfig() and resumed.vocab.prior == ClusterConfig().background


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
    # the closed stories' articles have left the state: it holds only the open story's
    assert set(clusterer.state()["assignments"]) == {"late"}
    # one call spanning more than the window still answers for every article
    spread = [Article(id=f"m{i}", text=a.text, title=a.title, published=a.published + timedelta(days=30 * i))
              for i, a in enumerate(articles)]
    assert set(StoryClusterer(config).add_batch(spread)) == {a.id for a in spread}


def test_a_story_span_follows_the_members_it_keeps():
    # shedding a second event or settling a report takes members out: the story's first and
    # last dates (its time window and time boost) are then its remaining members'
    from newsdistill.cluster.features import Vocabulary
    from newsdistill.cluster.stories import DAY as day
    from newsdistill.cluster.stories import OpenStory

    vocab = Vocabulary()
    story = OpenStory("s", None, None)
    for i, when in enumerate([10 * day, 12 * day, 40 * day]):
        story.add(f"a{i}", {"word": 1.0}, when, vocab, keep=50)
    assert (story.first, story.last) == (10 * day, 40 * day)
    story.remove([2])
    assert (story.first, story.last, story.members) == (10 * day, 12 * day, ["a0", "a1"])
    story.remove([0])
    assert (story.first, story.last) == (12 * day, 12 * day)


@pytest.mark.parametrize("more", [0, 4])  # 9 articles, or 13: a batch weighed by shared neighbours
def test_bad_input_is_handled(more):
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
        Article(id="empty2", text="", published=when),
        Article(id="same3", text="Identical text about the harbour bridge repairs.", published=when),
        Article(id="lyon", text="Police in Lyon charged two men over Monday's bank robbery.", published=when),
        Article(id="blank2", text="\n", published=when),
    ][:9 + more]
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


def test_features_take_figures_not_spelled_out_numbers_and_views_share_the_similarity():
    from newsdistill.cluster.features import Vocabulary, article_counts, cosine, weigh

    a = Article(id="a", text="One of the two ships was hit. The Indian Navy said 23 pirates were held near Aden.")
    b = Article(id="b", text="The Indian Navy said 26 pirates were held near Aden on one of its patrols.")
    counts = {x.id: article_counts(x) for x in (a, b)}
    assert "#23" in counts["a"] and "#1" not in counts["a"] and "#2" not in counts["a"]
    assert "23" not in counts["a"]  # a small count is a figure, not also a word: many reports share one
    assert "5.6" in article_counts(Article(id="q", text="A magnitude 5.6 earthquake struck in 2019."))
    assert "2019" not in article_counts(Article(id="q", text="A magnitude 5.6 earthquake struck in 2019."))
    assert "n:indian navy" in counts["a"]
    wire = article_counts(Article(id="w", text="The pope beatified a cardinal.", dateline="MARIJA BISTRICA, Croatia"))
    assert "n:marija bistrica" in wire and "croatia" in wire  # a wire dateline's place counts as lead
    vocab = Vocabulary(names=0.3, numbers=0.2)
    for c in counts.values():
        vocab.add(c)
    va, vb = weigh(counts["a"], vocab), weigh(counts["b"], vocab)
    assert sum(v * v for v in va.values()) == pytest.approx(1.0)
    # the two figures differ: the numbers view adds nothing, names add their whole share
    words = lambda v: {k: x for k, x in v.items() if not k.startswith(("n:", "#"))}  # noqa: E731
    word_cos = cosine(words(va), words(vb)) / (
        sum(x * x for x in words(va).values()) ** 0.5 * sum(x * x for x in words(vb).values()) ** 0.5)
    assert cosine(va, vb) == pytest.approx((1.0 * word_cos + 0.3 * 1.0 + 0.2 * 0.0) / 1.5)


def test_shared_neighbours_keep_two_close_events_apart_and_leave_small_batches_alone():
    import numpy as np

    from newsdistill.cluster.stories import joint_average_link, shared_neighbours

    # two events of four reports: 0.5 within an event, 0.3 across (same kind, same names)
    event = np.array([0] * 4 + [1] * 4)
    sim = np.where(event[:, None] == event[None, :], 0.5, 0.3)
    np.fill_diagonal(sim, 1.0)
    overlap = shared_neighbours(sim, 3)
    assert overlap[0, 1] == 1.0 and overlap[0, 5] == 0.0
    ones, fixed = np.ones(8), np.zeros(8, bool)
    assert len(set(joint_average_link(sim, ones, fixed, 0.25))) == 1  # plain similarity merges them
    weighed = sim * (2.0 + overlap) / 3.0
    labels = joint_average_link(weighed, ones, fixed, 0.25)
    assert len(set(labels[:4])) == len(set(labels[4:])) == 1 and labels[0] != labels[4]
    assert (shared_neighbours(sim[:4, :4], 3) == 1.0).all()  # k or fewer others: no evidence either way


def test_a_pair_sharing_no_neighbour_keeps_little_of_its_similarity():
    """Twelve undated reports of four events (two earthquakes, two shootings), three each, and
    neighbourhoods of two: pairs whose neighbourhoods share nothing keep ``unshared`` (0.4) of
    their similarity, the others (2 + share) / 2.75 of it."""
    from newsdistill.cluster.features import unit_matrix
    from newsdistill.cluster.stories import shared_neighbours

    articles, gold = fixture_articles(dated=False)
    clusterer = StoryClusterer(ClusterConfig(neighbours=2, saturated=1.01))  # see the next test
    seen = []
    original = clusterer._weigh_by_neighbours

    def spy(sim, vecs, stories):
        before = sim.copy()
        original(sim, vecs, stories)
        seen.append((before, sim.copy(), vecs))

    clusterer._weigh_by_neighbours = spy
    assert groups(clusterer.add_batch(articles)) == gold_groups(gold)
    (before, after, vecs), = seen
    x = unit_matrix(vecs)
    overlap = shared_neighbours((x @ x.T).toarray(), 2)
    none, some = (overlap == 0) & (before > 0), (overlap > 0) & (before > 0)
    assert none.sum() >= 60  # most cross-event pairs share no neighbour
    assert np.allclose(after[none], 0.4 * before[none])
    assert np.allclose(after[some], before[some] * (2.0 + overlap[some]) / 2.75)


def test_rewrites_of_one_report_are_no_evidence_against_their_event():
    """Two reports of one collapse, each rewritten three times: every neighbourhood (of two) is
    the rewrites of one report, so the two share nothing; that says nothing about the event."""
    first = ["The Karsholm footbridge over the Vesle river collapsed on Tuesday evening, injuring 14 people, "
             "Mayor Ana Ruiz said.",
             "Mayor Ana Ruiz said 14 people were injured when the Karsholm footbridge over the Vesle river "
             "collapsed on Tuesday evening.",
             "The footbridge over the Vesle river in Karsholm collapsed on Tuesday evening and 14 people were "
             "injured, said Mayor Ana Ruiz."]
    second = ["Corroded steel cables caused the collapse of the Karsholm footbridge over the Vesle river, in which "
              "14 people were injured, engineers said on Thursday.",
              "Engineers said on Thursday that corroded steel cables caused the Karsholm footbridge over the Vesle "
              "river to collapse, injuring 14 people.",
              "The Karsholm footbridge over the Vesle river, whose collapse injured 14 people, fell because of "
              "corroded steel cables, engineers said on Thursday."]
    articles = [Article(id=f"{i}", text=t) for i, t in enumerate(first + second)]
    # Rarity from these six texts alone (no background), where the rule decides: with the general
    # English background the two reports are similar enough to stay together either way.
    together = StoryClusterer(ClusterConfig(neighbours=2, background=0.0)).add_batch(articles)
    assert len(set(together.values())) == 1
    apart = StoryClusterer(ClusterConfig(neighbours=2, saturated=1.01, background=0.0)).add_batch(articles)
    assert len(set(apart.values())) == 2  # taken as evidence, the rule would part the event
    assert len(set(StoryClusterer(ClusterConfig(neighbours=2, saturated=1.01)).add_batch(articles).values())) == 1


def test_vocabulary_forgets_its_rarest_features_past_its_limit():
    from newsdistill.cluster.features import Vocabulary

    vocab = Vocabulary(limit=10)
    for i in range(4):
        vocab.add({"storm": 1.0, "coast": 1.0, f"name{i}": 1.0})
    assert len(vocab.df) == 6
    for i in range(4, 9):
        vocab.add({"storm": 1.0, f"name{i}": 1.0})
    assert len(vocab.df) <= 10 and vocab.df["storm"] == 9 and vocab.df["coast"] == 4
    assert vocab.idf("name0") == vocab.idf("never-seen")  # a forgotten feature counts as unseen


@pytest.mark.parametrize("one_at_a_time", [True, False])
def test_short_same_kind_reports_without_headlines_kept_apart(one_at_a_time):
    """Two sentences per report, no headline: the two earthquakes share their event's words
    (magnitude, earthquake, struck, people), and only where they happened tells them apart."""
    from dataclasses import replace

    articles, gold = fixture_articles(dated=True)
    articles = sorted((replace(a, title=None) for a in articles), key=lambda a: (a.published, a.id))
    for config, right in ((ClusterConfig(), True), (ClusterConfig(single_names=0.0), False)):
        clusterer = StoryClusterer(config)
        assigned = {a.id: clusterer.add(a) for a in articles} if one_at_a_time else clusterer.add_batch(articles)
        assert (groups(assigned) == gold_groups(gold)) is right  # without the one-word names, the quakes merge


def test_rarity_has_a_general_english_background():
    from newsdistill.cluster.features import Vocabulary

    vocab = Vocabulary()
    for _ in range(3):  # three reports of one earthquake: their shared words are not thereby common
        vocab.add({"earthquak": 1.0, "said": 1.0})
    assert vocab.idf("earthquak") > vocab.idf("said") + 1.0
    assert vocab.idf("earthquak") > 2 * Vocabulary(prior=0.0, docs=3, df={"earthquak": 3}).idf("earthquak")


# A day of Portuguese news: four stories, two of them with a second report. Their function words
# ("de", "que", "em", "para", "uma") are no evidence, as "the" and "of" are none in English.
PORTUGUESE_DAY = [
    ("chuva-1", "chuva", "Chuvas fortes deixam mortos em Petrópolis",
     "As chuvas fortes que atingiram Petrópolis na madrugada deixaram pelo menos doze mortos, segundo a "
     "Defesa Civil. Mais de trezentas pessoas estão desalojadas e o prefeito decretou estado de calamidade. "
     "Os bombeiros continuam as buscas por desaparecidos nos bairros mais atingidos pelos deslizamentos."),
    ("banco-1", "banco", "Banco Central mantém a taxa de juros",
     "O Banco Central decidiu manter a taxa básica de juros pela terceira reunião seguida. Segundo o "
     "comunicado, a inflação ainda está acima da meta e o cenário externo exige cautela. Economistas "
     "esperam que os cortes comecem apenas no próximo ano, quando os preços devem desacelerar."),
    ("futebol-1", "futebol", "Flamengo vence o Palmeiras e assume a liderança",
     "O Flamengo venceu o Palmeiras por dois a um no Maracanã e assumiu a liderança do campeonato. O "
     "atacante marcou os dois gols no segundo tempo, depois de uma falha da defesa adversária. O técnico "
     "disse que a equipe ainda pode melhorar e que a disputa pelo título continua aberta."),
    ("vacina-1", "vacina", "Ministério amplia a vacinação contra a gripe",
     "O Ministério da Saúde ampliou a campanha de vacinação contra a gripe para todas as idades a partir "
     "desta segunda-feira. As doses estão disponíveis nos postos de saúde de todo o país. A procura foi "
     "baixa entre idosos e crianças, por isso o governo decidiu abrir a vacinação para toda a população."),
    ("chuva-2", "chuva", "Sobe o número de mortos pelas chuvas em Petrópolis",
     "Subiu para dezoito o número de mortos pelas chuvas em Petrópolis, informou a Defesa Civil nesta tarde. "
     "Os deslizamentos atingiram dezenas de casas e os bombeiros seguem nas buscas por desaparecidos. O "
     "governo estadual enviou ajuda e o prefeito pediu doações para as famílias desalojadas."),
    ("banco-2", "banco", "Juros ficam parados, decide o Banco Central",
     "A taxa básica de juros ficou parada mais uma vez, decidiu o Banco Central nesta quarta-feira. O "
     "comitê citou a inflação acima da meta e a incerteza no cenário externo. Para os economistas, os "
     "cortes de juros devem ficar para o próximo ano."),
]


def _day_of_news(day: list[tuple[str, str, str, str]], language: str) -> list[dict[str, float]]:
    """Cluster (id, story, title, text) reports two hours apart, one at a time; assert the stories
    come out as given; the reports' feature vectors, rarity learnt from them."""
    from newsdistill.cluster.features import Vocabulary, article_counts, weigh

    start = datetime(2024, 3, 20, 6, tzinfo=timezone.utc)
    articles = [Article(id=i, title=title, text=text, language=language, published=start + timedelta(hours=2 * n))
                for n, (i, _, title, text) in enumerate(day)]
    clusterer = StoryClusterer()
    assigned = {a.id: clusterer.add(a) for a in articles}
    assert groups(assigned) == gold_groups({i: story for i, story, _, _ in day})
    cfg = ClusterConfig()
    vocab = Vocabulary()
    counts = [article_counts(a, cfg.lead_weight, cfg.single_names) for a in articles]
    for c in counts:
        vocab.add(c)
    return [weigh(c, vocab) for c in counts]


def test_a_day_of_portuguese_news_keeps_its_stories_apart():
    from newsdistill.cluster.features import cosine

    vectors = _day_of_news(PORTUGUESE_DAY, "pt")
    # the function words once made every pair of stories look related (cosine up to 0.10)
    for i, (_, story_i, _, _) in enumerate(PORTUGUESE_DAY):
        for j, (_, story_j, _, _) in enumerate(PORTUGUESE_DAY[:i]):
            sim = cosine(vectors[i], vectors[j])
            assert sim > 0.4 if story_i == story_j else sim < 0.06

# Two Hebrew stories of one morning. Hebrew joins "in", "and", "the" to the next word, so the two
# flood reports share "בתל אביב" / "תל אביב", "האש" / "אש", "מבתיהם" / "בתיהם" only once those
# letters come off (cosine 0.36 before the Hebrew stemmer).
HEBREW_MORNING = [
    ("flood-1", "flood", "גשמים כבדים הציפו את תל אביב",
     "גשמים כבדים שירדו בלילה הציפו רחובות בתל אביב ובחולון. כוחות ההצלה חילצו עשרות תושבים מבתיהם, "
     "ומכבי האש דיווחו על נזק כבד לכבישים. העירייה הודיעה כי בתי הספר בעיר יהיו סגורים מחר."),
    ("rate-1", "rate", "בנק ישראל הותיר את הריבית ללא שינוי",
     "בנק ישראל החליט להותיר את הריבית ללא שינוי בפעם השלישית ברציפות. לדברי הנגיד, האינפלציה עדיין "
     "גבוהה מהיעד והמצב בשווקים בעולם מחייב זהירות. כלכלנים מעריכים שהורדת הריבית הראשונה תגיע רק בשנה הבאה."),
    ("flood-2", "flood", "ההצפות בתל אביב: עשרות חולצו מבתיהם",
     "עשרות תושבים חולצו הלילה מבתים שהוצפו בתל אביב ובחולון אחרי הגשמים הכבדים. לדברי מכבי האש, "
     "הנזק לכבישים ולרחובות כבד. בעירייה הודיעו שבתי הספר ייסגרו מחר."),
    ("rate-2", "rate", "הריבית נותרה ללא שינוי",
     "הריבית במשק נותרה ללא שינוי, כך הודיע היום בנק ישראל. הנגיד אמר כי האינפלציה גבוהה מהיעד וכי יש "
     "לנהוג בזהירות. לפי הכלכלנים, ההורדה הראשונה של הריבית צפויה בשנה הבאה."),
]


def test_hebrew_reports_of_one_story_share_words_under_their_prefixes():
    from newsdistill.cluster.features import cosine

    vectors = _day_of_news(HEBREW_MORNING, "he")
    assert cosine(vectors[0], vectors[2]) > 0.55  # the flood reports
    assert max(cosine(vectors[i], vectors[j]) for i, j in ((0, 1), (1, 2), (0, 3), (2, 3))) < 0.06
