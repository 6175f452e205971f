from newsdistill.model import Article, Sentence
from newsdistill.summarize.figures import key_figures
from newsdistill.summarize.quotes import extract_quotes, merge_quotes

STORY = '''Mayor Ana Ruiz visited the site on Monday. "We will rebuild this bridge stronger than before," Ruiz said.
Police Chief Tomas Berg said the search was over. "There is no one left under the rubble," he told reporters.
"It was terrifying to watch," said Maria Lopez, a shopkeeper. A fire department spokesman said: "Crews worked through the night to clear debris."
"This sentence stands alone." The council said it would meet. "We are asking for patience," the city's transport director, Jon Hale, said.'''


def _speakers(text: str) -> dict[str, str | None]:
    """Quote -> speaker, of one article's text."""
    return {q.text: q.speaker for q in extract_quotes(Article(id="a", text=text))}


def test_quotes_resolve_surnames_pronouns_roles_and_appositions():
    quotes = {q.text: q.speaker for q in extract_quotes(Article(id="a", text=STORY))}
    assert quotes == {
        "We will rebuild this bridge stronger than before": "Mayor Ana Ruiz",
        "There is no one left under the rubble": "Police Chief Tomas Berg",
        "It was terrifying to watch": "Maria Lopez",
        "Crews worked through the night to clear debris": "a fire department spokesman",
        "We are asking for patience": "Jon Hale",
    }


def test_a_speaker_is_no_magazine_nor_a_sentences_opening_and_may_be_called_by_the_given_name():
    text = ("Tara Reid has entered a rehab program, her rep confirmed to People and Us Weekly on Friday. "
            '"My picture is taken only when I have a cup in my hand," she told Us Weekly.\n\n'
            "So here was Bettie Page, a woman known only for her pin-ups. Surely I was about to meet a victim. "
            'Bettie never presented herself as one. "God created us naked," she said.')
    quotes = _speakers(text)
    assert quotes == {"My picture is taken only when I have a cup in my hand": "Tara Reid",
                      "God created us naked": "Bettie Page"}


def test_a_described_speaker_is_named_and_a_place_or_an_opening_adverb_is_no_person():
    assert _speakers("Palestinian leader Yasser Arafat met his cabinet on Friday. "
                     '"We must work together to confront these acts," said a grim-faced Arafat Arafat.') == {
        "We must work together to confront these acts": "Yasser Arafat"}
    assert _speakers("Brian Nichols was sentenced to life on Friday.\n\nIronically Nichols had offered to plead "
                     'guilty. "I know that what I did caused pain," he said.') == {
        "I know that what I did caused pain": "Brian Nichols"}
    assert _speakers('Guillermo Ortiz spoke about the crisis in the United States. "Until then we were doing '
                     'fine," he said. "The talks went well," a spokesman for Waitrose said.') == {
        "Until then we were doing fine": "Guillermo Ortiz", "The talks went well": "a spokesman for Waitrose"}
    # the words of a charge the speaker reports are not the speaker's own
    assert _speakers('Xu is detained on suspicion of "having conducted activities damaging to China\'s national '
                     'security," Rubin said. "We urge his release without delay," Rubin said.') == {
        "We urge his release without delay": "Rubin"}


def test_quote_text_is_verbatim_from_the_article():
    article = Article(id="a", text=STORY)
    for quote in extract_quotes(article):
        assert quote.text in article.text


def test_quotes_are_merged_across_outlets_with_all_sources():
    a = Article(id="a", text=STORY)
    b = Article(id="b", text="“We will rebuild this bridge stronger than before,” Mayor Ana Ruiz said on Tuesday.")
    merged = merge_quotes([a, b])
    assert merged[0].text == "We will rebuild this bridge stronger than before"
    assert merged[0].sources == ["a", "b"]
    assert len(merged) == 5


def test_no_speaker_from_the_next_paragraph_a_sentence_s_words_or_a_bare_title():
    text = """A user on Weibo asked about it. “I just want to know how these two came to Beijing?”

Another reportedly said: “Next year is the year of the rat, the plague is coming.”

“Every space exploration study indicated a heavy-lift launch vehicle similar to SLS,” said Rep. Brian Babin.
The Space Launch System is years late. “While I share the frustration, switching horses midstream is unwise,” he continued.
“We remain sceptical of a quick recovery in the economy,” analysts at Kotak Equities. An extended slowdown could result, they said.

Deval Patrick spoke in Columbia. Audience members laughed when he said: “Look at my record as governor.”"""
    quotes = _speakers(text)
    assert "I just want to know how these two came to Beijing" not in quotes  # not "Another reportedly"
    assert quotes.get("While I share the frustration, switching horses midstream is unwise") == "Brian Babin"
    assert set(quotes.values()) <= {"Brian Babin", "Rep. Brian Babin", "Deval Patrick"}, quotes  # no "Rep", "Space Launch System", ...


