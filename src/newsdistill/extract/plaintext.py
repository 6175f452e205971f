"""Plain text copied off a web page -> headline, date and body without page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdistill.text import find_date, normalize_space

# Lines that are page furniture, never article text.
_FURNITURE = re.compile(
    r"""^(?:
      (?:subscribe|sign\ up|sign\ in|log\ in|register|newsletter|advertisement|share|share\ this|
         tweet|print|email|menu|home|search|skip\ to\ (?:main\ )?content|related(?:\ (?:articles|stories|news))?|
         read\ more|more\ stories|previous|next|comments?|most\ (?:read|popular)|trending|follow\ us)\b.{0,60}
    | (?:photo|image|picture|credit|foto|video)\s*:.*
    | .*\bget\ (?:the|our)\b.*\bin\ your\ (?:e-?mail|inbox)\b.*
    | .*\bto\ participate\ in\ the\ discussion\b.*
    | (?:©|\(c\)|copyright)\s.*
    )$""",
    re.I | re.X,
)


@dataclass(slots=True)
class CleanText:
    title: str | None
    text: str
    published: datetime | None = None
    removed: list[str] = field(default_factory=list)


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line.strip()))


def clean_text(raw: str, title: str | None = None) -> CleanText:
    """Split into paragraphs, drop furniture lines, find the headline and the stated date."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not re.search(r"\n\s*\n", raw):  # one paragraph per line, as copied off most pages
        raw = raw.replace("\n", "\n\n")
    lines = [normalize_space(line) for line in raw.split("\n")]
    blocks: list[str] = []
    removed: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if is_furniture(line):
            removed.append(line)
            continue
        current.append(line)
    published = find_date("\n".join(blocks[:6]))
    if title is None and len(blocks) > 1 and len(blocks[0].split()) <= 25 and not blocks[0].endswith("."):
        title = blocks.pop(0)
    return CleanText(title=title, text="\n\n".join(blocks), published=published, removed=removed)
