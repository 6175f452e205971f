"""The polite fetcher against a real HTTP server on 127.0.0.1 (and 127.0.0.2 for a second host)."""

import asyncio
import time

from httpserver import Handler, article, redirect, respond, stream

from newsdistill.ingest import InputError, RawDocument
from newsdistill.ingest.http import ANYTHING, USER_AGENT, Fetched, Fetcher, FetchError, FetchOptions, fetch_all
from newsdistill.ingest.robots import Robots, agent_token, parse

FAST = {"backoff": 0.05, "timeout": 5}


def fetch(urls, **options):
    return dict(fetch_all(urls, **{**FAST, **options}))


def reason(result) -> str:
    assert isinstance(result, InputError), result
    return result.reason


def gaps(server, path):
    times = [r.at for r in server.requests if r.path == path]
    return [b - a for a, b in zip(times, times[1:])]


def test_pages_are_fetched_with_our_user_agent_and_robots_is_read_once_per_host(http_server):
    server = http_server()
    server.routes["/robots.txt"] = respond(200, "User-agent: *\nAllow: /\n", "text/plain")
    urls = [server.url(f"/news/{i}") for i in range(6)]
    server.routes["/news/*"] = article()
    results = fetch(urls + urls[:2])  # a URL given twice is fetched once
    assert set(results) == set(urls)
    for url, doc in results.items():
        assert isinstance(doc, RawDocument) and doc.kind == "html" and doc.url == url
        assert "Council approves new budget" in doc.body and doc.fetched_at.tzinfo is not None
    assert server.paths().count("/robots.txt") == 1
    assert len(server.requests) == 7
    agents = {r.headers["user-agent"] for r in server.requests}
    assert agents == {USER_AGENT}
    assert USER_AGENT.startswith("newsdistill/") and "bot" in USER_AGENT


def test_user_agent_option_is_sent_and_matched_against_robots_groups(http_server):
    server = http_server()
    server.routes["/robots.txt"] = respond(200, "User-agent: otherbot\nDisallow: /\n\n"
                                                "User-agent: TestBot\nDisallow: /secret\n", "text/plain")
    server.routes["/open"] = article()
    server.routes["/secret"] = article()
    results = fetch([server.url("/open"), server.url("/secret")], user_agent="TestBot/2.0 (+https://example.org/bot)")
    assert isinstance(results[server.url("/open")], RawDocument)
    assert reason(results[server.url("/secret")]) == "disallowed by robots.txt"
    assert "/secret" not in server.paths()
    assert server.requests[-1].headers["user-agent"] == "TestBot/2.0 (+https://example.org/bot)"