def test_unresolvable_pronoun_quote_is_dropped():
    assert extract_quotes(Article(id="a", text='"Nobody saw it coming, not even us," she said.')) == []


def test_key_figures_group_by_what_they_count_and_show_conflicts():
    a = Article(id="a1", outlet="Harbor Times", text="The bridge collapsed at 7:40 a.m. on Nov. 3, 2023. "
                "At least 12 people were injured and 3 people died, officials said. Repairs will cost $45 million. "
                "The bridge opened in 1968.")
    b = Article(id="b1", outlet="City Wire", text="Officials said 14 people were hurt in the collapse. 3 people died. "
                "Repairs could cost $45 million, the mayor said.")
    c = Article(id="c1", outlet="Daily Star", text="Officials said 12 people were injured when the bridge fell.")
    figures = {f.value: f for f in key_figures([a, b, c])}
    assert set(figures) == {"12", "3", "$45 million"}  # no years, dates or times
    injured = figures["12"]
    assert injured.label == "people were injured" and injured.sources == ["a1", "c1"]
    assert [(f.value, f.sources) for f in injured.conflicts] == [("14", ["b1"])]
    assert figures["3"].label == "people died" and figures["3"].conflicts == []
    assert figures["$45 million"].sources == ["a1", "b1"]


def test_a_casualty_verb_before_a_quantifier_still_says_what_is_counted():
    """"which injured at least 12 people" counts the injured: it agrees with "12 injured" and is
    no conflict with another outlet's "pulled at least eight people out of the water"."""
    a = Article(id="a1", outlet="Northwire", text="The collapse injured 12 people, officials said.")
    b = Article(id="b1", outlet="Courier", text="Rescuers pulled at least eight people out of the water.")
    c = Article(id="c1", outlet="Bridgewatch", text="The collapse, which injured at least 12 people, was the first.")
    figures = key_figures([a, b, c])
    injured = next(f for f in figures if f.value == "12")
    assert injured.sources == ["a1", "c1"] and injured.conflicts == []
    assert all(f.conflicts == [] for f in figures)


def test_she_said_is_the_woman_named_as_subject_not_the_last_name_mentioned():
    text = ('Susan Ward, a spokeswoman for the clinic where Barnett Slepian worked, said a warning had been faxed. '
            'Ms. Ward said the fax was sent to Slepian at his office. "He was aware of the threat," she said. '
            'The site was called "Visualize Abortionists on Trial" by Neal Horsley. Horsley said he received '
            'information by mail. "I have no power to stop them," he said. In a statement, the group said, '
            '"This would be a clear sign of the government\'s commitment to human rights."')
    quotes = _speakers(text)
    assert quotes["He was aware of the threat"] == "Susan Ward"
    assert quotes["I have no power to stop them"] == "Neal Horsley"
    assert quotes["This would be a clear sign of the government's commitment to human rights"] == "the group"


def test_ages_time_spans_and_range_starts_are_not_key_figures():
    a = Article(id="a", outlet="A", text="Neal Horsley, a 54-year-old programmer, said the site has recorded 180,000 "
                "to 220,000 visits per month. Eight years after his regime ended, 3,197 people died, a report said. "
                "He was sentenced to 15 years in prison.")
    figures = {f.value: f.label for f in key_figures([a], limit=10)}
    assert "54" not in figures and "Eight" not in figures and "180,000" not in figures
    assert figures["220,000"].startswith("visits") and "3,197" in figures and "15" in figures


