"""Candidate sentences: split each article into sentences, clean them, and drop the unusable ones.

Cleaning removes what is not part of a sentence (datelines such as "LONDON (AP) _" or
"WASHINGTON --", wire-style quote marks); filtering drops what a reader cannot use out of context
(bylines, editor notes, photo credits, quote fragments, sentences that open with an unresolved
pronoun or a discourse connective, very short or very long ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdistill.model import Article
from newsdistill.text import (MONTHS, NAME_PARTICLES, ORG_WORDS, QUOTED, WEEKDAYS, normalize_space, split_dateline,
                             split_sentences, word_count)

MIN_WORDS = 8
MAX_WORDS = 55

# bylines, editor notes, photo credits, page furniture (lowercase text; starts, then anywhere)
_FURNITURE_START = re.compile(
    r"(?:by|from)\s+[a-z][\w.'-]+(?:\s+[a-z][\w.'-]+){0,3}\s*(?:,|$)|(?:ap|reuters|afp) (?:photo|writer)|"
    r"\(?(?:optional|end|ends|more|story filed|note to editors)\b")
_FURNITURE_ANY = re.compile(
    r"\b(?:associated press|news service|staff) (?:writer|correspondent)\b|editor'?s note|"
    r"\bphoto(?:graph)?s? (?:by|credit)|\(ap photo|\bcopyright\b|all rights reserved|\bclick here\b|"
    r"\bsubscribe\b|\bnewsletter\b|\bsign up\b|\bread more\b|\bfollow us\b|news service\b|&[a-z]{2};")
# every _FURNITURE_ANY match contains one of these: a cheap test before the regular expression
_FURNITURE_HINTS = ("writer", "correspondent", "note", "photo", "copyright", "reserved", "click", "subscribe",
                    "newsletter", "sign up", "read more", "follow us", "news service", "&")
PRONOUNS = frozenset(
    "he she it they them this these those his her its their theirs him that such there here".split())
CONNECTIVES = frozenset(
    "but however also and or so yet still meanwhile moreover furthermore nevertheless nonetheless "
    "besides instead otherwise thus hence therefore consequently likewise similarly then later "
    "earlier afterwards additionally indeed though although because".split())
# After the sentence's subject, between commas: it answers a sentence the digest may not show.
_INNER_CONNECTIVE = re.compile(r"^[^,;:]{1,80},\s*(?:though|however|meanwhile|instead|nevertheless|nonetheless|"
                               r"too|in turn|in contrast|by contrast|on the other hand|as a result|therefore),", re.I)
_PUNCT = "\"'“”‘’`([{.,;:!?-"
_OPEN_QUOTE = re.compile(r"^[\"'“‘`「『]")
_WIRE_QUOTES = [(re.compile(r"``\s*"), "\""), (re.compile(r"(\s*)''(?=\w)"), "\\1\""),  # '' opening a quote
                (re.compile(r"\s*''"), "\""), (re.compile(r"\s+_\s+"), " - ")]


@dataclass(slots=True)
class Candidate:
    """One sentence of one article, cleaned, with where it came from and why it may be unusable."""

    text: str            # the cleaned sentence, as shown
    original: str        # the sentence as written in the article
    article_id: str
    article_index: int   # the article's place in the input
    position: int        # sentence number in the article (0 = first)
    paragraph: int
    n_words: int
    reject: str | None = None  # why it cannot be selected (kept for source matching)
    sources: list[str] = field(default_factory=list)


_LEADING_DASH = re.compile(r"^(?:_|--|—|–)\s+")


def clean_sentence(text: str, first_in_paragraph: bool = False) -> str:
    """Display form of a sentence: wire quotes as plain quotes, no leading dateline."""
    if "``" in text or "''" in text or " _ " in text:
        for pattern, repl in _WIRE_QUOTES:
            text = pattern.sub(repl, text)
    if "  " in text or "\n" in text or "\t" in text:
        text = normalize_space(text)
    text = _LEADING_DASH.sub("", text)  # "_ With federal marshals posted outside, ...": the wire's dash
    if first_in_paragraph:
        found = split_dateline(text)
        if found:
            text = found[1]
    return text


# Every reason :func:`reject_reason` gives (the summarizer rejects them all by default)
REASONS = frozenset({"too short", "too long", "furniture", "quote", "pronoun", "fragment", "headline", "connective",
                     "unfinished", "question", "elliptical", "shouting", "first person"})


def reject_reason(text: str, english: bool = True) -> str | None:
    """Why a cleaned sentence is unusable on its own in a summary, or None when it is fine
    (``english``: whether English-only tests apply too)."""
    ws, n = text.split(), word_count(text)
    if n < MIN_WORDS:
        return "too short"
    if n > MAX_WORDS:
        return "too long"
    low = text.lower()
    if _FURNITURE_START.match(low) or (any(h in low for h in _FURNITURE_HINTS) and _FURNITURE_ANY.search(low)):
        return "furniture"
    if text.count('"') % 2 or _OPEN_QUOTE.match(text) or sum(map(text.count, "“”„")) % 2:  # "„...“" is German
        return "quote"
    first = ws[0].strip(_PUNCT).lower()
    if first in PRONOUNS or _dangles_after_intro(ws) or _points_back(text) or _OF_THEM.search(text):
        return "pronoun"
    if ws[0].isalpha() and ws[0].islower() and ws[0] not in NAME_PARTICLES:  # ("de Klerk said ...")
        return "fragment"  # "have made an offer [for Mark Teixeira], the biggest ...": a sentence's tail
    if _title_case(ws):
        return "headline"  # "Herald: Sox Make Offer To Teixeira (8 Years?)"
    if first in CONNECTIVES or (english and _INNER_CONNECTIVE.search(text)):
        return "connective"  # "NASA's plans, though, depend on ...": a contrast with what went before
    if text.rstrip()[-1:] not in ".!?\"'”’)।॥؟。！？」』）":
        return "unfinished"
    if text.endswith(("?", "؟", "？")):
        return "question"
    if _ELLIPTICAL.search(text):
        return "elliptical"
    if len(ws) > 1 and ws[1][:1].islower() and _shouted(ws[0].strip(_PUNCT)):
        return "shouting"
    if english and _first_person(text):
        return "first person"
    return None


# Someone's own words without quote marks ("I dated a million guys, but I'm so happy ..."), or a
# writer's first person: in a digest of many outlets' sentences, "I" and "we" are nobody.
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|we|us|our|ours|myself|ourselves)\b(?![.’'-]?\w)|\bI\b(?=['’])|"
                           r"^(?:My|We|Our)\b", re.M)


def _first_person(text: str) -> bool:
    """"I", "we", "my" ... outside quote marks; not a Roman numeral after a name ("World War I")."""
    if not _FIRST_PERSON.search(text):
        return False  # (most sentences: spare taking the quotes out)
    for m in _FIRST_PERSON.finditer(QUOTED.sub("", text)):
        before = m.string[:m.start()].split()[-1:]
        if m.group() == "I" and before and before[0][:1].isupper() and before[0].isalpha():
            continue
        return True
    return False


# "The Taliban, the Islamic movement that controls most of Afghanistan, refused.": refused what? A
# main clause ending on a verb that needs what was said before it (not "..., who is.": the sentence's own).
_ELLIPTICAL = re.compile(r",\s+(?:(?!who\b|which\b|that\b)[\w'’]+\s+)?(?:refused|declined|agreed|did|does|do|will|would|"
                         r"can|could|has|have|had|is|was|were|are)\s*[.!]$", re.I)
# "two of those supports", "with these provisions": a demonstrative pointing at a sentence before
_POINTING = re.compile(r"\b(?:of|on|in|at|to|for|with|from|by|about|against|under|over|after|before|all|both|"
                       r"two|three|four|many|some|most|none|one|either|neither)\s+(?:these|those)\s+([a-z]+)\b", re.I)
_NOT_POINTING = frozenset("who whom whose which that where".split())


# "... was one of them.", "One of them told the judge ...": who are they? ("69 died, most of them
# buried in landslides" says it)
_OF_THEM = re.compile(r"^(?:one|some|many|most|all|none|each|both|either|neither|two|three|several)\s+of\s+them\b|"
                      r"\bof\s+them[.!]?[\"'”’]?$", re.I)


def _title_case(words: list[str]) -> bool:
    """A headline's capitals on every word ("Sox Make Offer To Teixeira (8 Years?)"), not a sentence."""
    rest = [w.strip(_PUNCT) for w in words[1:]]
    rest = [w for w in rest if w[:1].isalpha()]
    return len(rest) >= 5 and sum(w[:1].isupper() for w in rest) >= 0.8 * len(rest)


