import asyncio

from httpserver import ARTICLE, respond

from newsdistill.ingest.http import Fetcher, FetchOptions
from newsdistill.ingest.scanner import FeedSource, poll_feed, scan

LONG = " ".join(["The harbour authority published its full report on the storm damage today."] * 20)


def rss(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title>
<item><title>Budget approved</title><link>{base}/a1</link><description>Council approves budget.</description>
<pubDate>Fri, 03 Nov 2023 09:00:00 GMT</pubDate></item>
<item><title>Broken page</title><link>{base}/gone</link><description>The summary of the broken page story.</description></item>
<item><title>Full text</title><link>{base}/full</link><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;{LONG}&lt;/p&gt;</content:encoded></item>
<item><title>Budget approved again</title><link>{base}/a1</link><description>Duplicate entry.</description></item>
</channel></rss>"""


def run_scan(feeds, known=frozenset(), **opts):
    polls = []

    async def go():
        async with Fetcher(FetchOptions(timeout=5, retries=0, **opts)) as f:
            return [item async for item in scan(f, feeds, lambda u: u in known, polls.append)]

    return asyncio.run(go()), polls


def test_scan_fetches_new_pages_once_and_falls_back_to_the_summary(http_server):
    server = http_server()
    server.routes["/rss"] = respond(200, rss(server.url("").rstrip("/")), "application/rss+xml")
    server.routes["/a1"] = respond(200, ARTICLE.format(title="Budget approved"))
    items, polls = run_scan([FeedSource(server.url("/rss"))])
    by_link = {i.entry.link.rsplit("/", 1)[1]: i for i in items}
    assert sorted(by_link) == ["a1", "full", "gone"]
    assert by_link["a1"].document.kind == "html" and "city council approved" in by_link["a1"].document.body
    assert by_link["a1"].document.meta["title"] == "Budget approved"
    assert by_link["gone"].summary_only and "404" in by_link["gone"].page_error
    assert by_link["gone"].document.body == "The summary of the broken page story."
    assert by_link["full"].document.kind == "record" and not by_link["full"].summary_only
    assert server.paths().count("/a1") == 1 and "/full" not in server.paths()  # full text: no page fetch
    assert polls[0].ok and polls[0].title == "Harbor Times"


def test_known_articles_are_not_fetched_again(http_server):
    server = http_server()
    base = server.url("").rstrip("/")
    server.routes["/rss"] = respond(200, rss(base), "application/rss+xml")
    items, _ = run_scan([FeedSource(server.url("/rss"))], known={f"{base}/a1", f"{base}/gone", f"{base}/full"})
    assert items == [] and server.paths().count("/a1") == 0


def test_conditional_get_and_feed_errors(http_server):
    server = http_server()

    def conditional(h):
        if h.headers.get("If-None-Match") == '"v1"':
            return respond(304, b"", None, {"ETag": '"v1"'})(h)
        return respond(200, rss("http://x.invalid"), "application/rss+xml", {"ETag": '"v1"'})(h)

    server.routes["/rss"] = conditional
    server.routes["/html"] = respond(200, "<!doctype html><html><body>Hi</body></html>")
    server.routes["/err"] = respond(500, b"oops", "text/plain")

    async def go():
        async with Fetcher(FetchOptions(timeout=5, retries=0)) as f:
            first = await poll_feed(f, FeedSource(server.url("/rss")))
            again = await poll_feed(f, FeedSource(server.url("/rss"), etag=first.etag))
            html = await poll_feed(f, FeedSource(server.url("/html")))
            err = await poll_feed(f, FeedSource(server.url("/err")))
            missing = await poll_feed(f, FeedSource("/no/such/feed.xml"))
            return first, again, html, err, missing

    first, again, html, err, missing = asyncio.run(go())
    assert first.ok and first.etag == '"v1"' and len(first.entries) == 4
    assert again.ok and again.not_modified and again.entries == []
    assert "HTML page" in html.error
    assert "500" in err.error
    assert "cannot read the feed file" in missing.error