def test_addresses_and_station_names_are_not_key_figures():
    text = ("She was struck outside the store at 200 W. American Blvd. on Friday, police told 1010 WINS Glenn "
            "Schuck. The minister met 40 union leaders at 10 Downing Street and 350 Fifth Avenue.")
    figures = {f.value: f.label for f in key_figures([Article(id="a", outlet="A", text=text)], limit=10)}
    assert not {"200", "1010", "10", "350"} & set(figures)
    assert figures["40"] == "union leaders"
    text = ("He fired a .357 Magnum. Her records sold well in the nineteen fifties. Police arrested 30 protesters "
            "and 11 Yemeni pirates near 40 East.")
    figures = {f.value: f.label for f in key_figures([Article(id="b", outlet="B", text=text)], limit=10)}
    assert set(figures) == {"30", "11"} and figures["11"] == "Yemeni pirates"
    charges = Article(id="e", outlet="E", text="He brought charges against 110 former and active military and "
                      "police officers in Argentina.")
    assert [f.value for f in key_figures([charges])] == []  # "110 former": what it counts is further on
    czech = Article(id="c", outlet="C", language="cs", text="Dne 7. července zemřelo v Londýně 52 lidí.")
    assert [f.value for f in key_figures([czech])] == ["52"]  # "7. července" is a date
    german = Article(id="d", outlet="D", language="de", text="Bei dem Unfall gab es am Montag 12 Verletzte.")
    assert [(f.value, f.label) for f in key_figures([german])] == [("12", "Verletzte")]  # every noun capitalised


def test_a_prison_term_says_so_and_a_fraction_is_no_figure():
    text = "Xu spent 12 years in prison. After 3 1/2 years in prison, Liu was freed and flown to Canada."
    figures = [(f.value, f.label) for f in key_figures([Article(id="a", outlet="A", text=text)], limit=10)]
    assert figures == [("12", "years in prison")]


def test_times_written_with_spaces_are_no_figures_and_a_count_after_a_comma_is_one():
    text = "The crash happened at 3 p. m. on Friday. At 7:40 p.m. ET, 30 people were evacuated."
    figures = [(f.value, f.label) for f in key_figures([Article(id="a", outlet="A", text=text)], limit=10)]
    assert figures == [("30", "people were evacuated")]


def test_a_distance_or_a_weight_comes_after_counts_that_tell_the_news():
    arts = [Article(id="a", outlet="A", text="The convoy drove 400 miles north with 12 buses of refugees."),
            Article(id="b", outlet="B", text="The convoy travelled 400 miles north on Friday.")]
    assert [f.value for f in key_figures(arts, limit=2)] == ["12", "400"]


def test_one_sum_of_one_thing_is_one_key_figure_however_each_report_words_it():
    arts = [Article(id="a", outlet="A", text="Damage was estimated at $1 million, the fire chief said."),
            Article(id="b", outlet="B", text="Officials estimated $1 million fire damages, the Republican said."),
            Article(id="c", outlet="C", text="Pastor Kroon said there was $1 million damages to the church.")]
    figures = key_figures(arts, limit=10)
    assert [(f.value, len(f.sources)) for f in figures] == [("$1 million", 3)]


def test_a_figure_label_keeps_what_happened_but_not_a_verb_cut_off_midway():
    text = ("Two victims are fighting for their lives in hospital. Three people have been indicted in the case. "
            "About 2,000 workers will be recalled next week.")
    a, b = Article(id="a", outlet="A", text=text), Article(id="b", outlet="B", text=text)
    labels = {f.value: f.label for f in key_figures([a, b], limit=10)}
    assert labels["2"] == "victims"
    assert labels["3"] == "people have been indicted" and labels["2,000"] == "workers will be recalled"
    text = "Some 38 million eligible voters are expected to vote. About 400,000 residents were forced to flee."
    a, b = Article(id="a", outlet="A", text=text), Article(id="b", outlet="B", text=text)
    labels = {f.value: f.label for f in key_figures([a, b], limit=10)}
    assert labels == {"38 million": "eligible voters", "400,000": "residents"}


def test_a_bare_count_of_people_from_one_publisher_is_no_key_figure():
    """"pulled at least eight people out" shown as "eight people" tells a reader nothing; the same
    bare count from two publishers, or a count that says what happened, stays."""
    a = Article(id="a", outlet="Courier", text="Rescue workers pulled at least eight people out of the water. "
                "Two victims are fighting for their lives. Three people have been indicted.")
    values = {f.value for f in key_figures([a], limit=10)}
    assert values == {"3"}
    b = Article(id="b", outlet="Wire", text="Two victims are fighting for their lives, doctors said.")
    assert {f.value for f in key_figures([a, b], limit=10)} == {"3", "2"}


