"""HTML pages -> article text and metadata.

trafilatura finds the body (settings chosen by measurement, see benchmarks/RESULTS.md: comments
off, tables on, no readability/jusText fallback pass); the page's own declarations
(:mod:`newsdistill.extract.pagemeta`) give the exact publication time and the language; the body
then loses what trafilatura keeps of the page around the article: the headline repeated as the
first line and furniture lines ("Read more ...", "Related: ...", newsletter prompts, photo credits).
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from newsdistill.extract.pagemeta import page_declarations, page_metadata
from newsdistill.extract.plaintext import is_furniture
from newsdistill.text import fold, normalize_space, tokens

# Measured on the Scrapinghub benchmark (benchmarks/bench_extract.py): the readability/jusText
# fallback pass costs a third of the time and did not help there; comments are not the article.
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True, "fast": True}
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_WORDS = 5
_TAIL_LINES = 3  # sign-up prompts, copyright lines and the like gather at the end of the body
_TITLE_OVERLAP = 0.7  # share of words a first line must have in common with the headline to repeat it
_MAX_TITLE_WORDS = 40


def repeats_title(line: str, title: str | None) -> bool:
    """True when ``line`` is the headline again (same words, give or take a few)."""
    if not title or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    a, b = set(tokens(line)), set(tokens(title))
    return bool(a and b) and len(a & b) / max(len(a), len(b)) >= _TITLE_OVERLAP


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
_MAX_OUTLET_WORDS = 6


def clean_title(title: str | None, outlet: str | None) -> str | None:
    """The headline without the site name that <title> tags append ("Headline | Outlet")."""
    if not title:
        return None
    title = normalize_space(title)
    for sep in _TITLE_SEPARATORS:
        head, _, tail = title.rpartition(sep)
        if head and outlet and fold(tail) in (fold(outlet), fold(outlet).removeprefix("the ")):
            return head.strip()
    return title


def outlet_from_title(page_title: str | None, headline: str | None) -> str | None:
    """The site name a <title> appends to the headline ("Headline | Outlet"), when nothing else names it."""
    for sep in _TITLE_SEPARATORS:
        head, _, tail = (page_title or "").rpartition(sep)
        if head and tail and len(tail.split()) <= _MAX_OUTLET_WORDS and repeats_title(head, headline):
            return tail.strip()
    return None


def is_body_furniture(line: str, near_end: bool) -> bool:
    """A furniture line inside an article body.

    Furniture rules match on a line's first words ("Share", "Home", "Next", ...), which also start
    real sentences ("Share prices fell 3% on Monday."): inside the body, a line that reads as a
    sentence (five words or more, closing punctuation) is furniture only among the last few lines,
    where sign-up prompts and copyright notices gather.
    """
    if not is_furniture(line):
        return False
    return near_end or not (len(line.split()) >= _SENTENCE_WORDS and _SENTENCE_END.search(line))


def clean_body(text: str, title: str | None, drop_furniture: bool = True) -> list[str]:
    """The body's paragraphs without the repeated headline at the top and without furniture lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    while lines and repeats_title(lines[0], title):
        lines.pop(0)
    if not drop_furniture:
        return lines
    tail = len(lines) - _TAIL_LINES
    return [line for n, line in enumerate(lines) if not is_body_furniture(line, n >= tail)]


_MENU_LINES, _MENU_WORDS = 50, 4.0


def _menu_like(text: str) -> bool:
    """Hundreds of lines of a word or two ("Ouvidoria", "Cadastre-se", "Esqueci a Senha"): a site's
    menus, not an article (at least ``_MENU_LINES`` lines of under ``_MENU_WORDS`` words on average)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= _MENU_LINES and sum(len(line.split()) for line in lines) < _MENU_WORDS * len(lines)


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """(text with paragraphs separated by blank lines, metadata) or None when no article is found.

    Metadata keys: title, author, date, outlet, language (as declared by the page; the caller
    checks it against the text), url, canonical_url.
    """
    tree = load_html(html)  # parsed once: trafilatura works on a copy, the metadata on the original
    if tree is None:
        return None
    doc = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    if doc is not None and doc.text and _menu_like(doc.text):
        # the fast pass took a page's menus for its body: the full one (with its fallbacks) may not
        full = trafilatura.bare_extraction(tree, url=url, **{**TRAFILATURA_OPTIONS, "fast": False})
        if full is not None and full.text and not _menu_like(full.text):
            doc = full
    if doc is None or not doc.text:
        return None
    declared = page_declarations(tree)
    meta = page_metadata(tree, url, need_date="published" not in declared)
    meta.setdefault("outlet", declared.get("outlet") or outlet_from_title(declared.get("page_title"), meta.get("title")))
    meta["title"] = clean_title(meta.get("title"), meta.get("outlet"))
    lines = clean_body(doc.text, meta["title"])
    if not lines:
        return None
    meta["date"] = declared.get("published") or meta.get("date")
    meta["language"] = declared.get("language")
    meta["canonical_url"] = declared.get("canonical_url") or meta.get("url")
    return "\n\n".join(lines), {k: v for k, v in meta.items() if v}
