"""Dates: which term of an office holder (or dated row of a group) applies on a document's date.

Terms are [start, end): start inclusive, end the day the successor took over. See the header of
comity/data/actors/office_holders.tsv for the convention on people out of office.
"""
from __future__ import annotations

import re

from .tables import Term


ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


def document_day(date: str | None) -> str | None:
    """Document date (ISO 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', a datetime) -> 'YYYY-MM-DD' ('2015' -> mid-year)."""
    if not date:
        return None
    date = str(date)[:10]
    if not ISO_DAY.match(date):
        raise ValueError(f"date {date!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if len(date) == 4:
        return f"{date}-07-01"
    if len(date) == 7:
        return f"{date}-15"
    return date


def pick_term(terms: tuple[Term, ...], day: str | None) -> tuple[Term, str]:
    """The term that applies on day: in office, else the last one before, else the first after."""
    if day is None:
        return max(terms, key=lambda t: t.start or "0000"), "latest term (no date given)"
    current = [t for t in terms if (not t.start or t.start <= day) and (not t.end or day < t.end)]
    if current:
        return current[0], "in office"
    past = [t for t in terms if t.end and t.end <= day]
    if past:
        return max(past, key=lambda t: t.end), f"not in office on {day} (term ended)"
    return min(terms, key=lambda t: t.start), f"not in office on {day} (term not begun)"


def term_span(term: Term) -> str:
    return f"{term.start or '?'}–{term.end or ''}"
