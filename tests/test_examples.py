"""The bundled examples: every file comes out as one clean article with its title, outlet and date."""

import json
import re

import pytest

from conftest import ROOT, run_cli
from newsdistill.extract.plaintext import is_furniture

EXAMPLES = ROOT / "examples"

# file: (title, outlet or None when the page does not state one, date, author)
EXPECTED = {
    "northwire-footbridge-collapse.html": (
        "Footbridge collapses into River Aven in Karsholm, 12 injured", "Northwire", "2024-03-12", "Mara Lindqvist"),
    "karsholm-courier-footbridge.txt": (
        "Fourteen hurt as Aven footbridge collapses during rush hour", "The Karsholm Courier", "2024-03-12",
        "Jonas Ekberg"),
    "daily-blaze-footbridge.html": (
        "'It just dropped': Terror as bridge packed with commuters plunges into river - 14 hurt", "The Daily Blaze",
        "2024-03-12", "Danny Cole"),
    "coastal-broadcasting-footbridge.txt": (
        "Karsholm bridge collapse: 12 injured as footbridge falls into River Aven", "Coastal Broadcasting",
        "2024-03-12", None),
    "valley-times-footbridge-wire.html": (
        "Footbridge collapses into river in Karsholm, 12 injured", "The Valley Times", "2024-03-12", "Mara Lindqvist"),
    "bridgewatch-blog-footbridge.txt": (
        "What we know about the Aven footbridge failure", "BridgeWatch", "2024-03-13", "Ingrid Dahl"),
    "karsholm-courier-inquiry.html": (
        "Prosecutors open inquiry into Aven footbridge collapse", "The Karsholm Courier", "2024-03-13", "Jonas Ekberg"),
    "northwire-brennport-strike.html": (
        "Brennport dock workers start 48-hour strike over pay", "Northwire", "2024-03-14", "Henrik Sola"),
    "harbour-daily-brennport-strike.txt": (
        "Strike shuts Brennport terminals as 1,500 dockers walk out", "Harbour Daily", "2024-03-14", "Sofie Brandt"),
    "ostvik-post-brennport-diversions.txt": (
        "Ships diverted to Ostvik as Brennport strike bites", "Ostvik Post", "2024-03-15", "Sofia Lindahl"),
}

# Furniture the example pages carry on purpose; none of it may reach an article's text.
FURNITURE = re.compile(
    r"Share on|Sign up|Sign in|Subscribe|newsletter|featured stories|Related|Most read|Most popular|More from|"
    r"Read more|Reporting by|Editing by|ADVERTISEMENT|Advertisement|©|Copyright|All rights reserved|comments|"
    r"To participate|Image caption|Image source|PHOTO:|Photo by|Unsplash|Skip to|Leave a comment|Tags:|"
    r"Follow |is a reporter covering|cookies|Поделиться|Live TV|Posted on|min read|Published|Updated|"
    r"Business Reporter|\(Northwire\)|(?-i:TERROR ON THE RIVER|KARSHOLM|BRENNPORT|^Home$)",
    re.I | re.M,
)


@pytest.fixture(scope="module")
def records():
    result = run_cli("extract", "--format", "jsonl", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in result.stdout.splitlines()}


def test_every_example_file_is_one_article(records):
    assert sorted(records) == sorted(EXPECTED) == sorted(p.name for p in EXAMPLES.iterdir() if p.is_file())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_metadata(records, name):
    title, outlet, day, author = EXPECTED[name]
    record = records[name]
    assert record["title"] == title
    assert record["outlet"] == outlet
    assert record["published"][:10] == day
    assert record["author"] == author
    assert record["language"] == "en"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_text_has_no_furniture(records, name):
    paragraphs = records[name]["text"].split("\n\n")
    assert len(paragraphs) >= 4
    assert not [p for p in paragraphs if is_furniture(p)]
    assert not FURNITURE.search(records[name]["text"]), FURNITURE.search(records[name]["text"])
    assert records[name]["title"] not in records[name]["text"]


def test_examples_carry_what_a_digest_needs(records):
    bridge = [r for name, r in records.items() if "footbridge" in name]
    strike = [r for name, r in records.items() if "brennport" in name]
    assert len(bridge) >= 6 and 2 <= len(strike) <= 3
    texts = " ".join(r["text"] for r in bridge)
    assert "injuring 12" in texts and "Fourteen people were injured" in texts  # outlets disagree
    assert '"This should never have happened, and we will find out why," Mayor Helga Strand' in texts
    wire = records["northwire-footbridge-collapse.html"]["text"].split("\n\n")
    copy = records["valley-times-footbridge-wire.html"]["text"].split("\n\n")
    assert len(set(wire) & set(copy)) >= 4  # the wire copy republished nearly verbatim
