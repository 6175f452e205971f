"""A light Hebrew stemmer: one-letter prefixes taken off where the word list says so.

Hebrew writes "and", "the", "in", "to", "from", "that" and "as" as letters joined to the next word
(ו ה ב ל מ ש כ): "בירושלים" is "in Jerusalem", "והממשלה" "and the government". Snowball has no
Hebrew stemmer, so without this two reports of one story share hardly a word form. A prefix letter
comes off when what is left is itself a word in ``wordfreq``'s Hebrew list (installed with it) and,
as a word, common enough: at least as common as the prefixed form, or for the article "ה" (whose
forms are often the commoner ones) a tenth of it; never when what is left is a function word
("ברק", Barak, is not "in" + "רק", only) or under two letters. Up to three letters come off
("והביטחון" -> "ביטחון"); "מדינה" keeps its "מ" ("דינה" is a rarer word).
"""

from __future__ import annotations


PREFIXES = frozenset("והבלמשכ")
ARTICLE = "ה"
ARTICLE_RATIO = 0.1  # "ה" comes off when the rest is at least this share as common
MIN_FREQUENCY = 1e-6  # what is left must be a listed word


def frequencies() -> dict[str, float]:
    from newsdistill.text.language import word_frequencies  # (here: text imports this module first)

    return word_frequencies("he")


class HebrewStemmer:
    """``stemWord``/``stemWords`` like PyStemmer's Snowball stemmers."""

    def __init__(self, function_words: frozenset[str] = frozenset()) -> None:
        self.function_words = function_words
        self.freq = frequencies()

    def stemWord(self, word: str) -> str:  # noqa: N802 (PyStemmer's name)
        freq = self.freq
        for _ in range(3):
            rest = word[1:]
            if len(rest) < 2 or word[0] not in PREFIXES or rest in self.function_words:
                break
            have, left = freq.get(word, 0.0), freq.get(rest, 0.0)
            if left < max(MIN_FREQUENCY, have * (ARTICLE_RATIO if word[0] == ARTICLE else 1.0)):
                break
            word = rest
        return word

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802
        return [self.stemWord(w) for w in words]


def with_prefixes(words: frozenset[str]) -> frozenset[str]:
    """The words and each with one or two prefix letters before it ("הוא", "והוא", "שהוא"...)."""
    one = {p + w for p in PREFIXES for w in words}
    return frozenset(words | one | {p + w for p in PREFIXES for w in one})
