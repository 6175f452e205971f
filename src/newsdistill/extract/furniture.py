"""What one line of a copied web page is, judged on its own: furniture, a date line, a byline.

These are the context-free tests; :mod:`newsdistill.extract.plaintext` combines them with where a
line sits on the page (before the headline, inside a "Related" block, after the last sentence).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from newsdistill.text import find_date

# Whole-line UI labels (a count, colon or arrow may follow), in the languages we meet most.
_LABELS = r"""
home|homepage|menu|search|sign\ ?in|sign\ ?up|log\ ?in|log\ ?out|register|subscribe(?:\ now|\ today)?|
newsletters?|share|share\ (?:this|the)\ (?:article|story|post|page)|share\ this|tweet|print|e-?mail|copy\ link|
facebook|twitter|x|whatsapp|linkedin|instagram|reddit|telegram|pinterest|flipboard|threads|youtube|
advertisement|advert|sponsored|promoted|ad|
related|related\ (?:articles?|stories|news|coverage|topics|content|links|internet\ links|reading)|
read\ more|see\ more|show\ more|load\ more|more|more\ stories|more\ news|more\ on\ this\ story|more\ opinion|
see\ also|also\ read|read\ also|read\ next|up\ next|
previous|next|previous\ (?:article|story|post)|next\ (?:article|story|post)|
comments?|comment\ now|add\ a\ comment|leave\ a\ (?:comment|reply)|have\ your\ say|
join\ the\ (?:conversation|discussion)|
most\ (?:read|popular|viewed|shared|commented)|trending(?:\ now)?|top\ stories|latest(?:\ news)?|
recommended(?:\ for\ you)?|you\ (?:may|might)\ also\ (?:like|be\ interested\ in)|don't\ miss|editor's\ picks|
topics|tags|watch\ live|listen\ live|live\ tv|live|radio|podcasts?|play\ video|watch|listen|video|photos?|gallery|
back\ to\ top|skip\ to\ (?:main\ )?content|close|open|toggle\ caption|hide\ caption|enlarge\ this\ image|
loading\.*|like\ this|reuse\ this\ content|report\ an\ error|accept|accept\ all|ok|got\ it|
share\ full\ article|skip\ advertisement|bookmark|save|saved|key\ events|show\ key\ events\ only|add\ to\ myft|
order\ reprints|today's\ paper|report\ this\ ad|artikel\ hören|vorlesen|merken|link\ copied!?|ad\ feedback|
follow|following|suggested\ topics|more\ topics|view\ comments|view\ gallery|udostępnij|czytaj\ także|reklama|
sdílet|mohlo\ by\ vás\ zajímat|čtěte\ také|
startseite|teilen|artikel\ teilen|anzeige|werbung|mehr\ zum\ thema|weitere\ artikel|weiterlesen|kommentare?|
kommentar\ schreiben|auch\ interessant|accueil|partager|lire\ aussi|à\ lire\ aussi|publicité|commentaires?|
voir\ aussi|portada|compartir|lee\ también|leer\ más|publicidad|comentarios?|suscríbete|condividi|
leggi\ anche|pubblicità|commenti|iscriviti|delen|lees\ ook|reclame
"""
_LABEL = re.compile(rf"^(?:{_LABELS})\s*(?:[:›»>|•·(\[\d].{{0,40}}|…|\.{{3}})?$", re.I | re.X)

# Lines that start like furniture (a short line only: the rest is a name, a link text, a count).
_STARTS = r"""
read\ more\b|also\ read\b|see\ also\b|watch\s*:|listen\s*:|related\s*:|more\ (?:from|on|in)\b[^.]*$|
most\ read\ in\b|sign\ up\b|subscribe\ (?:to|for|now|today)\b|already\ a\ subscriber|follow\ us\b|follow\ @|
join\ our\b|share\ on\b|share\ via\b|share\ this\b|click\ here\b|reporting\ by\b|additional\ reporting\b|
editing\ by\b|writing\ by\b|compiled\ by\b|our\ standards\b|was\ this\ (?:article|story)\ helpful|
to\ participate\ in\ the\ discussion|got\ a\ (?:story|news\ tip|tip)\b|have\ a\ story\b|contact\ us\b|
(?:we|this\ (?:site|website))\ uses?\ cookies|accept\ (?:all\ )?cookies|manage\ (?:preferences|cookies)|
cookie\ (?:settings|policy)|story\ continues\ below|scroll\ (?:down\ )?to\ continue|continue\ reading\b|
this\ (?:story|article)\ is\ (?:being\ updated|developing)|this\ is\ a\ developing\ story|
listen\ to\ this\ article|play\ video\b|video\ duration\b|image\ caption|image\ source|media\ caption|
(?:photo|picture|image|photograph|credit|foto|bild|video)s?\s*:|photo\ by\b|photos\ by\b|
\(c\)\s|©|copyright\s*(?:©|\(c\)|\d{4})|all\ rights\ reserved|tags\s*:|topics\s*:|filed\ under\b|
posted\ in\b|categories\s*:|
get\ (?:the|our)\b.*\bin\ your\ (?:e-?mail|inbox)|enter\ your\ email|
terms\ (?:of\ (?:use|service)|and\ conditions)\b|privacy\ policy$|
image\ \d+\ of\ \d+|\d+\s*/\s*\d+$|\d+\ comments?\b|comments?\s*\(\d+\)|\d+\s*min(?:ute)?s?\ read|reading\ time|
lire\ aussi|à\ lire\ aussi|abonnez-vous|
inscrivez-vous|lee\ también|mehr\ zum\ thema|jetzt\ abonnieren|newsletter\b[^.]*$|mit\ material\ von\b|
leggi\ anche|partager\ sur\b|as\ a\ subscriber\b|try\ (?:unlimited|full|free)\ access|explore\ our\b|
only\ [$€£]\d[\d.,]*\ for\ \d+\ (?:weeks?|months?|days?)|(?:please\ )?(?:turn\ on|enable)\ javascript|
lesezeit\b|temps\ de\ lecture\b|tiempo\ de\ lectura\b|get\ (?:the|our)\b.{0,40}\bnewsletter\b|
[—–-]*\s*with\ (?:assistance|additional\ reporting)\ from\b|share\ or\ comment\b|read\ the\ full\ story\b|
updated:?\s+ago$|(?:tell\ us|let\ us\ know)\ what\ you\ think\b|(?:[\w’'-]+\ ){1,3}newsletters?$
"""
# Boilerplate sentences that give a longer furniture line away wherever they stand in it.
_BOILERPLATE = re.compile(
    r"""\b(?:delivery\ charges\ may\ apply|cancel\ anytime|complete\ digital\ access|
    a\ version\ of\ this\ article\ appears\ in\ print|we\ use\ your\ sign-up|if\ you\ have\ a\ news\ tip|
    this\ material\ may\ not\ be\ published|all\ rights\ reserved|read\ the\ original\ article|
    republished\ from\b.{0,60}\bcreative\ commons|contributed\ to\ this\ (?:report|story|article)\.?$|
    delivered\ (?:straight\ )?(?:to|through|into)\ your\ (?:inbox|letterbox|mailbox)|
    \d+\ issues\ for\ (?:just\ |only\ )?[$€£]\d|this\ copy\ is\ for\ your\ personal,?\ non-commercial\ use)""",
    re.I | re.X,
)
_START = re.compile(rf"^(?:{_STARTS})", re.I | re.X)

# Machine-made or machine-translated text disclaimers.
_BOT = re.compile(r"\b(?:this|the)\ (?:article|story|text|content|summary|report|translation|page)\b.{0,40}"
                  r"\b(?:generated|translated|written|produced|created|compiled)\b.{0,40}"
                  r"\b(?:automatically|by\ (?:an?\ )?(?:ai|algorithm|machine|computer)|with\ (?:the\ help\ of\ )?"
                  r"(?:ai|artificial\ intelligence))|\bmachine[- ]translat|\bautomatically\ translated", re.I | re.X)

# Photo credits and captions that end with one.
_CREDIT_END = re.compile(
    r"""(?:^|[\s.(|,])(?:
        (?i:photo|picture|image|photograph|credit|foto|pic)s?\s*(?i:by|:)\s*[^.]{2,60}
      | (?:\(c\)|©)\s*[\w .&'-]*\d{4}\s*/\s*[\w .'-]+
      | [A-Z]{2,}(?:\ [A-Z]+)*(?:\ Photo)?\s?/\s?[A-Z][\w'.-]+(?:\ [A-Z][\w'.-]+){0,3}
    )\)?$""",
    re.X,
)
_AGENCY_SLASH = re.compile(r"^[A-Z]{2,}(?: [A-Z]{2,})*(?: Photo)?\s?/\s?[\w'.-]+(?: [\w'.-]+){0,3}$")

# "X is a reporter covering ...", "X covers crime for the Tribune": author boxes after the body.
_ROLE = (r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|freelancer?|critic|"
         r"producer|photographer|intern|staff\ writer|democracy\ reporter)")
_AUTHOR_BOX = re.compile(
    rf"^(?:[A-Z][\w'’.-]+\ ){{2,3}}(?:(?:is|was)\ (?:a|an|the|our)\b.{{0,80}}\b(?i:{_ROLE})"
    rf"|covers\ |writes\ (?:about|for)\ |reports\ on\ )",
    re.X,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|^(?:https?://|www\.)\S+$", re.I)
ROLE_LINE = re.compile(rf"^(?:(?:senior|chief|deputy|local|political|economics|business|health|sports?|"
                       rf"staff|foreign|news|city|science|home\ affairs)\ )*{_ROLE}s?$", re.I | re.X)

# Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von Lena Hartwig", "Par Claire Dubois".
_NAME = r"[A-ZÀ-Þ][\w'’.-]+(?:\ (?:(?:de|da|van|von|der|del|la|le|al|bin)\ )?[A-ZÀ-Þ][\w'’.-]+){0,3}"
_BYLINE = re.compile(
    rf"^(?i:by|von|par|por|di|door|av|written\ by|words\ by|author:|reported\ by)\s+"
    rf"(?P<name>(?:[Tt]he\ )?{_NAME}(?:\s*(?:,|and|&|und|et|y|e)\s*{_NAME})*?)"
    rf"(?:\ in\ [A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+)?)?\s*(?:$|[,|•·–—-]\s*(?P<rest>.*)$)",
    re.X,
)
# A name alone, maybe with a role or the place filed from ("Jane Doe in Albi", "Owen Gallagher | Staff Writer").
BARE_NAME = re.compile(rf"^(?P<name>{_NAME})(?:\ in\ [A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+)?)?"
                       rf"\s*(?:$|[,|•·–—-]\s*(?P<rest>.*)$)", re.X)

# Date lines: what may stand around the date itself.
_DATE_WORDS = re.compile(
    r"""\b(?:published|updated|posted|modified|last\ updated|first\ published|on|at|am|le|à|um|uhr|de|del|
    publié|mis\ à\ jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|
    mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|
    gmt|utc|bst|cet|cest|est|edt|pst|pdt|a\.?m\.?|p\.?m\.?|\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\d+)\b""",
    re.I | re.X,
)
_RELATIVE = re.compile(r"^(?:updated:?\s*)?(?:\d+|an?)\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago$", re.I)

_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL",
            "DEVANAGARI", "THAI")


# Words of site sections and menus: a line made of these is navigation ("News Sport Business Culture").
SECTION_WORDS = frozenset("""
home news sport sports business culture lifestyle life world politics opinion opinions tech technology science
health entertainment travel money weather video videos live local national international uk us europe asia
africa americas markets economy climate environment arts books film music food style fashion education crime
courts podcasts podcast newsletters obituaries sign in subscribe search menu more latest trending comment
analysis features showbiz celebs tv radio property jobs motoring cars puzzles games shop lokales politik
wirtschaft kultur sport accueil actualités économie société culture portada sociedad deportes cronaca
""".split())
_SEPARATOR = re.compile(r"\s+[>»›|/•·]\s+")


def is_navigation(line: str) -> bool:
    """A menu or breadcrumb line: section words only, or short parts between separators."""
    parts = _SEPARATOR.split(line.strip())
    if len(parts) >= 3 and all(1 <= len(p.split()) <= 3 and not re.search(r"\d", p) for p in parts):
        return True
    tokens = [w.strip("|>»›/•·,").lower() for w in line.split()]
    tokens = [w for w in tokens if w]
    return len(tokens) >= 2 and all(w in SECTION_WORDS for w in tokens)


@lru_cache(maxsize=8192)  # pages are checked twice (body clean-up, then the plain-text pass)
def is_furniture(line: str) -> bool:
    """True when the line, on its own, is page furniture rather than article text."""
    line = line.strip()
    if line.startswith("(") and line.endswith(")"):  # "(Reporting by ...; Editing by ...)"
        line = line[1:-1].strip()
    if not line:
        return False
    n = len(line.split())
    if _LABEL.match(line) or is_navigation(line):
        return True
    if n <= 25 and _START.match(line) or n <= 60 and _BOILERPLATE.search(line):
        return True
    if n <= 3 and not any(ch.isalpha() for ch in line) and find_date(line) is None \
            and not re.fullmatch(r"(?:19|20)\d\d|.*[$€£¥].*", line):  # "142", "2:14", "***"; not "1998", "$139"
        return True
    if n <= 40 and (_BOT.search(line) or re.match(r"(?:\(c\)|©|copyright\s*(?:©|\(c\)|\d{4}))", line, re.I)):
        return True
    if n <= 30 and _CREDIT_END.search(line):
        return True
    if _AGENCY_SLASH.match(line) or re.search(r"\bgetty images$", line, re.I) and n <= 8:
        return True
    if n <= 25 and _CONTACT.search(line):
        return True
    return bool(_RELATIVE.match(line))


def is_author_box(line: str) -> bool:
    """"X is a reporter covering ...": furniture only after the article's last paragraph."""
    return len(line.split()) <= 40 and bool(_AUTHOR_BOX.match(line.strip()))


_OWNER = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}\s+)?(?P<name>(?:The\s+)?[A-Z][\w&'.-]*"
                    r"(?:\s+[A-Z][\w&'.-]*){0,4}?)(?:\s+\d{4})?\s*(?:[.,]|$|all rights)", re.I)


# A company's legal form after its name: the outlet is "Bloomberg", not "Bloomberg L.P".
_LEGAL_FORM = re.compile(r"(?<=\w)[,.]?\s+(?:L\.?P|Inc|Ltd|LLC|plc|GmbH|AG|S\.?A|Limited|Corp(?:oration)?|Co)\.?$",
                         re.I)


def copyright_owner(line: str) -> str | None:
    """The publisher a copyright line names ("© 2024 The Karsholm Courier. All rights reserved.")."""
    line = line.strip()
    if not re.match(r"(?:©|\(c\)|copyright\b)", line, re.I) or len(line.split()) > 20:
        return None
    m = _OWNER.match(line)
    if not m or not m.group("name")[:1].isupper():
        return None
    return _LEGAL_FORM.sub("", m.group("name")).rstrip(".") or None


def byline(line: str) -> str | None:
    """The author named by a byline ("By Jane Doe, Reuters" -> "Jane Doe"), else None."""
    line = line.strip()
    if len(line.split()) > 14 or line.endswith((".", "!", "?")) and not line.endswith(" Jr."):
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    name = re.split(r"\s+(?i:for)\s+", m.group("name").strip())[0]  # "Becky Lane For Mailonline"
    words = name.split()
    if len(words) < 2 and name.lower() not in ("reuters", "afp", "ap"):
        return None
    return name.title() if name.isupper() and len(name) > 3 else name


# "University of Plymouth", "The Harbour Review": a Title Case affiliation after a name.
_AFFILIATION_WORD = r"(?:[A-Z][\w'’.&-]*|of|the|and|for|at|de)"
_AFFILIATION = re.compile(rf"^{_AFFILIATION_WORD}(?:\s+{_AFFILIATION_WORD}){{0,5}}$")


def name_line(line: str) -> str | None:
    """A line that is only a person's name, maybe with a role ("Owen Gallagher | Staff Writer")."""
    m = BARE_NAME.match(line.strip())
    if not m:
        return None
    name = m.group("name")
    n = len(name.split())
    rest = (m.group("rest") or "").strip()
    if not 2 <= n <= 4 or any(w.isupper() and len(w) > 1 for w in name.split()) \
            or any(w.lower() in SECTION_WORDS for w in name.split()):
        return None
    if rest and not ROLE_LINE.match(rest) and not find_date(rest) and not _AFFILIATION.match(rest):
        return None
    return name


def is_date_line(line: str) -> bool:
    """A short line that states a date (and maybe a time, "Published", a weekday), little else."""
    line = line.strip()
    if _RELATIVE.match(line):
        return True
    if len(line.split()) > 16 or find_date(line) is None:
        return False
    rest = re.sub(r"\bby\s+.*$", "", line, flags=re.I)  # "Posted on ... by Sam Okafor"
    rest = _DATE_WORDS.sub(" ", rest)
    rest = re.sub(r"\b(?:[a-zà-ÿ]{3,9}\.?)\b", lambda m: "" if _is_month(m.group()) else m.group(), rest, flags=re.I)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


def _is_month(word: str) -> bool:
    from newsdistill.text import MONTHS

    return word.lower().rstrip(".") in MONTHS


def scripts(text: str) -> dict[str, int]:
    """How many letters of the text are in each writing system (LATIN, CYRILLIC, CJK, ...)."""
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # each distinct character looked up once
        if (name := _letter_script(ch)) is not None:
            counts[name] = counts.get(name, 0) + n
    return counts


@lru_cache(maxsize=8192)
def _letter_script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), None)


def script(text: str) -> str | None:
    """The writing system most letters of the text are in."""
    counts = scripts(text)
    return max(counts, key=counts.__getitem__) if counts else None
