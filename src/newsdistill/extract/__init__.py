"""Extract: one entry point, :func:`extract`, turning a raw document into an :class:`Article`.

HTML goes through :mod:`newsdistill.extract.html` (trafilatura for the body, the page's own tags
for title, author, date, site name, canonical URL and declared language); plain text copied
off a web page goes through the same kind of care in :mod:`newsdistill.extract.plaintext` (headline,
date, page furniture); JSON records are taken as they are, cleaned of the same furniture. The
language is the declared one when the text bears it out, else detected (:func:`article_language`).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from urllib.parse import urlsplit

from newsdistill.extract.html import extract_html
from newsdistill.extract.plaintext import clean_text
from newsdistill.ingest import InputError, RawDocument
from newsdistill.ingest.domains import registered_domain
from newsdistill.model import Article
from newsdistill.text import STOPWORDS, detect_language, normalize_space, parse_datetime, tokens, word_count

MIN_WORDS = 3
# English running text is 30-50% stopwords (in text.STOPWORDS); other languages stay far below 15%.
ENGLISH_SHARE = 0.2
_CHECK_MIN_WORDS = 30  # shorter texts keep their declared language
# One-line fields a page or record can make as long as it likes (a 100,000-character <title>):
# kept to a length a headline, byline or outlet name has, cut at a word.
FIELD_LIMITS = {"title": 300, "author": 200, "outlet": 100}

__all__ = ["extract", "article_id"]


def article_id(doc: RawDocument, url: str | None) -> str:
    """The record's own id, else a short stable hash of where the article came from."""
    if doc.meta.get("id"):
        return str(doc.meta["id"])
    key = url or f"{doc.source}#{doc.index}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def one_line(value: object, limit: int) -> str | None:
    """``value`` on one line, cut at the last word before ``limit`` characters (with "…"), or None."""
    text = normalize_space(str(value)) if value else ""
    if len(text) > limit:
        cut = text[:limit - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut).rstrip(" ,;:-") + "…"
    return text or None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    """The outlet's domain, for a page that names no outlet ("articles.latimes.com" -> "latimes.com")."""
    return registered_domain(urlsplit(url).hostname or "")


def article_language(declared: str | None, text: str, detect: bool = True) -> str | None:
    """The declared language when the text bears it out, else the detected one.

    Page templates often declare the wrong language (lang="en" on a German article, "de" on an
    English one): a declaration is kept only when the share of English stopwords agrees with it.
    ``detect=False``: no detection model, so None where the quick function-word check cannot tell.
    """
    declared = (declared or "").lower()[:3].strip("-_") or None
    if declared:
        sample = tokens(text[:2000])
        share = sum(t in STOPWORDS for t in sample) / len(sample) if sample else 0.0
        if len(sample) < _CHECK_MIN_WORDS or (declared == "en") == (share >= ENGLISH_SHARE):
            return declared
    return detect_language(text, use_model=detect)


def extract(doc: RawDocument, *, detect: bool = True) -> Article | InputError:
    """The article in one raw document, or an :class:`InputError` saying why there is none.

    ``detect=False`` leaves ``language`` None where only the detection model could tell it (the
    batch runner then detects in its own process, so worker processes never load the model).
    """
    meta = dict(doc.meta)
    if doc.kind == "html":
        found = extract_html(doc.body, url=doc.url)
        if found is None:
            return InputError(doc.source, "no article text found in this page")
        text, page_meta = found
        for key, value in page_meta.items():
            meta.setdefault(key, value)
        # trafilatura's text may still repeat the headline or carry a kicker, ad label or wire tail
        cleaned = clean_text(text, title=meta.get("title"), find_headline=False)
        text = cleaned.text
    else:
        cleaned = clean_text(doc.body, title=meta.get("title"), find_headline=doc.kind != "record")
        text = cleaned.text
        for key in ("title", "author", "outlet"):
            meta.setdefault(key, getattr(cleaned, key))
        # A record's date is its own field: a date line in its text may be a quoted or updated
        # one, and a wrong date moves the article out of its story's time window.
        if cleaned.published and not meta.get("date") and doc.kind != "record":
            meta["date"] = cleaned.published
    if word_count(text) < MIN_WORDS:
        where = (f"{doc.source} record {meta['id']!r}" if meta.get("id") else f"{doc.source} record #{doc.index + 1}"
                 ) if doc.kind == "record" else doc.source
        return InputError(where, "no article text found (fewer than 3 words)")
    url = doc.url or meta.get("url")
    language = article_language(meta.get("language"), text, detect)
    return Article(
        id=article_id(doc, url),
        text=text,
        title=one_line(meta.get("title"), FIELD_LIMITS["title"]),
        url=url,
        path=doc.path,
        source=doc.source,
        outlet=one_line(meta.get("outlet") or outlet_from_url(url), FIELD_LIMITS["outlet"]),
        author=one_line(meta.get("author"), FIELD_LIMITS["author"]),
        published=parse_datetime(meta.get("date")),
        language=language,
        fetched_at=doc.fetched_at or datetime.now(timezone.utc),
        canonical_url=meta.get("canonical_url") or url,
        dateline=cleaned.dateline,
    )
