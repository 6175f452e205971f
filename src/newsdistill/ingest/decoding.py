"""Bytes to text, for files and pages alike: which bytes are text at all (:func:`is_binary`), which
are a page (:func:`looks_like_html`), and their characters (:func:`decode`)."""

from __future__ import annotations

import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)|<\?xml[^>]+encoding=["']?([\w.:-]+)""", re.I)
# What browsers actually decode for these labels (WHATWG Encoding Standard): supersets, never less.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "shift_jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "euc-kr": "cp949", "tis-620": "cp874", "iso-8859-11": "cp874",
}
_ASCII_BYTES = bytes(range(128))
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_INVERTED_AFTER_LETTER = re.compile(r"[^\W\d_][¿¡]")
_WESTERN_CHARS = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüÿœšžßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜŸŒŠŽ"
    "’‘“”„‚–—…•·€£¥©®™°§¶«»‹›¿¡×÷±½¼¾ªº\xa0"
)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head


def decode(data: bytes, html: bool = False, declared: str | None = None) -> str:
    """Bytes to text (:func:`_decode`), without the NUL characters a broken page may hold."""
    return _decode(data, html, declared).replace("\x00", "")


def _decode(data: bytes, html: bool, declared: str | None) -> str:
    """Bytes to text: BOM, the declared charset (header, then <meta>/XML declaration), UTF-8, then a guess.

    The guess prefers Windows-1252 for short or mostly-ASCII text that decodes cleanly as Western
    European (a detector alone reads ``caf\\xe9 na\\xefve`` as Baltic or Central European), and
    asks charset_normalizer otherwise (Cyrillic, Greek, CJK, long Central European texts).
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    candidates = [declared] if declared else []
    if html and (m := _META_CHARSET.search(data[:4096])):
        meta = (m.group(1) or m.group(2)).decode("ascii", "ignore")
        candidates.append("utf-8" if meta.lower().startswith("utf-16") else meta)  # bytes that say so are not UTF-16
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(_CHARSET_ALIASES.get(enc.lower(), enc))
        except (LookupError, UnicodeDecodeError):
            continue
    non_ascii = len(data.translate(None, _ASCII_BYTES))
    if non_ascii <= 64 or non_ascii <= 0.05 * len(data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if _looks_western(text):
                return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


_CONTROL_BYTES = bytes([*range(9), *range(14, 32), 127])  # not tab, line ends, form feed


def _looks_western(text: str) -> bool:
    """Whether text decoded as Windows-1252 reads like Western European text, not another script."""
    if _INVERTED_AFTER_LETTER.search(text):  # "mo¿e": Polish ż read as cp1252
        return False
    runs = _NON_ASCII_RUN.findall(text)
    chars = sum(len(run) for run in runs)
    if any(c not in _WESTERN_CHARS for run in runs for c in run):
        return False
    long_runs = sum(len(run) for run in runs if len(run) >= 3 and any(c.isalpha() for c in run))
    return long_runs <= 0.1 * chars


def is_binary(data: bytes) -> bool:
    """Not text or HTML: NUL bytes near the start (and no UTF-16 byte-order mark), more than a
    broken page's stray few or among other control bytes (data has one in ten of them)."""
    head = data[:8192]
    if b"\x00" not in head or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return head.count(b"\x00") > 3 or len(head) - len(head.translate(None, _CONTROL_BYTES)) > 0.01 * len(head) + 3
