"""Shared text primitives, written once for every stage.

Sentence splitting, word tokens, stemming, stopwords, numbers, names, dates and language. All
functions are pure and cheap to call repeatedly (stemming and language models are cached). One
import serves them all (``from newsdistill.text import ...``); dates and language live in their
own files of this package to keep each short.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer  # PyStemmer: Snowball stemmers in C, many languages, no data downloads

from newsdistill.text.hebrew import HebrewStemmer, with_prefixes

# --- normalisation ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'",
                         "\u00a0": " ", "\u2009": " ", "\u202f": " ", "–": "-", "—": "-"})
_TOKENIZED_FIXES = [
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
]


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (keeping nothing but single spaces)."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lowercase, typographic quotes and dashes to ASCII, accents kept: for comparing strings."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


def detokenize(text: str) -> str:
    """Undo PTB-style tokenisation ("Reid 's", "`` quote ''", "U.S .") for display."""
    for pattern, repl in _TOKENIZED_FIXES:
        text = pattern.sub(repl, text)
    return normalize_space(text)


# --- sentences -------------------------------------------------------------------------------

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt gov sen rep rev hon pres
supt insp det atty mssrs messrs jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu
thur thurs fri sat sun inc corp co ltd llc plc bros dept univ assn no nos vol vols vs etc approx est
fig al e.g i.e u.s u.k u.n u.s.a d.c a.m p.m ph.d b.a m.a calif fla ill mass mich minn penn tenn tex
wash wis ariz colo conn okla ore nev neb
""".split())
_SENT_END = re.compile(r"""[.!?…।॥؟]+["'”’)\]]*(?=\s+["'“‘(\[]?[\w¿¡])""")  # । ॥ Devanagari, ؟ Arabic
# ... and in Chinese and Japanese, where no space follows the end
_SENT_END_ANY = re.compile(_SENT_END.pattern + r"""|[。！？]+[」』”’）)]*(?=\s*[^\s」』”’）)])""")
_LAST_WORD = re.compile(r"([\w.'-]+)[.!?…]+[\"'”’)\]]*$")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences. Blank lines and line breaks end sentences too.

    Abbreviations ("Mr.", "U.S.", "Jan."), initials ("J. K.") and numbers ("3.5") do not end a
    sentence; a lowercase next word never starts one.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n", text):
        block = normalize_space(block)
        if not block:
            continue
        start = 0
        for m in (_SENT_END if block.isascii() else _SENT_END_ANY).finditer(block):
            end = m.end()
            if block[end:end + 4].lstrip()[:1].islower():
                continue  # "7. července 2005", "e.g. the": no sentence opens in lower case
            if m.group() == "." and _is_abbreviation(block[start:end], block[end:end + 30]):
                continue
            out.append(block[start:end].strip())
            start = end
        rest = block[start:].strip()
        if rest:
            out.append(rest)
    return out


# Abbreviations that often end a sentence: split after them when a function word follows.
_MAY_END = frozenset("a.m p.m u.s u.k u.n d.c u.s.a etc inc co corp ltd jr sr al".split())


def _is_abbreviation(chunk: str, following: str) -> bool:
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    word = m.group(1).lower().strip("'")
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    if word in ("no", "nos"):  # "No. 5", but "said no."
        return following.lstrip()[:1].isdigit()
    if word in _MAY_END:
        nxt = following.split(maxsplit=1)
        return not (nxt and nxt[0].lower().strip("\"'“‘(") in STOPWORDS)
    return word in ABBREVIATIONS


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, whitespace collapsed."""
    return [normalize_space(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


# --- words -----------------------------------------------------------------------------------

def _marks() -> str:
    """A regex class body of the combining marks (Unicode category M) of the basic plane: Devanagari's
    vowel signs, Arabic's vowel marks, decomposed accents. They are no word characters to ``re``,
    which would cut "करते" into "करत" and "े"."""
    ranges: list[list[int]] = []
    for c in range(0x300, 0x10000):
        if unicodedata.category(chr(c))[0] == "M":
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


_WORD_PART = rf"[^\W_]+(?:[{_marks()}]+[^\W_]*)*"
_WORD = re.compile(rf"{_WORD_PART}(?:[-'’.]{_WORD_PART})*", re.UNICODE)

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll
he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
it it's its itself let's me more most mustn't my myself no nor not of off on once only or other
ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some
such than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
were weren't what what's when when's where where's which while who who's whom why why's with won't
would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say will
would may might must shall one two also just mr mrs ms s t new like get got us
""".split())


