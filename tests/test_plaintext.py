"""Plain text copied off a web page: headline, date, author, and page furniture removed."""

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, dataset, run_cli
from newsdistill.extract.plaintext import analyse, clean_text, is_furniture

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_furniture import dataset_removals, load_half, removal_kind, score  # noqa: E402

# Measured with benchmarks/bench_furniture.py (see benchmarks/RESULTS.md); a small margin below.
FLOORS = {
    "dev": {"precision": 0.98, "recall": 0.98, "headline": 0.95, "date": 0.95, "author": 0.95, "outlet": 0.9},
    "test": {"precision": 0.98, "recall": 0.96, "headline": 0.95, "date": 0.94, "author": 0.95, "outlet": 0.78},
}


@pytest.mark.parametrize("half", ["dev", "test"])
def test_labelled_pages_stay_at_measured_quality(half):
    cases = load_half(half)
    assert len(cases) >= 20
    result = score(cases)
    for key, floor in FLOORS[half].items():
        assert result[key] >= floor, (key, result)


@pytest.mark.parametrize("line", [
    # navigation, section labels, UI
    "Home", "Menu", "Skip to main content", "Sign in", "Teilen", "Startseite",
    # subscribe / newsletter
    "Subscribe", "Subscribe to our newsletter", "Sign up for breaking news alerts",
    "Get the featured stories in your email", "Abonnez-vous à notre newsletter",
    # read more, related, previous/next
    "Read more", "READ MORE: How to cut your heating bill", "Related stories", "Next article", "Lire aussi",
    # photo credits and captions
    "PHOTO: BLAZE PICTURE DESK", "AFP/Nana Boateng", "REUTERS/Carla Soto",
    "Traders salvage goods on Thursday. (c) LEDGER 2023 / KWAME ASARE", "Photo by Leon Brack on Unsplash",
    "Jo Landry with Biscuit at the show. Picture: SPLASH/Rory Dean", "IMAGE SOURCE, GETTY IMAGES", "Image 2 of 5",
    # bot and machine-translation disclaimers
    "This article was generated automatically from a company press release and checked by an editor.",
    "This article was translated automatically from Danish. The original is available here.",
    # comments
    "To participate in the discussion log in or register", "12 comments", "Comments (4)", "Leave a comment",
    # cookies
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies",
    # share / social / ads
    "Share on Facebook", "Copy link", "WhatsApp", "Follow us on Twitter", "Advertisement",
    "Story continues below advertisement",
    # wire tails, copyright
    "Reporting by Mara Lindqvist; Editing by Tom Haller",
    "Copyright 2023 The Associated Press. All rights reserved.", "© 2023 Ashford Valley Courier",
    # relative times, reading times, bare counts and durations
    "3 hours ago", "5 min read", "Lesezeit: 2 Min.", "142", "2:14",
    # paywalls, print and reprint notes
    "Try unlimited access", "Only $1 for 4 weeks", "Share full article", "SKIP ADVERTISEMENT",
    "Then $75 per month. Complete digital access to quality journalism. Cancel anytime during your trial.",
    "A version of this article appears in print on April 3, 2024, Section A, Page 14 of the New York edition.",
    "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.",
    "Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
    "Tell us what YOU think...",
    "Pick Six Newsletter",
    "This copy is for your personal, non-commercial use only. Distribution is governed by our Subscriber Agreement.",
])
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Terms of the deal were not disclosed.",
    "Copyright infringement claims have risen sharply, the report said.",
    "Share prices in the port operator fell 5% on Monday.",
    "More on that later, the minister said.",
    "The turbines generated power automatically when the wind rose.",
    "The deal was approved by the EPA on Monday, according to Reuters.",
    '"We will not give up," said union leader Marco Diaz.',
    "Home owners near the river were told to leave.",
    "The newsletter was sent to two million readers on Monday, the company said.",
    "Meal kits are delivered to your door each week, the company said.",
    "He said the firm publishes a weekly newsletter",
    "Next year the council will try again.",
    "Witness reports on how the fire started have given different versions.",
    "Comments made by the mayor angered residents.",
    "Save the Children said 40 schools had been damaged.",
    "Only 12 of the 40 trawlers left port this week.",
    "1998", "$139.00",
])
def test_article_sentences_are_not_furniture(line):
    assert not is_furniture(line)


