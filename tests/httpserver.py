"""A real HTTP server for tests: threaded ``http.server`` on a loopback address and a random port.

Routes map a path to a handler ``fn(request_handler)``; :func:`respond` builds the usual ones. The
server records every request (path, headers, time) and the most requests it ever had in flight.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler"], None]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802
        owner = self.server.owner
        with owner.lock:
            owner.requests.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
            owner.in_flight += 1
            owner.max_in_flight = max(owner.max_in_flight, owner.in_flight)
        try:
            route = owner.routes.get(self.path) or owner.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = next((r for p, r in owner.routes.items() if p.endswith("*") and self.path.startswith(p[:-1])),
                             respond(404, b"not found", "text/plain"))
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with owner.lock:
                owner.in_flight -= 1

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def pause(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops."""
        self.server.owner.stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "Server"


class Server:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.httpd = _Server((host, 0), Handler)
        self.httpd.owner = self
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def respond(status: int = 200, body: bytes | str = b"", ctype: str | None = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None, delay: float = 0.0) -> Route:
    """A handler that waits ``delay`` seconds, then sends ``status``, ``headers`` and ``body``."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handler(h: Handler) -> None:
        if delay:
            h.pause(delay)
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return handler


def stream(total: int, chunk: int = 65536, ctype: str = "text/html", every: float = 0.0,
           length: bool = False) -> Route:
    """A handler that sends ``total`` bytes of text in chunks, ``every`` seconds apart, then closes."""

    def handler(h: Handler) -> None:
        h.close_connection = True
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.send_header("Connection", "close")
        if length:
            h.send_header("Content-Length", str(total))
        h.end_headers()
        block = (b"<p>news " * (chunk // 8 + 1))[:chunk]
        sent = 0
        while sent < total and not h.server.owner.stopping.is_set():
            piece = block[:min(chunk, total - sent)]
            h.wfile.write(piece)
            h.wfile.flush()
            sent += len(piece)
            if every:
                h.pause(every)

    return handler


def redirect(location: str, status: int = 302) -> Route:
    return respond(status, b"", None, {"Location": location})


ARTICLE = """<!doctype html><html><head><title>{title}</title><meta charset="utf-8"></head><body>
<nav>Home | World | Business</nav>
<article><h1>{title}</h1>
<p>The city council approved a new budget on Monday after a long debate about schools and roads.</p>
<p>Officials said the plan would add funding for repairs and hire more teachers next year.</p>
<p>Residents who attended the meeting said they welcomed the decision but wanted more parks.</p>
</article><footer>Copyright 2026 Example News</footer></body></html>"""


def article(title: str = "Council approves new budget") -> Route:
    return respond(200, ARTICLE.format(title=title))