# English irregular past forms: the verbs a test for "-ed" misses ("fell", "shot", "told")
PAST_FORMS = frozenset("""began said told went came took made gave got left won lost met saw rose ran sent spent stood
found kept brought became held carried knew thought felt paid heard bought sold built chose fled fought led meant
put set shot struck taught wrote drew grew threw flew broke spoke wore""".split())

# Words in quote marks: double, curly or single ("'New Moon,'": not an apostrophe's "it's"), on one line
QUOTED = re.compile(r"\"[^\"\n]{1,500}\"|“[^”\n]{1,500}”|‘[^’\n]{1,500}’|(?<![\w'’])'[^'\n]{2,80}'(?![\w'’])")


def words(text: str) -> list[str]:
    """Word tokens in their original case (letters and digits; inner hyphens/apostrophes kept)."""
    return _WORD.findall(text.translate(_QUOTES))


# Chinese characters and Japanese kana: written without spaces between words (Korean spaces its words)
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def word_count(text: str) -> int:
    """Words in a text; in Chinese and Japanese, written without spaces, about two characters
    make a word."""
    n = len(text.split())
    return n if text.isascii() else n + (sum(map(len, UNSPACED.findall(text))) + 1) // 2


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; a run of Chinese characters or Japanese kana, written without spaces
    between words, as its overlapping character pairs ("北京会见" -> "北京", "京会", "会见"), the
    usual units where no word segmenter is at hand."""
    if text.isascii() or not UNSPACED.search(text):
        return [w.lower() for w in words(text)]
    out: list[str] = []
    for w in words(text):
        at = 0
        for m in UNSPACED.finditer(w):
            if m.start() > at:
                out.append(w[at:m.start()].lower())
            run = m.group()
            out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
            at = m.end()
        if at < len(w):
            out.append(w[at:].lower())
    return out


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Stemmer.Stemmer | HebrewStemmer:
    if language == "hebrew":  # no Snowball stemmer: prefix letters off (newsdistill.text.hebrew)
        return HebrewStemmer(_frequent_words("he"))
    try:
        return Stemmer.Stemmer(language)
    except KeyError:
        return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "english") -> str:
    """Snowball stem of one lowercase word."""
    return _stemmer(language).stemWord(word)


def stem_words(words: list[str], language: str = "english") -> list[str]:
    """Snowball stems of many lowercase words in one call (faster than :func:`stem` per word)."""
    return _stemmer(language).stemWords(words)


STOPWORD_FREQUENCY = 1.5e-3  # another language's stopwords: its words this common or more


@lru_cache(maxsize=32)
def _frequent_words(code: str) -> frozenset[str]:
    """A language's words used at least STOPWORD_FREQUENCY times (``wordfreq``), none if unlisted."""
    common = {w for w, f in word_frequencies(code).items() if f >= STOPWORD_FREQUENCY}
    return frozenset(t for w in common for t in tokens(w) if not any(c.isdigit() for c in t))


@lru_cache(maxsize=32)
def stopwords(language: str = "english") -> frozenset[str]:
    """Words too common to tell texts apart, for a stemmer language name: the list above for
    English; for another language its words used at least 1.5 times in a thousand (40-80 function
    words, from the ``wordfreq`` lists installed with it; in Hebrew also with prefix letters joined),
    else the English list. Without them two Portuguese pages share "de", "que", "uma" as if those
    were rare words."""
    code = next((c for c, name in LANGUAGE_NAMES.items() if name == language), None)
    common = _frequent_words(code) if code not in (None, "en") else frozenset()
    if not common:
        return STOPWORDS
    return STOPWORDS | (with_prefixes(common) if language == "hebrew" else common)


def content_stems(text: str, language: str = "english") -> list[str]:
    """Stems of the non-stopword tokens, in order: the unit most similarity measures use."""
    stop = stopwords(language)
    return [stem(t, language) for t in tokens(text) if t not in stop and len(t) > 1]


# --- numbers and names -----------------------------------------------------------------------

SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])([$€£¥]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(thousand|million|billion|trillion|bn|m)\b)?(\s*(?:%|percent\b|per cent\b))?",
    re.I,
)


