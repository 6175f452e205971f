"""Which documents carry a sentence: near-identical wording, compared on content stems."""

from __future__ import annotations

from collections.abc import Sequence

NEAR_IDENTICAL = 0.7   # Jaccard of content stems: the same sentence, lightly edited
NEAR_DUPLICATE = 0.5   # two sentences this close say the same thing: never both in a summary


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the smaller set the other one holds (a shortened copy still counts)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_sentence(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-identical wording: most stems shared, or one a trimmed copy of the other."""
    return jaccard(a, b) >= NEAR_IDENTICAL or (containment(a, b) >= 0.9 and min(len(a), len(b)) >= 5)


def carriers(target: frozenset[str], sentences: Sequence[tuple[str, frozenset[str]]]) -> list[str]:
    """Ids of the documents (in first-seen order) with a sentence near-identical to ``target``."""
    out: list[str] = []
    for doc_id, stems in sentences:
        if doc_id not in out and same_sentence(target, stems):
            out.append(doc_id)
    return out
