"""Digests of whole datasets: every sentence, quote and figure backed by the sources it cites."""

import json

import pytest
from conftest import dataset, run_cli

from newsdistill.cli.digest_cmd import build_digests
from newsdistill.extract import extract
from newsdistill.ingest.files import record_document
from newsdistill.summarize.check import verify

FURNITURE = ("Subscribe", "Newsletter", "Read more", "Sign up", "Share on", "PHOTO:", "(AP) _", "(Reuters) -")


def articles_of(path, lang=None):
    clusters = [json.loads(line) for line in path.read_text().split("\n") if line.strip()]
    out = []
    for c in clusters:
        if lang and c.get("lang") != lang:
            continue
        for i, rec in enumerate(c["documents"]):
            article = extract(record_document(str(path), rec, i, c["id"]))
            if not isinstance(article, Exception):
                out.append(article)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name,lang", [("duc2003_task2", None), ("multiling2011", "english")])
def test_every_digest_is_backed_and_complete(name, lang):
    articles = articles_of(dataset(name) / "clusters.jsonl", lang)
    digests = build_digests(articles, "standard")
    used = {a.id for d in digests for a in d.sources}
    assert used == {a.id for a in articles}  # every input article is a source of some story
    for d in digests:
        assert verify(d, articles) == [], d.story_id
        assert 0 < len(d.headline.split()) <= 20, d.headline
        assert d.lede
        body = [s.text for s in d.lede] + [s.text for sec in d.sections for s in sec.sentences]
        assert sum(len(t.split()) for t in body) <= 250
        for text in body:
            assert not any(f in text for f in FURNITURE), text
            assert not text.split()[0].lower() in ("he", "she", "they", "it", "but", "however"), text


def test_digest_command_on_the_examples_in_every_format(tmp_path):
    md = run_cli("digest", "examples/")
    assert md.returncode == 0, md.stderr
    assert md.stderr == ""
    assert "# Karsholm bridge collapse: 12 injured" in md.stdout and "## Key figures" in md.stdout and "## Sources" in md.stdout
    assert "other reports: 14 [" in md.stdout  # the outlets' 12 against 14 injured
    data = json.loads(run_cli("digest", "--format", "json", "--length", "brief", "examples/").stdout)
    stories = data["stories"]
    assert sum(len(s["sources"]) for s in stories) == 10
    assert set(stories[0]) == {"id", "headline", "published", "updated", "lede", "sections", "key_figures",
                               "quotes", "disagreements", "sources", "note"}
    assert all(src["path"].startswith("examples/") for s in stories for src in s["sources"])
    site = tmp_path / "site"
    html = run_cli("digest", "--format", "html", "-o", str(site), "examples/")
    assert html.returncode == 0 and (site / "index.html").exists()
    assert len(list((site / "story").glob("*.html"))) == len(stories)
    assert run_cli("digest", "--format", "html", "examples/").returncode == 2
    assert run_cli("digest", str(tmp_path / "missing.txt")).returncode == 1


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    lines = (dataset("duc2003_task2") / "clusters.jsonl").read_text().split("\n")[:6]
    sample = tmp_path / "six.jsonl"
    sample.write_text("\n".join(lines) + "\n")
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        for args in (["summarize", "--words", "250"], ["digest", "--format", "json"]):
            out = subprocess.run([sys.executable, "-m", "newsdistill", *args, str(sample)], env=env,
                                 capture_output=True, text=True, timeout=300)
            assert out.returncode == 0, out.stderr
            outputs.add((args[0], out.stdout))
    assert len(outputs) == 2  # one output per command, whatever the seed
