"""Light, faithful compression: shorter versions of a sentence that say the same thing.

Only deletions are made, so a compressed sentence's words are an in-order subsequence of the source
sentence, and no number or name may be lost... except inside a dropped parenthetical aside or
attribution tail, which carry context, not the claim. Each variant competes with its sentence in the
selector (at most one version of a sentence is chosen).
"""

from __future__ import annotations

import re

from newsdistill.text import words

# "(who ruled Chile from 1973 to 1990)"; not "(AP)" style tags at a sentence start (datelines).
_PAREN = re.compile(r"\s+\([^()]{3,80}\)(?=[\s,.;:])")
# ", a Scotland Yard spokeswoman said." / ", police said Saturday." / ", he said."
_TAIL = re.compile(
    r",\s+(?:(?:according to|said|says|told)\s+[^,]{2,40}|[^,\"]{2,40}?\s+(?:said|says|reported|told [\w ]{2,20}|added))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"last week|this week|in a statement|in an interview))?\s*\.$"
)
# "Meanwhile, ...", "In addition, ..." : an opening connective that leans on what came before.
_OPENER = re.compile(r"^(?:(?:Meanwhile|In addition|Additionally|Also|However|Still|Moreover|Furthermore|"
                     r"Nevertheless|Nonetheless|In fact|Indeed|Instead),|But|And|Yet)\s+(?=[\w\"])")
MIN_WORDS = 6


def variants(text: str) -> list[str]:
    """Shorter faithful versions of a sentence (not including the sentence itself), shortest last."""
    out: list[str] = []

    def add(candidate: str) -> None:
        candidate = " ".join(candidate.split())
        if candidate and candidate != text and candidate not in out and len(words(candidate)) >= MIN_WORDS:
            out.append(candidate)

    no_paren = _PAREN.sub("", text)
    add(no_paren)
    for base in (text, no_paren):
        m = _TAIL.search(base)
        if m and '"' not in base[m.start():]:
            add(base[:m.start()] + ".")
    for base in list(out) + [text]:
        m = _OPENER.match(base)
        if m:
            rest = base[m.end():]
            add(rest[:1].upper() + rest[1:])
    return out


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when ``short`` can be obtained from ``long`` by deleting items."""
    it = iter(long)
    return all(any(x == y for y in it) for x in short)
