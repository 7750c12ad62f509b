"""Cheap document-level coreference for event arguments.

Resolves a subject or object that names no actor by itself — "she", "it", "they", "the ministry",
"the spokesperson", "the two countries" — to actors mentioned earlier in the same document.
Kept deliberately small: a recency list of actors, filled sentence by sentence in document order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from comity.records import Actor

NONSTATE_SECTORS = frozenset({"REB", "PTY", "CRM", "IMG", "UNK"})  # groups, not the state

MAX_MEMORY = 12  # actors remembered per document


@dataclass
class Referent:
    actor: Actor
    text: str
    person: bool  # a named person or office holder ("Zakharova"), who "she"/"he" can refer to


@dataclass
class DocumentMemory:
    """Actors seen so far in one document, most recent last."""

    recent: list[Referent] = field(default_factory=list)
    last_sources: list[Referent] = field(default_factory=list)
    last_pair: list[Referent] = field(default_factory=list)  # the two parties last named acting on each other

    def remember(self, actor: Actor, text: str, how: str = "") -> None:
        person = "office" in how or "person" in how or (text[:1].isupper() and " " in text and
                                                       actor.sector not in (None, "IGO"))
        self.recent = [r for r in self.recent if not (r.text == text and r.actor == actor)]  # text: the cheap test first
        self.recent.append(Referent(actor, text, person))
        del self.recent[:-MAX_MEMORY]

    def remember_sources(self, referents: list[Referent]) -> None:
        if referents:
            self.last_sources = list(referents)

    def remember_pair(self, sources: list[Referent], targets: list[Referent]) -> None:
        """Record the two countries an event names as its parties (named, not resolved by
        coreference): two targets ("urged India and Pakistan"), else a source and a target
        ("India struck Pakistan"). "both sides" later refers to this pair."""
        for candidates in (targets, sources[:1] + targets[:1]):
            pair = _two_countries(candidates)
            if pair:
                self.last_pair = self._keep_states(pair)
                return

    def _keep_states(self, pair: list[Referent]) -> list[Referent]:
        """The same two countries named again: a side named by its state keeps that name when the
        new event names a group of that country instead ("the strike in Pakistan, destroying a
        Jaish-e-Mohammad camp": both sides stay India and Pakistan)."""
        old = {ref.actor.country: ref for ref in self.last_pair}
        if set(old) != {ref.actor.country for ref in pair}:
            return pair
        return [old[ref.actor.country] if ref.actor.sector in NONSTATE_SECTORS and
                old[ref.actor.country].actor.sector not in NONSTATE_SECTORS else ref for ref in pair]

    def pronoun(self, plural: bool, personal: bool) -> list[Referent]:
        """'he'/'she' → the last person-like actor; 'it' → the last actor; 'they' → last sources."""
        if plural:
            if len(self.last_sources) > 1:
                return list(self.last_sources)
            return self.pair() or self.recent[-1:]
        if personal:
            for ref in reversed(self.last_sources + self.recent):
                if ref.person:
                    return [ref]
        if self.last_sources:
            return self.last_sources[-1:]
        return self.recent[-1:]

    def pair(self) -> list[Referent]:
        """'the two countries', 'both sides': the last pair named acting on or with each other
        (see remember_pair); without one, the two most recent distinct countries."""
        if self.last_pair:
            return list(self.last_pair)
        return list(reversed(_two_countries(list(reversed(self.recent)))))

    def role(self, sector: str | None) -> list[Referent]:
        """'the ministry' (GOV), 'the army' (MIL): the last actor with that sector, else the last
        country seen, recast to the role's sector."""
        for ref in reversed(self.recent):
            if sector and ref.actor.sector == sector:
                return [ref]
        for ref in reversed(self.last_sources + self.recent):
            if ref.actor.country:
                a = ref.actor
                recast = Actor(a.country, a.country, sector or a.sector, a.name)
                return [Referent(recast, ref.text, False)]
        return []


def _two_countries(referents: list[Referent]) -> list[Referent]:
    """The first two referents of distinct countries (IGOs left out), or [] when fewer."""
    out: list[Referent] = []
    seen: set[str] = set()
    for ref in referents:
        country = ref.actor.country or ref.actor.code
        if country in seen or ref.actor.sector == "IGO" or not ref.actor.country:
            continue
        seen.add(country)
        out.append(ref)
        if len(out) == 2:
            return out
    return []
