import gzip
import json

from conftest import run_cli

from newsdistill.ingest.newswire import split_docs

# As TDT and DUC ship AP copy: one document per file, no suffix, paragraphs by indentation.
DUC_AP = """
<DOC>
<DOCNO> APW19981017.0151 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>
<HEADER>
w2985 &Cx1f; wstm-
r i &Cx13;  &Cx11;  BC-Britain-Pinochet     10-17 0337
</HEADER>
<BODY>
<SLUG> BC-Britain-Pinochet </SLUG>
<HEADLINE> Lawmaker backs Spanish request to question Pinochet </HEADLINE>
<TEXT>
\t   LONDON (AP) _ An influential lawmaker from the governing Labor
Party on Saturday backed Spanish requests to question former
Chilean dictator Gen. Augusto Pinochet, in London for back surgery.
\t   ``Clearly, the Spanish authorities have every right to investigate
these matters further,'' said Ann Clwyd &AMP; her committee.
<ANNOTATION> Editors: note the spelling </ANNOTATION>
</TEXT>
</BODY>
<TRAILER>
AP-NY-10-17-98 0550EDT
</TRAILER>
</DOC>
"""

# As the NYT service reads in the same sets: <P> paragraphs, wire layout codes inside them.
DUC_NYT = """<DOC>
<DOCNO> NYT19981202.0309 </DOCNO>
<DATE_TIME> 1998-12-02 18:31 </DATE_TIME>
<BODY>
<TEXT>
<P>
   BEIJING _ Chinese officials broke their silence Wednesday to defend
their arrest of a prominent dissident. &UR;  &LR;  U.S. officials urged
his release.
</P>
<P>
   The arrest set off protests from human rights groups.
</P>
</TEXT>
</BODY>
</DOC>
"""

# Gigaword-style: many documents in one compressed file, the id as an attribute, one without text.
GIGAWORD = """<DOC id="AFP_ENG_19981103.0012" type="story" >
<HEADLINE>
Storm kills dozens in Honduras
</HEADLINE>
<DATELINE>
TEGUCIGALPA, Nov 3 (AFP)
</DATELINE>
<TEXT>
<P>
Hurricane Mitch killed dozens of people in Honduras on Tuesday as rivers burst their banks.
</P>
<P>
Rescue teams reached the northern coast by boat.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ENG_19981103.0013" type="advis" >
<HEADLINE>Advisory</HEADLINE>
</DOC>
<DOC id="AFP_ENG_19981104.0001" type="story" ><HEADLINE>Aid arrives</HEADLINE><TEXT><P>The first aid flights for the people Hurricane Mitch left homeless in Honduras landed on Wednesday, as the rivers that burst their banks fell.</P></TEXT></DOC>
"""

# TREC's AP: the date only in the id (its <DATE> names no date), <HEAD> for the headline.
TREC_AP = """<DOC>
<DOCNO> AP880212-0001 </DOCNO>
<DATE> Home Edition </DATE>
<HEAD>Reports Say Reagan Will Meet Gorbachev</HEAD>
<TEXT>
   Officials said Friday that the two leaders would meet in the spring to sign the treaty.
</TEXT>
</DOC>
"""


def records(result) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}


def test_newswire_files_in_a_folder_are_read_whatever_their_names(tmp_path):
    (tmp_path / "d30003t").mkdir()
    (tmp_path / "d30003t" / "APW19981017.0151").write_text(DUC_AP)
    (tmp_path / "NYT19981202.0309").write_text(DUC_NYT)
    (tmp_path / "photo.0151").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # no suffix we read, not <DOC>
    result = run_cli("extract", "--format", "jsonl", str(tmp_path))
    assert result.returncode == 0 and result.stderr == ""
    got = records(result)
    assert set(got) == {"APW19981017.0151", "NYT19981202.0309"}
    ap = got["APW19981017.0151"]
    assert ap["title"] == "Lawmaker backs Spanish request to question Pinochet"
    assert ap["published"] == "1998-10-17T05:50:00+00:00"
    assert ap["outlet"] == "Associated Press" and ap["dateline"] == "LONDON"
    assert ap["text"].split("\n\n") == [
        "An influential lawmaker from the governing Labor Party on Saturday backed Spanish requests to question "
        "former Chilean dictator Gen. Augusto Pinochet, in London for back surgery.",
        "``Clearly, the Spanish authorities have every right to investigate these matters further,'' said "
        "Ann Clwyd & her committee."]
    nyt = got["NYT19981202.0309"]
    assert nyt["outlet"] == "New York Times" and nyt["published"].startswith("1998-12-02T18:31")
    assert nyt["text"] == ("Chinese officials broke their silence Wednesday to defend their arrest of a prominent "
                           "dissident. U.S. officials urged his release.\n\n"
                           "The arrest set off protests from human rights groups.")
    assert "&" not in nyt["text"] and "Editors" not in ap["text"] and "BC-Britain" not in ap["text"]


def test_a_file_of_many_documents_gives_each_and_names_the_one_without_text(tmp_path):
    path = tmp_path / "afp_eng_199811.sgml.gz"
    path.write_bytes(gzip.compress(GIGAWORD.encode()))
    trec = tmp_path / "ap880212"
    trec.write_text(TREC_AP)
    result = run_cli("extract", "--format", "jsonl", str(path), str(trec))
    assert result.returncode == 0
    assert result.stderr.strip().splitlines() == [
        f"newsdistill: {path} document AFP_ENG_19981103.0013: no <TEXT> in this newswire document"]
    got = records(result)
    assert list(got) == ["AFP_ENG_19981103.0012", "AFP_ENG_19981104.0001", "AP880212-0001"]
    assert got["AFP_ENG_19981103.0012"]["title"] == "Storm kills dozens in Honduras"
    assert got["AFP_ENG_19981103.0012"]["published"].startswith("1998-11-03")
    assert got["AFP_ENG_19981103.0012"]["outlet"] == "Agence France-Presse"
    assert got["AFP_ENG_19981104.0001"]["text"].startswith("The first aid flights for the people Hurricane Mitch")
    assert got["AP880212-0001"]["published"].startswith("1988-02-12")
    assert got["AP880212-0001"]["title"] == "Reports Say Reagan Will Meet Gorbachev"


def test_newswire_piped_in_is_read_and_clustered(tmp_path):
    result = run_cli("cluster", "-", input=DUC_AP + DUC_NYT + GIGAWORD)
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["APW19981017.0151", "NYT19981202.0309", "AFP_ENG_19981103.0012",
                                        "AFP_ENG_19981104.0001"]
    stories = {r["id"]: r["story"] for r in lines}
    assert stories["AFP_ENG_19981103.0012"] == stories["AFP_ENG_19981104.0001"]  # Mitch, a day apart
    assert len({stories["APW19981017.0151"], stories["NYT19981202.0309"], stories["AFP_ENG_19981103.0012"]}) == 3
    assert "AFP_ENG_19981103.0013" in result.stderr and "Traceback" not in result.stderr


def test_an_element_over_the_limit_is_skipped_and_the_rest_read():
    lines = [b"<DOC>\n", b"<TEXT>" + b"x" * 100 + b"</TEXT>\n", b"</DOC>\n", b"junk between\n",
             b"<DOC><TEXT>short</TEXT></DOC>\n", b"<DOC>\n", b"<TEXT>unclosed</TEXT>\n"]
    assert list(split_docs(lines, limit=50)) == [None, b"<DOC><TEXT>short</TEXT></DOC>\n",
                                                  b"<DOC>\n<TEXT>unclosed</TEXT>\n"]
