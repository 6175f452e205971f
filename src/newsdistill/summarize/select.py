"""Exact concept-coverage selection (Gillick & Favre 2009) solved with ``scipy.optimize.milp``.

    maximise   sum_i w_i c_i  +  eps * sum_j l_j s_j
    subject to sum_j l_j s_j <= budget                 (length in words)
               c_i <= sum_{j : i in j} s_j             (a concept counts once, if some chosen
                                                         sentence carries it)
               sum_{j in group} s_j <= 1               (one version of a sentence; no two
                                                         near-duplicate sentences)
               s_j in {0, 1},  0 <= c_i <= 1

The c_i need not be declared integral: with the s_j fixed, the best c_i is min(1, sum s_j), an
integer. Before solving, concepts carried by the same sentences are merged and a concept only one
sentence carries is folded into that sentence's value (both exact). An optional ``eps`` term prefers
longer selections among equals; instead, by default, :func:`fill` spends the budget an optimal
selection leaves over, which keeps it optimal.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

LENGTH_EPS = 1e-3
_EXTRA_OPTIONS: dict = {"mip_heuristic_run_feasibility_jump": False}
TIME_LIMIT = 1.0  # seconds per solve, a guard only (DUC 2003 clusters take 5-100 ms): the best found


@dataclass(slots=True)
class Item:
    """A selectable unit: its concepts, its length and the exclusion groups it belongs to."""

    concepts: frozenset[int]
    length: int


def solve(items: Sequence[Item], weights: Sequence[float], budget: int,
          exclusive: Sequence[Sequence[int]] = (), length_eps: float = LENGTH_EPS) -> list[int]:
    """Indices of the items of an optimal selection."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    fits = [j for j, it in enumerate(items) if it.length <= budget]
    if not fits:
        return []
    # Exact reductions: concepts carried by the same set of sentences act as one concept (weights
    # summed); a concept only one sentence carries becomes part of that sentence's own value.
    carriers: dict[int, list[int]] = {}
    for k, j in enumerate(fits):
        for i in sorted(items[j].concepts):  # sorted: a set's order follows how it was built; the
            carriers.setdefault(i, []).append(k)  # model (and the optimum among ties) must not
    n_s = len(fits)
    cost = np.array([-length_eps * items[j].length for j in fits], dtype=float)
    merged: dict[tuple[int, ...], float] = {}
    for i, ks in carriers.items():
        if len(ks) == 1:
            cost[ks[0]] -= weights[i]
        else:
            key = tuple(ks)
            merged[key] = merged.get(key, 0.0) + weights[i]
    n_c = len(merged)
    n = n_s + n_c
    cost = np.concatenate([cost, -np.array(list(merged.values()), dtype=float)])

    rows, cols, vals = [], [], []
    # length budget
    for k, j in enumerate(fits):
        rows.append(0), cols.append(k), vals.append(float(items[j].length))
    upper = [float(budget)]
    lower = [-np.inf]
    r = 1
    # coverage: c - sum of its carriers <= 0
    for c, ks in enumerate(merged):
        rows.append(r), cols.append(n_s + c), vals.append(1.0)
        for k in ks:
            rows.append(r), cols.append(k), vals.append(-1.0)
        upper.append(0.0), lower.append(-np.inf)
        r += 1
    # exclusion groups
    pos = {j: k for k, j in enumerate(fits)}
    for group in exclusive:
        ks = [pos[j] for j in group if j in pos]
        if len(ks) < 2:
            continue
        for k in ks:
            rows.append(r), cols.append(k), vals.append(1.0)
        upper.append(1.0), lower.append(-np.inf)
        r += 1
    a = coo_matrix((vals, (rows, cols)), shape=(r, n)).tocsr()
    # only sentences need be integral: with s fixed, the best c_i = min(1, sum s_j) is integral
    integrality = np.concatenate([np.ones(n_s), np.zeros(n_c)])
    res = _milp(milp, cost, LinearConstraint(a, lower, upper), integrality, Bounds(0, 1))
    if res.x is None:
        return greedy(items, weights, budget, exclusive)
    return fill(items, weights, budget, exclusive, [j for k, j in enumerate(fits) if res.x[k] > 0.5])


def fill(items: Sequence[Item], weights: Sequence[float], budget: int, exclusive: Sequence[Sequence[int]],
         chosen: list[int]) -> list[int]:
    """Use budget an optimal selection leaves over: add what still fits, most concept weight first.

    The objective cannot drop (nothing is removed), so the selection stays optimal; this only breaks
    ties among optimal selections towards the one that uses the budget.
    """
    chosen = list(chosen)
    left = budget - sum(items[j].length for j in chosen)
    blocked = set(chosen) | {g for group in exclusive if any(j in chosen for j in group) for g in group}
    order = sorted(range(len(items)), key=lambda j: (-sum(weights[i] for i in items[j].concepts), -items[j].length))
    for j in order:
        if j not in blocked and items[j].length <= left:
            chosen.append(j)
            left -= items[j].length
            blocked |= {g for group in exclusive if j in group for g in group}
    return sorted(chosen)


def _milp(milp, cost, constraint, integrality, bounds):
    """``milp`` with HiGHS's feasibility-jump heuristic off where the HiGHS build knows the option.

    On these small models the heuristic costs about a quarter of the solve time and never changes the
    optimum (heuristics only propose solutions). scipy passes options it does not know to HiGHS
    verbatim, with a warning, which is silenced here.
    """
    global _EXTRA_OPTIONS
    options = {"time_limit": TIME_LIMIT, "disp": False, **_EXTRA_OPTIONS}
    with warnings.catch_warnings(), _quiet_output():  # HiGHS may print debug lines
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            return milp(cost, constraints=constraint, integrality=integrality, bounds=bounds, options=options)
        except (AttributeError, KeyError, TypeError, ValueError):
            if not _EXTRA_OPTIONS:
                raise
            _EXTRA_OPTIONS = {}
            options = {"time_limit": TIME_LIMIT, "disp": False}
            return milp(cost, constraints=constraint, integrality=integrality, bounds=bounds, options=options)


@contextmanager
def _quiet_output() -> Iterator[None]:
    """Send whatever C code prints to stdout/stderr meanwhile to /dev/null (our output stays clean)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        saved = (os.dup(1), os.dup(2))
    except (OSError, ValueError, AttributeError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        _flush_c_stdio()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def _flush_c_stdio() -> None:
    """fflush(NULL): C stdio buffers are written now (to /dev/null), not after the descriptors return."""
    global _LIBC
    try:
        if _LIBC is None:
            import ctypes

            _LIBC = ctypes.CDLL(None)
        _LIBC.fflush(None)
    except (OSError, AttributeError):
        pass


_LIBC = None


def greedy(items: Sequence[Item], weights: Sequence[float], budget: int,
           exclusive: Sequence[Sequence[int]] = ()) -> list[int]:
    """Fallback: repeatedly add the item with the most new concept weight per word."""
    blocked: dict[int, set[int]] = {}
    for group in exclusive:
        for j in group:
            blocked.setdefault(j, set()).update(g for g in group if g != j)
    chosen: list[int] = []
    covered: set[int] = set()
    left = budget
    banned: set[int] = set()
    while True:
        best, best_gain = None, 0.0
        for j, it in enumerate(items):
            if j in banned or j in chosen or it.length > left:
                continue
            gain = sum(weights[i] for i in it.concepts - covered) / max(it.length, 1)
            if gain > best_gain:
                best, best_gain = j, gain
        if best is None:
            return chosen
        chosen.append(best)
        covered |= items[best].concepts
        left -= items[best].length
        banned |= blocked.get(best, set())
