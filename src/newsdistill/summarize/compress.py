"""Light, faithful compression: shorter versions of a sentence that say the same thing.

Only deletions are made, so a compressed sentence's words are an in-order subsequence of the source
sentence and every number and name in it is the source's. What is deleted carries context, not the
main claim: parenthetical asides, non-restrictive relative clauses (", who ...,"), attribution tails
(", a spokeswoman said.") and an opening connective ("However,"). Each combination of these
deletions is a variant that competes with the full sentence in the selector (at most one version of
a sentence is chosen).
"""

from __future__ import annotations

import re

from newsdistill.text import words

# "(who ruled Chile from 1973 to 1990)"; not "(AP)" style tags at a sentence start (datelines).
_PAREN = re.compile(r"\s+\([^()]{3,80}\)(?=[\s,.;:])")
# "Marker, who was appointed 20 months ago, was ..." : a non-restrictive relative clause.
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s+[^,;:\"()]{3,90},(?=\s+[a-z])")
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


def _drop_parentheticals(text: str) -> str:
    return _PAREN.sub("", text)


def _drop_relative_clauses(text: str) -> str:
    return _RELATIVE.sub("", text)


def _drop_attribution(text: str) -> str:
    m = _TAIL.search(text)
    return text[:m.start()] + "." if m and '"' not in text[m.start():] else text


def _drop_opener(text: str) -> str:
    m = _OPENER.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest[:1].upper() + rest[1:]


DELETIONS = (_drop_parentheticals, _drop_relative_clauses, _drop_attribution, _drop_opener)


def variants(text: str) -> list[str]:
    """Shorter faithful versions of a sentence (each combination of the deletions that apply)."""
    versions = [text]
    for delete in DELETIONS:
        versions += [v for v in (" ".join(delete(x).split()) for x in versions) if v not in versions]
    return [v for v in versions[1:] if len(words(v)) >= MIN_WORDS]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when ``short`` can be obtained from ``long`` by deleting items."""
    it = iter(long)
    return all(any(x == y for y in it) for x in short)
