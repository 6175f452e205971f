"""A digest's body in short sections, each under a subheading from its own sentences' words.

A section gathers the sentences that mention one thing the story is about (a person, a place, an
organisation, a two-word phrase or a word) and is headed by it, so the subheading names what the
sentences under it share: the phrase that, weighted for being a name, covers most sentences not
in a section yet. Phrases of the headline, and phrases most of the body shares (the story itself),
head nothing. Sentences no phrase gathers join the section whose words they share most; two or
more that share little with every section come last, under a phrase two of them share or "More
details".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from newsdistill.model import Section, Sentence
from newsdistill.text import (LANGUAGE_NAMES, MEDIA_WORDS, MONTHS, NAME_PARTICLES, STOPWORDS, UNSPACED, WEEKDAYS,
                             WORDFREQ_CODES, content_stems, names, stopwords, word_frequencies, words)

NOT_TOPICS = (STOPWORDS | WEEKDAYS | set(MONTHS) | {w + "s" for w in (*WEEKDAYS, *MONTHS)}  # "the coldest Novembers"
              | {"today", "yesterday", "tomorrow", "tonight", "week", "year", "celsius", "fahrenheit", "minus", "plus"})
PARTICLES = "(?:" + "|".join(sorted(NAME_PARTICLES)) + ")"
_POSSESSIVE = re.compile(r"['’]s$")
_DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean", "ic", "an", "i")
_ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "ean", "ic", "i")  # of a people before a noun ("an": many names)
# Words that say how something was reported or when, not what it is about
_NO_HEADING = frozenset("""according told including former last first next late early earlier later ago
several many much more most another other others percent cent per among despite around via dlrs
afterwards afterward meanwhile however instead eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million millions billion billions dozen dozens least
reporter reporters reporting report reports reported journalist journalists morning afternoon evening
night midnight noon weekend""".split())
_PUNCTUATION = re.compile(r"[,;:!?()\[\]\"“”]|\.\s|\s[-–—]\s|\s['‘’]|['‘’]\s")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['’](?=\w)", re.I)  # French and Italian "l'", "d'": "L'organisation"
_CODES = {name: WORDFREQ_CODES.get(code, code) for code, name in LANGUAGE_NAMES.items()}
COMMON = 5.5  # a lowercase word this common in its language (Zipf scale: "people", "years", "night") heads nothing
SENTENCES_PER_SECTION = 3
# Weights of a phrase for each sentence it covers: a name says most what a section is about.
NAME_WEIGHT, PAIR_WEIGHT, WORD_WEIGHT = 2.0, 1.0, 0.6
MORE = "More details"  # the heading of sentences that share no phrase worth naming
JOIN_SHARE = 0.2  # a sentence joins a section with this share of its words in it, else sits apart
STORY_SHARE = 0.6  # a phrase in more of the body than this is what the whole story is about


def sections(body: list[Sentence], headline: str, max_sections: int = 4, language: str = "english") -> list[Section]:
    """``body`` (in reading order) in at most ``max_sections`` sections of about three sentences,
    each headed by the phrase its sentences share; sections in the order of their first sentence.
    ``language``: the stories' Snowball stemmer language (its stopwords head nothing)."""
    if not body:
        return []
    wanted = max(1, min(max_sections, round(len(body) / SENTENCES_PER_SECTION)))
    stems = [set(content_stems(s.text, language)) for s in body]
    weights: dict[str, float] = {}
    for sentence in body:
        for phrase, weight in phrases(sentence.text, language).items():
            weights[phrase] = max(weight, weights.get(phrase, 0.0))
    used = set(content_stems(headline, language))
    members, own, ends = {}, {}, {}  # sentences naming a phrase, its stems, the stem it ends on
    text = " ".join(s.text for s in body)
    for phrase in weights:
        if not _thing(phrase, text, language):
            continue
        st = set(content_stems(phrase, language))
        covered = [i for i, s in enumerate(stems) if st and st <= s]
        if st and not st <= used and len(covered) <= max(2, STORY_SHARE * len(body)):
            last = content_stems(phrase.split()[-1], language)
            members[phrase], own[phrase], ends[phrase] = covered, st, last[-1] if last else None
    groups: list[tuple[str, list[int]]] = []
    taken: set[int] = set()
    headed: set[str] = set()  # stems of the subheadings so far: no two end on one ("Washington Nationals")
    while len(groups) < wanted:
        best, best_score = None, 0.0
        for phrase in sorted(members):
            new = [i for i in members[phrase] if i not in taken]
            if len(new) < 2 or ends[phrase] in headed or own[phrase] <= headed:
                continue
            score = weights[phrase] * len(new)
            if score > best_score or (score == best_score and len(phrase) > len(best or "")):
                best, best_score = phrase, score
        if best is None:
            break
        new = [i for i in members[best] if i not in taken]
        groups.append((best, new))
        taken.update(new)
        headed.update(own[best])
    rest = [i for i in range(len(body)) if i not in taken]
    if not groups:
        return [Section(heading=heading(body, used, language=language), sentences=list(body))]
    apart = []  # sentences that share little with every section
    for i in rest:  # the section whose words it shares most, the earliest on a tie
        share, _, g = max((_overlap(stems[i], set().union(*(stems[j] for j in g))), -g[0], g) for _, g in groups)
        if share >= JOIN_SHARE:
            g.append(i)
        else:
            apart.append(i)
    if len(apart) >= 2 and len(groups) < max_sections:  # a section of their own, rather than long ones that stray
        groups.append((heading([body[i] for i in apart], used, headed=headed, language=language, shared=True), apart))
    else:
        for i in apart:
            max(groups, key=lambda hg: (_overlap(stems[i], set().union(*(stems[j] for j in hg[1]))), -hg[1][0]))[1].append(i)
    return [Section(heading=_capitalised(h), sentences=[body[i] for i in sorted(g)])
            for h, g in sorted(groups, key=lambda hg: (hg[0] == MORE, min(hg[1])))]  # "More details" last


