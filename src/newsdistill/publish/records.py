"""Rebuild a :class:`Digest` from its stored JSON (the shape of :mod:`newsdistill.publish.jsonout`)."""

from __future__ import annotations

from typing import Any

from newsdistill.model import Article, Digest, Disagreement, Figure, Quote, Section, Sentence
from newsdistill.text import parse_datetime


def _s(d: dict[str, Any]) -> Sentence:
    sources = list(d.get("sources") or [])
    return Sentence(text=d["text"], article_id=sources[0] if sources else "", sources=sources)


def _f(d: dict[str, Any]) -> Figure:
    return Figure(value=d["value"], label=d["label"], sources=list(d.get("sources") or []),
                  conflicts=[_f(c) for c in d.get("conflicts") or []])


def digest_from_dict(d: dict[str, Any]) -> Digest:
    return Digest(
        story_id=d["id"], headline=d.get("headline") or "",
        published=parse_datetime(d.get("published")), updated=parse_datetime(d.get("updated")),
        lede=[_s(x) for x in d.get("lede") or []],
        sections=[Section(heading=x["heading"], sentences=[_s(y) for y in x.get("sentences") or []])
                  for x in d.get("sections") or []],
        key_figures=[_f(x) for x in d.get("key_figures") or []],
        quotes=[Quote(text=x["text"], speaker=x["speaker"], sources=list(x.get("sources") or []))
                for x in d.get("quotes") or []],
        disagreements=[Disagreement(about=x["about"], claims=[_s(y) for y in x.get("claims") or []])
                       for x in d.get("disagreements") or []],
        sources=[Article(id=x["id"], text="", title=x.get("title"), outlet=x.get("outlet"), url=x.get("url"),
                         path=x.get("path"), published=parse_datetime(x.get("published")))
                 for x in d.get("sources") or []],
        note=d.get("note") or "",
        copies={x["id"]: x["copy_of"] for x in d.get("sources") or [] if x.get("copy_of")},
    )
