"""Extended B-cubed (Amigo et al. 2009): items may carry several gold labels."""

from __future__ import annotations


def bcubed(pred: dict[str, str], gold: dict[str, set[str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of a clustering ``pred`` (item -> cluster) against ``gold`` (item -> labels)."""
    items = [i for i in pred if i in gold]
    by_cluster: dict[str, list[str]] = {}
    for i in items:
        by_cluster.setdefault(pred[i], []).append(i)
    by_label: dict[str, list[str]] = {}
    for i in items:
        for label in gold[i]:
            by_label.setdefault(label, []).append(i)

    def mult_p(a: str, b: str) -> float:
        shared = len(gold[a] & gold[b])
        return min(1, shared) / 1.0 if pred[a] == pred[b] else 0.0

    precision = recall = 0.0
    for i in items:
        same_cluster = by_cluster[pred[i]]
        precision += sum(min(len(gold[i] & gold[j]), 1) for j in same_cluster) / len(same_cluster)
        same_label = {j for label in gold[i] for j in by_label[label]}
        recall += sum(1 for j in same_label if pred[j] == pred[i]) / len(same_label)
    n = len(items) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
