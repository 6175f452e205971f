import json
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from newsdistill.model import Article, Digest, Disagreement, Figure, Quote, Section, Sentence
from newsdistill.publish import digest_to_dict, render_markdown
from newsdistill.publish.html import render_story, write_site

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def _digest(text_extra: str = "") -> Digest:
    t = datetime(2023, 11, 3, 8, 0, tzinfo=timezone.utc)
    a = Article(id="a1", text="x", title="Bridge falls " + text_extra, outlet="Harbor Times",
                url="https://harbor.example/bridge", published=t)
    b = Article(id="b1", text="y", title="Collapse " + text_extra, outlet="City Wire",
                url="javascript:alert(3)", path="wire.txt", published=t)
    return Digest(
        story_id="s/1 x", headline="Bridge collapses in Porto Vela " + text_extra, published=t, updated=t,
        lede=[Sentence(("The bridge fell on Monday. " + text_extra).strip(), "a1", sources=["a1", "b1"])],
        sections=[Section("Rescue " + text_extra, [Sentence("Crews searched all night.", "b1")])],
        key_figures=[Figure("12", "people were injured", ["a1"], [Figure("14", "people were injured", ["b1"])])],
        quotes=[Quote("We will rebuild " + text_extra, "Mayor Ana Ruiz", ["a1", "b1"])],
        disagreements=[Disagreement("people injured", [Sentence("12 were hurt.", "a1"), Sentence("14 were hurt.", "b1")])],
        sources=[a, b], note="Assembled from the sources' own sentences.")


def test_json_shape_matches_the_contract():
    d = digest_to_dict(_digest())
    assert list(d) == ["id", "headline", "published", "updated", "lede", "sections", "key_figures", "quotes",
                       "disagreements", "sources", "note"]
    assert d["lede"] == [{"text": "The bridge fell on Monday.", "sources": ["a1", "b1"]}]
    assert d["sections"][0]["heading"] == "Rescue "
    assert d["key_figures"][0]["conflicts"][0] == {"value": "14", "label": "people were injured",
                                                    "sources": ["b1"], "conflicts": []}
    assert d["sources"][1] == {"id": "b1", "outlet": "City Wire", "title": "Collapse ", "url": "javascript:alert(3)",
                               "path": "wire.txt", "published": "2023-11-03T08:00:00+00:00", "copy_of": None}
    json.dumps(d)


def test_markdown_renders_every_part_with_citations():
    md = render_markdown(_digest())
    for part in ["# Bridge collapses", "## Rescue", "## Key figures", "**12** people were injured [1]",
                 "other reports: 14 [2]", "## Quotes", "— Mayor Ana Ruiz [1][2]", "## Where sources differ",
                 "## Sources", "1. Harbor Times: Bridge falls", "The bridge fell on Monday. [1][2]"]:
        assert part in md, part


def test_html_escapes_article_markup_and_drops_unsafe_links():
    page = render_story(_digest(EVIL))
    assert "<script>" not in page and "onerror=\"alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert 'href="https://harbor.example/bridge"' in page
    assert 'href="#src-1"' in page and 'id="src-2"' in page
    assert "Content-Security-Policy" in page and "script-src" not in page