def phrases(text: str, language: str = "english") -> dict[str, float]:
    """The phrases of a sentence that could head a section, with their weights: the names in it
    (not outlets, journalists, nationality adjectives or pieces of longer names), two-word phrases
    and words that are neither function words of ``language``, very common words, dates nor
    numbers (nor, in English, what reads as a verb phrase)."""
    english, code = language == "english", _CODES.get(language)
    stop = NOT_TOPICS | stopwords(language)
    seen: dict[str, float] = {}
    found = names(text)
    for name in found:
        name = _POSSESSIVE.sub("", name)  # "Brazil's" -> "Brazil"
        lowered = set(name.lower().split())
        if not 1 <= len(name.split()) <= 4 or lowered & stop or lowered & MEDIA_WORDS:
            continue  # "Associated Press", "China Sports Daily": who reported, not what
        if re.search(r"['’]s\s", name):
            continue  # "Verge's Stadia": two names, neither the heading's
        if _used_as_adjective(name, text):
            continue  # "Spanish requests", "Kenyan police": the phrase may head, the adjective not
        if re.search(rf"\b(?i:{PARTICLES})\s+{re.escape(name)}\b", text):
            continue  # "Klerk" of "F.W. de Klerk", "De Klerk's": part of a name
        if reporter(name, text):
            continue  # "Bill Shaikin, the reporter who wrote the story": who reported, not what
        if code and " " not in name and _vague(name if name.isupper() else name.lower(), code):
            continue  # "People", "Years" or "LARGE" opening a sentence: common words, no names
        seen[name] = NAME_WEIGHT
    full_names = {_POSSESSIVE.sub("", name) for name in found}
    name_words = {w for name in seen for w in name.split()}  # of the names kept: not "Years" of a title-case line
    for run in UNSPACED.findall(text):  # Chinese, Japanese: no spaces mark words; runs of 2-4 characters
        for n in (2, 3, 4):
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                if not set(gram) & stop and not (code and _vague(gram, code)):
                    seen.setdefault(gram, WORD_WEIGHT)
    for part in _PUNCTUATION.split(text):  # no phrase across a comma ("central Athens, members of")
        ws = [w for w in words(part) if not UNSPACED.search(w)]
        for n in (2, 1):
            for i in range(len(ws) - n + 1):
                if n == 2 and _POSSESSIVE.search(ws[i]):
                    continue  # "Turkey's uphill": a possessive and half of what it owns
                gram = [_POSSESSIVE.sub("", w) if english else _ELISION.sub("", w) for w in ws[i:i + n]]
                if any(w.lower() in stop or w.lower() in _NO_HEADING or w[0].isdigit() or len(w) < 3 for w in gram):
                    continue
                if english and _verb_like(gram):
                    continue  # "Turkey warned", "accuse Israel", "pulling out": what was done, no subject
                if code and any(_vague(w if w.isupper() or w in name_words else w.lower(), code) for w in gram):
                    continue  # "Totally", "People", "FIRE crews"; "Years" of a headline in title case
                if n == 1 and gram[0][0].isupper() and _used_as_adjective(gram[0], text):
                    continue
                if {w.lower() for w in gram} & MEDIA_WORDS:
                    continue
                if all(w[0].isupper() for w in gram) and " ".join(gram) not in full_names and (
                        (i > 0 and ws[i - 1][0].isupper()) or (i + n < len(ws) and ws[i + n][0].isupper())):
                    continue  # "Minister Mesut" of "Prime Minister Mesut Yilmaz": a piece of a name
                seen.setdefault(" ".join(gram), PAIR_WEIGHT if n == 2 else WORD_WEIGHT)
    return {p: w for p, w in seen.items()
            if " " in p or not p[0].isupper() or not _opens_longer_name(p, text)}  # "Truth" of "Truth Commission"


