"""Direct quotes with their speakers, resolved from the attribution and deduplicated across outlets.

Recognised shapes (straight or typographic quotes):
  "We will rebuild," Mayor Ana Ruiz said.      "We will rebuild," said Ruiz, the mayor.
  Ruiz told reporters: "We will rebuild."       "We will rebuild," she said.   (she -> Ana Ruiz)
A surname alone or a pronoun is resolved to the fullest earlier mention in the same article; a quote
whose speaker cannot be resolved to a name or a described role ("a police spokesman") is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable

from newsdistill.model import Article, Quote
from newsdistill.text import (ABBREVIATIONS, MEDIA_WORDS, OPENING_ADVERB, ORG_WORDS, QUOTED, STOPWORDS, name_positions,
                             split_sentences, tokens)

_VERBS = (r"(?:said|says|told\s+(?:[A-Z][\w.]*\s*){1,4}|told\s+(?:reporters|journalists|the\s+\w+)|added|"
          r"stated|explained|noted|warned|wrote|declared|insisted|argued|recalled|continued|announced|"
          r"acknowledged|admitted|claimed|urged|tweeted|posted|remarked|stressed|cautioned|replied)")
_SPEAKER = r"(?P<speaker>(?:[A-Z][\w.'’-]*|the|a|an|of|de|van|von|al|and)(?:,?\s+(?:[A-Z][\w.'’-]*|[a-z][\w'’-]*)){0,7}?),?"
_PRONOUN = r"(?P<pronoun>he|she)"
# A quote followed by its attribution ends in a comma, "?" or "!" ("...," she said); one ending in a
# period is a whole sentence, and the next sentence's "X said" is about something else.
_Q_OPEN = r"\"(?P<quote>[^\"]{12,600}?)[,?!]\""
_Q = r"\"(?P<quote>[^\"]{12,600}?)[,.?!]?\""
_AFTER = [
    re.compile(_Q_OPEN + r"\s*,?\s*" + _SPEAKER + r"\s+" + _VERBS + r"\b"),
    re.compile(_Q_OPEN + r"\s*,?\s*" + _PRONOUN + r"\s+" + _VERBS + r"\b"),
    re.compile(_Q_OPEN + r"\s*,?\s*" + r"(?:said|says|added|wrote)\s+" + _SPEAKER + r"(?=[,.;]|\s+(?:on|in|at|who|during|after)\b)"),
]
_BEFORE = [
    re.compile(r"(?:^|[.!?]\s+)" + _SPEAKER + r"\s+" + _VERBS + r"(?:\s+\w+){0,3}?\s*[:,]\s*" + _Q),
    re.compile(r"(?:^|[.!?]\s+)" + _PRONOUN + r"\s+" + _VERBS + r"(?:\s+\w+){0,3}?\s*[:,]\s*" + _Q),
]
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_TITLE_WORDS = frozenset("""mr mrs ms miss dr sir lord lady president minister senator sen rep gov governor judge
mayor chief general gen col capt sgt lt officer pope king queen prince princess""".split())
_LEADING = frozenset("in on at after before during later earlier asked speaking when while with".split())
_TITLED_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# Words no speaker phrase holds: a pronoun or a clause's verb means the phrase is a sentence's
# words ("Audience members laughed when he", "Well I", "He instead").
_NOT_IN_SPEAKER = frozenset("""i he she we they you it when while had has have was were is are did does would
could will instead reportedly likely laughed""".split())
# Last words of names that are no person's: an organisation's head noun, or a thing named like a
# person ("Space Launch System").
_NOT_PEOPLE = ORG_WORDS | MEDIA_WORDS | frozenset("""system program programme project mission station act law treaty
plan initiative states kingdom nations republic emirates islands island city county province region river valley
street square bay coast strip gulf sea ocean america africa asia europe east korea kong lanka arabia zealand rica
guinea leone carolina dakota jersey york angeles francisco orleans vegas delhi aires janeiro lumpur""".split())
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_AFTER_PREPOSITION = re.compile(r"\b(?:of|for|on|as|about|with|by|from|in|into|against)\s+\"$")
_TRAILING = frozenset("later earlier also then again now today yesterday tonight himself herself".split())
# The rest of a quote the attribution interrupts: '"At this point," he says, "there is little ..."'
_CONTINUED = re.compile(r"(?:\s+[\w.'’-]+){0,4}?\s*,\s*\"(?P<rest>[a-z][^\"]{2,600}?)[,.?!]?\"")
MIN_QUOTE_WORDS = 3  # fewer is no quote to show on its own ("We will rebuild" is one)
MIN_PARTIAL_WORDS = 8  # part of a sentence ("a sense of optimism") needs more to stand alone
MIN_POINTING_WORDS = 5  # and so does one opening on what it points at ("They were overconfident")
_PREDICATE_OPENERS = frozenset("""is are was were has have had will would can could should may might must
does do did""".split())
_POINTING = frozenset("it it's its they them their he she him her this that that's these those".split())


def _is_person(name: str) -> bool:
    """Two or more words whose last is not an organisation's head noun ("Police Chief Tomas Berg"
    is; "Us Weekly" is not) and none a pronoun ("Surely I" opening a sentence is no name)."""
    parts = name.split()
    return (len(parts) >= 2 and re.sub(r"['’]s$", "", parts[-1].lower().strip(".")) not in _NOT_PEOPLE
            and not {p.lower() for p in parts} & _NOT_IN_SPEAKER)


def _clean_speaker(raw: str) -> str | None:
    """The speaker phrase without trailing function words; a named part of an apposition wins
    ("the city's transport director, Jon Hale" -> "Jon Hale")."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if len(parts) > 1 and parts[0].split()[0].lower() in _LEADING:
        parts = parts[1:]  # "In a statement, the group said": the subject follows the comma
    named = [p for p in parts if all(w[0].isupper() for w in p.split())]
    words = (named[-1] if named and len(parts) > 1 else " ".join(parts)).split()
    if words and words[0].lower() in _LEADING:
        return None  # "In a statement the group": no subject found
    while words and (words[-1].lower() in ("the", "a", "an", "of", "and") or (
            len(words) > 2 and words[-1].islower() and (words[-1] in _TRAILING or words[-1].endswith(("ly", "ed"))))):
        words.pop()  # "Yasser Arafat later", "a KLA statement printed": what follows the speaker
    if words and words[0].lower() in ("the", "a", "an"):
        words[0] = words[0].lower()
    speaker = " ".join(words).strip(" ,")
    if not speaker or speaker.lower() in STOPWORDS or speaker.endswith(("'s", "’s")):
        return None
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0] in _TITLES:  # "Ms. He": a surname, whatever else the word is
        lowered = lowered[2:]
    if set(lowered) & _NOT_IN_SPEAKER or (len(words) == 1 and lowered[0] in ABBREVIATIONS):
        return None  # ... or only a title that lost its name ("Rep.")
    if len(split_sentences(speaker)) > 1:
        return None  # two sentences' words ("Kotak Institutional Equities. An extended slowdown")
    return speaker


