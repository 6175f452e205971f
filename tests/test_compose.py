from datetime import datetime, timezone

from conftest import first_sentences

from newsdistill.model import Article, Sentence, Story
from newsdistill.summarize.check import verify
from newsdistill.summarize.compose import choose_headline, clean_title, compose

T = datetime(2023, 11, 3, 9, tzinfo=timezone.utc)
ARTICLES = [
    Article(id="a", outlet="Harbor Times", title="Porto Vela bridge collapses during morning rush - Harbor Times",
            published=T, text="The Vela River bridge in Porto Vela collapsed during the morning rush on Friday. "
            "At least 12 people were injured, officials said. \"We will rebuild this bridge stronger than before,\" "
            "Mayor Ana Ruiz said. Engineers had warned about corrosion in the main cables in 2021."),
    Article(id="b", outlet="City Wire", title="LIVE: Bridge collapse in Porto Vela injures 14",
            published=T.replace(hour=11), text="A bridge over the Vela River collapsed on Friday in Porto Vela. "
            "Officials said 14 people were injured in the collapse. \"We will rebuild this bridge stronger than before,\" "
            "Ruiz told reporters. Rescue crews searched the river with divers and boats through the afternoon."),
    Article(id="c", outlet="Daily Star", title="Divers search river after Porto Vela bridge falls",
            published=T.replace(hour=12), text="Divers searched the Vela River after the bridge fell on Friday. "
            "Rescue crews said 12 people were injured. Traffic was diverted to the northern ring road for weeks."),
]




def test_digest_has_every_part_and_is_backed_by_its_sources():
    d = compose(Story(id="s1", articles=list(ARTICLES)), first_sentences, length="standard")
    assert d.headline in {clean_title(a.title) for a in ARTICLES}
    assert len(d.headline.split()) <= 20
    assert d.lede and d.lede[0].position == 0
    assert d.sections and all(sec.heading and sec.sentences for sec in d.sections)
    assert d.published == T and d.updated == T.replace(hour=12)
    assert [q.speaker for q in d.quotes] == ["Mayor Ana Ruiz"] and d.quotes[0].sources == ["a", "b"]
    injured = next(f for f in d.key_figures if f.label.startswith("people were injured"))
    assert injured.value == "12" and [c.value for c in injured.conflicts] == ["14"]
    assert any(x.about.startswith("people were injured") and len(x.claims) == 2 for x in d.disagreements)
    assert {a.id for a in d.sources} == {"a", "b", "c"}
    assert "own sentences" in d.note
    assert verify(d, ARTICLES) == []


def test_length_presets_bound_the_body():
    for length, budget in [("brief", 100), ("standard", 250)]:
        d = compose(Story(id="s1", articles=list(ARTICLES)), first_sentences, length=length)
        body = [s for s in d.lede] + [s for sec in d.sections for s in sec.sentences]
        assert sum(len(s.text.split()) for s in body) <= budget


def test_verify_catches_invented_numbers_names_and_words():
    d = compose(Story(id="s1", articles=list(ARTICLES)), first_sentences)
    d.lede = [Sentence("At least 40 people were injured, officials said.", "a")]
    d.quotes[0].speaker = "Governor Lee Park"
    d.sections[0].sentences.append(Sentence("The bridge was painted green by volunteers.", "c"))
    problems = verify(d, ARTICLES)
    assert any("numbers not in its sources" in p for p in problems)
    assert any("Lee Park" in p for p in problems)
    assert any("words not found" in p for p in problems)


def test_every_compression_of_a_sentence_is_backed_by_its_source():
    from newsdistill.summarize.check import backed
    from newsdistill.summarize.compress import variants

    text = ("In addition, one pier at the harbor in San Juan, which is second only to South Florida as a home "
            "port for cruise ships, suffered damage, according to officials of the Puerto Rican government. "
            "Other docks were not hit.")
    source = {"p": Article(id="p", text=text)}
    shorter = variants(text.split(" Other")[0])
    assert "One pier at the harbor in San Juan suffered damage." in shorter
    assert all(backed(v, ["p"], source) is None for v in shorter)
    assert backed("One pier at the harbor in San Juan was not hit.", ["p"], source) is not None


def test_headline_without_source_titles_uses_the_lede_clause():
    arts = [Article(id=a.id, text=a.text, outlet=a.outlet) for a in ARTICLES]
    lede = [Sentence("Officials said 14 people were injured in the collapse, the fire service said.", "b")]
    assert choose_headline(arts, lede) == "Officials said 14 people were injured in the collapse"


