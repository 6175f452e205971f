"""Fetch throughput on a local news web: pages per second of ``ingest.http.fetch_all``.

Starts HOSTS real HTTP servers on loopback addresses (127.0.0.2, 127.0.0.3, ...), each answering
article pages after LATENCY seconds (a distant server), then fetches PAGES pages spread over them
with the polite fetcher (robots.txt, at most 2 at once per host), and, in the same run, one page
after another with a plain ``httpx.Client`` (no robots, no limits) as the baseline. Prints a
Markdown table of medians over ROUNDS alternating rounds.

    .venv/bin/python benchmarks/fetch_throughput.py [--hosts 10] [--pages 200] [--latency 0.05] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from httpserver import ARTICLE, Server, respond  # noqa: E402

from newsdistill.ingest import RawDocument  # noqa: E402
from newsdistill.ingest.http import fetch_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    servers = [Server(f"127.0.0.{i + 2}") for i in range(args.hosts)]
    for server in servers:
        server.routes["/robots.txt"] = respond(200, "User-agent: *\nAllow: /\n", "text/plain")
        server.routes["/news/*"] = respond(200, ARTICLE.format(title="Council approves new budget"),
                                           delay=args.latency)
    try:
        urls = [servers[i % args.hosts].url(f"/news/{i}") for i in range(args.pages)]
        polite, plain = [], []
        for _ in range(args.rounds):
            polite.append(timed(lambda: sum(isinstance(d, RawDocument) for _, d in fetch_all(urls)), len(urls)))
            plain.append(timed(lambda: sequential(urls), len(urls)))
    finally:
        for server in servers:
            server.stop()
    fast, slow = statistics.median(polite), statistics.median(plain)
    print(f"{args.pages} pages on {args.hosts} loopback hosts answering after {args.latency * 1000:.0f} ms; "
          f"median of {args.rounds} alternating rounds\n")
    print("| fetcher | pages/s | vs sequential |\n| --- | ---: | ---: |")
    print(f"| newsdistill fetch_all (robots, 2 per host, 16 in all) | {fast:.0f} | {fast / slow:.1f}x |")
    print(f"| httpx.Client, one page after another | {slow:.0f} | 1.0x |")


def timed(job, expected: int) -> float:
    started = time.perf_counter()
    got = job()
    if got != expected:
        raise SystemExit(f"fetched {got} of {expected} pages")
    return expected / (time.perf_counter() - started)


def sequential(urls: list[str]) -> int:
    with httpx.Client() as client:
        return sum(client.get(url).status_code == 200 for url in urls)


if __name__ == "__main__":
    main()