def heading(sents: list[Sentence], used: set[str], others: list[set[str]] = (),
            headed: frozenset[str] | set[str] = frozenset(), language: str = "english", shared: bool = False) -> str:
    """A name or content-word phrase from the group's own sentences, frequent in the group and rare
    elsewhere in the story (``others``: the stems of the story's other sentences), naming nothing
    ``used`` holds nor ending on a word a subheading above named (``headed``); one that two of the
    sentences share before one that only one has (with ``shared``, only one two share); "More
    details" when nothing stands out."""
    counts: Counter[frozenset[str]] = Counter()  # by stems: "rescue" and "Rescue" are one phrase
    sharing: Counter[frozenset[str]] = Counter()
    surfaces: dict[frozenset[str], Counter[str]] = {}
    for s in sents:
        for phrase, weight in phrases(s.text, language).items():
            key = frozenset(content_stems(phrase, language))
            counts[key] += weight
            sharing[key] += 1
            surfaces.setdefault(key, Counter())[phrase] += 1
    best, best_key = "", (False, 0.0, 0)
    text = " ".join(s.text for s in sents)
    for st, score in counts.items():
        phrase = max(surfaces[st], key=lambda p: (surfaces[st][p], len(p), p))
        last = content_stems(phrase.split()[-1], language)
        if not st or st <= used or (last and last[-1] in headed):
            continue  # ... or naming again what a subheading named ("Nationals", "Washington Nationals")
        if not _thing(phrase, text, language):
            continue
        elsewhere = sum(1 for o in others if st <= o)
        key = (sharing[st] >= 2, score / (1 + elsewhere), len(phrase))
        if key > best_key and (key[0] or not shared):
            best, best_key = phrase, key
    if not best or best_key[1] < 1.0:
        return MORE
    return _capitalised(best)


def _thing(phrase: str, text: str, language: str) -> bool:
    """Whether ``phrase`` can name what a section is about: in English, one lowercase word must be
    used as a noun somewhere in ``text``, if not a plural (after an article, a possessive, a demonstrative or a
    preposition, at most one word between that is no pronoun: "the new rules", "of the vote"), not
    only as a verb ("was written", "to accept", "are hoping")."""
    if language != "english" or " " in phrase:
        return True
    if phrase.lower() in _GENERIC:
        return False  # "officials", "Authorities said", "results": every story has them
    if not phrase.islower():
        return True
    return phrase.endswith("s") or bool(_noun_use(phrase).search(text))  # a plural stands alone: "officials said"


