"""Dates as news states them: in words and figures, in metadata as software writes them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Month names in the other languages news pages state dates in (fr, de, es, it, pt, nl; as a date
# writes them, in the genitive where the language has one: cs, pl, ru, uk, el; ar, he, hi, tr, sv).
for _i, _names in enumerate((
        "janvier januar enero gennaio janeiro januari jänner ledna stycznia января січня ιανουαρίου "
        "يناير ينايـر ינואר जनवरी ocak",
        "février fevrier februar febrero febbraio fevereiro februari února lutego февраля лютого "
        "φεβρουαρίου فبراير شباط פברואר फ़रवरी फरवरी şubat",
        "mars märz marzo março maart března marca марта березня μαρτίου مارس آذار מרץ मार्च mart",
        "avril abril aprile dubna kwietnia апреля квітня απριλίου أبريل ابريل نيسان אפריל अप्रैल nisan",
        "mai mayo maggio maio mei května maja мая травня μαΐου مايو أيار מאי मई mayıs",
        "juin juni junio giugno junho června czerwca июня червня ιουνίου يونيو حزيران יוני जून haziran",
        "juillet juli julio luglio julho července lipca июля липня ιουλίου يوليو تموز יולי जुलाई temmuz",
        "août aout agosto augustus srpna sierpnia августа серпня αυγούστου أغسطس آب אוגוסט अगस्त ağustos",
        "septembre septiembre setiembre settembre setembro září września сентября вересня σεπτεμβρίου "
        "سبتمبر أيلول ספטמבר सितंबर सितम्बर eylül",
        "octobre oktober octubre ottobre outubro října października октября жовтня οκτωβρίου أكتوبر "
        "אוקטובר अक्टूबर ekim",
        "novembre noviembre novembro listopadu listopada ноября листопада νοεμβρίου نوفمبر נובמבר नवंबर "
        "नवम्बर kasım",
        "décembre decembre dezember diciembre dicembre dezembro prosince grudnia декабря грудня "
        "δεκεμβρίου ديسمبر דצמבר दिसंबर दिसम्बर aralık"), 1):
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
    Portuguese, Dutch, Czech, Polish, Russian, Ukrainian, Greek, Arabic, Hebrew, Hindi, Turkish
    ("7. července 2005", "12 января 2010", "12 يناير 2010"), and a time of day after the date
    ("4:12 PM", "14:05 GMT", "à 18h12").
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
