"""Numbers in an article's sentences and what each counts: the mentions key figures are made of.

A mention is a number with the words that say what it counts ("14 people were injured": 14,
"people were injured"), the kind of thing that happened to them (dead, injured, arrested ...), the
words around it and the names in its sentence. Dates, times, ages, addresses, a number that names
something ("category 2", "the daily 24 Chassa") and a number made an adjective ("a 12-member team")
are no mentions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsdistill.model import Article
from newsdistill.text import (MONTHS, PAST_FORMS, STOPWORDS, YEAR, names, numbers, split_sentences, stem,
                              stemmer_language, stopwords, tokens, words)

__all__ = ["MATTERS", "SPANS", "UNITS", "Mention", "mentions"]

# Counted things a reader cares about most: casualties, money, people, property, votes.
MATTERS = frozenset(stem(w) for w in """dead killed died deaths death injured wounded hurt missing
people victims survivors casualties evacuated displaced homeless arrested detained hostages troops
soldiers police homes houses buildings families jobs workers votes voters dollars euros pounds percent
billion million damage damages cost fine sentence years passengers residents children students""".split())
# What happened to the counted thing; synonyms share one kind so "hurt" and "injured" agree.
_KINDS = {stem(w): kind for kind, ws in {
    "dead": "dead killed died deaths death dies fatalities perished",
    "injured": "injured wounded hurt injuries hospitalized hospitalised",
    "missing": "missing unaccounted",
    "arrested": "arrested detained held",
    "evacuated": "evacuated displaced homeless",
}.items() for w in ws.split()}
SPANS = frozenset(stem(w) for w in "years months weeks days hours minutes seconds decades centuries times".split())
_ADJECTIVES = frozenset("former other more additional new active senior current previous same several own".split())
UNITS = frozenset(stem(w) for w in """miles mile kilometers kilometres km feet foot meters metres inches yards
pounds kilograms kg tons tonnes ounces degrees celsius fahrenheit mph kph acres hectares""".split())
_TERMS = frozenset(stem(w) for w in "sentence sentenced prison jail term imprisonment probation".split())
_WIRE_NOTES = frozenset("pvs graf grafs ld writethru takes sted".split())
_BREAK = re.compile(r"[,;:()\"–—/]|\s-\s")  # a label never reaches across these
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_AGE = re.compile(r"[- ](?:year|month|week|day)s?[- ]old\b", re.I)
_STOP_LABEL = frozenset("and but or while whereas".split())
_WINDOW_BEFORE, _WINDOW_AFTER = 4, 5
_TIME = re.compile(r"\d{1,2}\s?[:.]\s?\d{2}\s*(?:[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?\s?m\b\.?|"  # "7:40 p.m.", "3 p. m."
                   r"\d{4}\s*(?:GMT|UTC|EST|EDT|CST|PST|BST|local time)\b", re.I)


@dataclass(slots=True)
class Mention:
    value: str
    amount: float
    label: str
    head: str
    kind: str | None
    context: frozenset[str]
    subjects: frozenset[str]
    article: str
    publisher: str
    surface: str = ""  # the number as the sentence writes it
    past: bool = False  # said of an earlier year's event ("killed 270 people in 1988")


def _is_date_or_time(sentence: str, start: int, end: int, surface: str, amount: float) -> bool:
    plain = surface.replace(",", "").isdigit()
    if plain and 1900 <= amount <= 2100 and len(surface) == 4:
        return True  # a year
    before = sentence[max(0, start - 12):start].lower().split()
    after = [w for w in sentence[end:end + 14].lower().split() if w.strip(".,")]  # "15. ledna": a Czech date
    near = before[-1:] + after[:1]
    if after[:1] in (["de"], ["di"], ["del"]):
        near += after[1:2]  # "8 de abril"
    if any(w.strip(".,") in MONTHS for w in near):
        return True  # "Nov. 3", "3 November", "8 de abril"
    return any(m.start() <= start < m.end() for m in _TIME.finditer(sentence))


def mentions(article: Article, publisher: str) -> Iterable[Mention]:
    english = article.english
    function_words = stopwords(stemmer_language(article.language))  # English: STOPWORDS
    for sentence in split_sentences(article.text):
        # "In 1978, 20 people died in a hotel fire": an earlier event's figures (see key_figures)
        past = bool(article.published) and any(int(y) < article.published.year - 1 for y in YEAR.findall(sentence))
        pos, cased = 0, None
        for surface, amount in numbers(sentence):
            start = sentence.find(surface, pos)
            end = start + len(surface)
            pos = end
            if start < 0 or _is_date_or_time(sentence, start, end, surface, amount):
                continue
            if _names_something(sentence[:start], english):  # "Flight 111", "MD-11": part of a name
                continue
            if english and sentence[:start].rstrip().rsplit(None, 1)[-1:] in [[w] for w in _IDENTIFIERS]:
                continue  # "a category 2 climb", "stage 13", "chapter 11": a number that names, not a count
            if re.match(r"0\d", surface) or _ORDINAL.match(sentence, end):  # "0800 123", "21st century"
                continue
            if sentence[end:end + 1].isalpha():
                continue  # "3Com": part of a name
            if sentence[end:end + 1] == "/" or sentence[start - 1:start] == "/":
                continue  # "3 1/2 years", "12/5": a fraction or a date
            if _NAMED_AFTER.match(sentence, end) or (english and _ONE_WORD_NAME.match(sentence, end)):
                continue  # "200 W. American Blvd.", "10 Downing Street", "1010 WINS Glenn Schuck": an address or a name
            if _MEASURE.match(sentence, end):
                continue  # "the 400-meter medley", "an 85-metre footbridge": a description, not a count
            if _WHERE.match(sentence, end):
                continue  # "500 kilometers (300 miles) west of Stockholm", "13 nautical miles away": where, not what
            after = _clause(tokens(_BREAK.split(sentence[end:], maxsplit=1)[0]))[:_WINDOW_AFTER]
            before = _clause(tokens(_BREAK.split(sentence[:start])[-1])[::-1])[:_WINDOW_BEFORE][::-1]
            wire_dollars = before[-1:] in (["dlrs"], ["dlr"])  # the wire's "dlrs 2 billion"
            money = surface.startswith(("$", "€", "£")) or wire_dollars or bool(after[:1] and after[0] in _CURRENCIES)
            if wire_dollars:
                surface = "$" + surface
            content_after = [t for t in after if t not in STOPWORDS]
            content_before = [t for t in before if t not in STOPWORDS and t not in _QUANTIFIERS]
            # The kind of a casualty count: said right after it (before a preposition), or by the
            # verb just before it ("injuring 12"), not by a word further off in the sentence
            # ("200 years after a killing spree", "burying their dead in two graves"); quantifiers
            # between them do not count ("injured at least 12"). Money has no casualty kind.
            near = []
            for t in before[::-1]:
                if t in _LABEL_END:
                    break
                if t not in _QUANTIFIERS:
                    near.append(t)
            verb_kinds = [_KINDS[stem(t)] for t in near[:2] if stem(t) in _KINDS]
            if content_after:
                head = stem(content_after[0])
            elif verb_kinds or any(stem(t) in _BEFORE_NOUNS for t in content_before):
                head = stem(content_before[-1])  # "injuring 12 of them", "the toll is 40": named first
            else:
                continue
            if after[:1] == ["of"] and not verb_kinds:  # "two of the injured": part of another count
                continue
            if after[:1] in (["to"], ["and"]) and numbers(sentence[end:end + 16]):
                continue  # "180,000 to 220,000 visits": the range's last number says what it counts
            said = list(itertools.takewhile(lambda t: t not in _LABEL_END, after))[:4]
            kinds = [] if money else [_KINDS[stem(t)] for t in said if stem(t) in _KINDS] + verb_kinds
            context = frozenset(stem(t) for t in before + after if t not in STOPWORDS)
            aged = before[-1:] in (["turns"], ["turned"], ["aged"]) or before[-2:] in (["who", "is"], ["who", "was"])
            span = head in SPANS or (after and stem(after[0]) in SPANS) or _AGE.match(sentence, end) or aged
            if after[:1] and after[0] in _WIRE_NOTES:
                continue  # "3 pvs", "graf 4": an editor's note to the wire desk
            if span and not context & _TERMS:
                continue  # "eight years after", "a 54-year-old": time and age, not the news (a prison term is)
            matters = bool(kinds) or head in MATTERS
            if not matters and amount < 10 and not surface[0].isdigit():
                continue  # "three terminals", "two supports": description, not a key figure
            label = _label(after, before, kinds[0] if kinds else None, plural=amount != 1, money=money,
                           function_words=function_words)
            if not label or label in _ADJECTIVES or _WEB_ADDRESS.search(label):
                continue  # "110 former [and active ... officers]": what it counts is further on; "60 pic.twitter.com"
            term = after.index("in") if span and "in" in after[1:3] else 0
            if term and term + 1 < len(after) and stem(after[term + 1]) in _TERMS:
                label += f" in {after[term + 1]}"  # "12 years in prison": a term says where it was served
            cased = cased or _cased(sentence)
            label = " ".join(cased.get(w, w) for w in label.split())  # "Chinese athletes"
            singular = label[-1:] != "s" or label.endswith(("us", "ss"))  # "Chassa", "Celsius"; not "Haitians"
            if english and " " not in label and label[:1].isupper() and singular \
                    and label.lower() not in _CURRENCY_CODES:
                continue  # "the daily 24 Chassa", "1,100 F", "a .357 Magnum": a name or a unit, not what is counted
            subjects = frozenset(n.split()[-1].lower() for n in names(sentence))
            yield Mention(surface, amount, label, head, kinds[0] if kinds else None, context, subjects,
                           article.id, publisher, sentence[start:end], past)


_QUANTIFIERS = frozenset("about around nearly almost some up over only more than roughly approximately at least".split())
_CURRENCY_CODES = frozenset("usd eur gbp jpy cny rmb chf inr rub cad aud brl mxn krw".split())
_CURRENCIES = frozenset("dollars dlrs euros pounds yen yuan rupees francs marks pesos rubles roubles".split())
# What a figure is, said before it ("repairs will cost $45 million", "damage has surpassed dlrs 2
# billion", "the toll is 40"); other words before a number rarely say what it counts ("110 former").
_BEFORE_NOUNS = frozenset(stem(w) for w in """cost costs damage deal package budget fine bail price loss losses debt
revenue profit sales aid loan payment payments reserves deficit surplus bill contract spending settlement
compensation ransom bid offer worth award funding investment tax toll tally turnout total count""".split())
# Past tenses that end a label: "100 Kurds [began] a hunger strike" counts Kurds.
_NOT_ADVERBS = frozenset("family assembly supply rally italy july".split())
# "the 400-meter medley", "a 12-member team": a number made into an adjective describes (not ages, which
# have their own rule, nor a "6.1-magnitude" quake or a "$1.5-billion" deal, which are the news)
# Right after a number, an address ("200 W. American Blvd.", "10 Downing Street", "the 12000 block
# of") or a station's name ("1010 WINS Glenn Schuck")
_NAMED_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w.'’-]*\s+){0,3}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|"
                          r"Drive|Dr|Highway|Hwy|Place|Pl|Square|Sq|Court|Ct|Way|Parkway|Pkwy|Terrace)\b|block\s+of\b|"
                          r"[A-Z]{3,}(?:\s?['’]s?)?\s+[A-Z][a-z]|"
                          # a decade ("the nineteen fifties")
                          r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)")
# In English, a name in one capitalised word that counts nothing ("a .357 Magnum", "40 East"; not
# "12 Americans", "11 Yemeni pirates"); German capitalises every noun ("12 Verletzte.")
_ONE_WORD_NAME = re.compile(r"\s+[A-Z][a-z]+(?<!s)(?=[.,;:!?)]|\s+[A-Z0-9]|$)")
# A distance that says where something is ("150 nautical miles off Aden", "15 miles north of Manila")
_WHERE = re.compile(r"\s*(?:nautical\s+)?(?:miles?|kilomet(?:er|re)s?|kms?|km)\b\)?(?:\s*\([^)]{0,30}\))?,?\s+"
                    r"(?:\w+\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|off|away|from|outside|offshore)\b",
                    re.I)  # ("drove 400 miles north" is how far, not where)
_MEASURE = re.compile(r"-(?!(?:year|month|week|day|magnitude|million|billion|trillion|percent|point)s?\b)[a-z]", re.I)


def _cased(sentence: str) -> dict[str, str]:
    """Lowercase word -> as the sentence writes it (not at its start, where any word is capitalised)."""
    ws = words(sentence)
    out = {w.lower(): w for w in reversed(ws[1:])}
    if ws:
        out.setdefault(ws[0].lower(), ws[0].lower() if ws[0][1:].islower() else ws[0])
    return out


def _names_something(before: str, english: bool = True) -> bool:
    """The number follows a capitalised word inside the sentence ("Flight 111", "MD-11"), not a
    sentence-opening "About 1,200"; the capital tells only in English (German capitalises every
    noun: "am Montag 12 Verletzte")."""
    if before.endswith("-"):
        return True
    words = before.split()
    if not english or not words or not words[-1][0].isupper() or words[-1][-1] in ",;:":
        return False  # ... nor after a comma: "At 7:40 p.m. ET, 30 people were evacuated"
    return len(words) > 1 and words[-1].lower().strip(".,") not in _QUANTIFIERS


def _clause(words: list[str]) -> list[str]:
    """Words up to the next number or coordinating conjunction (another figure's territory)."""
    out = []
    for word in words:
        if word[0].isdigit() or word in _STOP_LABEL or numbers(word):
            break
        out.append(word)
    return out


_BE = frozenset("are is was were be been being".split())
_SINGULAR = frozenset("is was has".split())
_AUXILIARIES = _BE | frozenset("have has had will would could can may might shall should must".split())
_CONTROL = frozenset("""expected forced asked ordered told allowed able set scheduled due going likely required urged
invited encouraged called believed thought supposed planned needed obliged made""".split())  # "are expected [to ...]"
_TRAILING = frozenset("still now also already alone too".split())  # "30,000 people [still]"
# A label says what is counted: the words after the number up to a preposition or relative word.
_LABEL_END = frozenset("""in on at of for from by with to into after before during when while which who that as next last
since than near across over under the a an this these its their his her throughout among amid against including
within without despite although though because unless whether via toward towards through between beyond along
past""".split())  # not "about", "around": quantifiers ("killed about 200,000 people")
# Nouns a number after them names rather than counts ("category 2", "route 66").
_WEB_ADDRESS = re.compile(r"https?:|www\.|\w\.(?:com|org|net|gov|edu|co|io|ly|uk|de|fr)\b|/", re.I)
_IDENTIFIERS = frozenset("""category stage chapter section article page route number no. item exit level grade class
phase round game week day room seat row platform gate channel version size track episode season highway
interstate""".split())


def _label(after: list[str], before: list[str], kind: str | None, plural: bool = True, money: bool = False,
           function_words: frozenset[str] = STOPWORDS) -> str:
    """"14 [people were injured] in the collapse" -> "people were injured"; with nothing after the
    number, what came before ("repairs will cost [$45 million]" -> "repairs cost"); a casualty
    count always says its kind ("12 people" in "injuring 12 people" -> "people injured")."""
    words: list[str] = []
    stop = ""  # the word the label stops at
    for i, word in enumerate(after):
        if word in _LABEL_END:
            stop = word
            break
        active = word in PAST_FORMS or (word.endswith("ed") and len(word) > 4 and stem(word) not in _KINDS)
        described = i == 1 and after[0].endswith("ly")  # "13 [fully loaded] magazines", "23 [heavily armed] pirates"
        if active and not described and (not i or after[i - 1] not in _AUXILIARIES):
            break  # "64 million Brazilians [expected to vote]", "dlrs 70 billion [posted]": what they did
        if word.endswith("ly") and len(word) >= 6 and word not in _NOT_ADVERBS:
            break  # "15 [successfully argued]", "100 percent [annually]"
        if stem(word) in _KINDS and money:
            break  # "the $80 billion package [dead]": a sum is not a casualty
        words.append(word)
    aux = next((i for i, w in enumerate(words) if w in _AUXILIARIES), None)
    if aux is not None and plural and words[aux] in _SINGULAR:
        words = words[:aux]  # "44 miles per second [is vaporized]": the verb's subject is another word
    elif aux is not None and not _passive(words[aux:]):  # keep "people [were injured]", "workers [will be recalled]"
        words = words[:aux]  # "Two [victims] are fighting for their lives": the verb is cut off mid-way
    elif aux is not None and stop == "to" and words[-1] in _CONTROL:
        words = words[:aux]  # "38 million voters [are expected] to vote": the verb is cut off mid-way
    while words and (words[-1] in function_words or words[-1] in _TRAILING):
        words.pop()  # "... people [still]"; "52 personnes ont été tuées [et]"
    if words and words[0] in ("percent", "%"):  # "77 percent [percent] annually": the value says it
        words.pop(0)
    if not any(w not in function_words for w in words):
        # a figure with nothing after it says what it is before it: the nearest such noun, with the
        # word before it unless a preposition or article stands between ("repairs will cost" ->
        # "repairs cost"; "last year after payment of" -> "payment")
        at = max((i for i, w in enumerate(before) if stem(w) in _BEFORE_NOUNS), default=None)
        words = []
        if not kind and at is not None:
            lead = [w for w in before[:at] if w not in _AUXILIARIES][-1:]
            words = [*lead, before[at]] if lead and lead[0] not in STOPWORDS | _QUANTIFIERS else [before[at]]
    if kind and not any(_KINDS.get(stem(w)) == kind for w in words):
        words.append(kind)
    return " ".join(words)


def _passive(words: list[str]) -> bool:
    """"were injured", "will be recalled", "have now been identified": what happened to the counted."""
    be = next((i for i, w in enumerate(words) if w in _BE), None)
    return be is not None and any(w.endswith(("ed", "en")) or stem(w) in _KINDS for w in words[be + 1:])
