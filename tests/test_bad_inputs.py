"""Bad inputs through the real command: one clear line each on stderr, the rest still read."""

import gzip
import json

from conftest import run_cli
from httpserver import ARTICLE, article, redirect, respond, stream

GOOD_TEXT = "Council approves new budget\n\nThe city council approved the budget on Monday after a long debate.\n"


def page(title: str, paragraphs: list[str], charset: str, meta: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>").encode(charset)


def stderr_lines(result) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip().splitlines()


def test_every_bad_input_gets_one_line_and_the_good_ones_come_out(tmp_path, http_server):
    server = http_server()
    server.routes["/robots.txt"] = respond(200, "User-agent: *\nDisallow: /members/\n", "text/plain")
    server.routes["/news/good"] = article("Bridge reopens after repairs")
    server.routes["/news/slow"] = respond(200, ARTICLE.format(title="Slow"), delay=10)
    server.routes["/loop/*"] = lambda h: redirect(f"/loop/{int(h.path.rsplit('/', 1)[1]) + 1}")(h)
    server.routes["/members/story"] = article()
    server.routes["/news/broken"] = respond(500, "Internal error", "text/plain")
    server.routes["/news/huge"] = stream(100 * 2**20)
    server.routes["/report.pdf"] = respond(200, b"%PDF-1.7\n" + bytes(range(256)) * 4, "application/pdf")
    server.routes["/photo.jpg"] = respond(200, b"\xff\xd8\xff\xe0" + bytes(1000), "image/jpeg")

    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.csv").write_text("a,b\n")
    with open(tmp_path / "big.txt", "wb") as fh:
        fh.write(b"news " * (10 * 2**20))  # 50 MB
    whole = gzip.compress(ARTICLE.format(title="Cut short").encode() * 50)
    (tmp_path / "cut.html.gz").write_bytes(whole[: len(whole) // 2])

    bad = {
        str(tmp_path / "missing.html"): "no such file or folder",
        str(tmp_path / "nothing"): "no article files in this folder",
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "binary.html"): "binary file, not text or HTML",
        str(tmp_path / "big.txt"): "too large for an article (50 MB; the limit is 10 MB)",
        str(tmp_path / "cut.html.gz"): "cannot decompress: Compressed file ended before the end-of-stream marker",
        server.url("/news/slow"): "timed out after 1 s",
        server.url("/news/missing"): "HTTP 404 Not Found",
        server.url("/loop/0"): "too many redirects (more than 5)",
        server.url("/members/story"): "disallowed by robots.txt",
        server.url("/news/broken"): "HTTP 500 Internal Server Error (after 1 retry)",
        server.url("/news/huge"): "larger than 10 MB",
        server.url("/report.pdf"): "not an article page (application/pdf)",
        server.url("/photo.jpg"): "not an article page (image/jpeg)",
    }
    good_url = server.url("/news/good")
    inputs = [*list(bad)[:7], good_url, *list(bad)[7:], str(good)]
    result = run_cli("extract", "--format", "jsonl", "--timeout", "1", "--retries", "1", *inputs, timeout=60)

    assert result.returncode == 0, result.stderr
    lines = stderr_lines(result)
    assert len(lines) == len(bad), result.stderr
    for source, reason in bad.items():
        assert [line for line in lines if line.startswith(f"newsdistill: {source}: {reason}")], (source, lines)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [good_url, str(good)]
    assert records[0]["title"] == "Bridge reopens after repairs" and records[0]["url"] == good_url
    assert records[1]["title"] == "Council approves new budget"
    assert server.paths().count("/news/broken") == 2  # retried once, then reported
    assert server.paths().count("/robots.txt") == 1
    assert "/members/story" not in server.paths()


def test_exit_status_1_when_every_input_is_bad(tmp_path, http_server):
    server = http_server()
    result = run_cli("extract", str(tmp_path / "missing.txt"), server.url("/gone"), "--retries", "0")
    assert result.returncode == 1
    assert stderr_lines(result) == [f"newsdistill: {tmp_path / 'missing.txt'}: no such file or folder",
                                    f"newsdistill: {server.url('/gone')}: HTTP 404 Not Found"]
    assert result.stdout == ""


def test_usage_errors_exit_2():
    for args in (["extract", "--timeout", "0", "x"], ["extract", "--timeout", "soon", "x"], ["extract"]):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr


def test_non_utf8_files_and_pages_are_decoded(tmp_path, http_server):
    french = ["Le président a annoncé jeudi une réforme très attendue des retraites à Genève.",
              "Les syndicats ont réagi avec prudence à cette décision du gouvernement."]
    german = "Die Bürger wählten am Sonntag ein neues Parlament; die Beteiligung war größer als erwartet."
    japanese = ["政府は月曜日に新しい経済対策を発表した。", "専門家によると、景気の回復には時間がかかるという。"]
    chinese = ["政府星期一宣布了新的经济措施。", "专家表示，经济复苏需要时间。"]
    (tmp_path / "latin1.txt").write_bytes(f"Wahl in der Schweiz\n\n{german}\n".encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(f"Réforme des retraites\n\n“{french[0]}” – {french[1]}\n".encode("cp1252"))
    (tmp_path / "sjis.html").write_bytes(page("経済対策", japanese, "shift_jis",
                                              '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))
    (tmp_path / "gb.html").write_bytes(page("经济措施", chinese, "gb2312", '<meta charset="gb2312">'))
    server = http_server()
    server.routes["/fr"] = respond(200, page("Réforme", french, "cp1252", ""), "text/html; charset=windows-1252")
    server.routes["/fr-undeclared"] = respond(200, page("Réforme", french, "latin-1", ""), "text/html")
    names = ["latin1.txt", "cp1252.txt", "sjis.html", "gb.html"]
    result = run_cli("extract", *(str(tmp_path / n) for n in names), server.url("/fr"), server.url("/fr-undeclared"))
    assert result.returncode == 0 and stderr_lines(result) == []
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert len(texts) == 6
    assert german in texts[0]
    assert french[0] in texts[1] and "“" in texts[1] and "–" in texts[1]
    assert all(sentence in texts[2] for sentence in japanese)
    assert all(sentence in texts[3] for sentence in chinese)
    assert all(french[0] in text for text in texts[4:])


def test_endless_title_author_and_outlet_are_cut_to_one_short_line(tmp_path, http_server):
    words = " ".join(f"word{i}" for i in range(20_000))  # a 100,000-character <title>
    paragraphs = ["The city council approved the budget on Monday after a long debate in the chamber.",
                  "Members said the plan would fund new schools and repair several bridges next year."]
    server = http_server()
    server.routes["/long-title"] = respond(200, page(words, paragraphs, "utf-8", ""), "text/html")
    record = {"id": "r1", "text": paragraphs[0], "title": "Budget\napproved  by council",
              "author": "Jane Doe " * 100, "source": "x" * 500}
    (tmp_path / "records.jsonl").write_text(json.dumps(record) + "\n")
    result = run_cli("extract", server.url("/long-title"), str(tmp_path / "records.jsonl"))
    assert result.returncode == 0 and stderr_lines(result) == []
    page_out, record_out = (json.loads(line) for line in result.stdout.splitlines())
    assert page_out["title"].startswith("word0 word1 word2 ") and page_out["title"].endswith("…")
    assert len(page_out["title"]) <= 300 and page_out["title"][:-1].split()[-1] in words.split()
    assert paragraphs[0] in page_out["text"]
    assert record_out["title"] == "Budget approved by council"
    assert len(record_out["author"]) <= 200 and record_out["author"].startswith("Jane Doe Jane Doe")
    assert record_out["outlet"] == "x" * 99 + "…"


def test_a_folders_broken_link_and_fifo_get_a_line_each_and_do_not_block(tmp_path):
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT)
    (folder / "gone.html").symlink_to(tmp_path / "deleted.html")
    os.mkfifo(folder / "pipe.txt")  # opening it would wait for a writer forever
    (folder / "notes.bin").symlink_to(tmp_path / "nowhere")  # not an article name: not looked at
    result = run_cli("extract", str(folder), timeout=60)
    assert result.returncode == 0
    assert stderr_lines(result) == [
        f"newsdistill: {folder / 'gone.html'}: broken link (to {tmp_path / 'deleted.html'})",
        f"newsdistill: {folder / 'pipe.txt'}: not a regular file"]
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["Council approves new budget"]
