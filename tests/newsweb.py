"""A local news web for end-to-end tests and benchmarks, built from the DUC 2003 clusters.

Real HTTP servers on loopback addresses, one per outlet (127.0.0.2, 127.0.0.3, ...): each serves its
articles as HTML pages with the furniture real pages carry (navigation, related links, share
buttons, newsletter box, footer), an RSS feed of them (summaries only, so pages must be fetched)
and a robots.txt. A third outlet republishes some articles of the first two under its own address,
with its own furniture and no canonical link: a copy that must be recognised as one.
"""

from __future__ import annotations

import html
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Page:
    doc_id: str
    cluster: str
    headline: str
    paragraphs: list[str]
    published: datetime
    path: str
    original_url: str | None = None  # set on republished copies


@dataclass
class Outlet:
    name: str
    ip: str
    pages: dict[str, Page] = field(default_factory=dict)
    server: ThreadingHTTPServer | None = None
    requests: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://{self.ip}:{self.server.server_address[1]}"

    @property
    def feed_url(self) -> str:
        return f"{self.base}/rss.xml"


def headline_from_slug(slug: str) -> str:
    """"BC-BRITAIN-PINOCHET-1STLD-WRITETHRU-600(2TAKES)-NYT" -> "Britain Pinochet"."""
    slug = re.sub(r"^BC-", "", slug.split(",")[0], flags=re.I)
    parts = [p for p in re.split(r"-", slug) if p and not re.search(r"\d|^(?:NYT|LD|WRITETHRU|ADD|AMP)$", p, re.I)]
    return " ".join(p.capitalize() if p.isupper() else p for p in parts) or "News"


def _published(doc: dict) -> datetime:
    raw = doc.get("date_time_raw") or ""
    try:
        return datetime.strptime(raw, "%m/%d/%Y %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromisoformat(doc["date"]).replace(tzinfo=timezone.utc)


def page_html(outlet: Outlet, page: Page, related: list[Page]) -> str:
    e = html.escape
    paras = "\n".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
    links = "\n".join(f'<li><a href="{r.path}">{e(r.headline)}</a></li>' for r in related)
    canonical = "" if page.original_url else f'<link rel="canonical" href="{outlet.base}{page.path}">'
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(page.headline)} | {e(outlet.name)}</title>
<meta property="og:title" content="{e(page.headline)}"><meta property="og:site_name" content="{e(outlet.name)}">
<meta property="article:published_time" content="{page.published.isoformat()}">{canonical}
</head><body>
<header><div class="logo">{e(outlet.name)}</div><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<main><article>
<h1>{e(page.headline)}</h1>
<p class="byline">By {e(outlet.name)} staff</p><time datetime="{page.published.isoformat()}">{page.published:%B %d, %Y}</time>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email this story</a></div>
<div class="body">
{paras}
</div>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter to get the featured stories in your email every day.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
{links}
</ul></aside></main>
<footer><p>&copy; 1998 {e(outlet.name)}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a> <a href="/contact">Contact us</a></footer>
</body></html>"""


def feed_xml(outlet: Outlet) -> str:
    e = html.escape
    items = []
    for page in sorted(outlet.pages.values(), key=lambda p: p.published, reverse=True):
        summary = page.paragraphs[0] if page.paragraphs else ""
        items.append(f"""<item><title>{e(page.headline)}</title><link>{outlet.base}{page.path}</link>
<guid isPermaLink="true">{outlet.base}{page.path}</guid><pubDate>{format_datetime(page.published)}</pubDate>
<description>{e(summary)}</description></item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{e(outlet.name)}</title><link>{outlet.base}/</link>
<description>Latest news from {e(outlet.name)}</description>
{''.join(items)}
</channel></rss>"""


def _handler(outlet: Outlet, web: "NewsWeb"):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY the body waits for the client's
        # delayed ACK (40 ms on Linux) on every keep-alive request, which real servers do not do.
        disable_nagle_algorithm = True

        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body: str, ctype: str = "text/html; charset=utf-8") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802
            outlet.requests.append(self.path)
            if self.path == "/robots.txt":
                return self._send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
            if self.path == "/rss.xml":
                return self._send(200, feed_xml(outlet), "application/rss+xml; charset=utf-8")
            page = next((p for p in outlet.pages.values() if p.path == self.path), None)
            if page is None:
                return self._send(404, "<html><body><h1>Not found</h1></body></html>")
            siblings = [p for p in outlet.pages.values() if p is not page][:5]
            return self._send(200, page_html(outlet, page, siblings))

    return Handler


class NewsWeb:
    """The outlets and their servers; use as a context manager."""

    def __init__(self, clusters: list[dict], republish_every: int = 4, first_ip: int = 2) -> None:
        self.outlets = {
            "APW": Outlet("Associated Wire", f"127.0.0.{first_ip}"),
            "NYT": Outlet("The Metropolitan Times", f"127.0.0.{first_ip + 1}"),
        }
        self.republisher = Outlet("Daily Digest Online", f"127.0.0.{first_ip + 2}")
        self.gold: dict[str, set[str]] = {}  # page URL path key -> gold cluster labels
        self._clusters = clusters
        self._republish_every = republish_every

    def __enter__(self) -> "NewsWeb":
        for outlet in self.all_outlets:
            outlet.server = ThreadingHTTPServer((outlet.ip, 0), _handler(outlet, self))
            outlet.server.daemon_threads = True
            threading.Thread(target=outlet.server.serve_forever, daemon=True).start()
        seen: dict[str, Page] = {}
        n = 0
        for cluster in self._clusters:
            for doc in cluster["documents"]:
                key = doc["id"]
                if key in seen:  # a document in two clusters: one page, two gold labels
                    self.gold[self.url_of(seen[key])].add(cluster["id"])
                    continue
                outlet = self.outlets.get(doc.get("source"), self.outlets["APW"])
                paragraphs = [p for p in doc["text"].split("\n\n") if p.strip()]
                page = Page(key, cluster["id"], headline_from_slug(doc.get("slug") or ""), paragraphs,
                            _published(doc), f"/news/{key.lower()}.html")
                outlet.pages[key] = page
                seen[key] = page
                self.gold[self.url_of(page)] = {cluster["id"]}
                n += 1
                if self._republish_every and n % self._republish_every == 0:
                    copy = Page(key, cluster["id"], page.headline, paragraphs, page.published,
                                f"/story/{n}-{key.lower()}.html", original_url=self.url_of(page))
                    self.republisher.pages[key] = copy
                    self.gold[self.url_of(copy)] = {cluster["id"]}
        return self

    def __exit__(self, *exc) -> None:
        for outlet in self.all_outlets:
            if outlet.server:
                outlet.server.shutdown()
                outlet.server.server_close()

    @property
    def all_outlets(self) -> list[Outlet]:
        return [*self.outlets.values(), self.republisher]

    def url_of(self, page: Page) -> str:
        outlet = next(o for o in self.all_outlets if o.pages.get(page.doc_id) is page)
        return f"{outlet.base}{page.path}"

    @property
    def feed_urls(self) -> list[str]:
        return [o.feed_url for o in self.all_outlets]

    def write_feed_list(self, path: Path) -> Path:
        path.write_text("\n".join(self.feed_urls) + "\n")
        return path


def load_clusters(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().split("\n") if line.strip()]