def check_page(raw, title, author, published):
    """Clean ``raw`` and check its headline, author and stated date (ISO 8601 with the page's zone)."""
    clean = clean_text(raw)
    assert (clean.title, clean.author) == (title, author)
    assert clean.published.isoformat() == published
    return clean


def test_headline_after_outlet_section_and_breadcrumb():
    raw = ("The Harbour Times\nWorld\nPolitics | Europe\nHome > News > Local\n"
           "Port strike enters third day as talks stall\nBy Ana Ruiz, Reuters\nNovember 3, 2023\n"
           "Dock workers in Port Veyra stayed off the job for a third day on Monday, union leaders said.\n"
           "The strike has stranded 40 ships, the harbour master said.\n")
    clean = check_page(raw, "Port strike enters third day as talks stall", "Ana Ruiz", "2023-11-03T00:00:00+00:00")
    assert clean.text.startswith("Dock workers in Port Veyra")
    assert "Politics" not in clean.text and "Reuters" not in clean.text


def test_the_masthead_is_the_outlet_when_the_page_offers_its_services_by_that_name():
    body = ("Port strike enters third day as talks stall\nBy Ana Ruiz\nNovember 3, 2023\n"
            "Dock workers in Port Veyra stayed off the job for a third day on Monday, union leaders said.\n"
            "The strike has stranded 40 ships, the harbour master said.\n")
    assert clean_text("Ostvik Post\nBusiness\n" + body + "Share\nSubscribe to the Ostvik Post\n").outlet == "Ostvik Post"
    assert clean_text("BRIDGEWATCH\n" + body + "Follow BridgeWatch on Mastodon\n").outlet == "Bridgewatch"
    # a section above the headline is no outlet, nor is a name with no outlet word the page does not give again
    assert clean_text("Business\n" + body + "Sign up for our Business newsletter\n").outlet is None
    assert clean_text("Ostvik Harbour\n" + body).outlet is None


@pytest.mark.parametrize(("top", "outlet"), [
    # the page's first line with a word outlets name themselves by, and a word no section is called
    ("Greenfield Gazette\nCommunity\n", "Greenfield Gazette"),
    ("THE DAILY BLAZE\nNews | Sport\n", "The Daily Blaze"),
    ("Skip to main content\nLe Courrier de l'Ouest\nAccueil\n", "Le Courrier de l'Ouest"),
    ("Northfield Live\nNews\n", "Northfield Live"),
    # with a line saying what the site is, under it or after a dash
    ("BridgeWatch\nEngineering notes on the structures we cross every day\nAbout\n", "BridgeWatch"),
    ("Metro Daily - Breaking news, sport and weather\nMenu\n", "Metro Daily"),
    # one word in capitals or inner capitals, or a web address, with more lines before the headline
    ("CNN\nAudio\n", "CNN"), ("SPACEWIRE\nScience\n", "Spacewire"), ("iPřístav.cz\nZprávy\n", "iPřístav.cz"),
    # no outlet: sections, menus, a kicker just above the headline, a plain word, the first line only
    ("Local News\nWeather\n", None), ("Business\nMarkets\n", None), ("Home / World / Middle East\n", None),
    ("Metro Desk\nMarkets\n", None), ("EXCLUSIVE\n", None), ("Quickfeed\nTech\n", None),
    ("Most Read from Bloomberg\nCopper rises\n", None), ("World\nThe Harbour Times\n", None),
])
def test_the_page_first_line_is_the_outlet_on_evidence(top, outlet):
    body = ("Port strike enters third day as talks stall\nBy Ana Ruiz\nNovember 3, 2023\n"
            "Dock workers in Port Veyra stayed off the job for a third day on Monday, union leaders said.\n"
            "The strike has stranded 40 ships, the harbour master said.\n")
    assert clean_text(top + body).outlet == outlet


def test_a_copyright_owner_without_its_legal_form():
    body = "Copper jumps to 11-month high\nCopper rose 3% on Monday as smelters cut output, traders said.\n"
    assert clean_text(body + "©2024 Bloomberg L.P.\n").outlet == "Bloomberg"
    assert clean_text(body + "© 2024 Acme Media Inc. All rights reserved.\n").outlet == "Acme Media"


