"""Which documents carry a sentence: near-identical wording, compared on content stems."""

from __future__ import annotations

from collections.abc import Sequence

NEAR_IDENTICAL = 0.7   # Jaccard of content stems: the same sentence, lightly edited
NEAR_DUPLICATE = 0.5   # two sentences this close say the same thing: never both in a summary
CONTAINED = 0.9        # a trimmed copy: this share of the shorter sentence's stems in the other


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def same_sentence(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-identical wording: most stems shared, or one a trimmed copy of the other."""
    return _same(len(a & b), len(a), len(b))


def _same(inter: int, la: int, lb: int) -> bool:
    if not inter:
        return False
    return inter >= NEAR_IDENTICAL * (la + lb - inter) or (min(la, lb) >= 5 and inter >= CONTAINED * min(la, lb))


def carriers(target: frozenset[str], sentences: Sequence[tuple[str, frozenset[str]]]) -> list[str]:
    """Ids of the documents (in input order) with a sentence near-identical to ``target``."""
    out: list[str] = []
    n = len(target)
    for doc_id, stems in sentences:
        inter = len(target & stems)
        if inter and doc_id not in out and _same(inter, n, len(stems)):
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
