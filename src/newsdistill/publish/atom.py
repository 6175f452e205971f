"""An Atom feed of stories (RFC 4287)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from newsdistill.model import Digest

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str | None) -> str:
    return escape(_XML_INVALID.sub("", text or ""))


def _ts(dt: datetime | None) -> str:
    return (dt or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_atom(digests: list[Digest], title: str = "newsdistill", base_url: str = "",
                link: Callable[[Digest], str] | None = None) -> str:
    """The feed; ``link`` gives a story's address (default: the static site's story/<id>.html)."""
    from newsdistill.publish.html import story_slug

    link = link or (lambda d: base_url + "story/" + story_slug(d.story_id) + ".html")
    updated = max((d.updated or d.published for d in digests if d.updated or d.published), default=None)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{_x(title)}</title>",
           f"  <id>urn:newsdistill:{_x(title)}</id>",
           f"  <updated>{_ts(updated)}</updated>",
           "  <author><name>newsdistill</name></author>",
           f"  <link rel=\"alternate\" href={quoteattr(base_url + 'index.html')}/>"]
    for d in digests:
        summary = " ".join(s.text for s in d.lede)
        out += ["  <entry>",
                f"    <title>{_x(d.headline)}</title>",
                f"    <id>urn:newsdistill:story:{_x(d.story_id)}</id>",
                f"    <updated>{_ts(d.updated or d.published)}</updated>",
                f"    <published>{_ts(d.published or d.updated)}</published>" if d.published else "",
                f"    <link rel=\"alternate\" href={quoteattr(link(d))}/>",
                f"    <summary>{_x(summary)}</summary>",
                *[f"    <author><name>{_x(o)}</name></author>" for o in sorted({a.outlet for a in d.sources if a.outlet})[:5]],
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(line for line in out if line) + "\n"
