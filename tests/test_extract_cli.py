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
