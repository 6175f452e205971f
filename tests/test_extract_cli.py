import json

from conftest import run_cli


def test_bad_inputs_each_get_one_line_and_others_still_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Council approves new budget\n\nThe city council approved the budget on Monday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 20)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run_cli("extract", "--format", "jsonl", str(tmp_path / "missing.html"), str(tmp_path / "empty.txt"),
                     str(tmp_path / "binary.html"), str(empty_dir), str(good))
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4, result.stderr
    assert "Traceback" not in result.stderr
    assert any("missing.html" in line and "no such file" in line for line in lines)
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("binary.html" in line and "binary" in line for line in lines)
    assert any("nothing" in line and "no article files" in line for line in lines)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good)]
    assert records[0]["title"] == "Council approves new budget"
    assert records[0]["text"] == "The city council approved the budget on Monday."


def test_exit_status_1_when_no_article_and_2_for_usage(tmp_path):
    assert run_cli("extract", str(tmp_path / "missing.txt")).returncode == 1
    assert run_cli("extract", "--format", "xml", "x").returncode == 2
    assert run_cli("extract").returncode == 2


def test_a_record_keeps_its_own_date_and_never_takes_one_from_its_text(tmp_path):
    text = ("Updated: November 11, 2011 20:09 IST\nThe navy said on Saturday that it had foiled an attack on a "
            "merchant ship in the Gulf of Aden and arrested the pirates on board.")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "undated", "text": text}) + "\n"
                       + json.dumps({"id": "dated", "text": text, "date": "2008-12-13"}) + "\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Navy foils pirate attack\n" + text + "\n", encoding="utf-8")
    result = run_cli("extract", "--format", "jsonl", str(records), str(page))
    out = {r["id"] if r["id"] in ("undated", "dated") else "page": r for r in map(json.loads, result.stdout.splitlines())}
    assert out["undated"]["published"] is None
    assert out["dated"]["published"].startswith("2008-12-13")
    assert out["page"]["published"].startswith("2011-11-11")  # a text page's date line is its date
    assert all(not r["text"].startswith("Updated") for r in out.values())


def test_a_record_date_is_its_first_date_field_that_reads_as_one(tmp_path):
    text = "The navy said on Saturday that it had foiled an attack on a merchant ship in the Gulf of Aden."
    rows = [{"id": "rss", "text": text, "pubDate": "Tue, 10 Jun 2003 04:00:00 GMT"},
            {"id": "epoch", "text": text, "date": "sometime last week", "timestamp": 1700000000},
            {"id": "both", "text": text, "published": "2008-12-13T09:30:00Z", "date": "2001-01-01"},
            {"id": "bad", "text": text, "date": "sometime last week"}]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run_cli("extract", "--format", "jsonl", str(records))
    got = {r["id"]: r["published"] for r in map(json.loads, result.stdout.splitlines())}
    assert got == {"rss": "2003-06-10T04:00:00+00:00", "epoch": "2023-11-14T22:13:20+00:00",
                   "both": "2008-12-13T09:30:00+00:00", "bad": None}
    assert result.stderr.strip().splitlines() == [
        f"newsdistill: {records}: the date of 1 record could not be read; left undated"
        " (first: record 'bad': 'sometime last week')"]


def test_unreadable_record_dates_are_counted_in_one_line_per_file(tmp_path):
    text = "The navy said on Saturday that it had foiled an attack on a merchant ship in the Gulf of Aden."
    records = tmp_path / "records.json"  # one JSON array: the same count as JSON Lines
    records.write_text(json.dumps([{"text": text, "date": "soon"}, {"id": "ok", "text": text, "date": "2008-12-13"}]
                                  + [{"id": f"n{i}", "text": text, "time": "later"} for i in range(3)]))
    result = run_cli("cluster", str(records))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 5  # every article is still clustered
    assert result.stderr.strip().splitlines() == [
        f"newsdistill: {records}: the date of 4 records could not be read; left undated (first: record #1: 'soon')"]


def test_records_with_fields_of_the_wrong_type_or_nested_too_deep_get_one_line_each(tmp_path):
    text = "The council approved the new budget on Monday after a long debate about schools and roads."
    rows = [json.dumps(r) for r in (
        {"id": 5, "text": text, "url": 7, "source": 3},  # a number as id; numbers as url and outlet: none
        {"id": ["x"], "text": text, "title": ["a list"], "language": 5},
        {"id": "n", "text": 12},
        {"id": "ok", "text": text, "date": "2024-05-02", "url": "https://example.org/budget"})]
    rows.insert(2, '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}")
    records = tmp_path / "odd.jsonl"
    records.write_text("\n".join(rows) + "\n")
    result = run_cli("cluster", str(records))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids[0] == "5" and ids[2] == "ok" and len(ids) == 3
    assert result.stderr.strip().splitlines() == [f"newsdistill: {records}:3: not valid JSON (nested too deeply)",
                                                  f"newsdistill: {records}:4: record 'n' has no \"text\" or \"html\""]
    out = [json.loads(line) for line in run_cli("extract", "--format", "jsonl", str(records)).stdout.splitlines()]
    assert [(r["url"], r["outlet"], r["title"], r["language"]) for r in out[:2]] == [(None, None, None, "en")] * 2
