"""Shared text primitives, written once for every stage.

Sentence splitting, word tokens, stemming, stopwords, numbers, names, dates and language. All
functions are pure and cheap to call repeatedly (stemming and language models are cached).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone
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


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in a text; in scripts written without spaces (Chinese, Japanese, Korean) about two
    characters make a word."""
    cjk = len(_CJK.findall(text))
    return len(text.split()) + (cjk + 1) // 2 if cjk else len(text.split())


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
        value = float(m.group(2).replace(",", ""))
        if m.group(3):
            value *= _SCALE[m.group(3).lower()]
        found.append((m.start(), m.group(0).strip(), value))
    for m in _WORD_NUMBER.finditer(text):
        tens, unit, small, scale = (g.lower() if g else g for g in m.groups())
        value = float(_TENS[tens] + (_UNITS[unit] if unit else 0) if tens else _UNITS[small])
        if scale:
            value *= {"hundred": 100, **_SCALE}[scale]
        found.append((m.start(), m.group(0), value))
    return [(surface, value) for _, surface, value in sorted(found)]


# Head nouns of organisations' names ("Workers Party", "Police Department", "Philippine Airlines"):
# a name ending in (or containing) one is no person.
YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")  # a year of modern news, written in figures

ORG_WORDS = frozenset("""department ministry council police agency company inc corp university party union
association times news post press reuters ap afp bbc cnn government office court committee commission
service services authority agencies bank group institute center centre federation league foundation
network coalition alliance organization organisation society fund trust club church hospital clinic school
college house senate congress parliament assembly army forces navy command corporation airlines front
movement administration""".split())
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’-]*)"  # U.S. | J. Smith | Smith
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|al|bin|del|la|le)\s+)?{_NAME_WORD})*")


# Words that start a capitalised run at a sentence start without being part of the name.
_NAME_LEADING = frozenset("""the a an and but or so yet in on at of for to by with from as if when while after
before since until because although though he she it they we i you this that these those his her their its
our my your mr mrs ms dr there here then also however meanwhile still""".split())


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
        at_start = m.start() == 0 or folded[:m.start()].rstrip()[-1:] in ".!?\"'"
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


# --- dates -----------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Month names in the other languages news pages state dates in (fr, de, es, it, pt, nl).
for _i, _names in enumerate((
        "janvier januar enero gennaio janeiro januari jänner",
        "février fevrier februar febrero febbraio fevereiro februari",
        "mars märz marzo março maart", "avril abril aprile", "mai mayo maggio maio mei",
        "juin juni junio giugno junho", "juillet juli julio luglio julho", "août aout agosto augustus",
        "septembre septiembre setiembre settembre setembro", "octobre oktober octubre ottobre outubro",
        "novembre noviembre novembro", "décembre decembre dezember diciembre dicembre dezembro"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _i))
_MONTH_RE = r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# An optional time after the date: "4:12 PM UTC", "at 9.15 a.m.", "à 18h12", "14:30 Uhr".
_TIME_RE = (r"(?:,?\s*(?:at\s+|à\s+|um\s+|-\s+)?(\d{1,2})[:.h](\d{2})"
            r"(?:\s*([ap])\.?m\.?)?(?:\s*(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|Z)\b)?)?")
# ... or before it: "3:41 PM EDT, Mon October 9, 2023", "10:02 EST, 3 March 2024".
_TIME_BEFORE = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?(?:\s*(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|Z)\b)?"
                          r"\s*,?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?$", re.I)
_TZ_HOURS = {"gmt": 0, "utc": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "est": -5, "edt": -4, "pst": -8, "pdt": -7}
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?"), "ymd"),
    (re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b" + _TIME_RE, re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?" + _MONTH_RE + r",?\s+(?:de\s+)?(\d{4})\b"
                + _TIME_RE, re.I), "dmy"),
    (re.compile(r"\b(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{4})\b" + _TIME_RE, re.I), "numeric"),
]


def _with_time(dt: datetime, m: re.Match, first: int) -> datetime:
    """The date with the time of day matched from group ``first`` on (hour, minute, am/pm, zone)."""
    if m.group(first) is None:
        return dt
    hour, minute = int(m.group(first)), int(m.group(first + 1))
    half, zone = (m.group(first + 2) or "").lower(), (m.group(first + 3) or "").lower()
    hour = hour % 12 + 12 if half == "p" else (hour % 12 if half == "a" else hour)
    if hour > 23 or minute > 59:
        return dt
    return dt.replace(hour=hour, minute=minute, tzinfo=timezone(timedelta(hours=_TZ_HOURS.get(zone, 0))))


