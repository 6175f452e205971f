"""Language: ISO codes to Snowball stemmer names, and telling a text's language."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from newsdistill.text import tokens

LANGUAGE_NAMES = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
                  "pt": "portuguese", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
                  "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
                  "tr": "turkish", "el": "greek", "ar": "arabic", "cs": "czech", "hi": "hindi",
                  "id": "indonesian", "ca": "catalan", "pl": "polish", "lt": "lithuanian", "fa": "persian",
                  "ta": "tamil", "sr": "serbian", "he": "hebrew",
                  "zh": "chinese", "ja": "japanese"}  # no Snowball stemmer: words as they are


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


WORDFREQ_CODES = {"no": "nb", "sr": "sh"}  # ISO codes wordfreq lists under another name


@lru_cache(maxsize=32)
def word_frequencies(code: str) -> dict[str, float]:
    """``wordfreq``'s word list of a language (its data ships in the wheel: nothing is fetched),
    word -> frequency, words used at least once in a million; empty when it has none."""
    from wordfreq import get_frequency_dict

    try:
        return get_frequency_dict(WORDFREQ_CODES.get(code, code), wordlist="small")
    except LookupError:
        return {}


def stemmer_language(code: str | None) -> str:
    """Stemmer name for an ISO code: Snowball's, or "hebrew", "chinese", "japanese" (english when unknown)."""
    return LANGUAGE_NAMES.get((code or "en").lower()[:2], "english")