def test_site_has_index_story_pages_and_valid_atom(tmp_path):
    index = write_site([_digest(EVIL)], tmp_path)
    assert index.exists() and "<script>" not in index.read_text()
    pages = list((tmp_path / "story").glob("*.html"))
    assert [p.name for p in pages] == ["s-1-x.html"]
    assert 'href="story/s-1-x.html"' in index.read_text()
    root = ET.parse(tmp_path / "feed.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = root.find("a:entry", ns)
    assert entry.find("a:title", ns).text.startswith("Bridge collapses in Porto Vela <script>")
    assert not list(tmp_path.rglob("*.tmp"))


def test_digest_json_round_trips():
    from newsdistill.publish.records import digest_from_dict

    d = _digest("x")
    d.copies = {"b1": "a1"}
    again = digest_to_dict(digest_from_dict(digest_to_dict(d)))
    assert again == digest_to_dict(d) and again["sources"][1]["copy_of"] == "a1"


def test_a_paper_running_another_outlets_report_is_no_second_publisher():
    """The Valley Times printing Northwire's report: two sources, one publisher; the copy points
    at its original in Markdown, on the story page and in JSON."""
    from newsdistill.summarize import select_sentences
    from newsdistill.summarize.compose import compose
    from newsdistill.model import Story

    t = datetime(2024, 3, 12, 18, 0, tzinfo=timezone.utc)
    body = ("A pedestrian bridge over the River Aven in Karsholm collapsed on Tuesday evening, sending about 30 "
            "people into the water and injuring 12 of them, city officials said. The 85-metre steel footbridge "
            "gave way at about 5:40 p.m. as commuters crossed it on their way home. Fire chief Tomas Berg said "
            "40 firefighters and four boats took part in the rescue.")
    wire = Article(id="nw", text=body, title="Footbridge collapses in Karsholm", outlet="Northwire", published=t)
    paper = Article(id="vt", text=body + " Copyright 2024 The Valley Times.", title="Bridge collapses",
                    outlet="The Valley Times", published=t.replace(hour=19))
    own = Article(id="kc", text="Fourteen people were hurt when the Aven footbridge fell into the river in central "
                  "Karsholm on Tuesday, the ambulance service told the Courier. Two are in a serious condition.",
                  title="Fourteen hurt as footbridge falls", outlet="The Karsholm Courier", published=t.replace(hour=20))
    d = compose(Story(id="s1", articles=[wire, paper, own]), select_sentences)
    assert d.copies == {"vt": "nw"}
    md = render_markdown(d)
    assert "3 articles from 2 publishers" in md
    assert "2. The Valley Times: Bridge collapses, 12 Mar 2024, a copy of [1]" in md.splitlines()
    page = render_story(d)
    assert 'a copy of <a href="#src-1">[1]</a>' in page and "from 2 publishers" in page
    assert [s["copy_of"] for s in digest_to_dict(d)["sources"]] == [None, "nw", None]


def test_a_long_section_is_split_into_paragraphs_of_about_three_sentences():
    d = _digest()
    d.sections = [Section("Rescue", [Sentence(f"Crews searched area {i} all night.", "b1") for i in range(7)])]
    md = render_markdown(d)
    body = md.split("## Rescue", 1)[1].split("## ", 1)[0]
    assert [p.count("Crews") for p in body.strip().split("\n\n")] == [3, 2, 2]
    page = render_story(d)
    section = page.split("<h2>Rescue</h2>", 1)[1].split("</section>", 1)[0]
    assert section.count("<p>") == 3 and "area 6" in section


def test_sources_from_one_file_of_records_name_their_record():
    t = datetime(1998, 10, 17, tzinfo=timezone.utc)
    arts = [Article(id=f"APW1017.{i}", text="x", outlet="APW", path="news.jsonl", published=t) for i in range(2)]
    d = _digest()
    d.sources = arts + [Article(id="c", text="y", outlet="NYT", path="nyt.txt", published=t)]
    for s in d.lede:
        s.sources = ["APW1017.0"]
    md = render_markdown(d)
    assert "news.jsonl, record APW1017.0" in md and "news.jsonl, record APW1017.1" in md
    assert "nyt.txt, record" not in md and "— nyt.txt" in md
    page = render_story(d)
    assert "news.jsonl, record APW1017.1" in page


def test_a_retired_story_page_sends_readers_on_to_the_story_that_absorbed_it(tmp_path):
    from newsdistill.publish.html import write_redirects

    write_redirects({"s-old": "s<new>"}, tmp_path)
    page = (tmp_path / "story" / "s-old.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=s-new-.html">' in page
    assert '<a href="s-new-.html">' in page and "<new>" not in page
    before = (tmp_path / "story" / "s-old.html").stat().st_mtime_ns
    write_redirects({"s-old": "s<new>"}, tmp_path)  # unchanged pages are not rewritten
    assert (tmp_path / "story" / "s-old.html").stat().st_mtime_ns == before
