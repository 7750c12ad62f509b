"""Event candidates: a coded trigger with its parties, before it becomes Event records."""
from __future__ import annotations

from dataclasses import dataclass, field

from comity.coder.coref import Referent
from comity.coder.patterns import Rule, Trigger


@dataclass
class Party:
    """One side of an event: a resolved actor and how it was found."""

    referent: Referent
    via: str  # "mention", "coref", "speaker", "generic" (a role noun: "police"), "place" ("in Algiers")
    # or "unidentified" (PLOVER's unnamed doer of an attack: "killed by a roadside bomb")


@dataclass
class Candidate:
    """A coded trigger in a sentence, before it becomes Event records."""

    token_i: int
    start_i: int  # first token of the trigger phrase (multi-token triggers)
    trigger: Trigger
    rule: Rule
    fallback: bool  # matched by the entry's unconstrained last rule
    sources: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    reported: bool = False
    dropped: bool = False
    own_source: bool = False  # a noun trigger whose actor is named on the noun ("India's strikes")
    asserted_code: str | None = None  # the act's own code when recoded as intent/threat


def unique(parties: list[Party]) -> list[Party]:
    """Parties without repeats of the same actor (code and sector)."""
    seen: set[tuple] = set()
    out = []
    for p in parties:
        a = p.referent.actor
        key = (a.code, a.sector)
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def recode(table: dict[str, str], code: str) -> str | None:
    """The value for the longest key of `table` that prefixes `code` (None if no key does)."""
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit:
            return hit
    return None
