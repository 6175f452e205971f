from datetime import datetime, timezone

from newsdistill.text import (STOPWORDS, content_stems, detokenize, find_date, names, numbers, parse_datetime,
                              split_dateline, split_sentences, stem_words, stemmer_language, stopwords, tokens,
                              word_count)


def test_split_sentences_keeps_abbreviations_and_initials():
    text = ('Mr. Smith went to Washington D.C. on Jan. 5. He said "no." Then J. K. Rowling arrived at '
            '3.5 p.m. The U.S. economy grew 2.1%. He lives at No. 5 Main St. in town.')
    assert split_sentences(text) == [
        "Mr. Smith went to Washington D.C. on Jan. 5.",
        'He said "no."',
        "Then J. K. Rowling arrived at 3.5 p.m.",
        "The U.S. economy grew 2.1%.",
        "He lives at No. 5 Main St. in town.",
    ]


def test_no_sentence_opens_in_lower_case_in_any_alphabet():
    assert split_sentences("Útoky se staly 7. července 2005 v Londýně. Policie pátrá.") == [
        "Útoky se staly 7. července 2005 v Londýně.", "Policie pátrá."]
    assert len(split_sentences("Η τελετή έγινε στις 8 μ.μ. ώρα Κίνας στο στάδιο. Ήταν ωραία.")) == 2


def test_chinese_and_japanese_sentences_end_without_a_space_and_words_are_character_pairs():
    assert split_sentences("中国国家主席今天在北京会见了美国国务卿。双方交换了意见！会谈持续了两个小时。") == [
        "中国国家主席今天在北京会见了美国国务卿。", "双方交换了意见！", "会谈持续了两个小时。"]
    assert split_sentences("東京で地震がありました。「被害は大きい」と語った。") == [
        "東京で地震がありました。", "「被害は大きい」と語った。"]
    assert tokens("A330型飞机在北京降落 and Paris") == [
        "a330", "型飞", "飞机", "机在", "在北", "北京", "京降", "降落", "and", "paris"]
    assert tokens("The Mayor said 12 people") == ["the", "mayor", "said", "12", "people"]
    # about two characters a word where no spaces part them; Korean spaces its words
    assert word_count("中国国家主席今天在北京会见了美国国务卿。") == 11
    assert word_count("서울에서 지진이 발생했다") == 3


def test_split_sentences_line_breaks_end_sentences():
    assert split_sentences("Headline here\nFirst sentence. Second one.") == [
        "Headline here", "First sentence.", "Second one."]


def test_numbers_with_scales_and_percent():
    assert numbers("$1.5 billion, 12,000 people, 45 percent") == [
        ("$1.5 billion", 1.5e9), ("12,000", 12000.0), ("45 percent", 45.0)]
    # Devanagari digits are numbers; after a vowel sign "०" is Hindi's abbreviation mark ("किमी०": km)
    assert numbers("7.9 किमी० का समय, २०११ में ५ लोग") == [("7.9", 7.9), ("२०११", 2011.0), ("५", 5.0)]


def test_names_do_not_cross_sentences():
    found = names("Benjamin Netanyahu met officials in Tel Aviv. The United Nations and J. K. Rowling.")
    assert found == ["Benjamin Netanyahu", "Tel Aviv", "United Nations", "J. K. Rowling"]
    # a sentence's opening adverb (quotes' speakers drop it; the clusterer's names keep it), not a given name in -ly
    from newsdistill.text import OPENING_ADVERB
    assert [w for w in "Ironically Reportedly Finally Kelly Beverly Sally Conneally".split()
            if OPENING_ADVERB.fullmatch(w)] == ["Ironically", "Reportedly", "Finally", "Conneally"]


def test_names_do_not_cross_paragraphs_and_a_paragraphs_lone_first_word_is_no_name():
    text = "The figures were released by the USGS\n\nAccording to the USGS, Maria Lopez\nSantos was hurt."
    assert names(text) == ["USGS", "USGS", "Maria Lopez Santos"]  # one line break inside a paragraph is a space


def test_initialisms_are_part_of_a_name():
    assert names("He ran for the U.S. Senate, and the U.N. envoy left.") == ["U.S. Senate", "U.N."]


def test_organisations_named_with_and_or_of_are_one_name():
    assert names("the Truth and Reconciliation Commission and the U.S. National Aeronautics and Space "
                 "Administration met the Bank of America and the Centers for Disease Control.") == [
        "Truth and Reconciliation Commission", "U.S. National Aeronautics and Space Administration",
        "Bank of America", "Centers for Disease Control"]
    # two names side by side stay two: no "the" before the pair, or no organisation's head noun
    assert names("He met Serbia and Kosovo Liberation Army leaders, and Hamas and Islamic Jihad.") == [
        "Serbia", "Kosovo Liberation Army", "Hamas", "Islamic Jihad"]


def test_dates_in_words_and_numbers():
    utc = timezone.utc
    assert find_date("Posted November 3, 2023, 10:00") == datetime(2023, 11, 3, 10, 0, tzinfo=utc)
    assert find_date("Updated Jan 10, 2024") == datetime(2024, 1, 10, tzinfo=utc)
    assert find_date("06.11.2023") == datetime(2023, 11, 6, tzinfo=utc)
    assert find_date("no date here 123") is None
    assert parse_datetime("Tue, 07 Nov 2023 10:00:00 +0100").utcoffset().total_seconds() == 3600
    assert parse_datetime("2023-11-07").tzinfo is not None



