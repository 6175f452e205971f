"""What a page says about itself in its markup: language, publication time, canonical URL, site name.

Read from the page's one parsed tree (``<html lang>``, ``<meta>``, ``<link rel=canonical>``, JSON-LD)
with one XPath query, plus trafilatura's own metadata steps for title, author, site name and date.
These are the page's *declarations*: the caller still checks the language against the text,
because templates often declare the wrong one.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECLARATIONS = "//head/title|//meta|//link[@rel='canonical']|//script[@type='application/ld+json']"
_ISO_TIME = re.compile(r"^(?:199\d|20\d\d)-\d{2}-\d{2}[T ]\d{2}:\d{2}")  # placeholders like 0001-01-01 fail
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?![A-Za-z])")

_PUBLISHED_KEYS = ("article:published_time", "article:published", "og:article:published_time", "datepublished",
                   "publishdate", "pubdate", "date", "dc.date.issued", "dc.date", "sailthru.date",
                   "parsely-pub-date", "publish-date", "article.published")
_SITE_KEYS = ("og:site_name", "application-name")
_LANG_KEYS = ("og:locale", "content-language", "language", "dc.language")


def _json_ld_items(scripts: list[str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in scripts:
        try:
            data = json.loads(script.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            value = stack.pop(0)
            if isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, dict):
                items.append(value)
                stack.extend(v for k, v in value.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    return items


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key]
    return None


def page_declarations(tree: Any) -> dict[str, str]:
    """{"language", "published", "canonical_url", "outlet", "page_title"}: whichever the page declares.

    ``published`` is kept only when it states a time of day (a full timestamp, usually with its
    UTC offset), so it is more precise than a date found elsewhere; ``language`` is the ISO 639
    primary subtag, lowercase.
    """
    meta: dict[str, str] = {}
    found: dict[str, str] = {}
    scripts: list[str] = []
    for el in tree.xpath(_DECLARATIONS):
        if el.tag == "meta":
            content = (el.get("content") or "").strip()
            names = " ".join(el.get(a, "") for a in ("property", "name", "itemprop", "http-equiv"))
            for key in names.lower().split() if content else ():
                meta.setdefault(key, content)
        elif el.tag == "link" and el.get("href"):
            found.setdefault("canonical_url", el.get("href").strip())
        elif el.tag == "title":
            found.setdefault("page_title", " ".join(el.text_content().split()))
        elif el.text:
            scripts.append(el.text)
    ld: dict[str, str] = {}
    # The article's own node first: a page's JSON-LD often lists other articles too.
    for item in sorted(_json_ld_items(scripts), key=lambda i: "Article" not in str(i.get("@type", ""))):
        for key in ("datePublished", "dateCreated", "inLanguage"):
            if isinstance(item.get(key), str):
                ld.setdefault(key, item[key])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            ld.setdefault("publisher", publisher["name"])
    for value in (ld.get("datePublished"), _first(meta, _PUBLISHED_KEYS), ld.get("dateCreated")):
        if value and _ISO_TIME.match(value.strip()):
            found["published"] = value.strip()
            break
    root = tree.getroottree().getroot()
    for lang in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"), root.get("xml:lang"),
                 ld.get("inLanguage"), _first(meta, _LANG_KEYS)):
        if lang and (code := _LANG_CODE.match(lang.strip())):
            found["language"] = code.group().lower()
            break
    if outlet := (_first(meta, _SITE_KEYS) or ld.get("publisher")):
        found["outlet"] = outlet.lstrip("@").strip()
    return found


_MONTH_OR_DAY = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?$", re.I)
_NAME_PARTICLES = frozenset("de da di del della der den van von al bin la le du dos das y e".split())
_NOT_NAMES = re.compile(r"admin|editor|staff|wire|published|updated|posted", re.I)


def clean_author(value: str | None) -> str | None:
    """Author names as "A; B", without what bylines drag along ("is a reporter", "Monday", "Nov").

    Each name keeps its leading capitalised words and stops at the first lowercase word (other
    than a particle such as "de" or "van") or, after its first word, at a weekday or month name
    ("April Ryan" stays); CMS account names ("admin") and words like "Staff" or "Published" end a
    name too.
    """
    if not value:
        return None
    names = []
    for part in re.split(r"\s*[;|]\s*|\s+and\s+|,\s+", value):
        kept: list[str] = []
        part = re.sub(r"^(?:by|text|written by)\s+", "", part.strip(), flags=re.I)
        for word in part.split():
            bare = word.strip(".,:")
            if ((kept and _MONTH_OR_DAY.match(word)) or _NOT_NAMES.search(bare)
                    or (bare[:1].islower() and bare.lower() not in _NAME_PARTICLES) or not bare[:1].isalpha()):
                break
            kept.append(bare)
        lone = len(kept) == 1 and (len(part.split()) > 1 or _MONTH_OR_DAY.match(kept[0]))  # "Nov", "Detroit ..."
        if kept and not lone and " ".join(kept) not in names:
            names.append(" ".join(kept))
    return "; ".join(names) or None


def page_metadata(tree: Any, url: str | None = None, need_date: bool = True) -> dict[str, str]:
    """Title, author, URL, site name and date from a parsed page (trafilatura's metadata steps).

    trafilatura's own ``extract_metadata`` also collects categories, tags and the licence, which
    newsdistill does not use and which cost a third of its time; this runs only the steps we need
    (the date search only when the page declared no exact publication time).
    """
    from htmldate import find_date
    from trafilatura import metadata as tm

    doc = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = tm.extract_meta_json(tree, doc)
    except Exception:  # noqa: BLE001  (broken JSON-LD: keep what the meta tags said)
        pass
    title = doc.title or tm.extract_title(tree)
    author = doc.author or tm.extract_author(tree)
    page_url = doc.url or tm.extract_url(tree, url)
    date = find_date(tree, url=page_url, original_date=True, extensive_search=False) if need_date else None
    found = {"title": title, "author": clean_author(author), "url": page_url,
             "outlet": (doc.sitename or tm.extract_sitename(tree) or "").lstrip("@"), "date": date}
    return {k: v for k, v in found.items() if v}
