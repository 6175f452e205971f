"""A digest as Markdown: every sentence followed by numbered citations of its sources."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from newsdistill.dedupe import count_publishers
from newsdistill.model import Digest

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def source_where(article, sources: list, with_url: bool = True) -> str:
    """Where a source can be found: its address, else its file, with the record's id when the
    file holds several of the sources (a JSONL file of records: "news.jsonl, record APW1017.0477")."""
    if article.url and with_url:
        return article.url
    if not article.path:
        return ""
    shared = sum(1 for a in sources if a.path == article.path) > 1
    return f"{article.path}, record {article.id}" if shared else article.path


def paragraphs(sentences: list, per: int = 3) -> list[list]:
    """A section's sentences in paragraphs of about ``per`` (balanced: 7 -> 3, 2, 2), in order."""
    n = len(sentences)
    count = max(1, -(-n // per))
    size, extra = divmod(n, count)
    out, start = [], 0
    for k in range(count):
        end = start + size + (k < extra)
        out.append(sentences[start:end])
        start = end
    return [p for p in out if p]


def md_escape(text: str) -> str:
    """Text from articles is data: Markdown/HTML punctuation is escaped so it renders as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def publisher_count(d: Digest) -> int:
    """Distinct publishers among the sources: copies and several feeds of one outlet count once."""
    return count_publishers(d.sources, d.copies)


def citation_numbers(d: Digest) -> dict[str, int]:
    return {a.id: i for i, a in enumerate(d.sources, 1)}


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    nums = sorted({numbers[i] for i in ids if i in numbers})
    return " " + "".join(f"[{n}]" for n in nums) if nums else ""


def when(dt: datetime) -> str:
    """"03 Nov 2023, 14:05 UTC", or just the day when no time of day is known."""
    dt = dt.astimezone(timezone.utc)
    return f"{dt:%d %b %Y}" if (dt.hour, dt.minute) == (0, 0) else f"{dt:%d %b %Y, %H:%M} UTC"


def _when(d: Digest) -> str:
    parts = []
    if d.published:
        parts.append(f"First reported {when(d.published)}")
    if d.updated and d.updated != d.published:
        parts.append(f"updated {when(d.updated)}")
    return "; ".join(parts)


def render_markdown(d: Digest) -> str:
    """The whole story: headline, times, lede, sections, figures, quotes, differences, sources."""
    nums = citation_numbers(d)
    out = [f"# {md_escape(d.headline)}", ""]
    publishers = publisher_count(d)
    when = _when(d)
    n = len(d.sources)
    out += [f"*{when + ' · ' if when else ''}{n} article{'s' if n != 1 else ''} from {publishers} "
            f"publisher{'s' if publishers != 1 else ''}*", ""]
    if d.lede:
        out += [" ".join(md_escape(s.text) + _cite(s.sources, nums) for s in d.lede), ""]
    for sec in d.sections:
        out += [f"## {md_escape(sec.heading)}", ""]
        for para in paragraphs(sec.sentences):
            out += [" ".join(md_escape(s.text) + _cite(s.sources, nums) for s in para), ""]
    if d.key_figures:
        out += ["## Key figures", ""]
        for f in d.key_figures:
            line = f"- **{md_escape(f.value)}** {md_escape(f.label)}{_cite(f.sources, nums)}"
            if f.conflicts:
                line += "; other reports: " + ", ".join(
                    f"{md_escape(c.value)}{_cite(c.sources, nums)}" for c in f.conflicts)
            out.append(line)
        out.append("")
    if d.quotes:
        out += ["## Quotes", ""]
        out += [f"> “{md_escape(q.text)}” — {md_escape(q.speaker)}{_cite(q.sources, nums)}\n" for q in d.quotes]
    if d.disagreements:
        out += ["## Where sources differ", ""]
        for x in d.disagreements:
            out.append(f"- **{md_escape(x.about)}**")
            out += [f"  - {md_escape(s.text)}{_cite(s.sources, nums)}" for s in x.claims]
        out.append("")
    out += ["## Sources", ""]
    for a, n in ((a, nums[a.id]) for a in d.sources):
        where = source_where(a, d.sources)
        date = f", {a.published:%d %b %Y}" if a.published else ""
        copied = f", a copy of [{nums[d.copies[a.id]]}]" if d.copies.get(a.id) in nums else ""
        out.append(f"{n}. {md_escape(a.outlet or 'unknown outlet')}: {md_escape(a.title or '(untitled)')}"
                   f"{date}{' — ' + md_escape(where) if where else ''}{copied}")
    out += ["", f"*{md_escape(d.note)}*" if d.note else ""]
    return "\n".join(out).rstrip() + "\n"
