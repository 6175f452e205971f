"""Compose a news-style digest from a story's articles and the sentences the summarizer selected.

Headline from the sources' own headlines (or the lede's own words), a lede that says who did what,
sections grouped by sub-topic with subheadings from the sources' words, key figures, quotes, where
sources differ, and the list of sources. Nothing is written that the sources did not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from newsdistill.dedupe import find_copies
from newsdistill.model import Article, Digest, Disagreement, Section, Sentence, Story
from newsdistill.summarize import summary_language
from newsdistill.summarize.figures import key_figures
from newsdistill.summarize.headline import (choose_headline, choose_latest, choose_lede,  # noqa: F401
                                            clean_title, fallback_lede, story_sentences)
from newsdistill.summarize.quotes import merge_quotes
from newsdistill.summarize.sources import carries
from newsdistill.summarize.sections import NOT_TOPICS as _NOT_TOPICS
from newsdistill.summarize.sections import PARTICLES as _PARTICLES
from newsdistill.summarize.sections import sections as _sections
from newsdistill.text import content_stems, name_positions, numbers, split_sentences, word_count

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
    if not article.english:
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
    used = sum(word_count(s.text) for s in [*lede, *([latest] if latest else [])])
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
    sections = _sections(body, digest.headline, language=summary_language(articles))
    digest.sections = _without_bare_names(sections, [*lede, *([latest] if latest else [])], digest.headline, articles)
    if latest is not None:
        digest.sections.insert(0, Section(heading="Latest", sentences=[latest]))  # right after the lede
    shown = [*lede, *(s for section in digest.sections for s in section.sentences)]
    digest.key_figures = key_figures(articles, limit={"brief": 3, "standard": 6, "full": 10}.get(length, 6),
                                     copies=digest.copies, shown=shown)
    digest.quotes = merge_quotes(articles)[: {"brief": 2, "standard": 4, "full": 8}.get(length, 4)]
    disputed = {v for f in digest.key_figures if f.conflicts for g in [f, *f.conflicts] for _, v in numbers(g.value)}
    digest.disagreements = _disagreements(digest, articles) + _only_one_outlet(body, articles, disputed)
    return digest
