"""The outlet's name as a page copied to plain text gives it above the headline (its masthead).

The lines above a headline hold the site's name, but also sections ("Business"), menus, kickers
("EXCLUSIVE") and breadcrumbs. A line is taken for the masthead only on evidence:

- a removed line offering the outlet's own services names it again ("Subscribe to the Ostvik Post");
- or it is the page's first line that is not furniture on its own, and either a line saying what
  the site is follows it ("BridgeWatch" over "Engineering notes on the structures we cross every
  day", or on the same line after a dash), or it holds a word outlets name themselves by and a word
  no section is called ("Greenfield Gazette", "El Diario del Sur"; not "Local News"), or it is one
  word in capitals or inner capitals, or a web address, with more lines before the headline
  ("CNN", "EuroBrief", "iPřístav.cz"; not a kicker just above the headline).
"""

from __future__ import annotations

import re

from newsdistill.extract.furniture import is_furniture
from newsdistill.text import OUTLET_WORDS, STOPWORDS

__all__ = ["masthead"]

_MASTHEAD = re.compile(r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}|[A-Z][A-Z&'’. -]{2,40}")
_ONE_WORD_MASTHEAD = re.compile(r"[A-Z]+|[A-Z][a-z]+[A-Z]\w*")  # "BBC", "BridgeWatch"; not "Business"
# A name of up to six words: capitalised words and the particles between them ("Le Courrier de l'Ouest").
_NAME_WORD = r"(?:[dlDL]['’])?[A-Z][\w&'’.-]*"
_PARTICLE = r"(?:de|del|della|di|du|da|do|des|der|den|van|von|la|le|of|the|and|&)"
_FIRST_LINE_NAME = re.compile(rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,4}}")
_WEB_NAME = re.compile(r"\w[\w-]*\.(?:[a-z]{2,3}|online|news)", re.I)  # "iPřístav.cz"
# A site's description under its name: a capital, then four to fourteen words of which none but
# the first is capitalised, with no end stop ("Engineering notes on the structures we cross every day").
_TAGLINE = re.compile(r"[A-Z][a-z'’-]+(?:,?\s+(?:[a-z][\w'’-]*|&)){3,13}")
_NAME_AND_TAGLINE = re.compile(r"(?P<name>.+?)\s+[-–—|:]\s+(?P<tagline>.+)")
# Words a section or a menu is called: an outlet's name has a word besides them ("Local News" is none).
_SECTION_WORDS = frozenset("""news live tv radio online world local latest top breaking home daily weekly sport sports
business politics video nachrichten nieuws noticias zprávy wiadomości""".split())
_KICKERS = frozenset("""exclusive analysis opinion breaking live watch video update updated comment review interview
sponsored feature explainer podcast special""".split())
_NAMES_OUTLET = re.compile(r"\b(?:subscribe|subscription|sign up|follow|download|support|advertise|newsletter|app|"
                           r"copyright|all rights)\b|©", re.I)


def masthead(top: list[str], removed: list[str]) -> str | None:
    """The outlet's name among ``top`` (the page's non-blank lines above its headline, in order),
    with ``removed`` the lines taken off the page as furniture; None without evidence."""
    offers = [line for line in removed if _NAMES_OUTLET.search(line)]
    for name in top:
        if not _MASTHEAD.fullmatch(name) or any(c.isdigit() for c in name):
            continue
        if len(name.split()) == 1 and not _ONE_WORD_MASTHEAD.fullmatch(name):
            continue
        again = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        if any(again.search(line) for line in offers if line.strip() != name):
            return _cased(name)
    first = next((k for k, line in enumerate(top) if not is_furniture(line)), None)
    if first is None:
        return None
    line, after = top[first], top[first + 1:]
    if (m := _NAME_AND_TAGLINE.fullmatch(line)) and _TAGLINE.fullmatch(m.group("tagline")):
        line, after = m.group("name"), [m.group("tagline")]
    if any(c.isdigit() for c in line):
        return None
    words = [w.lower() for w in re.findall(r"[\w'’.-]+", line)]
    if _FIRST_LINE_NAME.fullmatch(line) and len(words) > 1:
        if after and _TAGLINE.fullmatch(after[0]) or set(words) & OUTLET_WORDS and set(words) - _SECTION_WORDS - {
                "the", "of", "and"}:
            return _cased(line)
    elif len(words) == 1 and (_ONE_WORD_MASTHEAD.fullmatch(line) and len(line) >= 3 or _WEB_NAME.fullmatch(line)):
        if after and words[0] not in _KICKERS and words[0] not in _SECTION_WORDS:
            return _cased(line)
    return None


def _cased(name: str) -> str:
    """A name in capitals in title case, but for short initialisms ("THE DAILY BLAZE" -> "The Daily
    Blaze", "CNN" stays)."""
    if not name.isupper():
        return name
    return " ".join(w if len(w) <= 4 and w.lower() not in STOPWORDS | OUTLET_WORDS else w.title()
                    for w in name.split())
