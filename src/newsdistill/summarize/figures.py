"""Key figures: numbers that matter, what they count, who reports them, and where outlets differ.

A figure is a number in a sentence with the words that say what it counts ("14 people were
injured"). Mentions of the same quantity across articles are grouped by what they count (the
counted noun and the words around it); within a group, different values from different sources
are reported as conflicts, each with its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsdistill.model import Article, Figure
from newsdistill.text import MONTHS, STOPWORDS, names, numbers, split_sentences, stem, tokens

# Counted things a reader cares about most: casualties, money, people, property, votes.
_MATTERS = frozenset(stem(w) for w in """dead killed died deaths death injured wounded hurt missing
people victims survivors casualties evacuated displaced homeless arrested detained hostages troops
soldiers police homes houses buildings families jobs workers votes voters dollars euros pounds percent
billion million damage damages cost fine sentence years passengers residents children students""".split())
# What happened to the counted thing; synonyms share one kind so "hurt" and "injured" agree.
_KINDS = {stem(w): kind for kind, ws in {
    "dead": "dead killed died deaths death dies fatalities perished",
    "injured": "injured wounded hurt injuries hospitalized hospitalised",
    "missing": "missing unaccounted",
    "arrested": "arrested detained held",
    "evacuated": "evacuated displaced homeless",
}.items() for w in ws.split()}
_SPANS = frozenset(stem(w) for w in "years months weeks days hours minutes seconds decades centuries times".split())
_STOP_LABEL = frozenset("and but or while whereas".split())
_WINDOW_BEFORE, _WINDOW_AFTER = 4, 5
_TIME = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)|"
                   r"\d{4}\s*(?:GMT|UTC|EST|EDT|CST|PST|local time)\b", re.I)


@dataclass(slots=True)
class _Mention:
    value: str
    amount: float
    label: str
    head: str
    kind: str | None
    context: frozenset[str]
    subjects: frozenset[str]
    article: str
    publisher: str


def _is_date_or_time(sentence: str, start: int, end: int, surface: str, amount: float) -> bool:
    plain = surface.replace(",", "").isdigit()
    if plain and 1900 <= amount <= 2100 and len(surface) == 4:
        return True  # a year
    before = sentence[max(0, start - 12):start].lower().split()
    after = sentence[end:end + 12].lower().split()
    near = (before[-1:] + after[:1])
    if any(w.strip(".,") in MONTHS for w in near):
        return True  # "Nov. 3", "3 November"
    return any(m.start() <= start < m.end() for m in _TIME.finditer(sentence))


def _mentions(article: Article) -> Iterable[_Mention]:
    publisher = (article.outlet or article.id).lower()
    for sentence in split_sentences(article.text):
        pos = 0
        for surface, amount in numbers(sentence):
            start = sentence.find(surface, pos)
            end = start + len(surface)
            pos = end
            if start < 0 or _is_date_or_time(sentence, start, end, surface, amount):
                continue
            if re.search(r"[A-Z][\w]*[\s-]$|-$", sentence[:start]):  # "Flight 111", "MD-11": a name
                continue
            after = _clause(tokens(re.split(r"[,;:()\"]|\s-\s", sentence[end:], maxsplit=1)[0]))[:_WINDOW_AFTER]
            before = _clause(tokens(re.split(r"[,;:()\"]|\s-\s", sentence[:start])[-1])[::-1])[:_WINDOW_BEFORE][::-1]
            content_after = [t for t in after if t not in STOPWORDS]
            content_before = [t for t in before if t not in STOPWORDS]
            if content_after:
                head = stem(content_after[0])
            elif content_before:  # "repairs will cost $45 million": what is counted comes first
                head = stem(content_before[-1])
            else:
                continue
            kinds = [_KINDS[stem(t)] for t in after + before[::-1] if stem(t) in _KINDS]
            while after and after[-1] in STOPWORDS:
                after.pop()
            label = " ".join(after) if content_after else " ".join(content_before[-2:])
            context = frozenset(stem(t) for t in before + after if t not in STOPWORDS)
            subjects = frozenset(n.split()[-1].lower() for n in names(sentence))
            yield _Mention(surface, amount, label, head, kinds[0] if kinds else None, context, subjects,
                           article.id, publisher)


def _clause(words: list[str]) -> list[str]:
    """Words up to the next number or coordinating conjunction (another figure's territory)."""
    out = []
    for word in words:
        if word[0].isdigit() or word in _STOP_LABEL:
            break
        out.append(word)
    return out


def _same_quantity(a: _Mention, b: _Mention) -> bool:
    if a.head != b.head or a.kind != b.kind:
        return False
    if a.subjects and b.subjects and not a.subjects & b.subjects:
        return False  # "Cardoso won 51 percent" and "Lula got 24 percent" count different things
    # Outlets that disagree on a count give close values (12 vs 14); 11 and 250 people are two counts.
    low, high = sorted((abs(a.amount), abs(b.amount)))
    if high > 2 * low:
        return False
    union = len(a.context | b.context) or 1
    return len(a.context & b.context) / union >= 0.3 or bool(a.context & b.context & _MATTERS)


def key_figures(articles: list[Article], limit: int = 6) -> list[Figure]:
    """The figures that matter most, most widely reported first, with conflicting values."""
    groups: list[list[_Mention]] = []
    for article in articles:
        for mention in _mentions(article):
            for group in groups:
                if _same_quantity(mention, group[0]):
                    group.append(mention)
                    break
            else:
                groups.append([mention])

    def importance(group: list[_Mention]) -> tuple:
        publishers = {m.publisher for m in group}
        matters = group[0].head in _MATTERS or bool(group[0].context & _MATTERS)
        span = group[0].head in _SPANS  # "in 33 years": a time span, rarely the news
        return (len(publishers) + 2 * matters - 2 * span, len(group))

    figures = []
    for group in sorted(groups, key=importance, reverse=True)[:limit]:
        by_value: dict[float, list[_Mention]] = {}
        for m in group:
            by_value.setdefault(m.amount, []).append(m)
        ranked = sorted(by_value.values(), key=lambda ms: (-len({m.publisher for m in ms}), ms[0].amount))
        main, *others = [_figure(ms) for ms in ranked]
        main.conflicts = others
        figures.append(main)
    return figures


def _figure(mentions: list[_Mention]) -> Figure:
    value = Counter(m.value for m in mentions).most_common(1)[0][0]
    label = Counter(m.label for m in mentions).most_common(1)[0][0]
    sources = list(dict.fromkeys(m.article for m in mentions))
    return Figure(value=value, label=label, sources=sources)
