"""Key figures: numbers that matter, what they count, who reports them, and where outlets differ.

A figure is a number in a sentence with the words that say what it counts ("14 people were
injured"). Mentions of the same quantity across articles are grouped by what they count (the
counted noun and the words around it); within a group, different values from different sources
are reported as conflicts, each with its sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsdistill.dedupe import publishers
from newsdistill.model import Article, Figure, Sentence
from newsdistill.summarize.mentions import MATTERS, SPANS, UNITS, Mention, mentions
from newsdistill.text import SCALE, STOPWORDS, numbers, stem, words

__all__ = ["key_figures"]

_BACKED_STORY = 3  # reports in a story from which a key figure needs two, or a sentence shown


def _same_quantity(a: Mention, b: Mention) -> bool:
    if a.past != b.past:
        return False  # 20 died in the 1978 fire, 60 in this one: two counts
    if a.amount == b.amount and a.head == b.head and (a.kind is None or b.kind is None):
        return True  # "19 nationalities", "the dead and injured were of 19 nationalities"
    if a.amount == b.amount and a.kind == b.kind and _label_stems(a) & _label_stems(b):
        return True  # "$1 million damage", "$1 million fire damages", "$1 million damages to the church"
    if a.kind != b.kind or (a.kind is None and a.head != b.head):
        return False  # casualty counts match by kind ("14 hurt", "12 people injured"), others by noun
    if not a.kind and a.subjects and b.subjects and not a.subjects & b.subjects:
        return False  # "Cardoso won 51 percent" and "Lula got 24 percent" count different things
        # (a death toll is one count whoever is named beside it: "60 dead, police chief Olin said")
    # Outlets that disagree on a count give close values (12 vs 14); 11 and 250 people are two counts.
    low, high = sorted((abs(a.amount), abs(b.amount)))
    if high > 2 * low:
        return False
    if a.kind or a.amount == b.amount:
        return True  # (the same number of the same thing: "400 people", "400 people inside")
    union = len(a.context | b.context) or 1
    # a shared word that matters besides the counted noun itself ("400 people" inside, "150 people"
    # the hall may hold: two counts of people)
    return len(a.context & b.context) / union >= 0.3 or bool((a.context & b.context & MATTERS) - {a.head, b.head})


def _label_stems(m: Mention) -> set[str]:
    return {stem(w) for w in m.label.split() if w not in STOPWORDS}


def key_figures(articles: list[Article], limit: int = 6, copies: dict[str, str] | None = None,
                shown: Iterable[Sentence] = ()) -> list[Figure]:
    """The figures that matter most, most widely reported first, with conflicting values. A copy of
    another article (``copies``: copy's id -> original's id) reports with its original's publisher.

    In a story of ``_BACKED_STORY`` reports or more (copies counted once), a figure that only one
    report gives is a key figure only where a sentence the digest shows (``shown``) states it: a
    reader can then see what it counts, and a count one report of many mentions in passing ("94 yes
    votes", "33 share") is rarely what the story is about. A figure said of an earlier year's event
    ("the 1988 bombing, which killed 270 people") is one only where that many reports give it: the
    background every report repeats, and not where the story counts the same thing of its own ("In
    1978, 20 people died in a hotel fire" beside this fire's 60 dead).
    """
    publisher = publishers(articles, copies)
    copies = copies or {}
    groups: list[list[Mention]] = []
    for article in articles:
        for mention in mentions(article, publisher[article.id]):
            for group in groups:
                if _same_quantity(mention, group[0]):
                    group.append(mention)
                    break
            else:
                groups.append([mention])
    groups = _join_twins(groups)
    reports = {copies.get(a.id, a.id) for a in articles}
    stated = [(set(s.sources), {surface for surface, _ in numbers(s.text)}, {w.lower() for w in words(s.text)})
              for s in shown]

    def backed(group: list[Mention]) -> bool:
        given = len({copies.get(m.article, m.article) for m in group})
        if group[0].past:
            return given >= _BACKED_STORY  # an earlier event's toll, only as the story's own background
        if len(reports) < _BACKED_STORY or given > 1:
            return True
        # the sentence shown states this count: its number, and what the label says it counts
        return any(m.article in ids and m.surface in values and m.label.split()[0].lower() in said
                   for m in group for ids, values, said in stated)

    def importance(group: list[Mention]) -> tuple:
        publishers = {m.publisher for m in group}
        matters = group[0].head in MATTERS or bool(group[0].context & MATTERS)
        span = group[0].head in SPANS  # "in 33 years": a time span, rarely the news
        measure = group[0].head in UNITS  # "400 miles south", "19,000 feet": a description, rarely the news
        disputed = len({m.amount for m in group}) > 1 and len(publishers) > 1
        past = group[0].past
        return (len(publishers) + 2 * matters - 2 * span - 2 * measure + 2 * disputed - 2 * past, len(group))

    telling = [g for g in groups if not _vague(g) and backed(g)]
    own = {g[0].kind or g[0].head for g in telling if not g[0].past}
    telling = [g for g in telling if not (g[0].past and (g[0].kind or g[0].head) in own)]  # its own toll comes first
    figures = []
    for group in sorted(telling, key=importance, reverse=True)[:limit]:
        ranked = sorted(_by_value(group), key=lambda ms: (-_publishers(ms), ms[0].amount))
        main_publishers = {m.publisher for m in ranked[0]}
        # A conflict is another publisher's figure: two numbers in one outlet's report are two counts.
        others = [ms for ms in ranked[1:] if {m.publisher for m in ms} - main_publishers]
        main, *rest = [_figure(ms) for ms in [ranked[0], *others]]
        main.conflicts = rest
        figures.append(main)
    return figures


def _join_twins(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Groups that hold the same count twice become one ("23 pirates" and "23 pirates arrested"): a
    mention joins the first group whose first mention it matches, so one count may start two. Two
    groups join only where their main values (most publishers) are that same count."""
    joined: list[tuple[float, list[Mention]]] = []
    for group in groups:
        value = max(_by_value(group), key=_publishers)[0].amount  # the main value: most publishers
        ours = [m for m in group if m.amount == value]
        twin = next((g for v, g in joined if v == value and any(_same_quantity(m, n) for m in ours for n in g
                                                                 if n.amount == value)), None)
        if twin is None:
            joined.append((value, group))
        else:
            twin.extend(group)
    return [g for _, g in joined]


def _by_value(group: list[Mention]) -> list[list[Mention]]:
    """A group's mentions by value, in the order the values first come."""
    by_value: dict[float, list[Mention]] = {}
    for m in group:
        by_value.setdefault(m.amount, []).append(m)
    return list(by_value.values())


def _publishers(mentions: list[Mention]) -> int:
    return len({m.publisher for m in mentions})


_GENERIC = frozenset(stem(w) for w in "people persons victims men women children others".split())


def _vague(group: list[Mention]) -> bool:
    """A bare count of people that says nothing of what happened to them ("Two victims are
    fighting for their lives", "pulled at least eight people out"), from one publisher: without
    its sentence a reader cannot tell what it counts, so it is no key figure (the sentence may
    still be in the story)."""
    labels = {m.label for m in group}
    bare = all(len(label.split()) == 1 and stem(label) in _GENERIC for label in labels)
    return bare and len({m.publisher for m in group}) < 2 and not any(m.kind for m in group)


def _figure(mentions: list[Mention]) -> Figure:
    """In digits where a report writes it so, else its words' amount ("Fourteen": "14", "two million": "2 million")."""
    values = Counter(m.value for m in mentions)
    value = max(values, key=lambda v: (any(c.isdigit() for c in v), values[v]))
    scale = value.split()[-1].lower() if len(value.split()) > 1 and value.split()[-1].lower() in SCALE else ""
    if not any(c.isdigit() for c in value) and (amount := mentions[0].amount / SCALE.get(scale, 1)).is_integer():
        value = f"{int(amount):,} {scale}".strip()
    # "3 dead" says more than "3 people" of the same count, where a third of the mentions in two
    # reports say so and none says another thing happened to them
    said = [m for m in mentions if m.kind]
    if len({m.kind for m in said}) != 1 or len({m.article for m in said}) < 2 or 3 * len(said) < len(mentions):
        said = mentions
    label = Counter(m.label for m in said).most_common(1)[0][0]
    sources = list(dict.fromkeys(m.article for m in mentions))
    return Figure(value=value, label=label, sources=sources)