def test_a_death_toll_is_one_count_whoever_is_named_and_past_events_are_not_figures():
    from datetime import datetime, timezone

    when = datetime(1998, 10, 30, tzinfo=timezone.utc)
    a = Article(id="a", outlet="AP", published=when, text="The fire killed 60 people, police chief Lennart Olin "
                "said. In 1978, 20 people died in a hotel fire in Boraas.")
    b = Article(id="b", outlet="NYT", published=when, text="About 65 people died in the fire, Hans Carlsson said.")
    figures = key_figures([a, b], limit=10)
    dead = [f for f in figures if f.value in ("60", "65")]
    assert len(dead) == 1 and [c.value for c in dead[0].conflicts] in (["65"], ["60"])
    assert all(f.value != "20" for f in figures)


def test_an_earlier_events_toll_every_report_repeats_is_background_unless_the_story_has_its_own():
    from datetime import datetime, timezone

    when = datetime(1998, 11, 20, tzinfo=timezone.utc)
    trial = [Article(id=x, outlet=x, published=when, text=f"Libya may hand over two suspects{s}. The bombing of "
                     "Pan Am Flight 103 over Lockerbie in 1988 killed 270 people.") for x, s in
             [("a", ""), ("b", " for trial"), ("c", ", officials said")]]
    assert [(f.value, f.label) for f in key_figures(trial, limit=10)] == [("270", "people dead")]
    assert key_figures(trial[:2], limit=10) == []  # two reports: not yet the background every report gives
    fire = [Article(id=x, outlet=x, published=when, text=f"The fire killed {n} people. In 1978, 20 people died "
                    "in a hotel fire in Boraas.") for x, n in [("a", 60), ("b", 60), ("c", 61)]]
    assert [f.value for f in key_figures(fire, limit=10)] == ["60"]


def test_ages_said_with_a_verb_and_wire_desk_notes_are_not_key_figures():
    a = Article(id="a", text="Pinochet, who turns 83 next month, was in hospital. The general, who is 83, was held. "
                "Chile said, graf 3 pvs. The toll is 40 and rising.")
    values = {f.value for f in key_figures([a], limit=10)}
    assert values == {"40"}


def test_figure_labels_say_what_is_counted_and_nothing_else():
    """Labels end before what the counted thing did ("100 Kurds [began ...]"), an adverb or a word
    past a preposition; a sum said before its noun is named by it ("reserves", "damage", with the
    wire's "dlrs" as "$"); words that only describe ("400-meter"), part of a name ("3Com") and a
    share with nothing counted ("19 percent knew") are no figures; names keep their capitals."""
    text = ("In Puerto Rico alone, property damage has surpassed dlrs 2 billion. About 100 Kurds began a hunger "
            "strike in Nicosia. Only 19 percent knew that he opposed it. His rating sank by 17 percentage points. "
            "Gates proposed acquiring 3Com Corp. Chen won the 400-meter medley. A 6.1-magnitude quake struck the "
            "island. Some 15 successfully argued their case. More than 160 hearings throughout the country were "
            "held. Reserves fell from dlrs 70 billion posted in July. Xiong is one of the 11 Chinese athletes who "
            "tested positive.")
    labels = {f.value: f.label for f in key_figures([Article(id="a", outlet="A", text=text)], limit=20)}
    assert labels == {"$2 billion": "damage", "100": "Kurds", "17": "percentage points", "6.1": "magnitude quake",
                      "160": "hearings", "$70 billion": "reserves", "11": "Chinese athletes"}


def test_a_name_a_unit_or_a_number_that_names_is_no_key_figure():
    text = ("Three people died in Montana, the daily 24 Chassa reported. The temperature in the hall rose to 600 "
            "degrees (1,100 F). The stage starts with a category 2 climb. Reserves fell by $30 billion despite "
            "the rate rise. The fund lent 14 countries $2 billion. A video had 60 pic.twitter.com/x1 views.")
    a, b = Article(id="a", outlet="A", text=text), Article(id="b", outlet="B", text=text)
    shown = {(f.value, f.label) for f in key_figures([a, b], limit=10)}
    assert {v for v, _ in shown} == {"3", "600", "14", "$30 billion"}
    assert {("600", "degrees"), ("14", "countries"), ("$30 billion", "reserves")} <= shown  # not "despite"


