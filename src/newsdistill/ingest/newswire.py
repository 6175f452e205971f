"""Newswire SGML, as LDC, TREC, TDT and DUC distribute news: ``<DOC>`` elements, one article each.

A file holds one ``<DOC>`` (DUC's ``APW19981017.0151``) or many (TREC, Gigaword). Each becomes a
record-like document: its id is ``<DOCNO>`` (or the ``id`` attribute), its text the ``<TEXT>``
paragraphs (``<P>`` elements, else lines indented as AP's are), its title ``<HEADLINE>`` or
``<HEAD>``, its date ``<DATE_TIME>``/``<DATE>`` or the date in the id, and its outlet the wire the id
names. The wire's formatting codes (``&QL;``, ``&UR;``, ``&Cx1f;``) and ``<ANNOTATION>`` notes go.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from newsdistill.ingest import InputError, RawDocument
from newsdistill.text import parse_datetime

_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<DOC[\s>]", re.I | re.S)
_OPEN = re.compile(rb"^\s*<DOC[\s>]", re.I)
_CLOSE = re.compile(rb"</DOC>", re.I)
_DOC = re.compile(r"<DOC(\s[^>]*)?>(.*?)(?:</DOC>|\Z)", re.I | re.S)
_ID_ATTR = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""", re.I)
_NOTES = re.compile(r"<ANNOTATION>.*?</ANNOTATION>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_P = re.compile(r"<P(?:\s[^>]*)?>(.*?)(?=</P>|<P[\s>]|\Z)", re.I | re.S)
_INDENT = re.compile(r"\n(?=\t| {2,})")  # AP: each paragraph's first line is indented
_ID_DATE = re.compile(r"(?:^|[^0-9])((?:19|20)\d{6})(?:[^0-9]|$)")
_TREC_AP = re.compile(r"^AP(\d{6})-", re.I)  # AP880212-0001
_WIRE_CODE = re.compile(r"&(?:Cx[0-9a-f]{2}|QL|QC|QR|UR|LR|UL|LL|HT|TAB|NL);", re.I)
_LDC_ENTITIES = {"&AMP;": "&", "&LT;": "<", "&GT;": ">", "&MD;": "\u2014", "&QUOT;": '"', "&APOS;": "'"}
_WIRES = {  # id prefix -> the outlet it stands for
    "APW": "Associated Press", "AP": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua",
    "XIN": "Xinhua", "AFP": "Agence France-Presse", "AFE": "Agence France-Presse", "LTW": "Los Angeles Times",
    "LAT": "Los Angeles Times", "LA": "Los Angeles Times", "WPB": "Washington Post", "WSJ": "Wall Street Journal",
    "FT": "Financial Times", "CNA": "Central News Agency", "UMD": "Agence France-Presse",
    "CNN": "CNN", "ABC": "ABC", "NBC": "NBC", "MNB": "MSNBC", "PRI": "PRI", "VOA": "Voice of America",
}


def is_newswire(head: bytes) -> bool:
    """Whether a file starting with ``head`` is newswire SGML (its first element a ``<DOC>``)."""
    return bool(_START.match(head[:4096].decode("latin-1")))


def split_docs(lines: Iterable[bytes], limit: int) -> Iterator[bytes | None]:
    """A file's ``<DOC>`` elements read a line at a time (a Gigaword month is a gigabyte, an element
    a few kB), as bytes (a chunk may hold several when they share a line); None for an element over
    ``limit`` bytes, which is skipped."""
    chunk: list[bytes] | None = None  # None: between elements
    size = 0
    for line in lines:
        if _OPEN.match(line):
            if chunk:
                yield b"".join(chunk)  # an element left unclosed ends where the next begins
            chunk, size = [], 0
        if chunk is None:
            continue
        chunk.append(line)
        size += len(line)
        if size > limit:
            yield None
            chunk = None
        elif _CLOSE.search(line):
            yield b"".join(chunk)
            chunk = None
    if chunk:
        yield b"".join(chunk)


def newswire_documents(source: str, text: str, first: int = 0) -> list[RawDocument | InputError]:
    """Each ``<DOC>`` element of ``text`` as a record-like document (``index`` counted from
    ``first``), or an error naming it."""
    out: list[RawDocument | InputError] = []
    for index, match in enumerate(_DOC.finditer(text), start=first):
        attrs, body = match.group(1) or "", match.group(2)
        doc_id = _field(body, "DOCNO") or _first(_ID_ATTR.findall(attrs))
        paragraphs = [p for block in _elements(body, "TEXT") for p in _paragraphs(block)]
        if not paragraphs:
            where = f"{source} document {doc_id or '#' + str(index + 1)}"
            out.append(InputError(where, "no <TEXT> in this newswire document"))
            continue
        meta = {
            "id": doc_id,
            "title": _field(body, "HEADLINE") or _field(body, "HEAD") or _field(body, "TITLE"),
            "date": next(filter(None, map(parse_datetime, (_field(body, "DATE_TIME"), _field(body, "DATETIME"),
                                                           _field(body, "DATE"), _id_date(doc_id or "")))), None),
            "outlet": _outlet(doc_id or ""),
        }
        out.append(RawDocument(source=source, kind="record", body="\n\n".join(paragraphs), path=source,
                               index=index, meta={k: v for k, v in meta.items() if v}))
    return out


def _elements(body: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}(?:\s[^>]*)?>(.*?)(?:</{tag}>|\Z)", body, re.I | re.S)


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _clean(value: str) -> str:
    value = _TAG.sub(" ", _NOTES.sub(" ", value))
    value = _WIRE_CODE.sub(" ", value)
    for entity, char in _LDC_ENTITIES.items():
        value = value.replace(entity, char)
    return html.unescape(value)


def _field(body: str, tag: str) -> str | None:
    """The first ``tag`` element's text, whitespace collapsed (None if absent or empty)."""
    found = _elements(body, tag)
    value = " ".join(_clean(found[0]).split()) if found else ""
    return value or None


def _paragraphs(block: str) -> list[str]:
    block = _NOTES.sub("\n", block)
    parts = _P.findall(block) if _P.search(block) else _INDENT.split(block.replace("\r\n", "\n"))
    out = []
    for part in parts:
        for para in re.split(r"\n\s*\n", part):  # a blank line parts paragraphs too
            para = " ".join(_clean(para).split())
            if para:
                out.append(para)
    return out


def _id_date(doc_id: str) -> str | None:
    """The date an LDC id carries: ``APW19981017.0151``, ``APW_ENG_19981017.0151``, ``AP880212-0001``."""
    if m := _ID_DATE.search(doc_id):
        year, month, day = m.group(1)[:4], m.group(1)[4:6], m.group(1)[6:]
    elif m := _TREC_AP.match(doc_id):
        year, month, day = "19" + m.group(1)[:2], m.group(1)[2:4], m.group(1)[4:]
    else:
        return None
    return f"{year}-{month}-{day}" if "01" <= month <= "12" and "01" <= day <= "31" else None


def _outlet(doc_id: str) -> str | None:
    prefix = re.match(r"[A-Za-z]+", doc_id)
    return _WIRES.get(prefix.group(0).upper()) if prefix else None
