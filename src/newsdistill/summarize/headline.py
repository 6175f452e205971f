"""A story's headline and lede, taken from the sources' own words.

The lede is the opening sentence (first or second of an article) that is most central to the
story: its content words are the ones most of the articles use, so it states the event the
articles share rather than one outlet's angle on it. The headline is the most central of the
sources' own headlines; without any (wire copy often has none), the lede shortened by deletion
only: its attribution, introductory phrase, asides (relative clauses, ages, appositions) and time
words come out, and it is cut at its first comma or before a preposition or clause so that it ends
on a whole phrase, never inside a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta

from newsdistill.model import Article, Sentence
from newsdistill.summarize.candidates import Candidate, article_sentences, intro_length, main_clause_opening
from newsdistill.summarize.sources import carriers
from newsdistill.text import PAST_FORMS, STOPWORDS, WEEKDAYS, content_stems, word_count

LEDE_WORDS = (12, 45)   # a lede long enough to say who did what, short enough to read at once
HEADLINE_WORDS = 16     # a shortened lede is cut to at most this many words
_WIDE_COMMA = re.compile(r"[，、,；;]")
_TITLE_NOISE = re.compile(
    r"^(?:(?:live|update\s*\d*|updated|exclusive|breaking|watch|video|analysis|opinion)\s*[:|-]\s*)+|"
    r"\s+[|\-–—]\s+[^|\-–—]{2,40}$", re.I)
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){0,5}(?:said|says|according|told|reported)\b.*$|;\s.*$")
_DASH = re.compile(r"\s[-–—]\s")
# Function words after which a main clause does not resume: ", or PKK," is no end of an aside.
_NOT_RESUMING = frozenset("or and but nor the a an of in on at to for with by from as than that who which".split())
_ASIDE_OPENERS = frozenset("a an the who which whose where representing including".split())
_COMMA = re.compile(r",\s+")  # a comma inside a figure ("9,000") is no comma
_DAY = "|".join(sorted(WEEKDAYS))
_TIME_WORDS = re.compile(
    rf"\s+(?:(?:on|late|early|earlier|last)\s+)?(?:{_DAY})(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\s+(?:last|this)\s+(?:week|month)\b|\s+(?:yesterday|today|tonight)\b", re.I)
# Words before which a headline may end: prepositions, conjunctions and relative words.
_CUT_BEFORE = frozenset("""in on at for from with after before during while as when because amid despite
against over under near since until who which that whose where and but or by than into about""".split())
# "that" after these opens what was said, not a relative clause: no headline ends there
_SAYING = frozenset("""said says say announced reported believe believes believed think thinks hoped hopes
expected added warned argued claimed noted acknowledged suggested showed shows found know knew confirmed confirms
denied denies revealed stated insisted admitted predicted disclosed indicated explained told""".split())
_BACK_REFERENCES = frozenset("him her them it".split())  # objects: "beatified him"
_PRONOUNS = frozenset("he she it they we i you his her its their him them this these those".split())


def main_clause(sentence: str) -> str:
    """A sentence without its introductory phrase, when what is left still says something and
    has no object pronoun that points back into it ("..., Pope John Paul II beatified him")."""
    ws = sentence.split()
    rest = ws[intro_length(ws):]
    if len(rest) >= 6 and not {w.lower().strip(",.") for w in rest} & _BACK_REFERENCES:
        return " ".join(rest)
    return sentence


def clean_title(title: str) -> str:
    """A source headline without its outlet suffix ("... - Harbor Times") or a "LIVE:" prefix."""
    return _TITLE_NOISE.sub("", title.strip()).strip(" .")


def _article_stems(articles: Sequence[Article]) -> Counter[str]:
    """In how many articles each content stem occurs (headline included)."""
    return Counter(s for a in articles for s in set(content_stems(a.text + " " + (a.title or ""))))


def _centrality(stems: set[str], df: Counter[str], n: int) -> float:
    """Mean share of the articles using each of the stems, damped for very short texts."""
    return sum(df[s] for s in stems) / ((len(stems) + 2) * max(n, 1))


def choose_headline(articles: Sequence[Article], lede: Sequence[Sentence], max_words: int = 20,
                    sentences: StorySentences | None = None) -> str:
    """The most central of the sources' own headlines, of the reports the lede opens if one of them
    has one (a headline that says 1,500 strikers over a lede that says 1,200 reads as a mistake);
    without any, the lede shortened, or, when that leaves a phrase cut short ("Federal prosecutors
    said that one of the men accused of conspiring to bomb"), the next most central opening
    sentence that shortens to a whole phrase (``sentences``: :func:`story_sentences` of
    ``articles``, when already made)."""
    df = _article_stems(articles) if any(a.title for a in articles) else Counter()
    titles = [(a.id, t) for a, t in ((a, clean_title(a.title)) for a in articles if a.title)
              if 3 <= word_count(t) <= max_words]
    carriers = set(lede[0].sources) if lede else set()
    best, best_score = "", float("-inf")
    for _, title in [(i, t) for i, t in titles if i in carriers] or titles:
        n = word_count(title)
        stems = set(content_stems(title))
        score = sum(df[s] for s in stems) / (len(stems) + 2) - 0.3 * abs(n - 10)
        if score > best_score:
            best, best_score = title, score
    if best:
        return best
    if not lede:
        return next((a.title for a in articles if a.title), "Untitled story")
    text, whole = shortened(lede[0].text)
    english = next((a.english for a in articles if a.id == lede[0].article_id), True)
    if english and not (whole and has_predicate(text)):  # phrase ends and verbs are judged on English words
        sentences = story_sentences(articles) if sentences is None else sentences
        for cand, _ in _ranked_openings(articles, sentences)[:HEADLINE_TRIES]:
            other, other_whole = shortened(cand.text)
            if other_whole and len(other.split()) >= 6 and has_predicate(other):
                return other
        longer, longer_whole = shortened(lede[0].text, max_words + HEADLINE_LONGER)
        if not has_predicate(text) and longer_whole and has_predicate(longer):
            return longer  # "The fire that destroyed the dairy warehouse [in Palmer took a piece of history]"
    return text or "Untitled story"


HEADLINE_TRIES = 5  # opening sentences tried for a headline when the lede does not shorten well
HEADLINE_LONGER = 8  # words more a headline may take to reach its verb when no opening gives a shorter one
HEADLINE_SLACK = 4  # a sentence at most this many words over the limit is kept whole rather than cut
# Finite verbs that show a reported clause has its verb ("said the suspects are"): auxiliaries and copulas.
_FINITE = frozenset("is are was were will would has have had may might can could should must shall did does do".split())
_BOUNDARY = _CUT_BEFORE | {"to"}  # a headline may end before "to" only when it cannot end earlier


def shorten(sentence: str, max_words: int = HEADLINE_WORDS) -> str:
    """A headline from a sentence by deletion only: no attribution, introductory phrase, asides or
    time words, then cut before a preposition or clause (not inside a name) to at most ``max_words``."""
    return shortened(sentence, max_words)[0]


def shortened(sentence: str, max_words: int = HEADLINE_WORDS) -> tuple[str, bool]:
    """:func:`shorten`, and whether what it gives ends where a phrase ends: False when the cut
    falls inside a phrase ("... an overhaul of the world's financial"), inside what someone said
    ("Prosecutors said that one of the men accused of conspiring to bomb") or leaves only an
    introductory phrase ("Hailing the World War II archbishop of Zagreb"). A sentence at most
    ``HEADLINE_SLACK`` words too long is kept whole, and a cut may end up to that many words past
    the limit to reach the end of a phrase."""
    text = sentence.strip().rstrip(".!。।")
    text = _ATTRIBUTION.sub("", text) or text
    dash = _DASH.search(text)
    if dash and len(text[:dash.start()].split()) >= 6:  # not "A five - boat attack": a spaced hyphen
        text = text[:dash.start()]
    clause = main_clause(text)
    intro = intro_length(text.split()) if clause == text else 0  # an opening phrase kept (no clause without it)
    text = _TIME_WORDS.sub("", _without_asides(clause))
    ws = text.split()
    whole = True
    if len(ws) > max_words:
        cut, comma = 0, False
        for i in range(6, max_words + 1):
            word = ws[i].lower().strip("\"'“”‘’(")
            inside_name = ws[i][:1].isupper() and ws[i - 1][:1].isupper()
            if ws[i - 1].endswith((",", "،", "、")):  # the first comma ends the main clause
                cut, comma = i, True
                break
            reported = word == "that" and any(w.lower() in _SAYING for w in ws[max(0, i - 7):i])  # "confirmed to
            # the Los Angeles Times [that] he made an offer": what was said is the news
            if not inside_name and word in _CUT_BEFORE and not reported and not _joins_names(ws, i):
                cut = i
        said = [j for j in range(cut) if ws[j].lower() in _SAYING]
        no_boundary = not comma and (cut < 7 or (said and cut - said[-1] < 5))
        if no_boundary and len(ws) <= max_words + HEADLINE_SLACK:
            cut = len(ws)  # no boundary late enough in a sentence a little too long: all of it
        elif no_boundary:
            # no boundary late enough ("Gadhafi said the suspects"): the next one within the slack
            # (not past a saying verb: what was said would be cut), else the last word that is
            # neither a function word nor inside a name
            cut = next((j for j in range(max_words + 1, max_words + HEADLINE_SLACK + 1) if _ends_phrase(ws, j)), 0)
            if not cut:
                cut = max_words
                while cut > 3 and (_function_word(ws[cut - 1]) or (ws[cut][:1].isupper() and ws[cut - 1][:1].isupper())):
                    cut -= 1
            said = [j for j in range(cut) if ws[j].lower() in _SAYING]
            # whole where a phrase ends ("will be the host | of the 81st annual Oscars", not "an
            # overhaul of the world's financial | system"), unless what someone said is cut before
            # its verb ("said that one of the men accused of ...")
            whole = (_ends_phrase(ws, cut) or ws[cut].lower() == "of") and not (
                said and not _FINITE & {w.lower() for w in ws[said[-1] + 1:cut]})
        whole = whole and cut > intro  # only an opening phrase is no whole phrase either
        ws = ws[:cut]
        while len(ws) > 3 and _function_word(ws[-1]):
            ws.pop()
    out = " ".join(ws).rstrip(",;:،、")
    if len(ws) <= max_words < word_count(out):  # a script written without spaces: up to a comma, else cut and marked
        limit = max_words * 2  # characters: about two to a word in Chinese or Japanese
        comma = max((m.start() for m in _WIDE_COMMA.finditer(out, 6) if m.start() <= limit), default=None)
        out = out[:comma] if comma else out[:limit].rstrip() + "…"
        whole = whole and comma is not None
    return out[:1].upper() + out[1:], whole


_RELATIVE = frozenset("that who which whom whose".split())
# More past forms for the verb test (PAST_FORMS are those a figure's label stops at: "six people [froze]" stays)
_MORE_PAST = frozenset("""fell sank froze sought swept withdrew hid tore stole shook slew sped swung wept quit hit cut
shut spread split beat lit lay""".split())
_CONTRACTED = ("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll")
_IS_CONTRACTED = frozenset(f"{w}{q}s" for w in "there it that he she what who here".split() for q in "'’")
_OF_PARTICIPLES = frozenset("suspected accused convicted acquitted cleared robbed stripped deprived".split())
_AFTER_VERB = frozenset("a an the to his her its their that this these those no more up down out".split())


def has_predicate(headline: str) -> bool:
    """Whether an English headline has a verb of its own, not only a subject ("A fire that caused
    $1 million in damage to Sarah Palin's church", "Three people, one of them a pregnant woman"):
    an auxiliary, a saying verb, a past form ("stopped", "fell") not opening a relative clause
    ("that caused") nor a participle's phrase ("suspected of", "killed by"), or a present form
    followed by its object ("teaches a lot")."""
    ws = [w.strip("\"'“”‘’(),.:;!?") for w in headline.split()]
    for i, w in enumerate(ws):
        lw = w.lower()
        before = ws[i - 1].lower() if i else ""
        after = ws[i + 1].lower() if i + 1 < len(ws) else ""
        if not lw or before in _RELATIVE or (i and w[:1].isupper()):
            continue
        if lw in _FINITE or lw in _SAYING or lw.endswith(_CONTRACTED) or lw in _IS_CONTRACTED:
            return True
        if (lw.endswith("ed") and len(lw) > 3 or lw in PAST_FORMS or lw in _MORE_PAST) and after != "by" \
                and not (after == "of" and lw in _OF_PARTICIPLES):
            return True
        if i and lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and after in _AFTER_VERB \
                and before not in _AFTER_VERB:
            return True
        following = ws[i + 2] if i + 2 < len(ws) else ""
        if i and after == "to" and following[:1].islower() and before not in _AFTER_VERB and lw not in STOPWORDS:
            return True  # "investigators plan to return", "divers expect to clinch"
    return False


def _ends_phrase(ws: list[str], j: int) -> bool:
    """Whether a headline of the first ``j`` words ends where a phrase does: at a comma, or before a
    preposition, conjunction, relative word or "to" that is not inside a name."""
    if ws[j - 1].endswith((",", ";", ":")):
        return True
    word = ws[j].lower().strip("\"'“”‘’(")
    return (word in _BOUNDARY and not (ws[j][:1].isupper() and ws[j - 1][:1].isupper())
            and not _function_word(ws[j - 1]) and not _joins_names(ws, j))


def _joins_names(ws: list[str], i: int) -> bool:
    """Whether ``ws[i]`` is an "and" or "or" between two names ("between Syria and Turkey"): one
    phrase, no place to end a headline."""
    return (ws[i].lower() in ("and", "or") and 0 < i < len(ws) - 1 and ws[i - 1][:1].isupper()
            and ws[i + 1][:1].isupper())


def _function_word(word: str) -> bool:
    """A word a headline does not end on: a function word, or any lowercase word of one or two
    letters (the prepositions and articles of most languages written in Latin letters: "v", "de")."""
    w = word.strip(",;:،、").lower()
    return w in STOPWORDS or w in _CUT_BEFORE or (len(w) <= 2 and w.isalpha() and w.isascii() and word[:1].islower())


def _without_asides(text: str) -> str:
    """Drop comma-delimited asides after which the main clause resumes: "Neal Horsley, a
    54-year-old computer programmer in Carrollton, Ga., does not" -> "Neal Horsley does not"."""
    parts = _COMMA.split(text)
    i = 2
    while i < len(parts):
        nxt = parts[i].split()[0] if parts[i].split() else ""
        if nxt[:1].islower() and nxt.lower() not in _NOT_RESUMING:
            starts = [j for j in range(1, i) if parts[j].split()[0].lower() in _ASIDE_OPENERS
                      or parts[j][:1].isdigit() or parts[j].split()[0].endswith("ing")]
            if starts and sum(len(p.split()) for p in parts[starts[0]:i]) <= 25:
                parts = parts[:starts[0] - 1] + [parts[starts[0] - 1] + " " + parts[i]] + parts[i + 1:]
                i = starts[0] + 1
                continue
        i += 1
    return ", ".join(parts)


def _opens_with_pronoun(sentence: str) -> bool:
    """"He said ...", "Three years ago, he ...": who?"""
    return main_clause_opening(sentence.split()) in _PRONOUNS


def fallback_lede(selected: Sequence[Sentence]) -> list[Sentence]:
    """When no opening sentence qualifies: the earliest selected one, not opening on a pronoun if
    any does not."""
    if not selected:
        return []
    return [min(selected, key=lambda s: (_opens_with_pronoun(s.text), s.position, -len(s.sources)))]


StorySentences = list[list[tuple[Candidate, frozenset[str]]]]


def story_sentences(articles: Sequence[Article]) -> StorySentences:
    """Per article, its candidate sentences with their content stems: what the lede and "Latest"
    choices read (compose makes it once for both)."""
    return [[(c, frozenset(content_stems(c.text))) for c in article_sentences(a, i)] for i, a in enumerate(articles)]


def _with_carriers(cand: Candidate, stems: frozenset[str], articles: Sequence[Article],
                   sentences: StorySentences) -> Sentence:
    """``cand`` as a digest sentence citing every article that carries it (its own first)."""
    sources = carriers(stems, [(a.id, st) for a, sents in zip(articles, sentences) for _, st in sents])
    sources = sources if cand.article_id in sources else [cand.article_id, *sources]
    return Sentence(text=cand.text, article_id=cand.article_id, position=cand.position,
                    paragraph=cand.paragraph, sources=sources)


def choose_lede(articles: Sequence[Article], selected: Sequence[Sentence] = (),
                sentences: StorySentences | None = None) -> list[Sentence]:
    """The most central usable opening sentence of any article (the first or second, after a
    dateline), with every article carrying it; :func:`fallback_lede` of ``selected`` when none
    qualifies. ``sentences``: :func:`story_sentences` of ``articles``, when already made."""
    sentences = story_sentences(articles) if sentences is None else sentences
    ranked = _ranked_openings(articles, sentences)
    if not ranked:
        return fallback_lede(selected)
    return [_with_carriers(*ranked[0], articles, sentences)]


def _ranked_openings(articles: Sequence[Article],
                     sentences: StorySentences) -> list[tuple[Candidate, frozenset[str]]]:
    """The usable opening sentences (an article's first or second, of lede length, not opening on
    a pronoun), most central first; a second sentence counts 0.1 less (it may lean on the first)."""
    openings = []
    df: Counter[str] = Counter()  # in how many articles each stem occurs (headline included)
    for a, sents in zip(articles, sentences):
        used = set(content_stems(a.title)) if a.title else set()
        for cand, stems in sents:
            used |= stems
            if cand.position <= 1 and not cand.reject and LEDE_WORDS[0] <= cand.n_words <= LEDE_WORDS[1]:
                openings.append((cand, stems))
        df.update(used)
    scored = [(_centrality(set(stems), df, len(articles)) - 0.1 * cand.position, i)
              for i, (cand, stems) in enumerate(openings) if not _opens_with_pronoun(cand.text)]
    return [openings[i] for _, i in sorted(scored, key=lambda x: (-x[0], x[1]))]


LATEST_AFTER = timedelta(hours=12)  # a report this long after the first may bring news of its own


def choose_latest(articles: Sequence[Article], sentences: StorySentences | None = None) -> Sentence | None:
    """The newest report's opening sentence when the story has grown (it came at least
    LATEST_AFTER after the first report): a development only the latest report carries ("Regional
    prosecutors have opened a criminal investigation ...") never wins on what most reports share,
    yet it is what a returning reader looks for. The caller leaves it out when already told."""
    dated = [(a.published, a.id, i) for i, a in enumerate(articles) if a.published]
    if len(dated) < 2 or max(dated)[0] - min(dated)[0] < LATEST_AFTER:
        return None
    sentences = story_sentences(articles) if sentences is None else sentences
    newest = max(dated)[2]
    english = articles[newest].english
    for cand, stems in sentences[newest]:
        if cand.position > 1:
            break
        if cand.reject or _opens_with_pronoun(cand.text) or not LEDE_WORDS[0] <= cand.n_words <= LEDE_WORDS[1]:
            continue
        if english and not _NEWS_TIME.search(cand.text):
            return None  # news says when ("agreed Tuesday"); "Christmas is a sacred holiday in ..." sets a
            # scene (the sentence after it leans on it: "if Netanyahu wants to change that perception")
        return _with_carriers(cand, stems, articles, sentences)
    return None


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)")
_NEWS_TIME = re.compile(rf"(?i:\b(?:{_DAY}|today|tonight|yesterday)\b|\b(?:this|last) (?:week|month|morning|afternoon|"
                        rf"evening|night|weekend)\b)|\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}(?!\w)")
