
from conftest import dataset

from newsdistill.ingest import InputError
from newsdistill.ingest.feeds import Feed, FeedRejected, default_feeds_path, html_to_text, parse_feed, read_feed_list

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor &amp; Times</title>
<item><title>Bridge &lt;b&gt;falls&lt;/b&gt;</title><link>https://harbor.example/bridge?utm_source=rss</link>
<description>&lt;p&gt;The bridge fell.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
<pubDate>Fri, 03 Nov 2023 09:00:00 +0100</pubDate><guid>b1</guid></item>
<item><title>No link item</title><description>Text only</description></item>
</channel></rss>"""


def test_rss_entries_are_plain_text_with_aware_dates():
    feed = parse_feed(RSS, "https://harbor.example/rss")
    assert isinstance(feed, Feed) and feed.title == "Harbor & Times"
    first = feed.entries[0]
    assert first.title == "Bridge falls" and first.summary == "The bridge fell."
    assert first.link == "https://harbor.example/bridge?utm_source=rss"
    assert first.published.isoformat() == "2023-11-03T08:00:00+00:00"
    assert feed.entries[1].link is None


def test_html_and_garbage_are_rejected_with_reasons():
    page = parse_feed(b"<!doctype html><html><body><p>Hi</p></body></html>", "u1")
    assert isinstance(page, FeedRejected) and "HTML page" in page.reason
    junk = parse_feed(b"\x00\x01binary garbage\xff", "u2")
    assert isinstance(junk, FeedRejected) and junk.reason.startswith("not a feed")
    assert isinstance(parse_feed(b'{"version": 1}', "u3"), FeedRejected)


def test_script_content_never_survives():
    assert html_to_text("<p>Hello</p><script>alert(1)</script><style>p{}</style><p>World</p>") == "Hello\n\nWorld"


def test_every_feedparser_test_file_parses_or_is_rejected_with_a_reason():
    root = dataset("feedparser_tests") / "tests"
    files = [p for p in root.rglob("*") if p.is_file()]
    assert len(files) > 2000
    outcomes = {"feed": 0, "rejected": 0}
    for path in files:
        result = parse_feed(path.read_bytes(), str(path))
        if isinstance(result, FeedRejected):
            assert result.reason and "\n" not in result.reason
            outcomes["rejected"] += 1
        else:
            outcomes["feed"] += 1
    assert outcomes["rejected"] < 20  # only documents that hold no feed at all


def test_feed_lists_opml_plain_and_single(tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="x">'
                    '<outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/atom"/>'
                    '<outline xmlUrl="https://a.example/rss"/></outline></body></opml>')
    assert read_feed_list(str(opml)) == ["https://a.example/rss", "https://b.example/atom"]
    plain = tmp_path / "feeds.txt"
    plain.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://c.example/feed.xml  \n")
    assert read_feed_list(str(plain)) == ["https://a.example/rss", "https://c.example/feed.xml"]
    single = tmp_path / "one.xml"
    single.write_bytes(RSS)
    assert read_feed_list(str(single)) == [str(single)]
    assert read_feed_list("https://d.example/rss") == ["https://d.example/rss"]
    assert isinstance(read_feed_list(str(tmp_path / "missing.opml")), InputError)
    empty = tmp_path / "empty.opml"
    empty.write_text("<opml><body></body></opml>")
    assert "no feeds" in read_feed_list(str(empty)).reason


def test_default_feed_list_is_shipped():
    feeds = read_feed_list(str(default_feeds_path()))
    assert len(feeds) >= 8 and all(f.startswith("https://") for f in feeds)
