"""The main job against hostile feeds: feedparser's whole test suite and misbehaving servers."""

import re

from conftest import dataset, run_cli
from httpserver import redirect, respond, stream


def serve_file(path):
    ctype = "application/json" if path.suffix == ".json" else "application/xml"
    return respond(200, path.read_bytes(), ctype)


def test_every_feedparser_test_feed_in_one_run(http_server, tmp_path):
    root = dataset("feedparser_tests") / "tests"
    files = sorted(p for p in root.rglob("*") if p.is_file())
    feeds = http_server("127.0.0.5")
    urls = []
    for i, path in enumerate(files):
        route = f"/f/{i}{path.suffix}"
        feeds.routes[route] = serve_file(path)
        urls.append(feeds.url(route))
    bad = http_server("127.0.0.6")
    bad.routes["/stall"] = respond(200, b"<rss></rss>", "application/xml", delay=30)
    bad.routes["/huge"] = stream(100 * 1024 * 1024, ctype="application/xml")
    bad.routes["/loop"] = redirect("/loop")
    bad.routes["/error"] = respond(500, b"oops", "text/plain")
    urls += [bad.url(p) for p in ("/stall", "/huge", "/loop", "/error")]
    feed_list = tmp_path / "feeds.txt"
    feed_list.write_text("\n".join(urls) + "\n")

    result = run_cli("run", "--feeds", str(feed_list), "--db", str(tmp_path / "n.db"), "--site",
                     str(tmp_path / "site"), "--timeout", "3", timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if ": feed failed: " in line]
    reasons = {line.rsplit(": feed failed: ", 1)[0].split("newsdistill: ", 1)[1]: line.rsplit(": feed failed: ", 1)[1]
               for line in failed}
    assert re.search(r"timed out", reasons[bad.url("/stall")])
    assert "10 MB" in reasons[bad.url("/huge")]
    assert "redirect" in reasons[bad.url("/loop")]
    assert "500" in reasons[bad.url("/error")]
    assert all(reason.strip() for reason in reasons.values())
    summary = re.search(r"feeds\s*│\s*(\d+) ok \(\d+ unchanged\), (\d+) failed", result.stderr)
    assert summary, result.stderr[-1500:]
    ok, n_failed = int(summary.group(1)), int(summary.group(2))
    assert ok + n_failed == len(urls) and n_failed == len(failed)
    assert ok > 2000  # feedparser reads nearly all of its own test feeds
    health = run_cli("feeds", "--db", str(tmp_path / "n.db"))
    assert health.returncode == 0 and "500" in health.stdout