_UNITS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen""".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
# Spelled-out counts from "two" up ("one" is too often not a count: "one of", "no one").
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(list(_UNITS)[1:10]) + r"))?|("
    + "|".join(list(_UNITS)[2:]) + r"))\b(?:\s+(hundred|thousand|million|billion))?", re.I)


def numbers(text: str) -> list[tuple[str, float]]:
    """Numbers stated in the text, in order: (surface form, value), e.g. ("$1.5 billion", 1.5e9),
    ("Fourteen", 14.0), ("twenty-three", 23.0)."""
    found = []
    for m in _NUMBER.finditer(text):
        if m.start() and unicodedata.category(text[m.start() - 1]).startswith("M"):
            continue  # after a vowel sign, "०" is Hindi's abbreviation mark ("किमी०", km), not a zero
        value = float(m.group(2).replace(",", ""))
        if m.group(3):
            value *= SCALE[m.group(3).lower()]
        found.append((m.start(), m.group(0).strip(), value))
    for m in _WORD_NUMBER.finditer(text):
        tens, unit, small, scale = (g.lower() if g else g for g in m.groups())
        value = float(_TENS[tens] + (_UNITS[unit] if unit else 0) if tens else _UNITS[small])
        if scale:
            value *= {"hundred": 100, **SCALE}[scale]
        found.append((m.start(), m.group(0), value))
    return [(surface, value) for _, surface, value in sorted(found)]


YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")  # a year of modern news, written in figures

# A wire dateline opening a report: "LONDON (AP) _", "SANTIAGO, Chile (Reuters) -", "RIO DE JANEIRO,
# Brazil _", "NEW YORK, Dec. 3 --", "NEW DELHI:", "PORT VEYRA —"; not a label ("UPDATE:", "WATCH -").
DATELINE = re.compile(
    r"""^(?!(?:UPDATED?|BREAKING|WATCH|EXCLUSIVE|LIVE|VIDEO|PHOTOS?|OPINION|ANALYSIS|EDITORIAL|
    COMMENTARY|REVIEW|CORRECTION|NOTE|NEWS|URGENT|FLASH|ADVISORY|DEAR)\b)
    (?P<place>(?:[A-ZÀ-Þ][A-ZÀ-Þ.']+(?:-[A-ZÀ-Þ][A-ZÀ-Þ.']*)*)            # CITY in capitals,
    (?:\ (?:[A-ZÀ-Þ][A-ZÀ-Þ.']+(?:-[A-ZÀ-Þ][A-ZÀ-Þ.']*)*)){0,3}           # hyphens only inside a word
    (?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?)                           # , Region
    (?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?                                 # , Dec. 3
    \s*(?:\([A-Z][\w&. ]{0,30}\))?(?:\s*[—–]\s*|\s*(?:_|--|[:-])\s+)      # (AP) _
    (?=["“‘'`]*[A-ZÀ-Þ])""",                                                # then the sentence
    re.X)


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """(place, the rest) of a paragraph that opens with a wire dateline, else None."""
    m = DATELINE.match(paragraph)
    if m is None or len(m.group().split()) > 8 or m.end() >= len(paragraph):
        return None
    return m.group("place").strip(" ,"), paragraph[m.end():]


# Head nouns of organisations' names ("Workers Party", "Police Department", "Philippine Airlines"):
# a name ending in (or containing) one is no person.
# Words of a news outlet's name ("Us Weekly", "Associated Press"): no person, no subject of a story
MEDIA_WORDS = frozenset("""press news daily times post agency reuters tribune herald journal wire television radio
courier gazette chronicle broadcasting associated weekly magazine newspaper""".split())
# Words newspapers, broadcasters and sites name themselves by, in the languages we read: a page's
# top line holding one is its masthead ("Greenfield Gazette", "El Diario del Sur").
OUTLET_WORDS = MEDIA_WORDS | frozenset("""ledger sentinel observer guardian independent telegraph express mail
mirror standard star sun globe examiner inquirer enquirer bulletin monitor register record review echo dispatch
argus advertiser mercury leader bugle beacon banner messenger notes online live tv zeitung kurier tagblatt
anzeiger rundschau nachrichten presse courrier voix quotidien diario periódico noticias heraldo corriere gazzetta
giornale stampa gazeta dziennik wiadomości krant dagblad courant nieuws posten tidning avisen noviny listy
zprávy deník""".split())
ORG_WORDS = frozenset("""department ministry council police agency company inc corp university party union
association times news post press reuters ap afp bbc cnn government office court committee commission
service services authority agencies bank group institute center centre federation league foundation
network coalition alliance organization organisation society fund trust club church hospital clinic school
college house senate congress parliament assembly army forces navy command corporation airlines front
movement administration""".split())
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’-]*)"  # U.S. | J. Smith | Smith
_GAP = r"(?:[^\S\n]+\n?|\n)[^\S\n]*"  # spaces and at most one line break: a name never runs across a paragraph
_NAME = re.compile(rf"\b{_NAME_WORD}(?:{_GAP}(?:(?:de|da|van|von|al|bin|del|la|le){_GAP})?{_NAME_WORD})*")


