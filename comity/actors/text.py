"""Tokens and normal forms shared by the actor tables and the matcher.

A token's key is its text casefolded, with accents stripped and a possessive ('s or a trailing ')
removed, so "India's", "INDIA" and "India" share the key "india" and "Erdoğan" matches "Erdogan".
Hyphens separate tokens ("India-Pakistan", "Jaish-e-Mohammed" = "Jaish e Mohammed").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# "U.S.", "U.A.E." (letters with periods) or a word with inner apostrophes ("d'Ivoire", "Ya'alon").
TOKEN_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|\w+(?:['’]\w+)*['’]?")
# The prefilter's cruder split: runs of word characters only.
WORD_RE = re.compile(r"\w+")

# Letters that NFKD does not decompose into a base letter plus accents.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                       "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "’": "'", "‘": "'"})


class Token(NamedTuple):
    start: int
    end: int
    raw: str  # as written, possessive removed
    key: str  # normal form


def fold(text: str) -> str:
    """Casefold and strip accents: "Türkiye" -> "turkiye"."""
    text = text.translate(_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """fold() with a cache, for single words of running text."""
    return fold(word)


def strip_possessive(raw: str) -> str:
    raw = raw.replace("’", "'")
    if raw.endswith("'s") or raw.endswith("'S"):
        return raw[:-2]
    return raw.rstrip("'")


@lru_cache(maxsize=1 << 16)
def _normal(word: str) -> tuple[str, str]:
    raw = strip_possessive(word)
    return raw, fold(raw)


def tokenize(text: str) -> list[Token]:
    tokens = []
    make = tuple.__new__  # what Token(...) calls, without its Python-level __new__ (this runs per word)
    for m in TOKEN_RE.finditer(text):
        raw, key = _normal(m.group())
        if raw:
            tokens.append(make(Token, (m.start(), m.end(), raw, key)))
    return tokens


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The key tuple of a table phrase, tokenised exactly like running text."""
    return tuple(t.key for t in tokenize(phrase))


def phrase_raw(phrase: str) -> tuple[str, ...]:
    return tuple(t.raw for t in tokenize(phrase))


def prefilter_words(text: str) -> set[str]:
    """The folded word set the prefilter compares against the dictionary's first words."""
    return set(WORD_RE.findall(fold(text)))