def test_the_headline_is_of_a_report_the_lede_opens_when_it_has_one():
    strike = [Article(id="nw", outlet="Northwire", title="Brennport dock workers start 48-hour strike over pay",
                      text="About 1,200 dock workers at the port of Brennport walked out on Thursday."),
              Article(id="hd", outlet="Harbour Daily", title="Strike shuts Brennport terminals as 1,500 dockers walk out",
                      text="Up to 1,500 dock workers stopped work at Brennport on Thursday, the union said."),
              Article(id="op", outlet="Ostvik Post", title="Brennport strike: dock workers walk out, terminals shut",
                      text="Dock workers at Brennport walked out on Thursday and the terminals were shut.")]
    lede = [Sentence(strike[0].text, "nw")]
    assert choose_headline(strike, lede) == "Brennport dock workers start 48-hour strike over pay"
    untitled = [Article(id="nw", text=strike[0].text), *strike[1:]]  # the lede's report has no headline
    assert choose_headline(untitled, lede) in {a.title for a in strike[1:]}


def test_enforce_removes_exactly_the_unbacked_parts():
    from newsdistill.summarize.check import enforce

    d = compose(Story(id="s1", articles=list(ARTICLES)), first_sentences)
    good_lede = list(d.lede)
    d.lede.append(Sentence("At least 40 people were injured, officials said.", "a"))
    d.quotes[0].speaker = "Governor Lee Park"
    problems = enforce(d, ARTICLES)
    assert len(problems) == 2
    assert d.lede == good_lede and d.quotes == []
    assert verify(d, ARTICLES) == []


def test_a_sentence_that_restates_an_earlier_one_is_dropped():
    from newsdistill.summarize.compose import _without_restatements

    said = [Sentence("Mayor Helga Strand said an independent inquiry would look at why repairs recommended in "
                     "2021 had not been carried out.", "a", sources=["a"]),
            Sentence("A 2021 inspection found corrosion on two of its supports, but repairs were postponed.", "b",
                     sources=["b"]),
            Sentence("Mayor Helga Strand said the city would set up an independent inquiry.", "c", sources=["c"]),
            Sentence("Mayor Helga Strand said the bridge would be rebuilt by the autumn.", "c", sources=["c"])]
    assert [s.text for s in _without_restatements(said)] == [said[0].text, said[1].text, said[3].text]


def test_a_short_sentence_gives_way_to_a_later_one_repeating_its_count_with_more_detail():
    from newsdistill.summarize.compose import _without_restatements

    said = [Sentence("Two of the injured were in critical condition.", "a", sources=["a"]),
            Sentence("Fire chief Tomas Berg said 40 firefighters took part in the rescue.", "b", sources=["b"]),
            Sentence("The ambulance service said two of the injured were in a serious condition at Karsholm "
                     "University Hospital.", "c", sources=["c"]),
            Sentence("Two victims are fighting for their lives in hospital.", "d", sources=["d"])]
    assert [s.text for s in _without_restatements(said)] == [said[1].text, said[2].text, said[3].text]
    assert [s.text for s in _without_restatements(said, fixed=1)] == [s.text for s in said]  # a lede stays