def test_robots_is_checked_for_every_redirect_hop(http_server):
    server = http_server()
    other = http_server("127.0.0.2")
    other.routes["/robots.txt"] = respond(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
    other.routes["/private/page"] = article()
    server.routes["/go"] = redirect(other.url("/private/page"))
    result = fetch([server.url("/go")])[server.url("/go")]
    assert reason(result) == f"redirected to {other.url('/private/page')}, disallowed by robots.txt"
    assert other.paths() == ["/robots.txt"]


def test_robots_404_allows_all_and_5xx_disallows_all(http_server):
    missing, broken = http_server(), http_server("127.0.0.2")
    missing.routes["/a"] = article()
    broken.routes["/robots.txt"] = respond(503, "down", "text/plain")
    broken.routes["/a"] = article()
    results = fetch([missing.url("/a"), broken.url("/a")], retries=1)
    assert isinstance(results[missing.url("/a")], RawDocument)
    assert reason(results[broken.url("/a")]).startswith("robots.txt unreachable (HTTP 503 Service Unavailable")
    assert broken.paths() == ["/robots.txt", "/robots.txt"]  # retried once, the page never asked for


def test_503_then_success_is_retried_with_growing_backoff(http_server):
    server = http_server()
    calls = []

    def flaky(h: Handler) -> None:
        calls.append(1)
        respond(503 if len(calls) < 3 else 200, article_body(), headers={})(h)

    server.routes["/flaky"] = flaky
    result = fetch([server.url("/flaky")], backoff=0.1)[server.url("/flaky")]
    assert isinstance(result, RawDocument)
    first, second = gaps(server, "/flaky")
    assert 0.045 <= first and 0.095 <= second  # 0.05-0.1 s, then 0.1-0.2 s (jittered)


def test_429_retry_after_is_honoured(http_server):
    server = http_server()
    calls = []

    def limited(h: Handler) -> None:
        calls.append(1)
        if len(calls) == 1:
            respond(429, "slow down", "text/plain", {"Retry-After": "1"})(h)
        else:
            article()(h)

    server.routes["/limited"] = limited
    assert isinstance(fetch([server.url("/limited")])[server.url("/limited")], RawDocument)
    assert gaps(server, "/limited")[0] >= 0.95


def test_500_is_retried_then_reported_and_long_retry_after_is_not_waited_for(http_server):
    server = http_server()
    server.routes["/broken"] = respond(500, "oops", "text/plain")
    server.routes["/later"] = respond(503, "later", "text/plain", {"Retry-After": "3600"})
    started = time.monotonic()
    results = fetch([server.url("/broken"), server.url("/later")], retries=2)
    assert reason(results[server.url("/broken")]) == "HTTP 500 Internal Server Error (after 2 retries)"
    assert server.paths().count("/broken") == 3
    assert reason(results[server.url("/later")]) == "HTTP 503 Service Unavailable (not retried: would wait 3600 s)"
    assert server.paths().count("/later") == 1
    assert time.monotonic() - started < 3


def test_at_most_two_requests_at_once_per_host_and_hosts_in_parallel(http_server):
    one, two = http_server("127.0.0.1"), http_server("127.0.0.2")
    for server in (one, two):
        server.routes["/slow/*"] = respond(200, article_body(), delay=0.3)
    urls = [s.url(f"/slow/{i}") for s in (one, two) for i in range(6)]
    started = time.monotonic()
    results = fetch(urls)
    elapsed = time.monotonic() - started
    assert all(isinstance(r, RawDocument) for r in results.values())
    assert one.max_in_flight == 2 and two.max_in_flight == 2
    assert elapsed < 2.5  # 3 rounds of 0.3 s per host, both hosts at once (12 x 0.3 s = 3.6 s in a row)


def test_host_delay_and_crawl_delay_space_requests(http_server):
    plain, polite = http_server(), http_server("127.0.0.2")
    polite.routes["/robots.txt"] = respond(200, "User-agent: *\nCrawl-delay: 0.3\n", "text/plain")
    for server in (plain, polite):
        server.routes["/p/*"] = article()
    fetch([plain.url(f"/p/{i}") for i in range(3)], host_delay=0.2)
    fetch([polite.url(f"/p/{i}") for i in range(3)])
    for server, delay in ((plain, 0.2), (polite, 0.3)):
        times = sorted(r.at for r in server.requests if r.path.startswith("/p/"))
        assert len(times) == 3
        assert all(b - a >= delay - 0.05 for a, b in zip(times, times[1:]))


def test_a_huge_crawl_delay_is_capped(http_server):
    server = http_server()
    server.routes["/robots.txt"] = respond(200, "User-agent: *\nCrawl-delay: 3600\n", "text/plain")
    server.routes["/p/*"] = article()
    started = time.monotonic()
    results = fetch([server.url("/p/1"), server.url("/p/2")], max_crawl_delay=0.3)
    assert all(isinstance(r, RawDocument) for r in results.values())
    assert 0.25 <= time.monotonic() - started < 3


def test_conditional_get_returns_not_modified(http_server):
    server = http_server()

    def feed(h: Handler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            respond(304, b"", None, {"ETag": '"v1"'})(h)
        else:
            respond(200, "<rss></rss>", "application/rss+xml",
                    {"ETag": '"v1"', "Last-Modified": "Sat, 21 Nov 2026 08:00:00 GMT"})(h)

    server.routes["/feed"] = feed

    async def run() -> tuple:
        async with Fetcher(FetchOptions(**FAST)) as fetcher:
            first = await fetcher.fetch(server.url("/feed"), accept=ANYTHING)
            second = await fetcher.fetch(server.url("/feed"), etag=first.etag, last_modified=first.last_modified,
                                         accept=ANYTHING)
            return first, second

    first, second = asyncio.run(run())
    assert isinstance(first, Fetched) and first.status == 200 and first.etag == '"v1"'
    assert first.last_modified == "Sat, 21 Nov 2026 08:00:00 GMT"
    assert isinstance(second, Fetched) and second.not_modified and second.content == b""
    last = server.requests[-1].headers
    assert last["if-none-match"] == '"v1"' and last["if-modified-since"] == "Sat, 21 Nov 2026 08:00:00 GMT"


def test_redirects_followed_up_to_five_then_refused_and_loops_detected(http_server):
    server = http_server()
    for i in range(1, 20):
        server.routes[f"/hop/{i}"] = redirect(f"/hop/{i + 1}", 301 if i % 2 else 307)
    server.routes["/hop/6"] = article()
    server.routes["/self"] = redirect("/self")
    server.routes["/ping"] = redirect("/pong")
    server.routes["/pong"] = redirect("/ping")
    results = fetch([server.url("/hop/1"), server.url("/hop/7"), server.url("/self"), server.url("/ping")])
    five = results[server.url("/hop/1")]
    assert isinstance(five, RawDocument) and five.url == server.url("/hop/6")
    assert reason(results[server.url("/hop/7")]) == "too many redirects (more than 5)"
    assert server.paths().count("/hop/12") == 1 and "/hop/13" not in server.paths()
    assert reason(results[server.url("/self")]).startswith("redirect loop")
    assert reason(results[server.url("/ping")]).startswith("redirect loop")


def test_stalled_and_slow_drip_responses_time_out(http_server):
    server = http_server()
    server.routes["/stall"] = respond(200, article_body(), delay=10)
    server.routes["/drip"] = stream(10_000_000, chunk=100, every=0.05)
    started = time.monotonic()
    results = fetch([server.url("/stall"), server.url("/drip")], timeout=0.5)
    assert reason(results[server.url("/stall")]) == "timed out after 0.5 s"
    assert reason(results[server.url("/drip")]) == "timed out after 0.5 s"
    assert time.monotonic() - started < 2.5
    assert server.paths().count("/stall") == 1  # a timeout is not retried


def test_bodies_over_the_cap_are_cut_off(http_server):
    server = http_server()
    server.routes["/huge"] = stream(100 * 2**20)
    server.routes["/declared"] = stream(100 * 2**20, length=True)
    started = time.monotonic()
    results = fetch([server.url("/huge"), server.url("/declared")], max_bytes=2**20)
    assert reason(results[server.url("/huge")]) == "larger than 1 MB"
    assert reason(results[server.url("/declared")]) == "larger than 1 MB"
    assert time.monotonic() - started < 3


def test_documents_that_are_not_pages_are_refused(http_server):
    server = http_server()
    server.routes["/doc.pdf"] = respond(200, b"%PDF-1.4\n" + bytes(range(256)), "application/pdf")
    server.routes["/photo"] = respond(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
    server.routes["/unlabelled"] = respond(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None)
    server.routes["/empty"] = respond(200, b"", "text/html")
    results = fetch([server.url(p) for p in ("/doc.pdf", "/photo", "/unlabelled", "/empty")])
    assert reason(results[server.url("/doc.pdf")]) == "not an article page (application/pdf)"
    assert reason(results[server.url("/photo")]) == "not an article page (image/png)"
    assert reason(results[server.url("/unlabelled")]) == "binary content, not text or HTML (no Content-Type)"
    assert reason(results[server.url("/empty")]) == "empty page (HTTP 200)"


def test_charset_from_header_then_meta_then_guess(http_server):
    server = http_server()
    text = "Le président a annoncé une réforme très attendue à Genève."
    server.routes["/header"] = respond(200, f"<html><body><p>{text}</p></body></html>".encode("cp1252"),
                                       "text/html; charset=ISO-8859-1")
    japanese = "日本の経済ニュースです。"
    server.routes["/meta"] = respond(200, ('<html><head><meta http-equiv="Content-Type" content="text/html; '
                                           f'charset=Shift_JIS"></head><body><p>{japanese}</p></body></html>')
                                     .encode("shift_jis"), "text/html")
    server.routes["/plain"] = respond(200, "caf\xe9 na\xefve, r\xe9sum\xe9 and more".encode("latin-1"), "text/plain")
    results = fetch([server.url(p) for p in ("/header", "/meta", "/plain")])
    assert text in results[server.url("/header")].body
    assert japanese in results[server.url("/meta")].body
    plain = results[server.url("/plain")]
    assert plain.kind == "text" and plain.body == "café naïve, résumé and more"


def test_unreachable_host_is_reported():
    results = fetch(["http://127.0.0.1:9/news"], retries=1)
    assert reason(results["http://127.0.0.1:9/news"]) == "cannot connect (Connection refused) (after 1 retry)"


def test_odd_urls_are_errors_not_exceptions():
    odd = {"ftp://example.org/file": "not an http(s) URL: ftp://example.org/file",
           "http://": "not an http(s) URL: http://",
           "http://[::1": "not a valid URL (Invalid IPv6 URL)",
           "http://127.0.0.1:99999/": "not a valid URL (Port out of range 0-65535)"}

    async def run():
        async with Fetcher(FetchOptions(**FAST)) as fetcher:
            return [await fetcher.fetch(url) for url in odd]

    for (url, expected), result in zip(odd.items(), asyncio.run(run())):
        assert isinstance(result, FetchError) and result.kind == "url" and result.url == url
        assert result.reason == expected


def test_robots_rules_follow_rfc_9309():
    robots = parse("""# comment
User-agent: *
Disallow: /

User-agent: newsdistill
User-agent: otherbot
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Disallow: /search?q=*
Allow: /page
Disallow: /page
Crawl-delay: 1.5
""", USER_AGENT)
    assert robots.crawl_delay == 1.5
    assert robots.allows("http://x/news/1")
    assert not robots.allows("http://x/private/draft")
    assert robots.allows("http://x/private/public/1")  # the longest match wins
    assert not robots.allows("http://x/files/report.pdf") and robots.allows("http://x/files/report.pdf?x=1")
    assert not robots.allows("http://x/search?q=budget") and robots.allows("http://x/search")
    assert robots.allows("http://x/page")  # allow wins a tie
    assert robots.allows("http://x/robots.txt")
    assert not parse("User-agent: *\nDisallow: /\n", USER_AGENT).allows("http://x/a")
    assert parse("User-agent: other\nDisallow: /\n", USER_AGENT).allows("http://x/a")
    assert Robots().allows("http://x/a") and not Robots(disallow_all=True).allows("http://x/a")
    assert agent_token(USER_AGENT) == "newsdistill"


def article_body() -> str:
    from httpserver import ARTICLE

    return ARTICLE.format(title="Council approves new budget")


def test_operator_contact_goes_into_the_user_agent(monkeypatch):
    from newsdistill.ingest.fetched import default_user_agent

    monkeypatch.setenv("NEWSDISTILL_CONTACT", "news-ops@example.org")
    assert default_user_agent().endswith("(news reader bot; +news-ops@example.org)")
    monkeypatch.delenv("NEWSDISTILL_CONTACT")
    assert default_user_agent().endswith("(news reader bot)")
