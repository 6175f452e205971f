"""Plain text copied off a web page -> headline, date, author and body without page furniture.

Every line gets a label: ``T`` headline, ``D`` date line, ``A`` byline, ``F`` page furniture, ``B``
article body. Lines are first judged on their own (:mod:`newsdistill.extract.furniture`), then by
where they sit: everything above the headline, "Related"/"Next" blocks and the short lines after the
last sentence are furniture; a line in another script than the article's is a stray UI string.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime

from newsdistill.extract.furniture import (ROLE_LINE, byline, copyright_owner, is_author_box, is_date_line,
                                            is_furniture, name_line, script, scripts)
from newsdistill.extract.masthead import masthead
from newsdistill.text import DATELINE, content_stems, find_date, fold, normalize_space, split_dateline

__all__ = ["CleanText", "Page", "analyse", "clean_text", "is_furniture"]

# Labels that open a block of links to other stories: the headline-like lines after them go too.
_BLOCK = re.compile(
    r"""^(?:related(?:\ \w+){0,2}|suggested\ topics|more\ topics|czytaj\ także|mohlo\ by\ vás\ zajímat|
    more\ (?:stories|news|opinion|on\ this\ story|(?:from|on|in)\b[^.!?]{0,40})|
    most\ (?:read|popular|viewed|shared|watched)(?:\ (?:in|from|on)\b.{0,30})?|read\ (?:more|next|also)|
    up\ next|see\ also|
    also\ read|you\ (?:may|might)\ also\ (?:like|be\ interested\ in)|recommended(?:\ for\ you)?|top\ stories|
    latest(?:\ news)?|trending(?:\ now)?|(?:previous|next)(?:\ (?:article|story|post))?|editor's\ picks|
    don't\ miss|topics|tags|lire\ aussi|à\ lire\ aussi|voir\ aussi|mehr\ zum\ thema|weitere\ artikel|
    auch\ interessant|lee\ también|leggi\ anche|lees\ ook)\s*:?$""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"""[.!?…:।。؟]["'”’»)\]]*$""")
_LIST_ITEM = re.compile(r"^(?:[-*•·–]\s|\d{1,2}[.)]\s)")
_PUBLISHED = re.compile(r"\b(?:published|posted|publié|veröffentlicht|publicado|pubblicato)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|mis à jour|aktualisiert|actualizado|aggiornato)\b", re.I)
_IMAGE_CAPTION = re.compile(r"^(?:(?:image|media|photo) caption|enlarge this image|toggle caption|expand image)\W*$",
                            re.I)
_COUNTRY_ABBREVIATIONS = frozenset({"u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c"})
MIN_HEADLINE_SCORE = 2.0


@dataclass(slots=True)
class CleanText:
    title: str | None
    text: str
    published: datetime | None = None
    removed: list[str] = field(default_factory=list)
    author: str | None = None
    outlet: str | None = None  # from a copyright line, when the page has one
    dateline: str | None = None  # the place of a wire dateline taken off the first paragraph


@dataclass(slots=True)
class Page:
    """The lines of a copied page (whitespace collapsed) and the label of each ("" for blank lines)."""

    lines: list[str]
    labels: list[str]
    indented: list[bool]


def _body_like(line: str) -> bool:
    n = len(line.split())
    return n >= 20 or n >= 8 and bool(_SENTENCE_END.search(line)) and not line.endswith(":")


def _headline_like(line: str) -> bool:
    return len(line.split()) <= 20 and not re.search(r"""[.!]["'”’»)]*$""", line)


_MARKDOWN = [
    (re.compile(r"^#{1,6}\s+"), ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"Image: \1"),  # images: furniture
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"^([*_])(\S.*\S)\1$"), r"\2"),  # a whole line in italics
]


def _unmark(line: str) -> str:
    """The text of a Markdown line: no heading marks, emphasis or link targets."""
    line = normalize_space(line.replace("\u200b", "").replace("\ufeff", ""))
    for pattern, repl in _MARKDOWN:
        line = pattern.sub(repl, line)
    return line


