import json
from urllib.parse import urlsplit

import pytest

from newsdistill.dedupe import (DuplicateIndex, canonical_url, count_publishers, find_copies, publisher_key,
                                registered_domain)
from newsdistill.model import Article

BODY = ("The city council voted on Tuesday to close the old harbour bridge for repairs after engineers "
        "found deep cracks in two of its steel supports, the mayor said. The bridge carries about "
        "20,000 cars a day and will stay closed for at least six months while crews replace the beams.")
OTHER = ("Heavy snow closed schools across the northern province on Monday and left thousands of homes "
         "without power, the regional utility said. Crews worked overnight to clear roads and restore "
         "lines, and officials urged drivers to stay home until the storm passes on Wednesday evening.")


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/news/story?utm_source=twitter&utm_medium=social", "https://example.com/news/story"),
    ("https://example.com/news/story?fbclid=abc&id=7&gclid=x", "https://example.com/news/story?id=7"),
    ("https://example.com/news/story/amp", "https://example.com/news/story"),
    ("https://example.com/news/story/amp/", "https://example.com/news/story"),
    ("https://example.com/news/story?amp=1", "https://example.com/news/story"),
    ("https://amp.example.com/news/story", "https://example.com/news/story"),
    ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
    ("https://m.example.com/news/story", "https://example.com/news/story"),
    ("https://mobile.example.com/news/story", "https://example.com/news/story"),
    ("https://www.example.com/news/story", "https://example.com/news/story"),
    ("HTTPS://Example.COM:443/news/story#comments", "https://example.com/news/story"),
    ("http://example.com:80/news/story/", "http://example.com/news/story"),
    ("http://example.com:8080/news/story", "http://example.com:8080/news/story"),
    ("https://example.com/?b=2&a=1", "https://example.com/?a=1&b=2"),
    ("https://example.com", "https://example.com/"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
    parts = urlsplit(canonical_url(url))
    assert parts.scheme in ("http", "https") and parts.netloc


@pytest.mark.parametrize("url", [None, "", "not a url", "ftp://example.com/file", "mailto:a@b.c", "http://[bad"])
def test_canonical_url_rejects_what_is_not_a_web_address(url):
    assert canonical_url(url) is None


def test_publisher_keys():
    assert registered_domain("feeds.bbci.co.uk") == "bbci.co.uk"
    assert registered_domain("edition.cnn.com") == "cnn.com"
    assert publisher_key(None, "https://rss.nytimes.com/x") == publisher_key(None, "https://www.nytimes.com/y")
    assert publisher_key("The Guardian") == publisher_key("guardian")
    assert publisher_key("Reuters") != publisher_key("Associated Press")
    copies = [Article(id="1", text=BODY, url="https://www.example.com/a?utm_source=rss"),
              Article(id="2", text=BODY, url="https://m.example.com/a/amp"),
              Article(id="3", text=BODY, url="https://news.example.com/b"),
              Article(id="4", text=BODY, outlet="Other Times")]
    assert count_publishers(copies) == 2


def test_two_blogs_on_one_host_are_two_publishers():
    assert registered_domain("secretdubai.blogspot.nl") == "secretdubai.blogspot.nl"
    assert registered_domain("foo.blogspot.co.uk") == "foo.blogspot.co.uk"
    assert registered_domain("www.blogspot.com") == "blogspot.com"
    blogs = [Article(id="1", text=BODY, url="https://harbour.substack.com/p/a"),
             Article(id="2", text=BODY.replace("the", "a"), url="https://ferries.substack.com/p/b"),
             Article(id="3", text=BODY.replace("the", "this"), url="https://news.wordpress.com/x")]
    assert count_publishers(blogs) == 3
    from newsdistill.extract import outlet_from_url
    assert outlet_from_url("http://articles.latimes.com/2005/nov/28/world/fg-quake28") == "latimes.com"
    assert outlet_from_url("http://secretdubai.blogspot.nl/2005/11/x.html") == "secretdubai.blogspot.nl"


def test_a_copy_of_another_outlets_report_is_no_second_publisher():
    """A paper running a wire report counts once with the wire; a copy whose original is not among
    the articles still counts (it is the only report of its publisher there)."""
    from datetime import datetime, timezone

    t = datetime(2024, 3, 12, tzinfo=timezone.utc)
    wire = Article(id="w", text=BODY, outlet="Northwire", published=t)
    paper = Article(id="p", text=BODY + " Copyright 2024 The Valley Times.", outlet="The Valley Times",
                    published=t.replace(hour=3))
    other = Article(id="o", text=OTHER, outlet="The Courier", published=t)
    copies = find_copies([paper, other, wire])
    assert copies == {"p": "w"}  # the earlier one is the original, whatever the order given
    assert count_publishers([wire, paper, other], copies) == 2
    assert count_publishers([wire, paper, other]) == 3
    assert count_publishers([paper, other], copies) == 2


def test_exact_duplicates_by_url_and_body():
    index = DuplicateIndex()
    assert index.add(Article(id="a", text=BODY, url="https://example.com/bridge")) is None
    dup = index.add(Article(id="b", text="x y z", url="https://m.example.com/bridge/amp?utm_campaign=q"))
    assert (dup.original, dup.kind) == ("a", "url")
    dup = index.add(Article(id="c", text="  " + BODY.upper().replace(" ", "\n  ")))
    assert (dup.original, dup.kind) == ("a", "hash")
    assert index.add(Article(id="d", text=OTHER)) is None


def test_near_duplicates_recognised_and_distinct_reports_kept():
    index = DuplicateIndex()
    index.add(Article(id="a", text=BODY))
    edited = BODY.replace("Tuesday", "Tuesday evening") + " Copyright 2024 Example News. All rights reserved."
    dup = index.add(Article(id="b", text=edited))
    assert dup is not None and dup.original == "a" and dup.kind == "near" and dup.similarity >= 0.5
    same_story = ("Engineers found cracks in the steel supports of the old harbour bridge, and the council "
                  "decided on Tuesday to shut it. Drivers face long detours: about 20,000 cars cross each "
                  "day. The mayor said repairs would take six months and cost the city several million.")
    assert index.add(Article(id="c", text=same_story)) is None


def test_state_round_trip_keeps_detection():
    index = DuplicateIndex()
    index.add(Article(id="a", text=BODY, url="https://example.com/bridge"))
    restored = DuplicateIndex.from_state(json.loads(json.dumps(index.state())))
    assert restored.find(Article(id="b", text=BODY + " Updated.")).original == "a"
    assert restored.find(Article(id="c", text=OTHER, url="https://example.com/bridge/")).kind == "url"
    restored.forget("a")
    assert restored.find(Article(id="d", text=BODY + " Updated.")) is None
