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