def test_headline_from_a_lede_keeps_the_main_clause_and_ends_on_a_whole_phrase():
    from newsdistill.summarize.headline import HEADLINE_WORDS, shorten

    cases = {
        "Pinochet, who ruled Chile as a military dictator from 1973 to 1990, was granted amnesty in his homeland "
        "but was arrested on Friday in London at the request of Spanish authorities, who want him extradited to "
        "Spain.": "Pinochet was granted amnesty in his homeland but was arrested in London",
        "Neal Horsley, a 54-year-old computer programmer in Carrollton, Ga., does not understand what the fuss "
        "is all about.": "Neal Horsley does not understand what the fuss is all about",
        "In response to criticism from home and abroad, Chinese officials broke their silence Wednesday to defend "
        "their arrest this week of a prominent dissident who was trying to form an opposition political party.":
        "Chinese officials broke their silence to defend their arrest of a prominent dissident",
        "A natural disaster as terrible as Hurricane Mitch, which killed more than 9,000 people in Central "
        "America, teaches a lot about the way a society works.": "A natural disaster as terrible as Hurricane Mitch "
        "teaches a lot",
        "Turkey officially asked Russia last week to extradite Ocalan, who leads the banned Kurdish Workers "
        "Party, or PKK, which has been fighting for Kurdish autonomy in Turkey since 1984.":
        "Turkey officially asked Russia to extradite Ocalan",
        # an adjective in -ing opens no introductory phrase
        "Ailing Philippine Airlines and prospective investor Cathay Pacific Airways have clashed over the laying "
        "off of workers, prompting PAL to revive talks with another airline.":
        "Ailing Philippine Airlines and prospective investor Cathay Pacific Airways have clashed",
        # the object pronoun points into the introduction: it stays
        "Hailing the archbishop as a martyr, Pope John Paul II beatified him on Saturday.":
        "Hailing the archbishop as a martyr, Pope John Paul II beatified him",
        # a dash clause at the end goes; a spaced hyphen early on opens none ("A five - boat")
        "Rebels seized the airport in the capital on Monday - the third attack this year.":
        "Rebels seized the airport in the capital",
        "A five - boat pirate attack on merchant vessels was foiled by an Indian warship.":
        "A five - boat pirate attack on merchant vessels was foiled by an Indian warship",
    }
    for sentence, headline in cases.items():
        assert shorten(sentence) == headline
        assert len(shorten(sentence).split()) <= HEADLINE_WORDS


def test_a_headline_ends_where_a_phrase_ends_or_says_it_could_not():
    from newsdistill.summarize.headline import HEADLINE_SLACK, HEADLINE_WORDS, shortened

    cases = {  # sentence: (headline, whether it ends where a phrase does)
        # a little too long and no boundary: all of it ("between Syria and Turkey" is one phrase)
        "Egyptian President Hosni Mubarak flew to Damascus on Sunday to try to defuse growing tension between "
        "Syria and Turkey.": ("Egyptian President Hosni Mubarak flew to Damascus to try to defuse growing tension "
                              "between Syria and Turkey", True),
        # a cut goes on to the end of the phrase ("system"), not the word limit ("financial")
        "The United States and other economic powers moved ahead Saturday toward an overhaul of the world's "
        "financial system to prevent widening market turmoil from pushing more countries into recession.":
        ("The United States and other economic powers moved ahead toward an overhaul of the world's financial "
         "system", True),
        # what was said has its verb ("will"): a whole phrase, ending before "of"
        "The Academy of Motion Picture Arts and Sciences announced Friday that Hugh Jackman will be the host of "
        "the 81st annual Oscars on Feb. 22 at the Kodak Theatre.":
        ("The Academy of Motion Picture Arts and Sciences announced that Hugh Jackman will be the host", True),
        # what was said, cut before its verb
        "Federal prosecutors in Manhattan said Wednesday that one of the men accused of conspiring to bomb the "
        "U.S. Embassies in Kenya and Tanzania in August had met earlier with Osama bin Laden.":
        ("Federal prosecutors in Manhattan said that one of the men accused of conspiring to bomb the U.S. "
         "Embassies", False),
        # only the opening phrase is left
        "Hailing the World War II archbishop of Zagreb as a martyr to \"the atrocities of the communist system,\" "
        "Pope John Paul II beatified him on Saturday.": ("Hailing the World War II archbishop of Zagreb", False),
        # a time span opens an introductory phrase too
        "Nine months before the attack on the American Embassy here, U.S. intelligence officials received a "
        "detailed warning that Islamic radicals were plotting to blow up the building.":
        ("U.S. intelligence officials received a detailed warning", True),
    }
    for sentence, expected in cases.items():
        assert shortened(sentence) == expected
        assert len(expected[0].split()) <= HEADLINE_WORDS + HEADLINE_SLACK


def test_a_lede_that_does_not_shorten_to_a_whole_phrase_gives_way_to_another_opening():
    from newsdistill.summarize.headline import choose_headline, choose_lede

    said = ("Federal prosecutors in Manhattan said Wednesday that one of the men accused of conspiring to bomb "
            "the U.S. Embassies in Kenya and Tanzania in August had met earlier with Osama bin Laden.")
    indicted = ("A federal grand jury in Manhattan indicted Osama bin Laden on Wednesday on charges of "
                "conspiring to bomb the U.S. Embassies in Kenya and Tanzania.")
    body = "The indictment names bin Laden as the head of a network that plotted the bombings of the embassies."
    stories = [Article(id="a", text=f"{said}\n\n{body}", published=T),
               Article(id="b", text=f"{said}\n\n{body} Lawyers for the men declined to comment.", published=T),
               Article(id="c", text=f"{indicted}\n\nThe bombings in Kenya and Tanzania killed 224 people.",
                       published=T)]
    lede = choose_lede(stories)
    assert lede[0].text == said  # the most central opening: two reports carry it
    assert choose_headline(stories, lede) == "A federal grand jury in Manhattan indicted Osama bin Laden"


