"""Read local inputs: HTML pages (also gzipped), plain text/Markdown, JSON/JSONL records, newswire SGML,
folders."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsdistill.ingest import InputError, RawDocument, read_json
from newsdistill.ingest.decoding import decode, is_binary, looks_like_html
from newsdistill.ingest.newswire import is_newswire, newswire_documents, split_docs
from newsdistill.text import parse_datetime

MAX_FILE_BYTES = 10 * 1024 * 1024  # a page or text file larger than this is not an article
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".txt.gz", ".md.gz")
RECORD_SUFFIXES = (".jsonl", ".json", ".jsonl.gz", ".json.gz", ".ndjson")
NEWSWIRE_SUFFIXES = (".sgml", ".sgm", ".sgml.gz", ".sgm.gz")  # and any file that starts with <DOC>
ARTICLE_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + RECORD_SUFFIXES + NEWSWIRE_SUFFIXES
STDIN = "-"  # the input that names standard input

def expand(source: str) -> list[str] | InputError:
    """The files an input names: itself, or a folder's article files (recursively, sorted)."""
    path = Path(source)
    if path.is_dir():
        # An article-named entry that is no regular file (a broken link, a FIFO) is listed, for
        # read_file to say so; a file without an article suffix is looked into only if regular.
        found = sorted(
            str(p) for p in path.rglob("*")
            if not any(part.startswith(".") for part in p.relative_to(path).parts) and not p.is_dir()
            and (p.name.lower().endswith(ARTICLE_SUFFIXES) or (p.is_file() and _starts_as_newswire(str(p))))
        )
        return found or InputError(source, "no article files in this folder "
                                           f"(looked for {', '.join(s for s in ARTICLE_SUFFIXES if '.gz' not in s)})")
    if not path.exists():
        return InputError(source, "no such file or folder")
    if not path.is_file():
        return InputError(source, "not a regular file")
    return [source]


def read_file(source: str) -> Iterator[RawDocument | InputError]:
    """Documents in one local file; errors are yielded, never raised."""
    unreadable = _not_regular(source)
    if unreadable:
        yield InputError(source, unreadable)
        return
    name = source.lower()
    try:
        if name.endswith(RECORD_SUFFIXES):
            yield from _read_records(source)
            return
        if name.endswith(NEWSWIRE_SUFFIXES) or (not name.endswith(HTML_SUFFIXES + TEXT_SUFFIXES)
                                                and _starts_as_newswire(source)):
            yield from _read_newswire(source)  # any size: read an element at a time
            return
        data = _read_bytes(source)
        if is_newswire(data):  # a page or text file that is newswire after all
            yield from newswire_stream(source, data.splitlines(keepends=True))
            return
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")
        return
    kind = "html" if name.endswith(HTML_SUFFIXES) or looks_like_html(data) else "text"
    text = decode(data, html=kind == "html")
    if not text.strip():
        yield InputError(source, "no text in this file")
        return
    yield RawDocument(source=source, kind=kind, body=text, path=source)


def _not_regular(source: str) -> str | None:
    """Why ``source`` cannot be read as a file without blocking (a FIFO would wait for a writer),
    or None for a regular file (or one that is not there: opening it says so)."""
    path = Path(source)
    try:
        if path.is_symlink() and not path.exists():
            return f"broken link (to {os.readlink(source)})"
        if path.exists() and not path.is_file():
            return "not a regular file"
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    return None


def _open(source: str) -> BinaryIO:
    return gzip.open(source, "rb") if source.lower().endswith(".gz") else open(source, "rb")


def _starts_as_newswire(source: str) -> bool:
    """Whether the file's first element is a ``<DOC>`` (LDC, TREC, TDT and DUC news)."""
    try:
        with _open(source) as fh:
            return is_newswire(fh.read(4096))
    except (OSError, EOFError):
        return False


def _read_newswire(source: str) -> Iterator[RawDocument | InputError]:
    try:
        with _open(source) as fh:
            yield from newswire_stream(source, fh)
    except (OSError, EOFError) as err:
        yield InputError(source, f"cannot read: {getattr(err, 'strerror', None) or err}")


