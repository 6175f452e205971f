"""Shared text primitives, written once for every stage.

Sentence splitting, word tokens, stemming, stopwords, numbers, names, dates and language. All
functions are pure and cheap to call repeatedly (stemming and language models are cached).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache

import Stemmer  # PyStemmer: Snowball stemmers in C, many languages, no data downloads

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
_LAST_WORD = re.compile(r"([\w.'-]+)[.!?…]+[\"'”’)\]]*$")
_CONTINUES = re.compile(r"\s+[a-z]")


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
        for m in _SENT_END.finditer(block):
            end = m.end()
            if _CONTINUES.match(block, end):
                continue
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

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)

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


def words(text: str) -> list[str]:
    """Word tokens in their original case (letters and digits; inner hyphens/apostrophes kept)."""
    return _WORD.findall(text.translate(_QUOTES))


def tokens(text: str) -> list[str]:
    """Lowercase word tokens."""
    return [w.lower() for w in words(text)]


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Stemmer.Stemmer:
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


def content_stems(text: str, language: str = "english") -> list[str]:
    """Stems of the non-stopword tokens, in order: the unit most similarity measures use."""
    return [stem(t, language) for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


# --- numbers and names -----------------------------------------------------------------------

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])([$€£¥]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(thousand|million|billion|trillion|bn|m)\b)?(\s*(?:%|percent|per cent))?",
    re.I,
)


def numbers(text: str) -> list[tuple[str, float]]:
    """Numbers stated in the text: (surface form, value), e.g. ("$1.5 billion", 1.5e9)."""
    out = []
    for m in _NUMBER.finditer(text):
        value = float(m.group(2).replace(",", ""))
        if m.group(3):
            value *= _SCALE[m.group(3).lower()]
        out.append((m.group(0).strip(), value))
    return out


_NAME_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’-]*)"
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|al|bin|del|la|le)\s+)?{_NAME_WORD})*")


def names(text: str) -> list[str]:
    """Capitalised word sequences (people, places, organisations), without leading function words.

    A lone capitalised word at the start of a sentence is not taken as a name.
    """
    out = []
    folded = text.translate(_QUOTES)
    for m in _NAME.finditer(folded):
        parts = m.group().split()
        at_start = m.start() == 0 or folded[:m.start()].rstrip()[-1:] in ".!?\"'"
        dropped = 0
        while parts and parts[0].lower() in STOPWORDS:
            parts.pop(0)
            dropped += 1
        if not parts or (at_start and not dropped and len(parts) == 1):
            continue
        out.append(" ".join(parts))
    return out


# --- dates -----------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?"), "ymd"),
    (re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(\d{4})", re.I), "dmy"),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b"), "numeric"),
]


def find_date(text: str) -> datetime | None:
    """The first full date stated in the text, as an aware UTC datetime, or None.

    Understands "2023-11-06", "November 3, 2023", "Jan 10, 2024", "3 November 2023" and
    "06.11.2023" (day first unless that cannot be a date).
    """
    best: tuple[int, datetime] | None = None
    for pattern, kind in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        try:
            if kind == "ymd":
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                hh, mm = int(m.group(4) or 0), int(m.group(5) or 0)
                dt = datetime(y, mo, d, hh, mm, tzinfo=timezone.utc)
            elif kind == "mdy":
                dt = datetime(int(m.group(3)), MONTHS[m.group(1).lower()[:3]], int(m.group(2)), tzinfo=timezone.utc)
            elif kind == "dmy":
                dt = datetime(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1)), tzinfo=timezone.utc)
            else:
                a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                d, mo = (a, b) if b <= 12 else (b, a)
                dt = datetime(y, mo, d, tzinfo=timezone.utc)
        except (ValueError, KeyError):
            continue
        if not 1900 <= dt.year <= 2100:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), dt)
    return best[1] if best else None


# --- language --------------------------------------------------------------------------------

LANGUAGE_NAMES = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
                  "pt": "portuguese", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
                  "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
                  "tr": "turkish", "el": "greek", "ar": "arabic", "cs": "czech", "hi": "hindi"}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, bundled model), None for too little text."""
    sample = text[:2000]
    if len(tokens(sample)) < 3:
        return None
    import py3langid  # loaded on first use: the model takes ~0.5 s to load

    return py3langid.classify(sample)[0]


def stemmer_language(code: str | None) -> str:
    """Snowball stemmer name for an ISO code (english when unknown)."""
    return LANGUAGE_NAMES.get((code or "en").lower()[:2], "english")


def parse_datetime(value: object) -> datetime | None:
    """A date from metadata (ISO 8601, RFC 2822, or a date written in words) as an aware datetime.

    Naive values are taken as UTC; anything unparseable gives None.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip()
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = find_date(text)
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