def test_lede_is_the_most_central_opening_and_never_opens_on_a_pronoun():
    from newsdistill.summarize.headline import choose_lede

    event = "Former dictator Augusto Pinochet was arrested in London at the request of Spanish judges on Friday night."
    arts = [
        Article(id="a", text="An influential lawmaker from the Labor Party backed Spanish requests to question the "
                "former dictator in London. " + event),
        Article(id="b", text=event + " Chile protested the arrest of Pinochet in London."),
        Article(id="c", text="Three years ago, he was sworn in as a senator for life in Chile, a post made for him. "
                "Pinochet was arrested in London on Friday night at the request of Spanish judges, police said."),
    ]
    lede = choose_lede(arts, [])
    assert [s.text for s in lede] == [event] and lede[0].sources == ["a", "b"]
    only = [Article(id="c", text=arts[2].text)]
    assert not choose_lede(only, [])[0].text.startswith("Three years ago")


def test_subheadings_are_not_outlets_nationality_adjectives_or_possessives():
    from newsdistill.summarize.sections import heading as _heading

    def heading(*texts):
        return _heading([Sentence(t, "a") for t in texts], set(), [])

    assert heading("Two Spanish judges want to question Pinochet, Spanish officials said.",
                   "The Spanish warrant reached London on Friday.") != "Spanish"
    assert heading("Brazil's president won, the Associated Press said.", "Brazil's voters chose him, "
                   "the Associated Press reported.") == "Brazil"
    assert heading("According to The Verge's Stadia review, Destiny 2 does not run in 4K.",
                   "The Verge's Stadia review found Destiny 2 runs at 1080p.") != "Verge's Stadia"
    assert heading("The victims were taken to Karsholm University Hospital, the Courier said.",
                   "Karsholm University Hospital treated 12 people, the Courier reported.") == "Karsholm University Hospital"


def test_subheadings_are_not_pieces_of_longer_names_or_plural_months():
    from newsdistill.summarize.sections import heading as _heading

    def heading(*texts):
        return _heading([Sentence(t, "a") for t in texts], set(), [])

    assert heading("Former President F.W. de Klerk plans to ask a court to stop the report.",
                   "De Klerk's challenge was only part of the criticism.") != "Klerk"
    truth = heading("The Truth and Reconciliation Commission will publish its report.",
                    "The Truth Commission heard 160 cases.")
    assert truth != "Truth" and truth
    assert heading("It was one of the coldest Novembers on record in Poland.",
                   "Novembers in Warsaw are rarely this cold, Polish radio said.") != "Novembers"
    pieces = heading("Prime Minister Mesut Yilmaz lost a confidence vote on Wednesday.",
                     "Former Prime Minister Tansu Ciller said she would not join a coalition.",
                     "Deputy Prime Minister Bulent Ecevit met the president on Thursday.")
    assert pieces != "Prime Minister" and pieces  # a piece of three names, none of them


def test_a_headline_has_a_verb_of_its_own_not_only_a_subject():
    from newsdistill.summarize.headline import has_predicate

    subjects = ["A fire that caused more than $1 million in damage to Alaska Gov. Sarah Palin's church",
                "Three people, one of them a pregnant woman", "A man suspected of shooting three people",
                "Witnessed by at least 90,000 spectators"]
    assert not any(has_predicate(h) for h in subjects)
    sentences = ["Legendary pinup queen Bettie Page died of pneumonia at the age of 85", "Esther Williams has died",
                 "Wladimir Klitschko stopped Tony Thompson in the sixth round", "There's been more rioting in Greece",
                 "China's women divers expect to clinch Asian Games gold", "A natural disaster teaches a lot",
                 "Iran's state television says a quake has injured three people", "Alaska church set on fire"]
    assert all(has_predicate(h) for h in sentences)
    # without one, the headline comes from the next most central opening sentence that has one
    lede = ("A fire that caused more than $1 million in damage to Alaska Gov. Sarah Palin's church in Wasilla, "
            "Alaska, may have been set by an arsonist, investigators say.")
    other = "Sarah Palin's home church in Wasilla has been badly damaged in an arson fire, officials said."
    arts = [Article(id="a", text=f"{lede} The church was empty at the time."),
            Article(id="b", text=f"{other} No one was hurt in the fire at the church in Wasilla.")]
    lead = [Sentence(text=lede, article_id="a", position=0, sources=["a"])]
    assert choose_headline(arts, lead) == "Sarah Palin's home church in Wasilla has been badly damaged in an arson fire"
    # with no other opening, the lede runs on to its verb if a few more words reach it
    lede = ("The fire that destroyed the original Matanuska Maid Dairy warehouse in Palmer on Tuesday took a piece "
            "of Alaska's history.")
    arts = [Article(id="a", text=f"{lede} Firefighters fought the blaze for hours.")]
    lead = [Sentence(text=lede, article_id="a", position=0, sources=["a"])]
    assert choose_headline(arts, lead) == ("The fire that destroyed the original Matanuska Maid Dairy warehouse in Palmer "
                                           "took a piece of Alaska's history")


