import json
import xml.etree.ElementTree as ET

import httpx
import pytest
from webstore import Server, fill

from newsdistill.web import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "news.db"
    fill(db, n_stories=25).close()
    with Server(create_app(db)) as server:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            yield client


def test_front_page_lists_latest_stories_with_paging(site):
    r = site.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert page.count('class="story-card"') == 20
    assert 'href="/story/story-24"' in page  # newest first
    assert "2 publishers" in page and "The old bridge in Town24 collapsed" in page
    assert 'href="/?page=2"' in page
    second = site.get("/", params={"page": 2}).text
    assert second.count('class="story-card"') == 6 and 'href="/story/story-0"' in second


def test_topic_filter(site):
    page = site.get("/", params={"q": "Town7"}).text
    assert page.count('class="story-card"') == 1 and 'href="/story/story-7"' in page


def test_story_page_has_all_parts_and_citations_link_to_sources(site):
    page = site.get("/story/story-3").text
    for part in ["<h1>", "Key figures", "Quotes", "Sources", "Articles in this story", "Mayor Ana Ruiz",
                 'class="cite" href="#src-1"', 'id="src-1"', 'href="https://harbor.example/3/0"']:
        assert part in page, part


def test_unknown_story_and_bad_input_give_4xx_never_500(site):
    assert site.get("/story/nope").status_code == 404
    assert "No such story" in site.get("/story/nope").text
    assert site.get("/story/" + "x" * 500).status_code == 404
    assert site.get("/story/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert site.get("/api/stories/nope").status_code == 404
    assert site.get("/api/stories/nope").json()["error"]
    assert site.get("/", params={"page": "-1"}).status_code == 400
    assert site.get("/", params={"page": "abc"}).status_code == 400
    assert site.get("/api/stories", params={"limit": 10_000}).status_code == 400
    assert site.get("/api/search").status_code == 400
    for q in ['"', "NEAR(a b", "a AND OR", "*", "-x", "^", "💥", "' OR 1=1 --", "a" * 199]:
        assert site.get("/search", params={"q": q}).status_code == 200, q
        assert site.get("/api/search", params={"q": q}).status_code == 200, q
    assert site.get("/no/such/page").status_code == 404


def test_read_only_and_security_headers(site):
    assert site.post("/", data={"x": 1}).status_code == 405
    assert site.delete("/api/stories/story-1").status_code == 405
    r = site.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_search_ranks_and_highlights(site):
    page = site.get("/search", params={"q": "Town5 divers"}).text
    assert "<mark>Town5</mark>" in page and 'href="/story/story-5"' in page
    data = site.get("/api/search", params={"q": "Town5"}).json()
    assert data["results"][0]["kind"] == "story" and data["results"][0]["id"] == "story-5"
    assert "<mark>Town5</mark>" in data["results"][0]["snippet_html"]


def test_markup_from_articles_never_runs(site):
    evil_story = "story-25"
    pages = [site.get(u).text for u in ["/", "/?page=2", f"/story/{evil_story}", "/search?q=hostile"]]
    for page in pages:
        assert "<script>window.pwned" not in page and "<img src=x" not in page
        assert "javascript:alert" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pages[2]
    api = site.get(f"/api/stories/{evil_story}")
    assert api.headers["content-type"] == "application/json"
    assert "<script>window.pwned=1</script>" in json.dumps(api.json())  # data, as JSON with nosniff: never markup
    hits = site.get("/api/search", params={"q": "hostile"}).json()["results"]
    assert hits and all("<script>" not in h["snippet_html"] and "<img" not in h["snippet_html"] for h in hits)


def test_api_lists_stories_and_is_documented(site):
    data = site.get("/api/stories", params={"limit": 5}).json()
    assert [s["id"] for s in data["stories"]] == ["story-24", "story-23", "story-22", "story-21", "story-20"]
    assert set(data["stories"][0]) >= {"id", "headline", "lede", "updated", "publishers", "url"}
    one = site.get("/api/stories/story-24").json()
    assert set(one) >= {"headline", "lede", "sections", "key_figures", "quotes", "sources", "articles"}
    spec = site.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search"} <= set(spec["paths"])
    docs = site.get("/api").text
    assert "GET /api/stories" in docs and "<script" not in docs


def test_atom_feed(site):
    r = site.get("/feed.atom")
    assert r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 26
    assert entries[0].find("a:link", ns).get("href").endswith("/story/story-24")


def test_serve_with_watch_scans_feeds_in_the_background(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    body = " ".join(["The Karsholm council voted on Monday to rebuild the Aven footbridge in steel."] * 20)
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Karsholm Courier</title><item><title>Council votes to rebuild footbridge</title>
<link>https://courier.example/rebuild</link><pubDate>Mon, 18 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded>&lt;p&gt;{body}&lt;/p&gt;</content:encoded></item></channel></rss>""")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "news.db"
    proc = subprocess.Popen([sys.executable, "-m", "newsdistill", "serve", "--db", str(db), "--port", str(port),
                             "--watch", "0.02", "--feeds", str(feed)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, stories = time.time() + 90, []
        while time.time() < deadline and not stories:
            time.sleep(0.5)
            try:
                stories = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5).json()["stories"]
            except httpx.HTTPError:
                continue
        assert [s["headline"] for s in stories] == ["Council votes to rebuild footbridge"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_retired_story_address_leads_to_the_story_that_absorbed_it(tmp_path):
    db = tmp_path / "news.db"
    store = fill(db, n_stories=2, evil=False)
    with store.batch() as b:
        for a in ("s0a0", "s0a1"):
            b.move_article(a, "story-1")
    store.close()
    with Server(create_app(db)) as server:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            r = client.get("/story/story-0", follow_redirects=False)
            assert r.status_code == 301 and r.headers["location"] == "/story/story-1"
            assert "Bridge collapses in Town1" in client.get("/story/story-0", follow_redirects=True).text
            r = client.get("/api/stories/story-0", follow_redirects=False)
            assert r.status_code == 301 and r.headers["location"] == "/api/stories/story-1"
            assert [s["id"] for s in client.get("/api/stories").json()["stories"]] == ["story-1"]
