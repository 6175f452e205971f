from newsdistill.model import Sentence
from newsdistill.summarize.sections import MORE, heading, sections
from newsdistill.text import content_stems, stopwords


def _body(*texts):
    return [Sentence(t, f"a{i}", position=i) for i, t in enumerate(texts)]


def test_a_subheading_names_what_the_sentences_under_it_share():
    body = _body(
        "Mayor Helga Strand said an independent inquiry would look at the repairs.",
        "Divers searched the river until midnight.",
        "The inquiry will report to the city council by June.",
        "Two rescue divers were treated for hypothermia.",
        "Prosecutors said the inquiry would not delay their own investigation.",
        "The divers found no one else in the water.",
    )
    out = sections(body, "Footbridge collapses into River Aven")
    assert [s.heading for s in out] == ["Inquiry", "Divers"]  # not "Helga Strand", named once
    for sec in out:
        stems = set(content_stems(sec.heading))
        assert sum(stems <= set(content_stems(s.text)) for s in sec.sentences) >= 2
    assert [len(s.sentences) for s in out] == [3, 3]
    assert sorted(s.text for sec in out for s in sec.sentences) == sorted(s.text for s in body)


def test_no_subheading_is_a_verb_phrase_a_time_of_day_or_a_very_common_word():
    body = _body(
        "Turkey warned Syria on Friday evening that its patience was running out.",
        "Turkey warned that it would not wait much longer, people in Ankara said on Friday evening.",
        "Turkish troops massed on the border as people watched.",
        "Turkish troops crossed into northern Iraq.",
    )
    heads = [s.heading for s in sections(body, "Tension grows between Syria and Turkey")]
    assert not {"Turkey warned", "Evening", "People"} & set(heads)
    assert "Turkish troops" in heads


def test_a_word_only_ever_used_as_a_verb_heads_no_section():
    body = _body(
        "The e-mail, written in December, was introduced by Microsoft's lawyers.",
        "The memo was written to Bill Gates and other executives.",
        "A second memo, written by the chairman, was read out in court.",
        "The chairman of Netscape said the meeting was routine.",
        "The union decided to accept the plan on Friday.",
        "Pilots refused to accept the plan.",
    )
    heads = [s.heading for s in sections(body, "Microsoft trial hears of e-mails")]
    assert not {"Written", "Accept"} & set(heads)
    assert "Chairman" in heads and "Plan" in heads  # "the chairman", "the plan": things
    assert "Engineers" in [s.heading for s in sections(_body(
        "Engineers said the road would reopen.", "Engineers said rain was expected.",
        "The bridge was closed.", "The bridge was repaired."), "Road closed")]  # a plural stands alone


def test_no_subheading_from_a_word_every_story_has_or_a_word_only_describing_another():
    heads = [s.heading for s in sections(_body(
        "Officials said the road would reopen.", "Officials said rain was expected.",
        "Firefighters reached the burning warehouse at dawn.", "The burning warehouse collapsed at noon.",
        "The bridge was closed.", "The bridge was repaired."), "Road closed")]
    assert not {"Officials", "Burning"} & set(heads) and "Bridge" in heads


def test_sentences_that_share_nothing_with_a_section_come_last_under_more_details():
    body = _body(
        "The inquiry will report to the city council by June.",
        "Trains resumed stopping at the station on Wednesday.",
        "Prosecutors said the inquiry would not delay their own investigation.",
        "Temperatures fell below freezing overnight.",
        "The inquiry has asked engineers for their reports.",
        "A charity set up a fund for the victims' families.",
    )
    out = sections(body, "Footbridge collapses into River Aven")
    assert [s.heading for s in out] == ["Inquiry", MORE]
    assert len(out[1].sentences) == 3


def test_subheadings_in_another_language_are_not_its_function_words():
    body = _body(
        "Des secouristes ont fouillé la rivière pendant la nuit.",
        "Des plongeurs ont retrouvé deux personnes dans la rivière.",
        "Les enquêteurs examinent les piliers du pont.",
        "Les enquêteurs ont interrogé le maire de Karsholm.",
    )
    heads = [s.heading for s in sections(body, "Une passerelle s'effondre à Karsholm", language="french")]
    assert heads and not {h.lower() for h in heads} & stopwords("french")
    assert "Enquêteurs" in heads


def test_a_heading_counts_a_word_shared_in_any_case_once():
    group = _body("Fire chief Tomas Berg said 40 firefighters took part in the rescue.",
                  "Rescue workers pulled at least eight people out of the water.")
    assert heading(group, set(), shared=True).lower() == "rescue"


def test_a_norwegian_story_is_headed_without_wordfreq_warning_about_its_language_code(caplog):
    body = _body("Redningsmannskaper søkte i elven hele natten etter brokollapsen.",
                 "Redningsmannskaper fant to personer i elven ved brua.",
                 "Politiet undersøker brua og pilarene etter ulykken.",
                 "Politiet har avhørt ordføreren om vedlikeholdet av brua.")
    with caplog.at_level("WARNING"):
        heads = [s.heading for s in sections(body, "Bro kollapset i Karsholm", language="norwegian")]
    assert heads and not [r for r in caplog.records if "nearest match" in r.getMessage()]
