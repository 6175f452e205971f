"""Which documents carry a sentence: near-identical wording, compared on content stems."""

from __future__ import annotations

from collections.abc import Sequence

NEAR_DUPLICATE = 0.5   # Jaccard of content stems: two sentences this close say the same thing,
                       # never both in a summary
CARRIED = 0.85         # a document carries a sentence when one of its sentences holds this share
                       # of the sentence's content stems (the same sentence, lightly edited)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def carries(target: frozenset[str], other: frozenset[str], share: float = CARRIED) -> bool:
    """True when ``other`` holds ``share`` of ``target``'s stems: says (nearly) all it says."""
    return bool(target) and len(target & other) >= share * len(target)


def carriers(target: frozenset[str], sentences: Sequence[tuple[str, frozenset[str]]]) -> list[str]:
    """Ids of the documents (in input order) with a sentence that carries ``target``."""
    out: list[str] = []
    need = CARRIED * len(target)
    if not target:
        return out
    for doc_id, stems in sentences:
        if doc_id not in out and len(target & stems) >= need:
            out.append(doc_id)
    return out


def near_duplicate_pairs(stems: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """Index pairs whose stem sets overlap at least NEAR_DUPLICATE (Jaccard)."""
    pairs = []
    sizes = [len(s) for s in stems]
    for a in range(len(stems)):
        sa, la = stems[a], sizes[a]
        for b in range(a + 1, len(stems)):
            lb = sizes[b]
            if not la or not lb or min(la, lb) < NEAR_DUPLICATE * max(la, lb):
                continue
            inter = len(sa & stems[b])
            if inter >= NEAR_DUPLICATE * (la + lb - inter):
                pairs.append((a, b))
    return pairs
