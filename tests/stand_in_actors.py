"""A stand-in actor dictionary for coder tests: a fixed phrase table with the interface of
comity.actors (find, may_contain_actor, role_sector, actor), so coder tests do not depend on the
real actor tables. Subclasses set PHRASES (phrase -> (code, country, sector[, name])) and ROLES."""
from __future__ import annotations

import re

from comity.records import Actor, ActorMention


class PhraseActors:
    PHRASES: dict[str, tuple] = {}
    ROLES: dict[str, str] = {}

    def __init__(self):
        alts = sorted(self.PHRASES, key=len, reverse=True)
        self._re = re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")\b", re.I)

    def _actor(self, entry: tuple) -> Actor:
        code, country, sector, *name = entry
        return Actor(code, country, sector, name[0] if name else code)

    def may_contain_actor(self, text: str) -> bool:
        return self._re.search(text) is not None

    def find(self, text: str, date=None) -> list[ActorMention]:
        return [ActorMention(m.start(), m.end(), m.group(0), self._actor(self.PHRASES[m.group(1).lower()]), "test")
                for m in self._re.finditer(text)]

    def role_sector(self, word: str):
        return self.ROLES.get(word.lower())

    def actor(self, code: str) -> Actor:
        for entry in self.PHRASES.values():
            if entry[0] == code:
                return self._actor(entry)
        raise KeyError(code)