def test_headline_is_not_the_standfirst_below_it():
    raw = ("World > Africa\nDrought pushes grain prices to five-year high\n"
           "Farmers in the east have lost half their harvest after the driest spring on record\n"
           "Yara Saleh\n12 June 2023\n"
           "Grain prices in regional markets have reached their highest level in five years after a drought.\n")
    clean = clean_text(raw)
    assert clean.title == "Drought pushes grain prices to five-year high"
    assert clean.text.startswith("Farmers in the east")  # the standfirst is article text
    assert clean.author == "Yara Saleh"


def test_byline_and_date_before_headline_and_dateline_stripped():
    raw = ("By The Associated Press\nPublished 3:41 PM EDT, Mon October 9, 2023\n"
           "Zoo welcomes rare twin snow leopard cubs\n"
           "PORTVALE (AP) — A zoo in Portvale says a snow leopard has given birth to twin cubs, a rare event.\n"
           "The cubs will go on public display in the spring.\n")
    clean = clean_text(raw)
    assert clean.title == "Zoo welcomes rare twin snow leopard cubs"
    assert clean.published.date() == date(2023, 10, 9)
    assert clean.text.startswith("A zoo in Portvale says")
    assert clean.dateline == "PORTVALE"  # kept aside: where it happened is evidence for clustering


def test_no_headline_when_the_text_starts_with_the_story():
    raw = ("The city council approved the budget on Monday after a four-hour debate.\n\n"
           "The vote was seven to four.\n")
    clean = clean_text(raw)
    assert clean.title is None
    assert clean.text == raw.strip()


@pytest.mark.parametrize("line, day", [
    ("November 3, 2023", date(2023, 11, 3)), ("Jan 10, 2024, 8:45 am", date(2024, 1, 10)),
    ("06.11.2023", date(2023, 11, 6)), ("Published 3 Nov 2023 14:05 GMT", date(2023, 11, 3)),
    ("Publié le 09/11/2023 à 18h12", date(2023, 11, 9)), ("Le 26 février 2024 à 07h45", date(2024, 2, 26)),
    ("Fri 30 Jun 2023 11.02 BST", date(2023, 6, 30)),
])
def test_date_lines(line, day):
    clean = clean_text(f"Outlet\nBridge reopens after repairs finish early\n{line}\n"
                       "The bridge reopened on Friday, two weeks ahead of schedule, the council said.\n")
    assert clean.published.date() == day
    assert line not in clean.text


def test_published_preferred_over_updated():
    clean = clean_text("Bridge reopens after repairs finish early\nUpdated: 5 March 2024\n"
                       "Published: 4 March 2024\nThe bridge reopened on Friday, two weeks early, the council said.\n")
    assert clean.published.date() == date(2024, 3, 4)


def test_related_block_with_headlines_and_teasers_goes():
    raw = ("Bridge reopens after repairs finish early\n"
           "The bridge reopened on Friday, two weeks ahead of schedule, the council said.\n"
           "Drivers welcomed the news.\nRelated\nFerry fares to rise in spring\n"
           "Operators blamed fuel costs.\nNew cycle lane opens on Mill Road\n")
    clean = clean_text(raw)
    assert clean.text.endswith("Drivers welcomed the news.")
    assert "Operators blamed fuel costs." in clean.removed


def test_caption_after_image_caption_label_and_author_box_at_the_end():
    raw = ("Storm Edda: thousands without power\nImage caption,\nFallen trees blocked several roads\n"
           "More than 60,000 homes were left without power after Storm Edda swept across the coast.\n"
           "Ana Ruiz is a reporter covering the north coast.\n")
    clean = clean_text(raw)
    assert clean.text == "More than 60,000 homes were left without power after Storm Edda swept across the coast."


def test_author_box_sentence_inside_the_story_stays():
    raw = ("Council appoints new press chief\n"
           "The council on Monday appointed a new head of communications after a six-month search.\n"
           "Jane Doe is a former reporter for the Gazette who has covered the council for ten years.\n"
           "She starts in January, the council said in a statement on Monday.\n")
    assert "Jane Doe is a former reporter" in clean_text(raw).text