def analyse(raw: str, title: str | None = None, find_headline: bool = True) -> Page:
    """Label every line of ``raw``. With ``title`` given (or ``find_headline`` off) no headline is sought."""
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_unmark(line) for line in raw_lines]
    indented = [bool(re.match(r"\s{2,}\S", line)) or bool(_LIST_ITEM.match(n)) for line, n in zip(raw_lines, lines)]
    page = Page(lines, ["?" if line else "" for line in lines], indented)
    idx = [i for i, line in enumerate(lines) if line]
    for i in idx:
        line = lines[i]
        if byline(line):
            page.labels[i] = "A"
        elif is_furniture(line):
            page.labels[i] = "F"
        elif is_date_line(line):
            page.labels[i] = "D"
    _stray_script(page, idx)
    if title is None:
        head = _choose_headline(page, idx) if find_headline else None
    else:  # the known headline repeated at the top: what stands above it is a kicker or a label
        head = next((i for i in idx[:12] if fold(lines[i]) == fold(title)), None)
    if head is not None:
        _mark_header(page, idx, head)
    wanted = fold(title or (lines[head] if head is not None else ""))
    for i in idx:
        if page.labels[i] == "?" and wanted and fold(lines[i]) == wanted:
            page.labels[i] = "F"  # the headline again
    for prev, i in zip(idx, idx[1:]):
        if _IMAGE_CAPTION.match(page.lines[prev]) and page.labels[i] == "?":
            page.labels[i] = "F"
    _mark_blocks(page, idx)
    if find_headline:  # a page, not an already extracted record: its edges carry furniture too
        _mark_pull_quotes(page, idx)
        _mark_tail(page, idx)
        _mark_nav_runs(page, idx)
    page.labels = ["B" if label == "?" else label for label in page.labels]
    return page


def _mark_pull_quotes(page: Page, idx: list[int]) -> None:
    """A short line that a longer paragraph of the page repeats word for word is a pull quote."""
    def bare(line: str) -> str:
        return " ".join(fold(line).strip("\"'“”‘’«» ").split())

    if len(idx) > 3000:  # a pairwise check; a page copied off the web is far shorter
        return
    long_lines = [bare(page.lines[i]) for i in idx if page.labels[i] == "?" and len(page.lines[i].split()) > 8]
    for i in idx:
        line = page.lines[i]
        if page.labels[i] == "?" and 6 <= len(line.split()) <= 25:
            quote = bare(line)
            if any(quote in other and quote != other for other in long_lines):
                page.labels[i] = "F"


def _stray_script(page: Page, idx: list[int]) -> None:
    """Short lines in another script than the article's are UI strings ("Поделиться", "分享")."""
    body = " ".join(page.lines[i] for i in idx if page.labels[i] == "?" and _body_like(page.lines[i]))
    main = script((body or " ".join(page.lines[i] for i in idx))[:20000])
    for i in idx:
        line = page.lines[i]
        if main == "LATIN" and line.isascii():
            continue
        if page.labels[i] == "?" and len(line.split()) <= 12 and not page.indented[i] \
                and not re.search(r"[\d*=_/\\.]", line) and script(line) not in (None, main) \
                and main not in scripts(line):
            page.labels[i] = "F"


def _choose_headline(page: Page, idx: list[int]) -> int | None:
    lines, labels = page.lines, page.labels
    first_body = next((k for k, i in enumerate(idx) if labels[i] == "?" and len(lines[i].split()) >= 15
                       and _SENTENCE_END.search(lines[i])), len(idx))
    cands = [i for i in idx[:min(first_body, 25)] if labels[i] == "?" and not name_line(lines[i])
             and not DATELINE.match(lines[i])]
    scores, rank = {}, 0
    for i in cands:
        scores[i] = _headline_score(page, idx, i) - 0.2 * rank
        rank += len(lines[i].split()) >= 4  # an outlet name or a label above does not push the headline down
    best = max(scores, key=scores.__getitem__, default=None)
    if best is None or scores[best] < MIN_HEADLINE_SCORE:
        return None
    # The line chosen may be a standfirst (or summary bullets) under the headline: walk up to it.
    k = idx.index(best)
    while k > 0 and idx[k - 1] in scores and scores[idx[k - 1]] >= MIN_HEADLINE_SCORE - 1 \
            and len(lines[idx[k - 1]].split()) >= 5 and not _listed_under_label(page, idx, k - 1):
        k -= 1
    return idx[k]


