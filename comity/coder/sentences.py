"""Rule-based sentence splitting with character offsets (no parsing).

A sentence ends at . ! or ? (optionally followed by closing quotes/brackets) when the next
non-space character starts a new sentence, unless the word before the period is a known
abbreviation ("U.S.", "Mr.", "Gen.") or initials ("K. R. Narayanan", "F.W. de Klerk"). Line breaks end
sentences too: news text puts headlines, datelines and paragraphs on their own lines.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# Dotted initials ("U.S.", "e.g.", "a.m.", "F.W.") need no entry: INITIALS below covers them.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep pres st jr sr rev fr hon
brig lt-gen maj-gen no nos vol fig approx est dept univ inc ltd co corp bros jan feb mar apr jun jul aug
sep sept oct nov dec vs etc al ft mt
""".split())

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\.$")
INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")


MAX_SENTENCE_CHARS = 1000  # longer "sentences" (tables, run-on text) are cut at spaces


class SentenceSpan(NamedTuple):
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    m = WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if INITIALS.fullmatch(word):  # initials: "K. R. Narayanan", "F.W. de Klerk", "J.B. Jeyaretnam"
        return True
    return word in ABBREVIATIONS


def split_sentences(text: str) -> list[SentenceSpan]:
    """Sentences of `text` as spans [start, end) with leading/trailing whitespace trimmed."""
    spans: list[SentenceSpan] = []
    for line in re.finditer(r"[^\n]+", text):
        cut_points = [line.start()]
        for m in END.finditer(text, line.start(), line.end()):
            end = m.end()
            if not NEXT_START.match(text, end, line.end()):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            cut_points.append(end)
        cut_points.append(line.end())
        for a, b in zip(cut_points, cut_points[1:]):
            chunk = text[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            start = a + (len(chunk) - len(chunk.lstrip()))
            spans.extend(_cut_long(text, start, start + len(stripped)))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[SentenceSpan]:
    """[start, end) as one span, or as pieces of at most MAX_SENTENCE_CHARS cut at whitespace."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        piece = text[start:cut].rstrip()
        if piece:
            out.append(SentenceSpan(start, start + len(piece), piece))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(SentenceSpan(start, end, text[start:end]))
    return out