def test_a_headline_keeps_what_was_reported_after_that():
    from newsdistill.summarize.headline import shorten

    lede = ("Angels general manager Tony Reagins confirmed to the Los Angeles Times that he has made an eight-year "
            "offer to free agent first baseman Mark Teixeira.")
    assert shorten(lede) == ("Angels general manager Tony Reagins confirmed to the Los Angeles Times that he has made "
                             "an eight-year offer")


def test_a_shortened_headline_in_another_language_does_not_end_on_a_short_function_word():
    from newsdistill.summarize.headline import shorten

    czech = ("Několik významných rumunských umělců a celebrit se shromáždí v koncertní síni Rumunského rozhlasu "
             "v Bukurešti v pondělí večer na benefičním koncertu.")
    assert shorten(czech).endswith("Bukurešti")
    arabic = "بعد إسبوع تقريبا من موجات تسونامي، التي تعرضت لها سواحل عدد من البلدان في جنوب آسيا وشرق أفريقيا وغيرها من المناطق"
    assert not shorten(arabic).endswith(("،", ","))


def test_statements_only_one_outlet_reports_are_listed_together_under_it():
    arts = [Article(id="a", outlet="Wire", text="The strike cost the port 5 million euros a day. "
                    "Some 23 ships waited outside the harbour on Thursday."),
            Article(id="b", outlet="Daily", text="Dock workers walked out at the port of Brennport on Thursday "
                    "morning in a strike over pay.")]

    def select(articles, budget):
        return [Sentence("The strike cost the port 5 million euros a day.", "a", position=0, sources=["a"]),
                Sentence("Some 23 ships waited outside the harbour on Thursday.", "a", position=1, sources=["a"]),
                Sentence("Dock workers walked out at the port of Brennport on Thursday morning in a strike over "
                         "pay.", "b", position=0, sources=["b"])]

    d = compose(Story(id="s", articles=arts), select)
    only = [x for x in d.disagreements if x.about.startswith("Reported only by")]
    assert [x.about for x in only] == ["Reported only by Wire"] and len(only[0].claims) == 2


def test_a_headline_from_a_lede_without_spaces_is_cut_at_a_comma():
    from newsdistill.summarize.headline import HEADLINE_WORDS, shorten
    from newsdistill.text import word_count

    lede = "北京时间10月3日，中国国家地震台网测定，四川省发生5.6级地震，震源深度10公里，目前尚无人员伤亡报告，当地政府已启动应急响应。"
    headline = shorten(lede)
    assert lede.startswith(headline) and word_count(headline) <= HEADLINE_WORDS and headline.endswith("地震")


def test_a_grown_story_shows_the_newest_reports_own_news_right_after_the_lede():
    from newsdistill.summarize import select_sentences

    later = Article(id="d", outlet="Porto Vela Post", title="Prosecutors open inquiry into bridge collapse",
                    published=T.replace(day=4, hour=15),
                    text="Regional prosecutors opened a criminal investigation on Saturday into the collapse of the "
                    "Vela River bridge in Porto Vela. Chief prosecutor Eva Lund said engineers would be questioned.")
    d = compose(Story(id="s", articles=ARTICLES + [later]), select_sentences)
    assert d.sections[0].heading == "Latest"
    assert [(s.text, s.sources) for s in d.sections[0].sentences] == [(
        "Regional prosecutors opened a criminal investigation on Saturday into the collapse of the Vela River "
        "bridge in Porto Vela.", ["d"])]
    assert verify(d, ARTICLES + [later]) == []
    same_morning = compose(Story(id="s", articles=ARTICLES), select_sentences)  # reports within three hours
    assert all(sec.heading != "Latest" for sec in same_morning.sections)
    echo = Article(id="e", outlet="Echo", published=T.replace(day=4), text=ARTICLES[0].text)
    told = compose(Story(id="s", articles=ARTICLES + [echo]), select_sentences)  # its opening is the lede already
    assert all(sec.heading != "Latest" for sec in told.sections)