def test_pull_quote_repeating_a_paragraph_goes():
    raw = ("Factory to close with loss of 340 jobs\n"
           "A packaging factory in Corby Vale will close in June with the loss of 340 jobs, its owner said.\n"
           "\"It feels like the heart has been ripped out of the town\"\n"
           "Union organiser Gail Thornton said: \"It feels like the heart has been ripped out of the town.\"\n")
    clean = clean_text(raw)
    assert clean.removed == ['"It feels like the heart has been ripped out of the town"']
    assert clean.text.endswith('ripped out of the town."')


def test_stray_ui_strings_in_another_script():
    raw = ("Meridian Post\nПоделиться\nStartup unveils solar-powered delivery drone\n"
           "A Lisbon-based startup on Monday unveiled a delivery drone that flies on solar power.\n"
           "订阅我们的新闻\nRegulators have not yet approved commercial flights, the company said.\n")
    clean = clean_text(raw)
    assert "Поделиться" in clean.removed and "订阅我们的新闻" in clean.removed
    assert "Regulators have not yet approved" in clean.text


def test_menu_runs_go_but_lists_in_the_story_stay():
    raw = ("Election results announced in Harlow\n"
           "The returning officer announced the results shortly after midnight on Friday.\n"
           "The final results were:\nSmith\nJones\nLee\n"
           "Turnout was 41 percent, down from 48 percent last time.\nNews\nSport\nWeather\n")
    page = analyse(raw)
    kept = [line for line, label in zip(page.lines, page.labels) if label == "B"]
    assert kept[1:5] == ["The final results were:", "Smith", "Jones", "Lee"]
    assert "Weather" not in kept


def test_bulleted_list_and_short_quotes_are_kept():
    raw = ("Five things that change on the buses\n"
           "The city's new bus network starts on Monday. Here is what changes for riders.\n"
           "- Night buses run every 20 minutes\n- Fares rise to £2\n\"It was strange.\"\n"
           "\"That was the strange part.\"\nRead more: Tram extension delayed again\n")
    clean = clean_text(raw)
    assert "- Night buses run every 20 minutes" in clean.text and '"That was the strange part."' in clean.text
    assert "Read more" not in clean.text


def test_hard_wrapped_paragraphs_are_joined():
    raw = ("Council approves new budget\n\nThe city council approved the budget on Monday\n"
           "after a four-hour debate.\n\nThe vote was seven to four.\n\nShare\n")
    clean = clean_text(raw)
    assert clean.text == ("The city council approved the budget on Monday after a four-hour debate.\n\n"
                          "The vote was seven to four.")


def test_records_keep_their_first_paragraph_and_edges():
    text = "LONDON (AP) _ Police said Saturday they arrested a man.\n\nThe man was released later\n\n(scl)"
    clean = clean_text(text, title=None, find_headline=False)
    assert clean.title is None
    assert clean.text.startswith("Police said Saturday")  # dateline off, paragraph kept
    assert clean.dateline == "LONDON"
    wire = clean_text("MARIJA BISTRICA, Croatia (AP) _ Pope John Paul II beatified a cardinal.", title=None,
                      find_headline=False)
    assert (wire.dateline, wire.text) == ("MARIJA BISTRICA, Croatia", "Pope John Paul II beatified a cardinal.")
    assert clean_text("No dateline here, said the police.", title=None, find_headline=False).dateline is None
    assert "The man was released later" in clean.text


@pytest.mark.parametrize("first, place, rest", [
    ("RIO DE JANEIRO, Brazil _ When Josue da Silva stepped up.", "RIO DE JANEIRO, Brazil", "When Josue"),  # NYT wire
    ("WASHINGTON _ ``We will not yield,'' the senator said.", "WASHINGTON", "``We will"),
    ("RIYADH, Saudi Arabia (AP) _ President Hosni Mubarak arrived.", "RIYADH, Saudi Arabia", "President"),
    ("NEW DELHI: The government announced a ban on Monday.", "NEW DELHI", "The government"),
    ("WASHINGTON—The Federal Reserve held rates steady.", "WASHINGTON", "The Federal"),
])
def test_wire_datelines_of_every_style_come_off_the_first_paragraph(first, place, rest):
    clean = clean_text(f"{first}\n\nA second paragraph follows here.", title=None, find_headline=False)
    assert clean.dateline == place
    assert clean.text.startswith(rest)


