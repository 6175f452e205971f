"""Read local inputs: HTML pages (also gzipped), plain text/Markdown, JSON/JSONL records, folders."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsdistill.ingest import InputError, RawDocument

MAX_FILE_BYTES = 10 * 1024 * 1024  # a page or text file larger than this is not an article
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".txt.gz", ".md.gz")
RECORD_SUFFIXES = (".jsonl", ".json", ".jsonl.gz", ".json.gz", ".ndjson")
ARTICLE_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + RECORD_SUFFIXES
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def expand(source: str) -> list[str] | InputError:
    """The files an input names: itself, or a folder's article files (recursively, sorted)."""
    path = Path(source)
    if path.is_dir():
        found = sorted(
            str(p) for p in path.rglob("*")
            if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES)
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
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
    name = source.lower()
    try:
        if name.endswith(RECORD_SUFFIXES):
            yield from _read_records(source)
            return
        data = _read_bytes(source)
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")
        return
    kind = "html" if name.endswith(HTML_SUFFIXES) or _looks_like_html(data) else "text"
    text = decode(data, html=kind == "html")
    if not text.strip():
        yield InputError(source, "no text in this file")
        return
    yield RawDocument(source=source, kind=kind, body=text, path=source)


def _read_bytes(source: str) -> bytes:
    size = os.path.getsize(source)
    opener = gzip.open if source.lower().endswith(".gz") else open
    with opener(source, "rb") as fh:
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError) as err:  # broken gzip
            raise InputError(source, f"cannot decompress: {err}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, f"too large for an article ({max(size, len(data)) / 1e6:.0f} MB; "
                                 f"the limit is {MAX_FILE_BYTES // 2**20} MB)")
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file, not text or HTML")
    return data


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def decode(data: bytes, html: bool = False, declared: str | None = None) -> str:
    """Bytes to text: BOM, then the declared charset (header or <meta>), then UTF-8, then detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    candidates = [declared] if declared else []
    if html and (m := _META_CHARSET.search(data[:4096])):
        candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _read_records(source: str) -> Iterator[RawDocument | InputError]:
    opener = gzip.open if source.lower().endswith(".gz") else open
    try:
        with opener(source, "rt", encoding="utf-8", errors="replace") as fh:
            if source.lower().endswith((".json", ".json.gz")):
                try:
                    data = json.load(fh)
                except json.JSONDecodeError as err:
                    yield InputError(source, f"not valid JSON ({err.msg} at line {err.lineno})")
                    return
                values = data if isinstance(data, list) else [data]
                yield from _records_from(source, values, lines=None)
                return
            found = False
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as err:
                    yield InputError(f"{source}:{lineno}", f"not valid JSON ({err.msg})")
                    continue
                for item in _records_from(source, [value], lines=lineno):
                    found = found or isinstance(item, RawDocument)
                    yield item
            if not found:
                yield InputError(source, "no article records in this file")
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")


def _records_from(source: str, values: list[Any], lines: int | None) -> Iterator[RawDocument | InputError]:
    index = 0
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
            doc = record_document(source, rec, index, cluster)
            if isinstance(doc, InputError):
                doc.source = where
            else:
                index += 1
            yield doc


def record_document(source: str, rec: Any, index: int, cluster: Any = None) -> RawDocument | InputError:
    """A JSON article record ({"id","title","text" or "html","url","source","date"}) as a document."""
    if not isinstance(rec, dict):
        return InputError(source, "record is not a JSON object")
    html, text = rec.get("html"), rec.get("text")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(source, f"record {rec.get('id', index)!r} has no \"text\" or \"html\"")
    meta = {
        "id": str(rec["id"]) if rec.get("id") is not None else None,
        "title": rec.get("title"),
        "date": rec.get("published") or rec.get("date"),
        "outlet": rec.get("outlet") or rec.get("source"),
        "author": rec.get("author"),
        "language": rec.get("language") or rec.get("lang"),
        "cluster": cluster,
    }
    kind, body = ("record", text) if isinstance(text, str) else ("html", html)
    return RawDocument(source=source, kind=kind, body=body, url=rec.get("url"), path=source,
                       index=index, meta={k: v for k, v in meta.items() if v is not None})