def _without_adverb(found: tuple[int, str]) -> tuple[int, str]:
    """A name without the sentence's opening adverb before it ("Ironically Nichols" -> "Nichols")."""
    pos, name = found
    first, _, rest = name.partition(" ")
    return (pos + len(first) + 1, rest) if rest and OPENING_ADVERB.fullmatch(first) else found


class _SpeakerResolver:
    """Resolves surnames and pronouns to the fullest earlier name in one article."""

    def __init__(self, text: str) -> None:
        self.text = text
        quoted = [m.span() for m in QUOTED.finditer(text)]  # a name in quote marks is a title or someone's words
        self.mentions = [(m_pos, n) for m_pos, n in map(_without_adverb, name_positions(text)) if _is_person(n)
                         and not any(a < m_pos < b for a, b in quoted)]
        # For pronouns: every mention of a person, a surname alone included ("Horsley said he ..."),
        # with the sentence it is in; "Ms. Ward" is the Susan Ward named before, and a woman.
        self.referents: list[tuple[int, int, str]] = []  # (position, sentence number, full name)
        self.gender: dict[str, str] = {}
        fullest: dict[str, str] = {}
        for _, n in self.mentions:
            fullest.setdefault(n.split()[-1], n)
        # A feature may call someone by the given name alone ("Bettie never presented herself"):
        # a given name one person has, standing alone (not "House" of "House Majority Leader").
        pairs = {n: n.split()[0] for _, n in self.mentions if len(n.split()) == 2}  # full name -> given name
        given = Counter(pairs.values())
        alone = {first: n for n, first in pairs.items() if given[first] == 1 and first not in fullest
                 and re.fullmatch(r"[A-Z][a-z]+", first) and first.lower() not in _TITLE_WORDS}
        if fullest:
            starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
            surnames = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, fullest)) + r")(?![\w-])")
            found = list(surnames.finditer(text))
            if alone:
                firsts = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, alone)) + r")(?![\w-])(?!\s+[A-Z])")
                found = sorted(found + list(firsts.finditer(text)), key=lambda m: m.start())
            for m in found:
                n = fullest.get(m.group(1)) or alone[m.group(1)]
                title = _TITLED_BEFORE.search(text, max(0, m.start() - 6), m.start())
                if title:
                    self.gender[n] = _TITLES[title.group(1).lower()]
                self.referents.append((m.start(), bisect_right(starts, m.start()), n))

    def resolve(self, speaker: str | None, pronoun: str | None, at: int) -> str | None:
        earlier = [n for pos, n in self.mentions if pos < at]
        if pronoun:  # the first person named in the latest sentence naming one: its subject
            other = "f" if pronoun.lower() == "he" else "m"
            latest = [(sent, n) for pos, sent, n in self.referents if pos < at and self.gender.get(n) != other]
            if not latest:
                return None
            return next(n for sent, n in latest if sent == latest[-1][0])
        if speaker is None:
            return None
        parts = speaker.split()
        words = [w for i, w in enumerate(parts) if not i or w != parts[i - 1]]  # "Arafat Arafat" said once
        named = next((i for i, w in enumerate(reversed(words)) if not w[:1].isupper()), len(words))  # a name at the end
        if speaker[0].islower() and 0 < named < len(words) and words[-named - 1].lower() not in STOPWORDS:
            return self.resolve(" ".join(words[-named:]), None, at)  # "a grim-faced Arafat": Yasser Arafat
        speaker = " ".join(words)
        if speaker[0].islower():  # a described role: "the mayor", "a police spokesman"
            return speaker if len(speaker.split()) >= 2 else None
        pair = speaker.split(" and ")
        if len(pair) == 2 and all(p[:1].isupper() for p in pair):  # "Mark and Condon": each by their fuller name
            return " and ".join(self.resolve(p, None, at) or p for p in pair)
        last = speaker.split()[-1]
        fuller = [n for n in earlier + [n for _, n in self.mentions] if n.split()[-1] == last and len(n) > len(speaker)]
        return max(fuller, key=len) if fuller and len(speaker.split()) == 1 else speaker