@pytest.mark.parametrize("first", ["UPDATE: The fire is now contained, officials said.",
                                   "DEAR ABBY: My husband bought plane tickets.",
                                   "US-China trade talks resumed on Monday.",
                                   "CHICAGO _ she said nothing more."])
def test_labels_and_headline_words_are_not_datelines(first):
    clean = clean_text(f"{first}\n\nA second paragraph follows here.", title=None, find_headline=False)
    assert clean.dateline is None
    assert clean.text.startswith(first[:10])


def test_extract_command_reports_author_and_date_of_a_text_page(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("The Harbour Times\nNews\nPort strike enters third day\nBy Ana Ruiz\nNov 3, 2023\n"
                    "Dock workers stayed off the job for a third day on Monday, union leaders said.\n"
                    "Share on Facebook\n", encoding="utf-8")
    result = run_cli("extract", "--format", "jsonl", str(page))
    record = json.loads(result.stdout)
    assert (record["title"], record["author"]) == ("Port strike enters third day", "Ana Ruiz")
    assert record["published"].startswith("2023-11-03")
    assert record["text"] == "Dock workers stayed off the job for a third day on Monday, union leaders said."


def test_dataset_records_lose_no_article_lines():
    dataset("duc2003_task2")
    docs, lines, n, removed = dataset_removals("duc2003_task2")
    assert docs > 250 and n <= 5 and all(removal_kind(line) == "wire" for line in removed), removed
    dataset("multiling2011")
    _, _, _, removed = dataset_removals("multiling2011")
    assert all(removal_kind(line) in ("date", "credit") for line in removed), removed


def test_dataset_articles_saved_as_text_pages_keep_their_lines_and_titles():
    dataset("duc2003_task2")
    _, _, _, removed = dataset_removals("duc2003_task2", as_page=True)  # no titles: no headline invented
    assert all(removal_kind(line) == "wire" for line in removed), [r for r in removed if removal_kind(r) != "wire"]
    dataset("multiling2011")
    _, _, _, removed = dataset_removals("multiling2011", as_page=True)  # the title line is found as headline
    assert not [line for line in removed if line.startswith("headline ")]
    assert sum(removal_kind(line) == "other" for line in removed) <= 2, removed


def test_labelled_files_are_well_formed():
    for path in sorted((ROOT / "tests" / "data" / "plaintext").glob("*/*.txt")):
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if not line.startswith("# ")]
        assert all(not line.strip() or line[:2] in ("T ", "D ", "A ", "B ", "F ") for line in lines), path
        assert sum(line.startswith("T ") for line in lines) == 1, path


def test_markdown_copy_of_a_page():
    raw = ("[Skip to content](#main)\n\n* [News](/news)\n* [Sport](/sport)\n\n"
           "# Town hall fire: firefighters save historic clock tower\n\n**By Mark Ellis** | 4 June 2024\n\n"
           "![Smoke rises over the town hall](fire.jpg)\n*Smoke over the town hall on Tuesday. Photo: Mark Ellis*\n\n"
           "Firefighters saved the 200-year-old clock tower of Dunmore town hall after a fire broke out on Tuesday.\n\n"
           "\"The tower was the priority,\" said station manager Ruth Kaye.\n\n"
           "[Read more: Dunmore council to hold emergency meeting](/news/123)\n")
    clean = check_page(raw, "Town hall fire: firefighters save historic clock tower", "Mark Ellis",
                       "2024-06-04T00:00:00+00:00")
    assert clean.text == ("Firefighters saved the 200-year-old clock tower of Dunmore town hall after a fire broke "
                          "out on Tuesday.\n\n\"The tower was the priority,\" said station manager Ruth Kaye.")