def test_metadata_dates_as_software_writes_them():
    """A record's date field: Unix time (s or ms), year-first slashes, US month-first slashes with a
    time (DUC's raw dates), two-digit years; day first only where the month cannot come first."""
    iso = lambda v: parse_datetime(v).isoformat()  # noqa: E731
    assert iso(908000000) == iso("908000000") == "1998-10-10T06:13:20+00:00"
    assert iso(908000000123) == "1998-10-10T06:13:20.123000+00:00"
    assert iso("1998/10/03 14:05") == "1998-10-03T14:05:00+00:00"
    assert iso("10/03/1998 05:24:00") == "1998-10-03T05:24:00+00:00"
    assert iso("10/3/98 2:05 pm") == "1998-10-03T14:05:00+00:00"
    assert iso("25/12/2023") == "2023-12-25T00:00:00+00:00"
    assert parse_datetime("13/13/2023") is None and parse_datetime(True) is None
    assert find_date("Le 10/03/2023").date().isoformat() == "2023-03-10"  # in text: day first

def test_dates_with_times_zones_and_other_languages():
    assert find_date("Published 3 Nov 2023 14:05 GMT").isoformat() == "2023-11-03T14:05:00+00:00"
    assert find_date("November 3, 2023 4:12 PM EDT").isoformat() == "2023-11-03T16:12:00-04:00"
    assert find_date("Fri 30 Jun 2023 11.02 BST").isoformat() == "2023-06-30T11:02:00+01:00"
    assert find_date("Publié le 09/11/2023 à 18h12").isoformat() == "2023-11-09T18:12:00+00:00"
    assert find_date("Le 26 février 2024").date().isoformat() == "2024-02-26"
    assert find_date("21. Oktober 2023, 14:30 Uhr").isoformat() == "2023-10-21T14:30:00+00:00"
    assert find_date("5 de septiembre de 2023").date().isoformat() == "2023-09-05"
    assert find_date("30. 10. 2023 8:15").isoformat() == "2023-10-30T08:15:00+00:00"
    assert find_date("Published 3:41 PM EDT, Mon October 9, 2023").isoformat() == "2023-10-09T15:41:00-04:00"
    assert find_date("rose 5.30 percent 3 March 2024").isoformat() == "2024-03-03T00:00:00+00:00"
    assert find_date("Summary 12, 2023") is None  # "mar" inside a word is not March
    for text in ("Útoky se staly 7. července 2005.", "Землетрясение произошло 7 июля 2005 года.",
                 "Η τελετή έγινε στις 7 Ιουλίου 2005.", "وقع الانفجار في 7 يوليو 2005", "7 Temmuz 2005 günü"):
        assert find_date(text).date().isoformat() == "2005-07-07", text


def test_stems_drop_stopwords():
    assert content_stems("The presidents were running to the meetings") == ["presid", "run", "meet"]


def test_stopwords_of_other_languages_and_words_with_combining_marks():
    assert stopwords("english") == STOPWORDS
    assert {"de", "que", "uma", "para"} <= stopwords("portuguese")
    assert "brasil" not in stopwords("portuguese") and "2" not in stopwords("russian")
    assert content_stems("A taxa de juros que o banco manteve", "portuguese") == ["tax", "jur", "banc", "mantev"]
    assert content_stems("de que", "english") == ["de", "que"]  # English stopwords only
    # Devanagari vowel signs and Arabic vowel marks are part of their words
    assert tokens("सरकार ने करते हैं") == ["सरकार", "ने", "करते", "हैं"]
    assert tokens("مُحَمَّد قال") == ["مُحَمَّد", "قال"]
    assert "करते" in stopwords("hindi")


def test_hebrew_prefix_letters_come_off_where_the_word_list_says_so():
    # "and the security", "in Jerusalem", "from the government", "when the government": prefixes off
    assert stem_words(["והביטחון", "בירושלים", "מהממשלה", "כשהממשלה"], "hebrew") == ["ביטחון", "ירושלים", "ממשלה", "ממשלה"]
    # letters that belong to the word stay: Barak is not "in" + "only", a state is not "from" + Dina
    assert stem_words(["ברק", "מברק", "מדינה", "שלום", "בשלום"], "hebrew") == ["ברק", "ברק", "מדינה", "שלום", "שלום"]
    # function words are stopwords with their prefixes too ("and he", "that he")
    assert {"הוא", "והוא", "שהוא", "של"} <= stopwords("hebrew")
    assert content_stems("ראש הממשלה נפגש היום בירושלים והוא אמר", "hebrew") == \
        ["ראש", "ממשלה", "נפגש", "יום", "ירושלים", "אמר"]
    assert stemmer_language("he") == "hebrew"


def test_detokenize_ptb():
    assert detokenize("Tara Reid 's rehab `` stint '' in the U.S . , he said .") == \
        "Tara Reid's rehab \"stint\" in the U.S., he said."


def test_a_long_run_of_capitals_and_hyphens_is_no_dateline_and_does_not_hang():
    # the place pattern once let hyphens both join and end words: a first paragraph like this one
    # took time cubic in its length (a 600-character one, 38 s), so a page like it stalled a scan
    assert split_dateline("AB-" * 2000 + "x") is None
    assert split_dateline("AB " * 2000 + "x") is None
    assert split_dateline("PORT-AU-PRINCE, Haiti (AP) - Rescuers dug on.") == ("PORT-AU-PRINCE, Haiti", "Rescuers dug on.")