def test_a_label_in_another_language_does_not_end_on_its_function_word():
    text = "Au moins 52 personnes ont été tuées et 700 blessées. Les 190 pays du monde se sont réunis à Bali."
    arts = [Article(id=x, outlet=x, language="fr", text=text) for x in "ab"]
    labels = {f.value: f.label for f in key_figures(arts, limit=10)}
    assert labels["52"] == "personnes ont été tuées" and labels["190"] == "pays du monde"  # not "... et", "... se"


def test_a_copy_reports_a_figure_with_its_originals_publisher():
    """A paper running a wire report adds no second publisher to a figure: "about 30 people" in
    the wire story and its copy is still a bare count from one publisher."""
    text = "The collapse sent about 30 people into the water. Officials said 12 people were injured."
    wire = Article(id="w", outlet="Northwire", text=text)
    paper = Article(id="p", outlet="The Valley Times", text=text)
    assert {f.value for f in key_figures([wire, paper])} == {"30", "12"}
    figures = key_figures([wire, paper], copies={"p": "w"})
    assert [(f.value, f.sources) for f in figures] == [("12", ["w", "p"])]


def test_in_a_story_of_several_reports_a_figure_one_report_gives_needs_a_sentence_the_digest_shows():
    """"94 yes votes" from one of three reports, said in passing, is not what the story is about;
    the same figure in a sentence the digest shows, or given by two reports, is a key figure."""
    arts = [Article(id="a", outlet="A", text="The strike shut the port. The assembly passed the budget with 94 yes votes."),
            Article(id="b", outlet="B", text="About 1,200 dock workers walked out on Thursday."),
            Article(id="c", outlet="C", text="The strike by 1,200 dock workers halted loading.")]
    assert [f.value for f in key_figures(arts, limit=10)] == ["1,200"]
    shown = [Sentence(text="The assembly passed the budget with 94 yes votes.", article_id="a", position=1,
                      sources=["a"])]
    assert [f.value for f in key_figures(arts, limit=10, shown=shown)] == ["1,200", "94"]
    shown[0].sources = ["b"]  # the same words from another report do not show report a's figure
    assert [f.value for f in key_figures(arts, limit=10, shown=shown)] == ["1,200"]
    # nor does another count of the same number in a shown sentence of that report
    shown = [Sentence(text="The port has 94 cranes.", article_id="a", position=2, sources=["a"])]
    assert [f.value for f in key_figures(arts, limit=10, shown=shown)] == ["1,200"]
    four = [*arts, Article(id="d", outlet="D", text="Lawmakers passed the budget with 94 yes votes.")]
    assert sorted(f.value for f in key_figures(four, limit=10)) == ["1,200", "94"]
    assert sorted(f.value for f in key_figures(arts[:2], limit=10)) == ["1,200", "94"]  # two reports: no test


def test_a_casualty_count_said_by_the_verb_before_it_needs_nothing_after_it():
    text = ("The bridge collapsed on Tuesday, sending about 30 people into the water and injuring 12 of them, "
            "officials said. The storm killed 40, the governor said.")
    labels = {f.value: f.label for f in key_figures([Article(id="a", outlet="A", text=text)], limit=10)}
    assert labels == {"12": "injured", "40": "dead"}


def test_a_label_stops_at_a_dash_or_slash_and_a_date_in_another_language_is_no_figure():
    race = Article(id="r", outlet="Pedal", text="2a etapa: 8 de abril – Curitiba / Alternativa. "
                   "A etapa reuniu 300 atletas.")
    port = Article(id="p", outlet="Wire", text="The strike will cost 5 million euros – a record – every day.")
    labels = {f.value: f.label for f in key_figures([race, port])}
    assert "8" not in labels  # "8 de abril" is a date
    assert labels["5 million"] == "euros"  # not "euros a record"


