"""Compose a news-style digest from a story's articles and the sentences the summarizer selected.

Headline from the sources' own headlines (or the lede's own words), a lede that says who did what,
sections grouped by sub-topic with subheadings from the sources' words, key figures, quotes, where
sources differ, and the list of sources. Nothing is written that the sources did not say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from newsdistill.dedupe import find_copies
from newsdistill.model import Article, Digest, Disagreement, Section, Sentence, Story
from newsdistill.summarize.figures import key_figures
from newsdistill.summarize.headline import (choose_headline, choose_latest, choose_lede,  # noqa: F401
                                            clean_title, fallback_lede, story_sentences)
from newsdistill.summarize.quotes import merge_quotes
from newsdistill.summarize.sources import carries
from newsdistill.text import (MONTHS, NAME_PARTICLES, STOPWORDS, WEEKDAYS, content_stems, name_positions, names, numbers,
                             split_sentences, words)

_NOT_TOPICS = (STOPWORDS | WEEKDAYS | set(MONTHS) | {w + "s" for w in (*WEEKDAYS, *MONTHS)}  # "the coldest Novembers"
               | {"today", "yesterday", "tomorrow", "tonight", "week", "year", "celsius", "fahrenheit", "minus", "plus"})
_PARTICLES = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
_POSSESSIVE = re.compile(r"['’]s$")
_MEDIA = frozenset("""press news daily times post agency reuters tribune herald journal wire television radio
courier gazette chronicle broadcasting associated""".split())
_DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean", "ic", "an", "i")
LENGTHS = {"brief": 100, "standard": 250, "full": 600}
Selector = Callable[[list[Article], int], list[Sentence]]
NOTE = ("Assembled by newsdistill from the {n} listed articles' own sentences, without rewriting; "
        "the numbers after each sentence point to the sources that carry it.")


def _without_restatements(selected: list[Sentence], share: float = 0.7, fixed: int = 0) -> list[Sentence]:
    """Drop a sentence whose content words are mostly (``share``) in one sentence said before it:
    "Mayor Strand said the city would set up an independent inquiry" after "Mayor Strand said an
    independent inquiry would look at why repairs ... had not been carried out" tells nothing new
    (the selection counts each concept once, but a long budget still fills up with such echoes).
    A short earlier sentence that a later one repeats with more detail, the same count of the same
    thing among its words ("Two of the injured were in critical condition", then "... said two of
    the injured were in a serious condition at Karsholm University Hospital"), gives way to it;
    the first ``fixed`` sentences (the lede) always stay."""
    kept: list[tuple[Sentence, frozenset[str], set[tuple[float, str]]]] = []
    for sentence in selected:
        stems = frozenset(content_stems(sentence.text))
        facts = _counts(sentence.text)
        if len(stems) >= 4 and any(carries(stems, seen, share) for _, seen, _ in kept):
            continue
        kept = [k for i, k in enumerate(kept) if i < fixed or not (k[2] & facts and carries(k[1], stems, 0.66))]
        kept.append((sentence, stems, facts))
    return [sentence for sentence, _, _ in kept]


def _counts(text: str) -> set[tuple[float, str]]:
    """(value, stem of the word it counts) of each number in ``text``: "two of the injured" -> (2, "injur")."""
    out, pos = set(), 0
    for surface, value in numbers(text):
        at = text.find(surface, pos)
        pos = at + len(surface) if at >= 0 else pos
        following = content_stems(text[pos:pos + 40]) if at >= 0 else []
        if following:
            out.add((value, following[0]))
    return out


def _sections(body: list[Sentence], headline: str, max_sections: int = 4) -> list[Section]:
    """Group sentences by shared salient words (about three sentences a section); each group is
    headed by the phrase from its sentences that best sets it apart."""
    if not body:
        return []
    wanted = max(1, min(max_sections, round(len(body) / 3)))
    stems = [set(content_stems(s.text)) for s in body]
    groups: list[list[int]] = []
    for i, st in enumerate(stems):
        scored = [(_overlap(st, set().union(*(stems[j] for j in g))), k) for k, g in enumerate(groups)]
        share, k = max(scored, default=(0.0, -1))
        if k >= 0 and (share >= 0.2 or len(groups) >= wanted):
            groups[k].append(i)
        else:
            groups.append([i])
    while len(groups) > 1 and min(len(g) for g in groups) == 1:  # no one-sentence sections
        lone = next(g for g in groups if len(g) == 1)
        groups.remove(lone)
        best = max(groups, key=lambda g: _overlap(stems[lone[0]], set().union(*(stems[j] for j in g))))
        best.extend(lone)
        best.sort()
    used = set(content_stems(headline))
    headed: set[str] = set()  # the words of the subheadings so far: no two end on one ("Washington Nationals")
    sections = []
    for g in groups:
        others = [stems[j] for h in groups if h is not g for j in h]
        heading = _heading([body[j] for j in g], used, others, headed)
        heading_stems = content_stems(heading)
        used.update(heading_stems)
        headed.update(heading_stems)
        sections.append(Section(heading=heading, sentences=[body[j] for j in g]))
    return sections


# Words that make a name an organisation's or a place's, not a person's ("Gaza Strip", "Wye River")
_ORG_LIKE = frozenset("""party council court ministry department agency company corp inc university
commission committee army force forces police airport airlines bank fund union league radio news
house senate congress government authority republic state states united embassy
river sea lake bay island islands strip valley mountains street square accord""".split())
_CAPITALISED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)(?:['’]s)?\b")


def _without_bare_names(sections: list[Section], before: list[Sentence], headline: str,
                        articles: list[Article]) -> list[Section]:
    """Drop a section sentence whose first mention of someone is a bare surname ("Blewitt declined
    to speculate ...") that its article introduced earlier by a fuller name ("Graham Blewitt, the
    tribunal's deputy prosecutor") which nothing the reader has seen so far gives (the headline,
    ``before``: the lede and "Latest", and the sentences above it). A surname is a capitalised word
    the article never writes in lower case, first or last of one of the names before the sentence
    ("Xu Wenli" too), standing alone: "Mr. Blewitt" and "Xu Wenli" are introductions of their own."""
    by_id = {a.id: a for a in articles}
    found: dict[str, list[tuple[int, str]]] = {}  # an article's names with where they are, found once
    seen = " ".join([headline, *(s.text for s in before)])
    out = []
    for section in sections:
        kept = []
        for sentence in section.sentences:
            article = by_id.get(sentence.article_id)
            if article is None or not _bare_surname(sentence, article, seen, found):
                kept.append(sentence)
                seen += " " + sentence.text
        if kept:
            out.append(Section(heading=section.heading, sentences=kept))
    return out


def _bare_surname(sentence: Sentence, article: Article, seen: str, found: dict[str, list[tuple[int, str]]]) -> bool:
    """Whether ``sentence`` names someone by a bare surname its ``article`` introduced before it by
    a fuller name and ``seen`` (what the reader has read) does not hold. ``found``: articles' names
    with their positions (:func:`~newsdistill.text.name_positions`), filled as they are needed."""
    if not (article.language or "en").startswith("en"):
        return False  # other languages write titles in lower case ("le général Miller")
    at = article.text.find(sentence.text)
    if at <= 0:
        return False
    if article.id not in found:
        found[article.id] = name_positions(article.text)
    earlier = [name for pos, name in found[article.id] if 0 <= pos and pos + len(name) <= at]
    for m in _CAPITALISED.finditer(sentence.text):
        word = m.group(1)
        if word.lower() in _NOT_TOPICS or re.search(rf"\b{word}\b", seen) or re.search(
                rf"\b(?:{word.lower()}|the {word})\b", article.text):
            continue  # no surname: a word written in lower case, a date, a team or a people ("the Orioles")
        before, after = sentence.text[:m.start()].split()[-1:], sentence.text[m.end():].split()[:1]
        if (before and (before[0][:1].isupper() or re.fullmatch(_PARTICLES, before[0]))) or (
                after and after[0][:1].isupper()):
            continue  # "Mr. Blewitt", "Xu Wenli", "da Silva": named in full here
        # a surname: the article's first use of the word is in a fuller name (a place or a people
        # the article also names alone from the start: "Israel has threatened ...")
        first = next((name.split() for name in earlier if re.search(rf"\b{word}\b", name)), None)
        if not first or len(first) < 2 or _ORG_LIKE & {w.lower().strip(".,") for w in first}:
            continue
        given = first[-2] if word == first[-1] else first[1] if word == first[0] and len(first) == 2 and len(word) <= 5 \
            else None  # Western order ("Graham Blewitt"), or a short family name first ("Xu Wenli")
        # a given name is used only with its surname ("Microsoft" alone makes "Microsoft Windows" no person)
        if given and article.text.count(given) <= article.text.count(f"{first[-2]} {first[-1]}"):
            return True
    return False


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a) or 1)


def _heading(sents: list[Sentence], used: set[str], others: list[set[str]],
             headed: frozenset[str] | set[str] = frozenset()) -> str:
    """A name or content-word phrase from the group's own sentences, frequent in the group and rare
    elsewhere in the story; "More details" when nothing stands out."""
    counts: Counter[str] = Counter()
    for s in sents:
        seen = set()
        found = names(s.text)
        for name in found:
            name = _POSSESSIVE.sub("", name)  # "Brazil's" -> "Brazil"
            lowered = set(name.lower().split())
            if not 1 <= len(name.split()) <= 4 or lowered & _NOT_TOPICS or lowered & _MEDIA:
                continue  # "Associated Press", "China Sports Daily": who reported, not what
            if re.search(r"['’]s\s", name):
                continue  # "Verge's Stadia": two names, neither the heading's
            if _used_as_adjective(name, s.text):
                continue  # "Spanish requests", "Kenyan police": the phrase may head, the adjective not
            if re.search(rf"\b(?i:{_PARTICLES})\s+{re.escape(name)}\b", s.text):
                continue  # "Klerk" of "F.W. de Klerk", "De Klerk's": part of a name
            if _reporter(name, s.text):
                continue  # "Bill Shaikin, the reporter who wrote the story": who reported, not what
            seen.add((name, 2.0))
        ws = [w for w in words(s.text)]
        full_names = {_POSSESSIVE.sub("", name) for name in found}
        for n in (2, 1):
            for i in range(len(ws) - n + 1):
                gram = ws[i:i + n]
                if any(w.lower() in _NOT_TOPICS or w[0].isdigit() or len(w) < 3 for w in gram):
                    continue
                if n == 1 and gram[0][0].isupper() and _used_as_adjective(gram[0], s.text):
                    continue
                if {w.lower() for w in gram} & _MEDIA:
                    continue
                if all(w[0].isupper() for w in gram) and " ".join(gram) not in full_names and (
                        (i > 0 and ws[i - 1][0].isupper()) or (i + n < len(ws) and ws[i + n][0].isupper())):
                    continue  # "Minister Mesut" of "Prime Minister Mesut Yilmaz": a piece of a name
                seen.add((_POSSESSIVE.sub("", " ".join(gram)), 1.0 if n == 2 else 0.6))
        for phrase, weight in sorted(seen):
            if " " not in phrase and phrase[0].isupper() and _opens_longer_name(phrase, s.text):
                continue  # "Truth" of "Truth Commission", "Truth and Reconciliation Commission"
            counts[phrase] += weight
    best, best_score = "", 0.0
    for phrase, score in counts.items():
        st = set(content_stems(phrase))
        last = content_stems(phrase.split()[-1])
        if not st or st <= used or (last and last[-1] in headed):
            continue  # ... or naming again what a subheading named ("Nationals", "Washington Nationals")
        elsewhere = sum(1 for o in others if st <= o)
        score = score / (1 + elsewhere)
        if score > best_score or (score == best_score and len(phrase) > len(best)):
            best, best_score = phrase, score
    if not best or best_score < 1.0:
        return "More details"
    return best[0].upper() + best[1:]


_OUTLET_WORDS = (r"(?:Herald|Times|Post|News|Journal|Tribune|Globe|Daily|Press|Magazine|Gazette|Chronicle|"
                 r"Telegraph|Guardian|Reuters|AP|ESPN|CNN|BBC|Newsday|Bloomberg)")


def _reporter(name: str, text: str) -> bool:
    """Whether ``text`` presents ``name`` as a journalist: "reporter Bill Shaikin", "Bill Shaikin,
    the reporter", "Michael Silverman of the Boston Herald", "Silverman wrote"."""
    n = re.escape(name)
    return bool(re.search(
        rf"\b(?:reporter|columnist|correspondent|writer|editor)\s+{n}\b|\b{n},?\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
        rf"(?:reporter|columnist|correspondent|writer|editor)\b|\b{n},?\s+(?:of|from|for)\s+(?:the\s+)?"
        rf"(?:[A-Z][\w.-]*\s+){{0,3}}{_OUTLET_WORDS}\b|\b{n}\s+(?:wrote|reported|reports|writes)\b", text))


def _opens_longer_name(word: str, text: str) -> bool:
    """A capitalised word followed by another ("Truth Commission"), or by "and"/"of" and one
    ("Truth and Reconciliation ..."), somewhere in ``text``: part of a longer name."""
    for m in re.finditer(rf"\b{re.escape(word)}\s+(?:(?:and|of|for)\s+)?([A-Z][\w'’-]*)", text):
        if m.group(1).lower() not in _NOT_TOPICS:  # "Chile Thursday" is not a name
            return True
    return False


def _used_as_adjective(word: str, text: str) -> bool:
    """A nationality word used before a noun ("Spanish requests", "Israeli security officials")."""
    if not word.lower().endswith(_DEMONYM_ENDINGS):  # of a name, its last word: "South African"
        return False
    return any(m.group(1) not in STOPWORDS for m in re.finditer(rf"\b{re.escape(word)}\s+([a-z][a-z-]+)", text))


def _disagreements(digest: Digest, articles: list[Article]) -> list[Disagreement]:
    """Figures the sources give differently, each value with the sentence that states it."""
    out = []
    by_id = {a.id: a for a in articles}
    for f in digest.key_figures:
        if not f.conflicts:
            continue
        claims = []
        for g in [f, *f.conflicts]:
            sentence = _sentence_with(g.value, g.sources, by_id)
            if sentence:
                claims.append(sentence)
        if len(claims) > 1:
            out.append(Disagreement(about=f.label, claims=claims))
    return out


def _sentence_with(value: str, sources: list[str], by_id: dict[str, Article]) -> Sentence | None:
    for sid in sources:
        for pos, text in enumerate(split_sentences(by_id[sid].text)):
            if any(surface == value for surface, _ in numbers(text)):
                return Sentence(text=text, article_id=sid, position=pos, sources=[sid])
    return None


def _only_one_outlet(selected: list[Sentence], articles: list[Article], disputed: set[float],
                     limit: int = 3) -> list[Disagreement]:
    """Selected statements that a single publisher reports and no other article mentions
    (figures already shown as disputed are not repeated)."""
    outlets = {a.id: (a.outlet or a.id).lower() for a in articles}
    if len(set(outlets.values())) < 2:
        return []
    out: dict[str, Disagreement] = {}  # one entry per outlet, its statements together
    claims = 0
    for s in selected:
        publishers = {outlets.get(x) for x in s.sources}
        if len(publishers) != 1:
            continue
        facts = {v for _, v in numbers(s.text)}
        if facts & disputed:
            continue
        others = [a for a in articles if outlets[a.id] not in publishers]
        if facts and not any(facts & {v for _, v in numbers(a.text)} for a in others):
            name = next(a.outlet or a.id for a in articles if a.id in s.sources)
            out.setdefault(name, Disagreement(about=f"Reported only by {name}", claims=[])).claims.append(s)
            claims += 1
        if claims >= limit:
            break
    return list(out.values())


def compose(story: Story, select: Selector, length: str = "standard") -> Digest:
    """The digest of one story, every part carrying the ids of the articles it came from."""
    articles = sorted(story.articles, key=lambda a: (a.published or datetime.max.replace(tzinfo=None).astimezone(), a.id))
    budget = LENGTHS.get(length, LENGTHS["standard"])
    sentences = story_sentences(articles)
    lede = choose_lede(articles, sentences=sentences)
    latest = choose_latest(articles, sentences)  # the newest report's opening, when the story has grown
    used = sum(len(s.text.split()) for s in [*lede, *([latest] if latest else [])])
    selected = _without_restatements(lede + select(articles, max(budget - used, budget // 2)), fixed=len(lede))
    lede = lede or fallback_lede(selected)
    lede_texts = {s.text for s in lede}
    body = [s for s in selected if s.text not in lede_texts]
    if latest is not None:
        body = [s for s in body if s.text != latest.text]  # moved up under "Latest"
        told = [frozenset(content_stems(s.text)) for s in lede + body]
        if any(carries(frozenset(content_stems(latest.text)), t, 0.7) for t in told):
            latest = None  # the lede or an earlier report already tells it
    dates = [a.published for a in articles if a.published]
    digest = Digest(story_id=story.id, published=min(dates, default=None), updated=max(dates, default=None),
                    lede=lede, sources=articles, note=NOTE.format(n=len(articles)),
                    copies=find_copies(articles) if story.copies is None else dict(story.copies))
    digest.headline = choose_headline(articles, lede, sentences=sentences)
    digest.sections = _without_bare_names(_sections(body, digest.headline), [*lede, *([latest] if latest else [])],
                                          digest.headline, articles)
    if latest is not None:
        digest.sections.insert(0, Section(heading="Latest", sentences=[latest]))  # right after the lede
    digest.key_figures = key_figures(articles, limit={"brief": 3, "standard": 6, "full": 10}.get(length, 6),
                                     copies=digest.copies)
    digest.quotes = merge_quotes(articles)[: {"brief": 2, "standard": 4, "full": 8}.get(length, 4)]
    disputed = {v for f in digest.key_figures if f.conflicts for g in [f, *f.conflicts] for _, v in numbers(g.value)}
    digest.disagreements = _disagreements(digest, articles) + _only_one_outlet(body, articles, disputed)
    return digest