def find_date(text: str) -> datetime | None:
    """The first full date stated in the text, as an aware datetime (UTC unless a zone is stated), or None.

    Understands "2023-11-06", "November 3, 2023", "Jan 10, 2024", "3 November 2023", "06.11.2023"
    (day first unless that cannot be a date), month names in French, German, Spanish, Italian,
    Portuguese and Dutch, and a time of day after the date ("4:12 PM", "14:05 GMT", "à 18h12").
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
                dt = datetime(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)), tzinfo=timezone.utc)
            elif kind == "dmy":
                dt = datetime(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)), tzinfo=timezone.utc)
            else:
                a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                d, mo = (a, b) if b <= 12 else (b, a)
                dt = datetime(y, mo, d, tzinfo=timezone.utc)
            if kind != "ymd":
                dt = _with_time(dt, m, 4)
                before = _TIME_BEFORE.search(text, max(0, m.start() - 30), m.start())
                if m.group(4) is None and before:
                    dt = _with_time(dt, before, 1)
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


# The most frequent function words of a few widely used languages; words shared by two of them are
# dropped, so what is left tells the languages apart. Enough of them in a text settles its language
# without loading the detection model.
_FUNCTION_WORDS = {
    "en": "the and of to in is that for it was on with as by at this are be from have has not but they which he she would",
    "de": "der die das und ist nicht ein eine zu den mit sich auf für dem des von auch im es wird sind bei nach wie oder einer",
    "fr": "de le la les et des est une un du que qui dans pour pas sur au avec ce il elle sont par plus se ne aux",
    "es": "de el los las del y que en por una con es se su para al lo como más pero sus le fue ha",
    "pt": "de o os as do da dos das não uma em com que para é um no na ao mais por se foi são pelo pela",
    "it": "il di che e la le per un una del della non sono è con gli nel alla si da anche più dei",
    "nl": "de het een van en is niet dat op te in met voor zijn er die ook aan om maar bij wordt",
}
_DISTINCT_WORDS = {
    lang: set(ws.split()) - {w for other, o in _FUNCTION_WORDS.items() if other != lang for w in o.split()}
    for lang, ws in _FUNCTION_WORDS.items()
}
_QUICK_MIN_TOKENS, _QUICK_MIN_SHARE, _QUICK_MARGIN = 30, 0.1, 3.0


def _quick_language(sample: list[str]) -> str | None:
    """The language whose distinctive function words clearly dominate the tokens, else None."""
    if len(sample) < _QUICK_MIN_TOKENS:
        return None
    counts = Counter(sample)
    shares = sorted(((sum(counts[w] for w in ws) / len(sample), lang) for lang, ws in _DISTINCT_WORDS.items()),
                    reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= _QUICK_MIN_SHARE and best >= _QUICK_MARGIN * second else None


def detect_language(text: str, use_model: bool = True) -> str | None:
    """ISO 639-1 code of the text's language, None for too little text.

    Running text in English, German, French, Spanish, Portuguese, Italian or Dutch is told by its
    function words; anything else (or anything unclear) goes to py3langid's bundled model, or gives
    None when ``use_model`` is False (the model takes ~0.4 s to load in each process).
    """
    sample = text[:2000]
    found = tokens(sample)
    if len(found) < 3:
        return None
    if quick := _quick_language(found):
        return quick
    if not use_model:
        return None
    import py3langid  # loaded on first use: the model takes ~0.5 s to load

    return py3langid.classify(sample)[0]


def stemmer_language(code: str | None) -> str:
    """Snowball stemmer name for an ISO code (english when unknown)."""
    return LANGUAGE_NAMES.get((code or "en").lower()[:2], "english")


_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")  # seconds (1973-2286) or milliseconds
_SLASHED = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{2,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?"
                      r"(?:\s*([ap])\.?m\.?)?)?(?:\s*(?:Z|UTC|GMT))?", re.I)


def _slashed(m: re.Match) -> datetime:
    """"1998/10/03", or month first as US software writes it ("10/03/1998 05:24:00", "10/3/98")."""
    a, b, c = (int(m.group(i)) for i in (1, 2, 3))
    if len(m.group(1)) == 4:
        y, mo, d = a, b, c
    else:
        y = c + (1900 if 70 <= c < 100 else 2000 if c < 70 else 0)
        mo, d = (b, a) if a > 12 else (a, b)
    hour = int(m.group(4) or 0)
    hour = hour % 12 + 12 if (m.group(7) or "").lower() == "p" else hour % 12 if m.group(7) else hour
    return datetime(y, mo, d, hour, int(m.group(5) or 0), int(m.group(6) or 0), tzinfo=timezone.utc)


def parse_datetime(value: object) -> datetime | None:
    """A date from metadata (ISO 8601, RFC 2822, Unix time, "1998/10/03", US "10/03/1998 05:24", or
    a date written in words) as an aware datetime.

    Naive values are taken as UTC; anything unparseable gives None. Slashed dates are month first
    unless that cannot be a date (a field written by software; dates found in text are day first).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip()
    if not text:
        return None
    try:
        if _EPOCH.fullmatch(text):
            number = float(text)
            return datetime.fromtimestamp(number / 1000 if number > 1e11 else number, tz=timezone.utc)
        if m := _SLASHED.fullmatch(text):
            return _slashed(m)
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        from email.utils import parsedate_to_datetime

        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = find_date(text)
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