def test_a_quote_the_attribution_interrupts_is_one_quote_and_fragments_are_not_shown():
    from newsdistill.summarize.check import backed

    text = ('Opposition leader Tony Leon spoke to reporters on Friday. "At this point," he says, "there is little '
            'enthusiasm for anything but closing the book on the past."\n\n'
            '"You are a beautiful sight," Palestinian leader Yasser Arafat later told the crew.\n\n'
            'Secretary-General Kofi Annan expressed "a sense of optimism," Annan said after the talks.\n\n'
            '"They were overconfident," Senator Hugh Parmer said of the state officials.\n\n'
            '"Entire families were killed," said Eddie Tapel, a rescue worker.')
    article = Article(id="a", text=text)
    quotes = {q.text: q.speaker for q in extract_quotes(article)}
    assert quotes == {
        "At this point, there is little enthusiasm for anything but closing the book on the past": "Tony Leon",
        "You are a beautiful sight": "Palestinian leader Yasser Arafat",  # not "... Arafat later"
        "Entire families were killed": "Eddie Tapel",
    }  # "a sense of optimism" (part of a sentence) and "They were overconfident" (who?) are too short alone
    joined = next(q for q in quotes if q.startswith("At this point"))
    assert backed(joined, ["a"], {"a": article}) is None  # its words, in order, in the source


def test_a_quote_over_several_lines_is_shown_on_one():
    text = ('"I voted for our fellow village resident.\nHe is an experienced person and knows village life well," '
            'said Valentina Redzhepova, a teacher.')
    (quote,) = extract_quotes(Article(id="a", text=text))
    assert quote.text == ("I voted for our fellow village resident. He is an experienced person and knows village "
                          "life well") and quote.speaker == "Valentina Redzhepova"


def test_no_speaker_is_a_title_in_quote_marks_and_no_quote_is_a_predicate_without_its_subject():
    text = ("Author Stephenie Meyer wrote a letter to her fans.\n\n"
            "\"I'm sad that Catherine is not continuing on with us for 'New Moon,' she wrote.\n\n"
            "The director \"is excited by the story and eager to keep the movie close to the book,\" she wrote. "
            "\"He is also aware of you, the fans, and wants to keep you all extremely happy,\" she said.")
    quotes = _speakers(text)
    assert not any(t.startswith("is excited") for t in quotes)  # 'The director "is excited ..."'
    assert "New Moon" not in quotes.values()
    assert quotes.get("He is also aware of you, the fans, and wants to keep you all extremely happy") == \
        "Author Stephenie Meyer"


def test_two_speakers_by_surname_are_each_given_their_fuller_name():
    text = ("The show's producers, Laurence Mark and Bill Condon, praised the host.\n\n"
            "\"He also has style, elegance and a sense of occasion,\" Mark and Condon said in a joint statement.")
    (quote,) = extract_quotes(Article(id="a", text=text))
    assert quote.speaker == "Laurence Mark and Bill Condon"


def test_a_figure_written_in_words_is_shown_in_digits():
    a = Article(id="a", outlet="A", text="Fourteen people were injured when the bridge fell. The city lost two million euros.")
    b = Article(id="b", outlet="B", text="Fourteen people were injured when the bridge fell. The city lost two million euros.")
    c = Article(id="c", outlet="C", text="Twelve people were injured when the bridge fell, officials said.")
    figures = {f.label: f for f in key_figures([a, b, c], limit=10)}
    assert figures["people were injured"].value == "14"
    assert [x.value for x in figures["people were injured"].conflicts] == ["12"]
    assert figures["euros"].value == "2 million"


def test_one_count_said_two_ways_is_one_key_figure():
    a = Article(id="a", outlet="A", text="The navy captured 23 pirates in the Gulf of Aden on Saturday.")
    b = Article(id="b", outlet="B", text="The navy said 23 pirates were arrested in the Gulf of Aden on Saturday.")
    c = Article(id="c", outlet="C", text="The navy said 23 pirates were arrested after a chase in the Gulf of Aden.")
    d = Article(id="d", outlet="D", text="Commandos seized 13 fully loaded magazines from the 23 pirates, the navy said.")
    figures = key_figures([a, b, c, d], limit=10)
    assert [(f.value, f.label, sorted(f.sources)) for f in figures if f.value == "23"] == [
        ("23", "pirates were arrested", ["a", "b", "c", "d"])]
    assert ("13", "fully loaded magazines") in {(f.value, f.label) for f in key_figures([d, d], limit=10)}


def test_a_distance_that_says_where_something_is_is_no_key_figure():
    text = ("The fire broke out in Gothenburg, 500 kilometers (300 miles) west of Stockholm. The pirates were "
            "caught 150 nautical miles off Aden. The oil slick stretched for 40 kilometers along the coast.")
    a, b = Article(id="a", outlet="A", text=text), Article(id="b", outlet="B", text=text)
    assert {(f.value, f.label) for f in key_figures([a, b], limit=10)} == {("40", "kilometers")}