def newswire_stream(source: str, lines: Iterable[bytes]) -> Iterator[RawDocument | InputError]:
    """Each ``<DOC>`` of newswire read a line at a time (a file or a pipe of any size)."""
    count = 0
    too_large = f"too large for an article (over {MAX_FILE_BYTES // 2**20} MB)"
    for chunk in split_docs(lines, MAX_FILE_BYTES):
        docs = ([InputError(f"{source} document #{count + 1}", too_large)] if chunk is None
                else newswire_documents(source, decode(chunk), count))
        count += len(docs)
        yield from docs
    if not count:
        yield InputError(source, "no <DOC> element with text in this newswire input")


def _read_bytes(source: str) -> bytes:
    size = os.path.getsize(source)
    with _open(source) as fh:
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError) as err:  # broken gzip
            raise InputError(source, f"cannot decompress: {err}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, f"too large for an article ({max(size, len(data)) / 2**20:.0f} MB; "
                                 f"the limit is {MAX_FILE_BYTES // 2**20} MB)")
    if not data.strip():
        raise InputError(source, "empty file")
    if is_binary(data):
        raise InputError(source, "binary file, not text or HTML")
    return data


def _read_records(source: str) -> Iterator[RawDocument | InputError]:
    opener = gzip.open if source.lower().endswith(".gz") else open
    try:
        with opener(source, "rb") as raw:
            head = raw.read(2)
        utf16 = head in (b"\xff\xfe", b"\xfe\xff")  # as Windows PowerShell writes files
        with opener(source, "rt", encoding="utf-16" if utf16 else "utf-8-sig", errors="replace") as fh:
            yield from records_in(source, fh, whole=source.lower().endswith((".json", ".json.gz")))
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")
    except EOFError as err:  # truncated .gz
        yield InputError(source, f"cannot decompress: {err}")


def records_in(source: str, lines: Iterable[str], whole: bool) -> Iterator[RawDocument | InputError]:
    """Article records in JSON text: one JSON value (``whole``), or JSON Lines. Records whose date
    could not be read are counted in one line at the end (they are left undated)."""
    unread, first = 0, ""
    for item in _records_in(source, lines, whole):
        if isinstance(item, RawDocument) and item.kind == "record" and "date_unread" in item.meta:
            if not unread:
                name = repr(item.meta["id"]) if "id" in item.meta else f"#{item.index + 1}"
                first = f"record {name}: {str(item.meta['date_unread'])[:60]!r}"
            unread += 1
        yield item
    if unread:
        yield InputError(source, f"the date of {unread} record{'s' if unread > 1 else ''} could not be read;"
                                 f" left undated (first: {first})")


def _records_in(source: str, lines: Iterable[str], whole: bool) -> Iterator[RawDocument | InputError]:
    if whole:
        try:
            data = read_json("".join(lines))
        except json.JSONDecodeError as err:
            yield InputError(source, f"not valid JSON ({err.msg} at line {err.lineno})")
            return
        yield from _records_from(source, data if isinstance(data, list) else [data], lines=None)
        return
    found, count = False, [0]  # records so far: an id-less record is known by its place
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = read_json(line)
        except json.JSONDecodeError as err:
            yield InputError(f"{source}:{lineno}", f"not valid JSON ({err.msg})")
            continue
        for item in _records_from(source, [value], lines=lineno, count=count):
            found = found or isinstance(item, RawDocument)
            yield item
    if not found:
        yield InputError(source, "no article records in this file")


def read_stdin(stream: BinaryIO | None = None) -> Iterator[RawDocument | InputError]:
    """The documents piped in (input ``-``): JSON Lines records and newswire SGML are read as they
    come, whatever the length; one JSON value, an HTML page or plain text whole (200 MB at most)."""
    stream = stream or sys.stdin.buffer
    head = stream.read(STDIN_HEAD)
    if is_binary(head):
        yield InputError(STDIN, "binary data, not text or HTML")
        return
    if is_newswire(head):
        yield from newswire_stream(STDIN, _chained_lines(head, stream))
        return
    if _starts_json_lines(head):
        lines = (line.decode("utf-8", errors="replace") for line in _chained_lines(head.removeprefix(BOM), stream))
        yield from records_in(STDIN, lines, whole=False)
        return
    data = head + stream.read(MAX_FILE_BYTES * 20 + 1 - len(head))
    if len(data) > MAX_FILE_BYTES * 20:
        yield InputError(STDIN, f"too large ({MAX_FILE_BYTES * 20 // 2**20} MB at most, but JSON Lines and "
                                "newswire of any length; or give a file)")
        return
    if not data.strip():
        yield InputError(STDIN, "nothing was piped in")
        return
    text = decode(data, html=looks_like_html(data))
    if text.lstrip().startswith(("{", "[")):
        try:
            read_json(text)
        except json.JSONDecodeError:
            yield from records_in(STDIN, io.StringIO(text), whole=False)
            return
        yield from records_in(STDIN, [text], whole=True)
        return
    kind = "html" if looks_like_html(data) else "text"
    yield RawDocument(source=STDIN, kind=kind, body=text)


STDIN_HEAD = 1 << 16  # what is read of standard input to tell its kind
BOM = b"\xef\xbb\xbf"


def _starts_json_lines(head: bytes) -> bool:
    """Whether piped UTF-8 text is JSON Lines: its first line a whole JSON object."""
    first, newline, _ = head.removeprefix(BOM).lstrip().partition(b"\n")
    if not newline or not first.startswith(b"{"):
        return False
    try:
        return isinstance(read_json(first), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _chained_lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, read a line at a time."""
    parts = head.split(b"\n")
    yield from (part + b"\n" for part in parts[:-1])
    tail = parts[-1]
    for line in stream:
        yield tail + line
        tail = b""
    if tail:
        yield tail


def _records_from(source: str, values: list[Any], lines: int | None,
                  count: list[int] | None = None) -> Iterator[RawDocument | InputError]:
    count = [0] if count is None else count
    for n, value in enumerate(values):
        where = f"{source}:{lines}" if lines else (f"{source}[{n}]" if len(values) > 1 else source)
        if isinstance(value, dict) and isinstance(value.get("stories"), list):
            value = {"documents": [a for s in value["stories"] for a in s.get("articles", [])]}
        if isinstance(value, dict) and isinstance(value.get("documents"), list):
            cluster = value.get("id")
            records = value["documents"]
        else:
            cluster, records = None, [value]
        for rec in records:
            doc = record_document(source, rec, count[0], cluster)
            if isinstance(doc, InputError):
                doc.source = where
            else:
                count[0] += 1
            yield doc


def record_document(source: str, rec: Any, index: int, cluster: Any = None) -> RawDocument | InputError:
    """A JSON article record ({"id","title","text" or "html","url","source","date"}) as a document."""
    if not isinstance(rec, dict):
        return InputError(source, "record is not a JSON object")
    html, text = rec.get("html"), rec.get("text")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(source, f"record {rec.get('id', index)!r} has no \"text\" or \"html\"")
    date, unread = record_date(rec)
    meta = {
        "id": _label(rec.get("id")),
        "title": _string(rec.get("title")),
        "date": date,
        "date_unread": unread,
        "outlet": _string(rec.get("outlet")) or _string(rec.get("source")),
        "author": _string(rec.get("author")),
        "language": _string(rec.get("language")) or _string(rec.get("lang")),
        "cluster": _label(cluster),
    }
    kind, body = ("record", text) if isinstance(text, str) else ("html", html)
    return RawDocument(source=source, kind=kind, body=body, url=_string(rec.get("url")), path=source,
                       index=index, meta={k: v for k, v in meta.items() if v is not None})


def _string(value: Any) -> str | None:
    """A record's text field: a string, else nothing (a title given as a list is no title)."""
    return value if isinstance(value, str) and value.strip() else None


def _label(value: Any) -> str | None:
    """An id: a string, or a number written as one (``5`` -> "5"); anything else is no id."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _string(value)


# Where records keep their time, most usual first.
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "datetime", "date_time", "timestamp", "time")


def record_date(rec: dict[str, Any]) -> tuple[datetime | None, Any]:
    """The date a record states (its first date field that parses, parsed once here, or None), and
    the first value given when none parses (None when none does not)."""
    given = [rec[k] for k in DATE_FIELDS if rec.get(k) not in (None, "")]
    date = next(filter(None, map(parse_datetime, given)), None)
    return date, (given[0] if given and date is None else None)
