"""Plain-text furniture removal on the labelled pages in tests/data/plaintext (dev and test halves).

Prints a Markdown table: precision, recall and F1 of removed lines (lines labelled F/D/A should go,
B lines must stay; the headline line is scored by headline accuracy), headline accuracy, date
accuracy (the stated day, or none), author accuracy (where the page names one). With --dataset, also
counts the body lines that cleaning removes from JSON-record text in ../shared/datasets (every one is
a real article line). Usage: python benchmarks/bench_furniture.py [--show] [--dataset]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from newsdistill.extract.furniture import is_date_line
from newsdistill.extract.plaintext import analyse, clean_text
from newsdistill.text import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "plaintext"
SHARED = ROOT.parent / "shared" / "datasets"
# Wire-service markup left in the DUC text: "&UR;", "3rd graf pvs", "(scl)", "NYT-10-05-98 1735EDT", "nn".
CREDIT = re.compile(r"^(?:image|foto|photo|Εικόνα|תמונה|صورة)\s*:|\((?:file )?photo:", re.I)
WIRE_CODE = re.compile(r"&\w+;|\bgraf\b|\bpvs\b|^\([\w/ -]*\)$|^[a-z]{1,3}$|NYT-\d|\(MORE\)", re.I)


@dataclass
class Case:
    name: str
    raw: str
    labels: list[str]
    title: str | None
    date: str | None
    author: str | None
    outlets: tuple[str, ...] = ()  # the names the page gives its outlet by; empty: it gives none


def load_case(path: Path) -> Case:
    meta: dict[str, str] = {}
    raw, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and ":" in line and not raw:
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        labels.append(line[:1] if line.strip() else "")
        raw.append(line[2:] if line.strip() else "")
    title = " ".join(r for r, lab in zip(raw, labels) if lab == "T") or None
    date = meta.get("date")
    outlets = tuple(name.strip() for name in meta.get("outlet", "none").split("|") if name.strip() != "none")
    return Case(path.name, "\n".join(raw), labels, title, None if date in (None, "none") else date,
                meta.get("author"), outlets)


def same_outlet(got: str | None, case: Case) -> bool:
    """The outlet found is one of the page's names for it (up to case and a leading "The"), or
    none where the page gives none."""
    def norm(name: str) -> str:
        return fold(name).removeprefix("the ")

    return norm(got or "") in {norm(name) for name in case.outlets} if case.outlets else got is None


def load_half(half: str) -> list[Case]:
    return [load_case(p) for p in sorted((DATA / half).glob("*.txt"))]


def score(cases: list[Case], show: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    heads = dates = authors = n_authors = outlets = 0
    for case in cases:
        page = analyse(case.raw)
        clean = clean_text(case.raw)
        for line, gold, got in zip(page.lines, case.labels, page.labels):
            if not gold or gold == "T":
                continue
            should, did = gold in "FDA", got != "B"
            tp += should and did
            fp += did and not should
            fn += should and not did
            if show and should != did:
                print(f"  {case.name}: gold {gold} got {got}: {line}")
        heads += same_title(clean.title, case.title)
        got_date = clean.published.date().isoformat() if clean.published else None
        dates += got_date == case.date
        if case.author:
            n_authors += 1
            authors += fold(clean.author or "") == fold(case.author)
        outlets += same_outlet(clean.outlet, case)
        if show and not same_outlet(clean.outlet, case):
            print(f"  {case.name}: outlet {clean.outlet!r} (want {' or '.join(case.outlets) or None!r})")
        if show and not same_title(clean.title, case.title):
            print(f"  {case.name}: headline {clean.title!r}")
        if show and got_date != case.date:
            print(f"  {case.name}: date {got_date} (want {case.date})")
        if show and case.author and fold(clean.author or "") != fold(case.author):
            print(f"  {case.name}: author {clean.author!r} (want {case.author!r})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"cases": len(cases), "precision": precision, "recall": recall, "f1": f1,
            "headline": heads / len(cases), "date": dates / len(cases),
            "author": authors / n_authors if n_authors else 1.0, "outlet": outlets / len(cases), "furniture": tp + fn,
            "body": sum(lab == "B" for case in cases for lab in case.labels)}


def dataset_removals(name: str, english: bool = True, as_page: bool = False) -> tuple[int, int, int, list[str]]:
    """(documents, lines, removed lines, the removed lines) for the records of a cluster file.

    ``as_page``: each record as a plain-text file would hold it (its title, a blank line, its text),
    cleaned as a copied page (headline search, edges); else as a JSON record. With ``as_page`` the
    headline chosen is checked too: a page whose headline is not its title counts its title as removed.
    """
    docs = lines = 0
    removed: list[str] = []
    path = SHARED / name / "clusters.jsonl"
    for row in path.open(encoding="utf-8"):
        cluster = json.loads(row)
        if (cluster.get("lang", "english") == "english") != english:
            continue
        for rec in cluster["documents"]:
            docs += 1
            lines += sum(1 for line in rec["text"].split("\n") if line.strip())
            if not as_page:
                removed += clean_text(rec["text"], title=rec.get("title"), find_headline=False).removed
                continue
            title = rec.get("title") or ""
            clean = clean_text(f"{title}\n\n{rec['text']}" if title else rec["text"])
            removed += [line for line in clean.removed if line != title]
            if not same_title(clean.title, title):
                removed.append(f"headline {clean.title!r} (title {title!r})")
    return docs, lines, len(removed), removed


def same_title(a: str | None, b: str | None) -> bool:
    """Equal up to case, typography, runs of spaces and zero-width spaces."""
    def norm(title: str | None) -> str:
        return " ".join(fold(title or "").replace("\u200b", "").split())

    return norm(a) == norm(b)


def removal_kind(line: str) -> str:
    if is_date_line(line):
        return "date"
    if CREDIT.search(line):
        return "credit"
    return "wire" if WIRE_CODE.search(line) else "other"


def main() -> None:
    show = "--show" in sys.argv
    print("| half | pages | lines to remove / keep | precision | recall | F1 | headline | date | author | outlet |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for half in ("dev", "test"):
        if show:
            print(f"{half}:")
        r = score(load_half(half), show=show)
        print(f"| {half} | {r['cases']} | {r['furniture']} / {r['body']} | {r['precision']:.3f} | "
              f"{r['recall']:.3f} | {r['f1']:.3f} | {r['headline']:.3f} | {r['date']:.3f} | {r['author']:.3f} | "
              f"{r['outlet']:.3f} |")
    if "--dataset" in sys.argv:
        dataset_table("records", False, show)
        dataset_table("the same as .txt pages", True, show)


def dataset_table(what: str, as_page: bool, show: bool) -> None:
    print()
    print(f"| {what} | documents | lines | removed | date lines | photo credits | wire markup | other |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, english in (("duc2003_task2", True), ("multiling2011", True), ("multiling2011", False)):
        if not (SHARED / name).exists():
            continue
        docs, lines, n, removed = dataset_removals(name, english, as_page)
        kinds = [removal_kind(line) for line in removed]
        label = name if english else f"{name} (6 other languages)"
        print(f"| {label} | {docs} | {lines} | {n} | {kinds.count('date')} | {kinds.count('credit')} | "
              f"{kinds.count('wire')} | {kinds.count('other')} |")
        if show:
            for line, kind in zip(removed, kinds):
                if kind == "other":
                    print(f"  removed: {line[:100]}")

if __name__ == "__main__":
    main()
