import json

from cluster_fixture import fixture_articles
from conftest import run_cli


def write_records(path, articles):
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            rec = {"id": a.id, "title": a.title, "text": a.text, "url": a.url,
                   "date": a.published.isoformat() if a.published else None}
            fh.write(json.dumps(rec) + "\n")


def test_cluster_prints_one_line_per_article(tmp_path):
    articles, gold = fixture_articles(dated=True)
    write_records(tmp_path / "a.jsonl", articles[:6])
    write_records(tmp_path / "b.jsonl", articles[6:])
    proc = run_cli("cluster", "--format", "jsonl", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [set(x) for x in lines] == [{"id", "story"}] * len(articles)
    assert [x["id"] for x in lines] == [a.id for a in articles]
    story = {x["id"]: x["story"] for x in lines}
    for a in articles:
        for b in articles:
            assert (story[a.id] == story[b.id]) == (gold[a.id] == gold[b.id])
    again = run_cli("cluster", str(tmp_path / "b.jsonl"), str(tmp_path / "a.jsonl"))
    assert {json.loads(line)["id"]: json.loads(line)["story"] for line in again.stdout.splitlines()} == story


def test_cluster_bad_input_is_one_line_not_a_traceback(tmp_path):
    good, _ = fixture_articles(dated=False)
    path = tmp_path / "mixed.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "nothing", "text": ""}) + "\n")
        fh.write(json.dumps({"id": "x", "text": good[0].text}) + "\n")
        fh.write(json.dumps({"id": "y", "text": good[0].text}) + "\n")
        fh.write("{not json\n")
    proc = run_cli("cluster", str(path), str(tmp_path / "missing.txt"))
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr and "missing.txt" in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["x", "y"] and lines[0]["story"] == lines[1]["story"]


def test_cluster_without_articles_exits_1(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    proc = run_cli("cluster", str(empty))
    assert proc.returncode == 1 and proc.stdout == ""
    assert run_cli("cluster").returncode == 2
    assert "Example" in run_cli("cluster", "--help").stdout


def test_cluster_reads_stdin_bom_and_utf16_records_and_us_dates(tmp_path):
    """Records piped in ("-"), a UTF-8 file with a byte-order mark, a UTF-16 one (as Windows
    PowerShell writes files), DUC's raw month-first dates: all read, same stories as plain UTF-8."""
    articles, gold = fixture_articles(dated=True)
    lines = [json.dumps({"id": a.id, "text": a.text, "date": a.published.strftime("%m/%d/%Y %H:%M:%S")},
                        ensure_ascii=False) for a in articles]
    body = "\n".join(lines) + "\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (tmp_path / "u16.jsonl").write_bytes(body.encode("utf-16"))
    runs = [run_cli("cluster", "-", input=body),
            run_cli("cluster", str(tmp_path / "bom.jsonl")),
            run_cli("cluster", str(tmp_path / "u16.jsonl"))]
    stories = []
    for proc in runs:
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr
        stories.append({json.loads(x)["id"]: json.loads(x)["story"] for x in proc.stdout.splitlines()})
    assert stories[0] == stories[1] == stories[2] and len(stories[0]) == len(articles)
    for a in articles:
        for b in articles:
            assert (stories[0][a.id] == stories[0][b.id]) == (gold[a.id] == gold[b.id])
    nothing = run_cli("cluster", "-", input="")
    assert nothing.returncode == 1 and nothing.stderr.strip() == "newsdistill: -: nothing was piped in"


def test_records_without_ids_are_told_apart_and_named_by_place(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text('{"text": "Flooding closed the coastal road near Portmere on Monday."}\n'
                    '{"text": "The council of Dunwick approved a new library budget."}\n'
                    '{"text": "two words"}\n', encoding="utf-8")
    proc = run_cli("cluster", str(path))
    ids = [json.loads(x)["id"] for x in proc.stdout.splitlines()]
    assert len(ids) == len(set(ids)) == 2
    assert proc.stderr.strip() == f"newsdistill: {path} record #3: no article text found (fewer than 3 words)"