def test_all_caps_tabloid_headline_over_its_standfirst():
    raw = ("BREAKING NEWS\nIT'S A SCORCHER! UK SET FOR HOTTEST DAY OF THE YEAR\n"
           "Temperatures could hit 33C on Thursday, forecasters say\nBy Sam Reed\nUpdated 10:02, 18 Jul 2024\n"
           "BRITAIN is set to swelter in the hottest day of the year so far on Thursday.\n"
           "Forecasters said temperatures could reach 33C in London.\n")
    clean = clean_text(raw)
    assert clean.title == "IT'S A SCORCHER! UK SET FOR HOTTEST DAY OF THE YEAR"
    assert clean.text.startswith("Temperatures could hit 33C")


def test_name_in_place_byline_caption_after_enlarge_and_menu_line():
    raw = ("News Sport Business Culture Lifestyle\nEurope\n'We were lucky': survivors recall night the dam broke\n"
           "Villagers in the Tarn valley describe the moment water reached their homes\nJane Doe in Albi\n"
           "Sun 5 May 2024 18.02 CEST\nShare via Email\nThe first thing Marie Fabre heard was the dogs.\n"
           "Enlarge this image\nRescue teams search the valley on Sunday.\nPierre Martin/AFP via Getty Images\n"
           "Officials said 230 people had been evacuated.\nExplore more on these topics\nFrance\nFloods\n")
    clean = check_page(raw, "'We were lucky': survivors recall night the dam broke", "Jane Doe",
                       "2024-05-05T18:02:00+02:00")
    assert clean.text.split("\n\n") == [
        "Villagers in the Tarn valley describe the moment water reached their homes",
        "The first thing Marie Fabre heard was the dogs.", "Officials said 230 people had been evacuated."]


def test_upper_case_byline_with_contact_and_short_last_sentence():
    raw = ("Crime & Courts\nMan charged after high-speed chase through Eastfield\n"
           "By JOHN SMITH | jsmith@eastfieldnews.example | Eastfield News\n"
           "PUBLISHED: March 4, 2024 at 5:12 p.m. | UPDATED: March 5, 2024 at 9:01 a.m.\n"
           "A 27-year-old man was charged Monday with reckless driving after a chase through Eastfield.\n"
           "Nobody was hurt.\nMost Popular\nEastfield school board picks new superintendent\n")
    clean = check_page(raw, "Man charged after high-speed chase through Eastfield", "John Smith",
                       "2024-03-04T17:12:00+00:00")
    assert clean.text.endswith("Nobody was hurt.")


def test_most_read_list_above_the_headline_and_wire_tails():
    raw = ("Most Read from Bloomberg\nApple Is Said to Plan Foldable iPhone for 2026\n"
           "Traders Brace for Volatile Week as Data Looms\nCopper Jumps to 11-Month High on Smelter Output Cuts\n"
           "James Howell\nMarch 28, 2024 at 4:05 AM GMT+1\n"
           "Copper rose to the highest in 11 months as Chinese smelters agreed to cut output to cope with a shortage.\n"
           "Get the Markets Daily newsletter to stay informed.\nAluminum and zinc also advanced.\n"
           "— With assistance from Sarah Chen.\nCNN's Maria Soto contributed to this report.\n")
    clean = check_page(raw, "Copper Jumps to 11-Month High on Smelter Output Cuts", "James Howell",
                       "2024-03-28T04:05:00+00:00")
    assert clean.text.split("\n\n")[1:] == ["Aluminum and zinc also advanced."]


def test_summary_bullets_under_the_headline_stay_and_byline_for_outlet():
    raw = ("Home\nNews\nCouple's dream home is swallowed by sinkhole just weeks after they moved in\n"
           "Sinkhole opened in the back garden on Saturday night\nCouple had moved in only six weeks earlier\n"
           "By Becky Lane For Mailonline\nPublished: 10:02 EST, 3 March 2024 | Updated: 12:40 EST, 3 March 2024\n"
           "A couple's dream home was left teetering on the edge of a huge sinkhole six weeks after they moved in.\n")
    clean = check_page(raw, "Couple's dream home is swallowed by sinkhole just weeks after they moved in",
                       "Becky Lane", "2024-03-03T10:02:00-05:00")
    assert clean.text.startswith("Sinkhole opened in the back garden")