# Words that start a capitalised run at a sentence start without being part of the name.
_NAME_LEADING = frozenset("""the a an and but or so yet in on at of for to by with from as if when while after
before since until because although though he she it they we i you this that these those his her their its
our my your mr mrs ms dr there here then also however meanwhile still""".split())


# A sentence's opening adverb, capitalised before a name ("Ironically Nichols said"); not a given name
# ending in -ly ("Sally", "Kelly"). The names above keep it: the clusterer's names view was measured so.
OPENING_ADVERB = re.compile(r"(?=[A-Z][a-z]{6})[A-Z][a-z]+(?:ous|ent|ant|ate|ive|ed|ful|less|ing|al)ly")
_NAME_JOIN = re.compile(r"\s+(and|of|for|&)\s+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _org_word(word: str) -> bool:
    w = word.lower()
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)  # "Centers", "Forces"


def names(text: str) -> list[str]:
    """Capitalised word sequences (people, places, organisations), without leading function words.

    A lone capitalised word at the start of a sentence is not taken as a name. Two runs linked by
    "of" or "for" are one name when the first ends in an organisation's head noun ("Bank of
    America", "Centers for Disease Control"); linked by "and", "of" or "for" after "the", when the
    second does ("the Truth and Reconciliation Commission", "the National Aeronautics and Space
    Administration"), while "Israel and Palestinian Authority" stays two.
    """
    runs: list[tuple[int, int, list[str], bool, bool]] = []  # start, end, words, after "the", lone opener
    folded = text.translate(_QUOTES)
    for m in _NAME.finditer(folded):
        parts = m.group().split()
        head = folded[max(0, m.start() - 80):m.start()]
        tail = head.rstrip()  # a sentence's or a paragraph's first word
        at_start = not tail or tail[-1] in ".!?\"'" or "\n\n" in head[len(tail):]
        dropped = []
        while parts and parts[0].lower().rstrip(".") in _NAME_LEADING:
            dropped.append(parts.pop(0).lower())
        if not parts:
            continue
        after_the = dropped[-1:] == ["the"] or bool(_THE_BEFORE.search(folded, max(0, m.start() - 8), m.start()))
        link = _NAME_JOIN.fullmatch(folded, runs[-1][1], m.start()) if runs and not dropped else None
        if link:
            start, _, before, before_the, _ = runs[-1]
            of = link.group(1) in ("of", "for")
            if (of and _org_word(before[-1])) or ((of or before_the) and _org_word(parts[-1])):
                runs[-1] = (start, m.end(), [*before, link.group(1), *parts], before_the, False)
                continue
        runs.append((m.start(), m.end(), parts, after_the, at_start and not dropped and len(parts) == 1))
    return [" ".join(parts) for _, _, parts, _, lone in runs if not lone]


# Lower-case words that belong to a name ("de Klerk", "van Gogh", "bin Laden")
NAME_PARTICLES = frozenset("de da di du del der van von al el bin ibn la le".split())


def name_positions(text: str) -> list[tuple[int, str]]:
    """:func:`names` of ``text``, each with where it starts (-1 if it is written otherwise there)."""
    out, start = [], 0
    for name in names(text):
        pos = text.find(name, start)
        if pos >= 0:
            start = pos + len(name)
        out.append((pos, name))
    return out


from newsdistill.text.dates import MONTHS, WEEKDAYS, find_date, parse_datetime  # noqa: E402
from newsdistill.text.language import (LANGUAGE_NAMES, WORDFREQ_CODES, detect_language,  # noqa: E402, F401
                                       stemmer_language, word_frequencies)