def test_the_latest_section_is_news_that_says_when_not_a_features_scene_setting():
    from newsdistill.summarize import select_sentences

    news = "Prosecutors charged two engineers on Tuesday over the collapse of the Vela River bridge."
    scene = "Porto Vela is a city of bridges, and nowhere is that more evident than on the banks of the Vela River."
    for opening, latest in [(news, [news]), (scene, [])]:
        newest = Article(id="d", outlet="Porto Vela Post", published=T.replace(day=9),
                         text=f"{opening} Residents have long complained about the state of the old crossings.")
        d = compose(Story(id="s", articles=ARTICLES + [newest]), select_sentences)
        assert [s.text for sec in d.sections if sec.heading == "Latest" for s in sec.sentences] == latest


def test_a_section_sentence_naming_someone_first_by_a_bare_surname_is_left_out():
    tribunal = ("The war crimes tribunal will send investigators back to Kosovo next week, a tribunal official "
                "said on Wednesday. Deputy prosecutor Graham Blewitt told reporters that Belgrade had agreed to "
                "issue visas to the team. Blewitt declined to speculate on the reason behind Belgrade's change "
                "of heart. The tribunal has always maintained that it has jurisdiction in the Kosovo conflict.")
    visas = ("Belgrade will issue visas to war crimes investigators going to Kosovo, the tribunal said on "
             "Wednesday. The investigators will look into reports of atrocities in the province. "
             "Serb forces have waged a seven-month crackdown on ethnic Albanian rebels in Kosovo.")
    arts = [Article(id="a", text=tribunal, published=T, language="en"),
            Article(id="b", text=visas, published=T.replace(hour=10), language="en")]

    def shown(positions):  # the digest's section sentences when these of the tribunal report are selected
        def select(articles, budget):
            return [s for s in first_sentences(articles[:1], 200) if s.position in positions] + first_sentences(
                articles[1:], 200)
        return [s.text for sec in compose(Story(id="k", articles=arts), select).sections for s in sec.sentences]

    without_intro = shown({0, 2, 3})
    assert not any(text.startswith("Blewitt declined") for text in without_intro)
    assert any("jurisdiction in the Kosovo conflict" in text for text in without_intro)
    # once the reader has met him ("Deputy prosecutor Graham Blewitt"), his surname alone is fine
    assert any(text.startswith("Blewitt declined") for text in shown({0, 1, 2, 3}))


def test_a_journalist_named_for_reporting_the_news_is_no_subheading():
    from newsdistill.summarize.sections import reporter as _reporter

    text = ("The dollar amount was unspecified, but Bill Shaikin, the fine reporter who wrote the story, says the "
            "team offered at least $160 million.")
    assert _reporter("Bill Shaikin", text)
    assert _reporter("Michael Silverman", "According to Michael Silverman of the Boston Herald, the Red Sox made an offer.")
    assert _reporter("Silverman", "Silverman wrote in his Monday column that the offer was higher.")
    assert not _reporter("Tony Reagins", "Angels general manager Tony Reagins confirmed the offer to the Los Angeles Times.")
    assert not _reporter("Mark Teixeira", "Mark Teixeira of the Angels hit 13 homers in 54 games.")


def test_no_subheading_names_again_what_one_above_named():
    from newsdistill.summarize.sections import heading as _heading

    group = [Sentence("The Washington Nationals have bid $160 million over eight years for the first baseman.", "a"),
             Sentence("The Baltimore Orioles offered between $140 million and $150 million over seven years.", "b"),
             Sentence("The Washington Nationals and the Baltimore Orioles met his agent on Tuesday.", "c")]
    assert _heading(group, set(), []) == "Washington Nationals"
    assert _heading(group, set(), [], headed={"nation"}) == "Baltimore Orioles"  # a subheading above said "Nationals"
