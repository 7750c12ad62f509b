"""Dating a sentence: its document's date, an explicit day in it ("On February 25"), or a past year
that marks it as history ("In 1965, ...", "In the 1971 war") and keeps it out of the current crisis."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_MONTH = re.compile(r"\b(?:on\s+)?(\d{1,2})\s+" + _MONTH + r"\b(?!\s+\d{4})", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\bon\s+" + _MONTH + r"\s+(\d{1,2})\b(?!,?\s+\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceDate:
    date: str | None  # ISO date, or "YYYY" for a historical year
    historical: bool


def date_sentence(text: str, doc_date: str | None, crisis_start: str | None, rules) -> SentenceDate:
    """The date a sentence's reaction belongs to. `rules` is speakers.SpeakerRules (historical markers)."""
    reference_year = int((crisis_start or doc_date or "0")[:4]) or None
    if reference_year:
        for pattern in rules.historical_years:
            for m in pattern.finditer(text):
                year = int(m.group(1))
                if year < reference_year:
                    return SentenceDate(str(year), True)
    for pattern in rules.historical_eras:
        if pattern.search(text):
            return SentenceDate(None, True)
    explicit = _explicit_day(text, doc_date)
    day = explicit or doc_date
    if day and crisis_start and day < crisis_start:
        return SentenceDate(day, True)
    return SentenceDate(day, False)


def _explicit_day(text: str, doc_date: str | None) -> str | None:
    """'On February 25' / '25 February' in the document's year (the year before if that is later)."""
    if not doc_date:
        return None
    m = _MONTH_DAY.search(text)
    if m:
        month, day = MONTHS[m.group(1).lower()], int(m.group(2))
    else:
        m = _DAY_MONTH.search(text)
        if not m:
            return None
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
    year = int(doc_date[:4])
    try:
        found = _date(year, month, day)
        if found.isoformat() > doc_date:
            found = _date(year - 1, month, day)
    except ValueError:
        return None
    return found.isoformat()