def _listed_under_label(page: Page, idx: list[int], k: int) -> bool:
    """Line idx[k] is one of the headlines listed under "Most read", "Related" and the like."""
    while k > 0:
        k -= 1
        line = page.lines[idx[k]]
        if _BLOCK.match(line):
            return True
        if not _headline_like(line):
            return False
    return False


def _headline_score(page: Page, idx: list[int], i: int) -> float:
    line = page.lines[i]
    n = len(line.split())
    score = 2.0 if 4 <= n <= 14 else 1.0 if 15 <= n <= 20 else -1.0 if n <= 30 else -4.0
    if n <= 2:
        score = -4.0
    elif n == 3:
        score = 0.0
    last = line.split()[-1].lower().rstrip(".") if line.split() else ""
    if re.search(r"[,:;]$", line):
        score -= 3  # a label or a broken line
    elif re.search(r"[.।。]$", line) and not line.endswith("...") and last not in _COUNTRY_ABBREVIATIONS:
        score -= 2  # a sentence, rarely a headline (but "... in the U.S." is one)
    if n <= 6 and re.search(r"\b(?:19|20)\d\d\b", line):
        score -= 2  # "Thursday, 14 July 2005" in a language whose month names we do not know
    if re.search(r"\s[|>»/]\s|^[\w ]+\|", line):
        score -= 2
    if line.isupper() and n <= 4:  # a kicker: "EXCLUSIVE", "BREAKING NEWS"
        score -= 2
    after = [j for j in idx[bisect.bisect_right(idx, i):][:12] if page.labels[j] != "F"]
    if after and (page.labels[after[0]] in "AD" or name_line(page.lines[after[0]])):
        score += 2
    return score + 3 * _overlap(page, idx, i)


def _overlap(page: Page, idx: list[int], i: int) -> float:
    """Share of line i's content words that the body paragraphs after it repeat."""
    body = ""
    for j in idx[bisect.bisect_right(idx, i):]:
        if len(body) >= 1200:
            break
        if page.labels[j] == "?" and _body_like(page.lines[j]):
            body += " " + page.lines[j]
    stems = set(content_stems(page.lines[i]))
    return len(stems & set(content_stems(body[:1200]))) / len(stems) if stems else 0.0


def _mark_header(page: Page, idx: list[int], head: int) -> None:
    """The headline; above it, all but long sentences is furniture; below it, names and roles go."""
    page.labels[head] = "T"
    for i in idx:
        if i < head and page.labels[i] == "?":
            page.labels[i] = "B" if len(page.lines[i].split()) >= 12 and _SENTENCE_END.search(page.lines[i]) else "F"
    for i in idx:
        if i <= head or page.labels[i] != "?":
            continue
        line = page.lines[i]
        if _body_like(line):
            break
        if name_line(line):
            page.labels[i] = "A"
        elif ROLE_LINE.match(line):
            page.labels[i] = "F"


def _mark_blocks(page: Page, idx: list[int]) -> None:
    """A "Related"/"More from"/"Next" label and the run of headlines after it."""
    k = 0
    while k < len(idx):
        i = idx[k]
        if not _BLOCK.match(page.lines[i]) or page.labels[i] not in "?F":
            k += 1
            continue
        page.labels[i] = "F"
        k += 1
        after_headline = False
        while k < len(idx):
            j = idx[k]
            line = page.lines[j]
            nxt = idx[k + 1] if k + 1 < len(idx) else None
            headline = _headline_like(line) and not line.endswith(":")
            teaser = after_headline and len(line.split()) <= 25 and (nxt is None or _headline_like(page.lines[nxt]))
            if page.labels[j] in "FDA" or page.labels[j] == "?" and not page.indented[j] and (headline or teaser):
                if page.labels[j] == "?":
                    page.labels[j] = "F"
                after_headline = headline
                k += 1
                continue
            break