@lru_cache(maxsize=4096)
def _noun_use(word: str) -> re.Pattern[str]:
    """The word after a determiner and not before a word it would describe ("the bombing of", "a
    meeting with", "the meeting Monday"; not "the burning building", "all major Latin American")."""
    return re.compile(rf"\b(?i:{_DETERMINERS})\s+(?:(?!(?i:{_PRONOUNS})\b)[\w'’-]+\s+)?{re.escape(word)}\b"
                      rf"(?!\s+(?!(?i:{_FUNCTION})\b)[A-Za-z])")


# Words for people and things every story has: a subheading of one says nothing of its section.
_GENERIC = frozenset("""official officials authorities persons people woman man men women department administration
government country results measures conditions material details situation issue matter things part area""".split())
_FUNCTION = "|".join(sorted(NOT_TOPICS, key=len, reverse=True))  # and days: "the meeting Monday"


_DETERMINERS = ("the|a|an|its|their|his|her|our|this|that|these|those|some|many|several|no|each|every|"
                "of|for|in|on|with|by|from|about|after")
_PRONOUNS = "i|you|he|she|it|we|they|who|which|that|not|to"


def _verb_like(gram: list[str]) -> bool:
    """Words that read as a verb phrase, not a subject: a lowercase word in -ed ("crashed", "Turkey
    warned"), a lowercase word before a name ("accuse Israel") or after one ("Berdymukhamedov saw";
    the name alone can head; a people's adjective is fine: "Turkish troops"), or a pair opening in -ing."""
    if any(w[:1].islower() and len(w) >= 5 and w.endswith("ed") for w in gram):
        return True
    return len(gram) == 2 and ((gram[0][:1].islower() and (gram[1][:1].isupper() or gram[0].endswith("ing")))
                               or (gram[0][:1].isupper() and gram[1][:1].islower() and not gram[0].isupper()
                                   and not gram[0].lower().endswith(_ADJECTIVE_ENDINGS)))  # "Turkish troops"


@lru_cache(maxsize=65536)
def _vague(word: str, code: str = "en") -> bool:
    """A word very common in lower case in the language ``code`` ("people", "years"; in English
    also an adverb in -ly), or a common word shouted in capitals ("A LARGE fire", "FIRE crews"): no
    subheading (acronyms such as "IBF" or "NYPD" are fine)."""
    from wordfreq import zipf_frequency  # (installed with newsdistill: its data ships in the wheel)

    if code in ("zh", "ja"):  # looked up as they are: wordfreq would segment them with jieba or MeCab
        freq = word_frequencies(code).get(word, 0.0)
        return bool(freq) and math.log10(freq * 1e9) >= COMMON
    if word.isupper() and len(word) >= 4:
        return zipf_frequency(word.lower(), code) >= 4.0
    if word[:1].isupper():
        return False
    return (code == "en" and word.endswith("ly") and len(word) >= 5) or zipf_frequency(word, code) >= COMMON


def _capitalised(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a) or 1)


_OUTLET_WORDS = (r"(?:Herald|Times|Post|News|Journal|Tribune|Globe|Daily|Press|Magazine|Gazette|Chronicle|"
                 r"Telegraph|Guardian|Reuters|AP|ESPN|CNN|BBC|Newsday|Bloomberg)")


def reporter(name: str, text: str) -> bool:
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
        if m.group(1).lower() not in NOT_TOPICS:  # "Chile Thursday" is not a name
            return True
    return False


def _used_as_adjective(word: str, text: str) -> bool:
    """A nationality word used before a noun ("Spanish requests", "Israeli security officials")."""
    if not word.lower().endswith(_DEMONYM_ENDINGS):  # of a name, its last word: "South African"
        return False
    return any(m.group(1) not in STOPWORDS for m in re.finditer(rf"\b{re.escape(word)}\s+([a-z][a-z-]+)", text))