def _points_back(text: str) -> bool:
    """A demonstrative that needs the sentence before ("Only two of those bills have been signed"),
    not "those who ...", "those killed", "those seeking refuge"."""
    for m in _POINTING.finditer(text):
        word = m.group(1).lower()
        if word not in _NOT_POINTING and not word.endswith(("ed", "ing")):
            return True
    return False


def _shouted(word: str) -> bool:
    """A common English word in capitals (before a lowercase one) opening a sentence: a tabloid's
    "TERRIFIED commuters plunged ...", not an acronym ("NATO", "UNICEF") or a dateline ("LONDON (AP)")."""
    if len(word) < 5 or not word.isalpha() or not word.isupper():
        return False
    from wordfreq import zipf_frequency  # (installed with newsdistill: its data ships in the wheel)

    return zipf_frequency(word.lower(), "en") >= 3.5


# An introductory phrase ("In response to criticism from home and abroad, ..."): opened by one of
# these or by a participle ("Hailing ..."), or ending in a time word ("Three years ago, ...").
_INTRO_OPENERS = frozenset("""in on at after before during with without by as while when since despite amid
following although though because if unlike like for from under over until once""".split())
_INTRO_ENDINGS = ("ago", "later", "earlier", "now")
_INTRO_ADVERBS = frozenset("even just only shortly long soon well right".split())
_SPANS = frozenset("minutes hours days weeks months years decades".split())  # "Nine months before ..."
_TIME_NAMES = WEEKDAYS | set(MONTHS)
# how a main clause may start after an introductory phrase (else the "phrase" was the main clause)
_SUBJECT_STARTS = PRONOUNS | frozenset("the a an some many most several all both few no one two three".split())