def _mark_tail(page: Page, idx: list[int]) -> None:
    """After the article's last sentence: author boxes, and short lines that are not sentences."""
    for i in reversed(idx):
        if page.labels[i] == "?" and is_author_box(page.lines[i]):
            page.labels[i] = "F"
        elif page.labels[i] == "?" and _body_like(page.lines[i]):
            break
    last = max((i for i in idx if page.labels[i] in "?B" and len(page.lines[i].split()) >= 2
                and _SENTENCE_END.search(page.lines[i])), default=None)
    if last is None:
        return
    for i in idx:
        line = page.lines[i]
        if i > last and page.labels[i] == "?" and not page.indented[i] and len(line.split()) <= 15 \
                and not re.search(r"^(?:\S+\s+){5,}\S+[.!?][\"'”’]?\s", line):  # holds a whole sentence
            page.labels[i] = "F"


def _mark_nav_runs(page: Page, idx: list[int]) -> None:
    """Three or more lines of one to three words in a row (no sentences, not a list): a menu."""
    run: list[int] = []
    listed = False  # the run follows "Results:": a list in the story
    for k, i in enumerate(idx + [-1]):
        short = i >= 0 and page.labels[i] in "?F" and not page.indented[i] and (
            page.labels[i] == "F" or len(page.lines[i].split()) <= 3 and not _SENTENCE_END.search(page.lines[i])
            and not re.search(r"\d", page.lines[i]))
        if short:
            if not run:
                listed = k > 0 and page.lines[idx[k - 1]].endswith(":")
            run.append(i)
            continue
        if len(run) >= 3 and not listed:
            for j in run:
                page.labels[j] = "F"
        run = []


def _published(page: Page) -> datetime | None:
    """The date of the first "Published" line, else of the first date or byline line not "Updated"."""
    dated = [(line, find_date(line)) for line, label in zip(page.lines, page.labels) if label and label in "DA"]
    dated = [(line, dt) for line, dt in dated if dt]
    for test in (lambda s: bool(_PUBLISHED.search(s)), lambda s: not _UPDATED.search(s), lambda s: True):
        for line, dt in dated:
            if test(line):
                return dt
    return None


def _author(page: Page) -> str | None:
    for line, label in zip(page.lines, page.labels):
        if label == "A":
            return byline(line) or name_line(line)
        if label == "D" and (m := re.search(r"\bby\s+(.+)$", line, re.I)):
            return byline("By " + m.group(1))
    return None


def clean_text(raw: str, title: str | None = None, find_headline: bool = True) -> CleanText:
    """The article in text copied off a page: headline, stated date, author and clean body.

    Paragraphs are blank-line separated in the output. When the text has blank lines, consecutive
    kept lines are one (hard-wrapped) paragraph; otherwise every line is a paragraph.
    """
    page = analyse(raw, title=title, find_headline=find_headline)
    wrapped = any(not line for line in page.lines[1:-1]) and any(
        a and b for a, b in zip(page.lines, page.lines[1:]))
    paragraphs: list[str] = []
    current: list[str] = []
    for line, label in zip(page.lines + [""], page.labels + [""]):
        if label == "B":
            ends = bool(current) and bool(_SENTENCE_END.search(current[-1])) and not line[:1].islower()
            if current and (not wrapped or ends):
                paragraphs.append(" ".join(current))
                current = []
            current.append(line)
        elif not line or label != "B" and not wrapped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
    dateline = None
    if paragraphs:
        found = split_dateline(paragraphs[0])
        if found:
            dateline, paragraphs[0] = found
    if title is None:
        title = next((line for line, label in zip(page.lines, page.labels) if label == "T"), None)
    removed = [line for line, label in zip(page.lines, page.labels) if label in "FDA" and label]
    outlet = next(filter(None, map(copyright_owner, reversed(removed))), None) or masthead(_top(page), removed)
    return CleanText(title=title, text="\n\n".join(paragraphs), published=_published(page),
                     removed=removed, author=_author(page), outlet=outlet, dateline=dateline)


def _top(page: Page) -> list[str]:
    """The page's non-blank lines above its headline (or its first body line)."""
    top = []
    for line, label in zip(page.lines, page.labels):
        if label in ("T", "B"):
            break
        if line.strip():
            top.append(line.strip())
    return top
