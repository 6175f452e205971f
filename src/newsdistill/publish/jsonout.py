"""The digest JSON shape other tools read (see README, "JSON output")."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from newsdistill.model import Article, Digest, Figure, Sentence


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def sentence_dict(s: Sentence) -> dict[str, Any]:
    return {"text": s.text, "sources": list(s.sources)}


def figure_dict(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "label": f.label, "sources": list(f.sources),
            "conflicts": [figure_dict(c) for c in f.conflicts]}


def source_dict(a: Article, copy_of: str | None = None) -> dict[str, Any]:
    """One source; ``copy_of``: the id of the source it copies (a paper running a wire report)."""
    return {"id": a.id, "outlet": a.outlet, "title": a.title, "url": a.url, "path": a.path,
            "published": _iso(a.published), "copy_of": copy_of}


def digest_to_dict(d: Digest) -> dict[str, Any]:
    return {
        "id": d.story_id,
        "headline": d.headline,
        "published": _iso(d.published),
        "updated": _iso(d.updated),
        "lede": [sentence_dict(s) for s in d.lede],
        "sections": [{"heading": sec.heading, "sentences": [sentence_dict(s) for s in sec.sentences]}
                     for sec in d.sections],
        "key_figures": [figure_dict(f) for f in d.key_figures],
        "quotes": [{"text": q.text, "speaker": q.speaker, "sources": list(q.sources)} for q in d.quotes],
        "disagreements": [{"about": x.about, "claims": [sentence_dict(s) for s in x.claims]}
                          for x in d.disagreements],
        "sources": [source_dict(a, d.copies.get(a.id)) for a in d.sources],
        "note": d.note,
    }


def digests_to_json(digests: list[Digest]) -> str:
    return json.dumps({"stories": [digest_to_dict(d) for d in digests]}, ensure_ascii=False, indent=2)