def intro_length(words: list[str]) -> int:
    """How many words a sentence's introductory phrase takes ("In response to criticism from home
    and abroad," -> 7), 0 without one."""
    for i, w in enumerate(words[:25]):
        if w.rstrip("\"”’'").endswith(","):
            first = words[0].lower().strip("\"'“‘(")
            if first in _INTRO_ADVERBS and len(words) > 1:  # "Even before the storm ..."
                first = words[1].lower()
            # a participle opening a phrase ("Hailing the archbishop"), not an adjective ("Ailing
            # Philippine Airlines ... have clashed, prompting ...")
            participle = first.endswith("ing") and len(words) > 1 and words[1][:1].islower()
            rest = words[i + 1] if i + 1 < len(words) else ""
            resumes = rest[:1].isupper() or rest.strip(_PUNCT).lower() in _SUBJECT_STARTS
            span = len(words) > 2 and words[1].lower() in _SPANS and words[2].lower() in _INTRO_OPENERS
            if resumes and (first in _INTRO_OPENERS or participle or span or w.lower().rstrip(",") in _INTRO_ENDINGS):
                return i + 1
            return 0
    return 0


def main_clause_opening(words: list[str]) -> str:
    """The word (lowercase, without punctuation) a sentence's main clause opens with, after any
    introductory phrase: "Three years ago, he established ..." -> "he"."""
    n = intro_length(words)
    return words[n].strip(_PUNCT).lower() if n < len(words) else ""


def _dangles_after_intro(words: list[str]) -> bool:
    """"On Saturday, he traveled ...", "For most of her life, she said ...": a pronoun subject after
    an introductory phrase that names no one it could stand for ("As the pope lamented Croatia's
    past, he ..." names him). An apposition may stand between the phrase and the subject: "As the
    founder of the party, the China Democracy Party, he announced ..." (an organisation is no "he")."""
    n = intro_length(words)
    if not n:
        return False
    apposition = main_clause_opening(words) not in PRONOUNS
    if apposition:
        n = next((i for i in range(n + 1, min(len(words), 25)) if words[i - 1].endswith(",")
                  and words[i].lower() in ("he", "she")), 0)
        if not n:
            return False
    return not any(w[:1].isupper() and w.strip(_PUNCT).lower() not in _TIME_NAMES
                   and not (apposition and _in_organisation(i, words)) for i, w in enumerate(words[1:n], 1))


def _in_organisation(i: int, words: list[str]) -> bool:
    """``words[i]`` is part of a run of capitalised words naming an organisation ("China Democracy Party")."""
    for w in words[i:]:
        if not w[:1].isupper():
            break
        if w.strip(_PUNCT).lower() in ORG_WORDS:
            return True
        if w.endswith((",", ".", ";", ":")):
            break
    return False


def article_sentences(article: Article, index: int) -> list[Candidate]:
    """Every sentence of an article as a candidate (rejected ones carry their reason)."""
    out: list[Candidate] = []
    position = 0
    paras = article.paragraphs or [article.text]
    for p_no, para in enumerate(paras):
        for s_no, sent in enumerate(split_sentences(para)):
            text = clean_sentence(sent, first_in_paragraph=s_no == 0 and p_no < 2)
            out.append(Candidate(text=text, original=sent, article_id=article.id, article_index=index,
                                 position=position, paragraph=p_no, n_words=word_count(text),
                                 reject=reject_reason(text, article.english)))
            position += 1
    return out
