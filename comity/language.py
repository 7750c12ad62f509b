"""A cheap "is this English?" check, so the pipeline can skip text the English coder cannot read.

Two signals, both computed on the first few thousand characters:

* script: when most letters are outside the Latin script (Cyrillic, Arabic, CJK, Devanagari, ...), the
  text is not English;
* function words: English prose is full of short grammatical words ("the", "of", "to", "said", ...).
  Their share among the alphabetic tokens is compared with the share of the equivalent words of the
  common Latin-script languages (French, German, Spanish, Italian, Portuguese, Dutch).

It is a heuristic, not a language identifier: it answers "en", "non-en", or "und" (too little text to
tell), and readers store that answer in ``Document.lang`` without dropping anything.
"""
from __future__ import annotations

import re

SAMPLE_CHARS = 4000
MIN_TOKENS = 4  # fewer alphabetic tokens than this: "und"
MIN_ENGLISH_SHARE = 0.12  # texts of LONG_TEXT_TOKENS tokens or more
MIN_ENGLISH_SHARE_SHORT = 0.06  # a short news sentence can be mostly names and nouns
LONG_TEXT_TOKENS = 30

ENGLISH_WORDS = frozenset(
    """the of and to in a an is are was were be been has have had that this these those for on with as by
    at from it its his her their they he she we our not no but or which who whom will would said says
    after over into about than also after against between during while there has been could should
    can may must if up out new other more most its under before all one two""".split()
)

# Function words of other Latin-script languages; words shared with English ("a", "in", "an", "die"
# is German but also English, so it is left out) are omitted so they never count against English.
OTHER_WORDS = frozenset(
    """le la les des du de et est une un au aux sur dans pour par que qui pas ne ce cette ses leur été
    avec il elle ont sont aussi mais selon entre après contre lors
    der das den dem des und ist nicht mit von zu auf für sich ein eine einen einem einer auch wird
    wurde sind hat haben nach bei aus dass zum zur im vom gegen
    el los las del y en que por con para una es se su sus al lo como pero fue han ha según tras
    il gli della delle dei nel nella che di è per con sono non ha anche degli alla dalla
    os das do da dos em para com uma não foi são pelo pela ao à seu sua
    het een van en op te dat niet zijn met voor ook werd heeft naar bij
    w na z się nie że jest oraz przez
    yang dan di dengan untuk dari ini itu pada akan
    ve bir bu ile için olarak""".split()
) - ENGLISH_WORDS

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def _non_latin_share(text: str) -> float:
    letters = non_latin = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if ord(char) > 0x24F:  # beyond Latin Extended-B: Greek, Cyrillic, Arabic, CJK, ...
                non_latin += 1
    return non_latin / letters if letters else 0.0


def guess_language(text: str) -> str:
    """"en", "non-en" or "und" (undetermined: too little alphabetic text)."""
    sample = text[:SAMPLE_CHARS]
    if _non_latin_share(sample) > 0.5:
        return "non-en"
    words = _TOKEN.findall(sample)
    tokens = [word.lower() for word in words]
    if len(tokens) < MIN_TOKENS:
        return "und"
    english = sum(token in ENGLISH_WORDS for token in tokens) / len(tokens)
    other = sum(token in OTHER_WORDS for token in tokens) / len(tokens)
    # lower-case words with diacritics (été, für, según, więcej) are rare in English; capitalised ones
    # are mostly foreign names (López, Erdoğan) and do not count
    accented = sum(word.islower() and any(ord(char) > 0x7F for char in word) for word in words) / len(tokens)
    if not (english or other or accented):  # no evidence either way: a headline, a list of names
        return "und" if len(tokens) < LONG_TEXT_TOKENS else "non-en"
    threshold = MIN_ENGLISH_SHARE if len(tokens) >= LONG_TEXT_TOKENS else MIN_ENGLISH_SHARE_SHORT
    if english >= threshold and english > other + accented / 2:
        return "en"
    return "non-en"


def looks_english(text: str) -> bool:
    """True when the text reads as English prose (see guess_language)."""
    return guess_language(text) == "en"


def may_be_english(lang: str | None) -> bool:
    """Whether a Document.lang leaves the document worth coding: "en", undetermined ("und") or unknown
    (None). "non-en" and other language codes ("fr", from a corpus's own field) are not."""
    return lang in (None, "", "en", "und")