def extract_quotes(article: Article) -> list[Quote]:
    """Quotes in one article, in order of appearance; speakers resolved where possible."""
    # Wire copy writes ``quotes''; only the marks change, the quoted words stay verbatim.
    text = article.text.replace("``", '"').replace("''", '"').translate(_QUOTE_CHARS)
    resolver = _SpeakerResolver(text)
    found: dict[int, Quote] = {}
    for pattern in _AFTER + _BEFORE:
        for m in pattern.finditer(text):
            start = m.start("quote")
            who = "speaker" if m.groupdict().get("speaker") is not None else "pronoun"
            between = (m.end("quote"), m.start(who)) if m.start(who) > start else (m.end(who), start)
            if start in found or _PARAGRAPH.search(text, *between):
                continue  # an attribution never reaches across a paragraph
            groups = m.groupdict()
            speaker = _clean_speaker(groups["speaker"]) if groups.get("speaker") else None
            name = resolver.resolve(speaker, groups.get("pronoun"), m.start())
            quote = " ".join(m.group("quote").split())  # on one line, as a quote is shown
            rest = _CONTINUED.match(text, m.end()) if text[m.end("quote"):m.end("quote") + 1] == "," else None
            if rest and m.start(who) > start and not _PARAGRAPH.search(text, m.end(), rest.start("rest")):
                quote = f"{quote}, {' '.join(rest.group('rest').split())}"
            n, first = len(quote.split()), quote.split()[0].lower().replace("’", "'")
            needed = MIN_PARTIAL_WORDS if quote[:1].islower() else MIN_POINTING_WORDS if first in _POINTING \
                else MIN_QUOTE_WORDS
            if quote[:1].islower() and first in _PREDICATE_OPENERS:
                continue  # 'The director "is excited by the story ..."': a predicate whose subject is outside
            if quote[:1].islower() and _AFTER_PREPOSITION.search(text, 0, start):
                continue  # 'detained on suspicion of "having conducted activities ...," Rubin said': the
                # charge's words, which the speaker only reports
            if name and n >= needed:
                found[start] = Quote(text=quote, speaker=name, sources=[article.id])
    return [found[k] for k in sorted(found)]


def _same_quote(a: list[str], b: list[str]) -> bool:
    sa, sb = set(a), set(b)
    small = min(len(sa), len(sb)) or 1
    return len(sa & sb) / small >= 0.85


def merge_quotes(articles: Iterable[Article]) -> list[Quote]:
    """Quotes of all articles, each once: sources merged, most widely carried first."""
    merged: list[tuple[list[str], Quote]] = []
    for article in articles:
        for quote in extract_quotes(article):
            toks = tokens(quote.text)
            for other_toks, other in merged:
                if _same_quote(toks, other_toks):
                    other.sources.extend(s for s in quote.sources if s not in other.sources)
                    if len(quote.speaker) > len(other.speaker) and quote.speaker.split()[-1] == other.speaker.split()[-1]:
                        other.speaker = quote.speaker
                    break
            else:
                merged.append((toks, quote))
    order = {id(q): i for i, (_, q) in enumerate(merged)}
    return sorted((q for _, q in merged), key=lambda q: (-len(q.sources), order[id(q)]))
