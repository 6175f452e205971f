"""`newsdistill summarize` through the real command line: the JSONL contract and bad input."""

from __future__ import annotations

import itertools
import json

from conftest import dataset, run_cli
from summarize_fixtures import STORM


def write_jsonl(path, values) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        for v in values:
            fh.write((v if isinstance(v, str) else json.dumps(v)) + "\n")
    return str(path)


def test_jsonl_contract_on_duc_clusters(tmp_path):
    with open(dataset("duc2003_task2") / "clusters.jsonl", encoding="utf-8") as fh:
        clusters = [json.loads(line) for line in itertools.islice(fh, 4)]
    path = write_jsonl(tmp_path / "in.jsonl", clusters)
    res = run_cli("summarize", "--words", "60", path)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""
    lines = res.stdout.splitlines()
    assert len(lines) == 4
    for cluster, line in zip(clusters, lines):
        rec = json.loads(line)
        assert list(rec) == ["id", "summary", "sentences"]
        assert rec["id"] == cluster["id"]
        assert 0 < len(rec["summary"].split()) <= 60
        assert rec["summary"] == " ".join(s["text"] for s in rec["sentences"])
        doc_ids = {d["id"] for d in cluster["documents"]}
        for s in rec["sentences"]:
            assert list(s) == ["text", "sources"]
            assert s["sources"] and set(s["sources"]) <= doc_ids
            assert len(s["sources"]) == len(set(s["sources"]))


def test_default_budget_and_shared_sentence_sources(tmp_path):
    path = write_jsonl(tmp_path / "storm.jsonl", [{"id": 7, "documents": STORM}])
    res = run_cli("summarize", path)
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout)
    assert rec["id"] == 7
    assert len(rec["summary"].split()) <= 100
    landfall = next(s for s in rec["sentences"] if s["text"].startswith("Hurricane Delia struck"))
    assert landfall["sources"] == ["wire-1", "paper-2", "site-3"]


def test_a_byte_budget_is_kept_in_utf8_bytes_with_the_spaces_between_sentences(tmp_path):
    docs = [dict(d, text=d["text"].replace("Delia", "Délia")) for d in STORM]  # two bytes for "é"
    path = write_jsonl(tmp_path / "storm.jsonl", [{"id": 7, "documents": docs}])
    res = run_cli("summarize", "--bytes", "200", path)
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout)
    assert rec["sentences"] and 100 < len(rec["summary"].encode("utf-8")) <= 200
    assert rec["summary"] == " ".join(s["text"] for s in rec["sentences"])


def test_markdown_and_json_formats(tmp_path):
    path = write_jsonl(tmp_path / "storm.jsonl", [{"id": "storm", "documents": STORM},
                                                  {"id": "storm-2", "documents": STORM[2:]}])
    md = run_cli("summarize", "--format", "md", "--words", "50", path)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("## storm\n") and "## storm-2" in md.stdout
    assert "(wire-1, paper-2, site-3)" in md.stdout
    js = run_cli("summarize", "--format", "json", path)
    data = json.loads(js.stdout)
    assert [d["id"] for d in data] == ["storm", "storm-2"]


def test_bad_input_is_reported_per_cluster_and_the_rest_summarised(tmp_path):
    with open(dataset("duc2003_task2") / "clusters.jsonl", encoding="utf-8") as fh:
        docs = list({d["id"]: d for line in fh for d in json.loads(line)["documents"]}.values())[:200]
    with open(dataset("multiling2011") / "clusters.jsonl", encoding="utf-8") as fh:
        greek = next(c for c in map(json.loads, fh) if c["lang"] == "greek")
    values = [
        {"id": "good", "documents": STORM},
        "{this is not json",
        {"id": "empty", "documents": []},
        {"id": "single", "documents": STORM[:1]},
        {"id": "blank", "documents": [{"id": "b1", "text": ""}, {"id": "b2", "text": "   "}]},
        {"id": "no-text-field", "documents": [{"id": "x1", "title": "Only a title"}]},
        {"id": "big", "documents": docs},
        {"id": "dupes", "documents": STORM[:2] + [STORM[1]]},
        {"id": "greek", "documents": greek["documents"]},
        ["not", "a", "cluster"],
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", values)
    res = run_cli("summarize", path)
    assert res.returncode == 0
    assert "Traceback" not in res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in out] == ["good", "single", "big", "dupes", "greek"]
    for r in out:
        assert 0 < len(r["summary"].split()) <= 100
    errors = res.stderr.splitlines()
    assert all(e.startswith("newsdistill: ") for e in errors)
    assert any("mixed.jsonl:2" in e and "not valid JSON" in e for e in errors)
    assert any("cluster empty" in e and "no documents" in e for e in errors)
    assert any("cluster blank" in e for e in errors)
    assert any("cluster no-text-field" in e and "no \"text\"" in e for e in errors)
    assert any("cluster dupes" in e and "appears twice" in e for e in errors)
    assert any("mixed.jsonl:10" in e and "not a cluster" in e for e in errors)
    assert not any("cluster good" in e or "cluster big" in e or "cluster greek" in e for e in errors)
    big = next(r for r in out if r["id"] == "big")
    assert {s for sent in big["sentences"] for s in sent["sources"]} <= {d["id"] for d in docs}


def test_nothing_to_summarise_exits_1(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", ["nope", {"id": "e", "documents": []}])
    res = run_cli("summarize", path)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and len(res.stderr.splitlines()) == 2
    missing = run_cli("summarize", str(tmp_path / "missing.jsonl"))
    assert missing.returncode == 1
    assert "missing.jsonl" in missing.stderr and "Traceback" not in missing.stderr


def test_help_explains_with_example():
    res = run_cli("summarize", "--help")
    assert res.returncode == 0
    assert "Example: newsdistill summarize" in res.stdout and "--words" in res.stdout


def test_usage_error_exits_2(tmp_path):
    path = write_jsonl(tmp_path / "storm.jsonl", [{"id": "s", "documents": STORM}])
    assert run_cli("summarize", "--words", "0", path).returncode == 2
    assert run_cli("summarize", "--format", "xml", path).returncode == 2


def test_same_input_same_output_whatever_the_hash_seed(tmp_path):
    with open(dataset("duc2003_task2") / "clusters.jsonl", encoding="utf-8") as fh:
        clusters = [json.loads(line) for line in itertools.islice(fh, 6)]
    path = write_jsonl(tmp_path / "in.jsonl", clusters)
    import os
    import subprocess
    import sys

    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-m", "newsdistill", "summarize", path], capture_output=True,
                             text=True, env=env, timeout=120)
        assert res.returncode == 0, res.stderr
        outs.add(res.stdout)
    assert len(outs) == 1
