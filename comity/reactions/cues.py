"""Cue phrases for reaction actions: loading comity/data/reactions/cues.yaml and matching a sentence.

A cue is a regular expression with placeholders ({PARTY}, {TRIGGER}, {POSS}, {Q}); the party slot is
filled per sentence with the words of the party mentions found there, so one pattern serves every
crisis. Matching returns `CueMatch`es; who made the statement is decided elsewhere (speakers.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

SIDED = ("backs", "criticises")
KINDS = (
    "condemns-attack",
    "condolences",
    "solidarity",
    "calls-restraint",
    "offers-mediation",
    "mediated",
    "welcomes-ceasefire",
    "backs",
    "criticises",
    "neutral-position",
)
POSS = r"(?:['’]s|['’])?"
QUOTE = r"[\"'“”‘’]?"
_STOP = {"the", "a", "an", "of", "on", "in", "and", "by", "to", "at", "against", "war", "crisis"}


class CueError(ValueError):
    """A cue file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Cue:
    kind: str  # one of KINDS
    pattern: str  # with placeholders
    overrides: tuple[str, ...] = ()
    seen: tuple[str, ...] = ()  # corpus crises the entry was written after reading

    @property
    def needs_party(self) -> bool:
        return "{PARTY}" in self.pattern


@dataclass(frozen=True)
class CueMatch:
    kind: str
    action: str  # kind, or kind-PARTY for backs/criticises/solidarity
    start: int
    end: int
    text: str
    party: str | None = None
    party_start: int | None = None
    party_end: int | None = None
    overrides: tuple[str, ...] = ()


@dataclass(frozen=True)
class CueBook:
    cues: tuple[Cue, ...]
    trigger_nouns: tuple[str, ...]
    source: str = ""
    state_attack_nouns: tuple[str, ...] = ()  # name the trigger too when a crisis party is its attacker

    def without_seen(self, crisis_id: str) -> "CueBook":
        """The cues not written after reading `crisis_id`'s texts (for leave-crisis-out scores)."""
        return replace(self, cues=tuple(c for c in self.cues if crisis_id not in c.seen))

    def trigger_regex(self, trigger: str | None, state_attacker: bool = False) -> str:
        """A regex for words naming the trigger: the generic nouns, the trigger's own content words
        and, when a crisis party carried it out, words like "aggression"."""
        words = [re.escape(w) + "(?:e?s)?" for w in re.findall(r"[A-Za-z][\w-]+", trigger or "") if w.lower() not in _STOP]
        extra = list(self.state_attack_nouns) if state_attacker else []
        return "(?:" + "|".join(list(self.trigger_nouns) + extra + words) + r")\b"

    def names_an_attack(self, trigger: str | None) -> bool:
        """Whether a crisis trigger names an attack ("Uri terror attack", "M23 offensive on Goma"), as
        opposed to a dispute or a war ("fighting over Nagorno-Karabakh", "Essequibo referendum")."""
        nouns = "(?:" + "|".join(self.trigger_nouns) + r")\b"
        return bool(trigger and self.trigger_nouns and re.search(r"(?<![\w-])" + nouns, trigger, re.IGNORECASE))

    def match(self, sentence: str, party_words: dict[str, list[str]], trigger: str | None = None,
              state_attacker: bool = False) -> list[CueMatch]:
        """Every cue match in `sentence`. `party_words` maps a party code to the words naming it here;
        `state_attacker`: a crisis party carried out the trigger (see `trigger_regex`)."""
        trig = self.trigger_regex(trigger, state_attacker)
        found: list[CueMatch] = []
        for cue in self.cues:
            if cue.needs_party:
                for party, words in party_words.items():
                    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
                    regex = _compile(_fill(cue.pattern, trig, f"(?P<party>{alt})"))
                    others = [w for p, ws in party_words.items() if p != party for w in ws]
                    for m in regex.finditer(sentence):
                        if cue.kind in SIDED and _misplaced_party(sentence, m, others):
                            continue
                        found.append(_match(cue, m, party))
            else:
                for m in _compile(_fill(cue.pattern, trig, None)).finditer(sentence):
                    found.append(_match(cue, m, None))
        return _apply_overrides(found)


# A party right after one of these is the object of something else ("intimidation of Georgia was
# unacceptable", "aggression against Ukraine"): a cue starting at that party does not side with or
# against it.
_OBJECT_PREP = re.compile(r"(?<![\w-])(?:of|against|on|upon|into|towards?|with|from|at|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _misplaced_party(sentence: str, m: re.Match, other_words: list[str]) -> bool:
    """Whether a sided cue's party slot is not what the cue is about: the slot opens the match but the
    party is a prepositional object, or another party's possessive stands between the slot and the
    cue word ("India's response to Pakistan's provocation" is no criticism of India)."""
    possessive = re.match(r"['’]s?\s", sentence[m.end("party"): m.end("party") + 3]) or \
        re.search(r"['’]s?$", m.group("party"))
    if m.start("party") == m.start() and not possessive and _OBJECT_PREP.search(sentence[: m.start()]):
        return True
    if other_words:
        tail = sentence[m.end("party"): m.end()]
        alt = "|".join(re.escape(w) for w in other_words)
        if re.search(r"(?<![\w-])(?:" + alt + r")['’]s?\s", tail):
            return True
    return False


def _fill(pattern: str, trigger: str, party: str | None) -> str:
    out = pattern.replace("{TRIGGER}", trigger).replace("{POSS}", POSS).replace("{Q}", QUOTE)
    if party is not None:
        out = out.replace("{PARTY}", party, 1).replace("{PARTY}", "(?:" + party.split(">", 1)[1])
    return out


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + pattern, re.IGNORECASE)


def _match(cue: Cue, m: re.Match, party: str | None) -> CueMatch:
    action = f"{cue.kind}-{party}" if party and cue.kind in SIDED + ("solidarity",) else cue.kind
    if party and cue.kind not in SIDED + ("solidarity",):
        action = cue.kind  # a party slot used only to anchor the cue (e.g. condolences "support to X")
    ps, pe = (m.span("party") if party else (None, None))
    return CueMatch(cue.kind, action, m.start(), m.end(), m.group(0), party, ps, pe, cue.overrides)


def _apply_overrides(found: list[CueMatch]) -> list[CueMatch]:
    keep = []
    for m in found:
        overridden = any(
            o is not m and m.kind in o.overrides and o.start <= m.start and m.end <= o.end for o in found
        )
        if not overridden:
            keep.append(m)
    return keep


def _parse(data: dict, source: str) -> CueBook:
    if not isinstance(data, dict) or "actions" not in data:
        raise CueError(f"{source}: expected a mapping with 'actions'")
    cues = []
    for kind, entries in data["actions"].items():
        if kind not in KINDS:
            raise CueError(f"{source}: unknown action {kind!r} (known: {', '.join(KINDS)})")
        for i, entry in enumerate(entries or [], 1):
            if isinstance(entry, str):
                entry = {"pattern": entry}
            pattern = entry.get("pattern")
            if not isinstance(pattern, str):
                raise CueError(f"{source}: {kind} entry {i} has no pattern")
            try:
                _compile(_fill(pattern, "(?:attack)", "(?P<party>India)"))
            except re.error as exc:
                raise CueError(f"{source}: {kind} entry {i} ({pattern!r}): {exc}") from None
            cues.append(
                Cue(kind, pattern, tuple(entry.get("overrides") or ()), tuple(str(s) for s in entry.get("seen") or ()))
            )
    return CueBook(tuple(cues), tuple(data.get("trigger_nouns") or ()), source,
                   tuple(data.get("state_attack_nouns") or ()))


def load_cues(path: str | Path | None = None) -> CueBook:
    """The cue book from `path`, or the packaged comity/data/reactions/cues.yaml."""
    if path is None:
        return _default_cues()
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CueError(f"{path}: {exc}") from None
    return _parse(data, str(path))


@lru_cache(maxsize=1)
def _default_cues() -> CueBook:
    ref = resources.files("comity") / "data" / "reactions" / "cues.yaml"
    return _parse(yaml.safe_load(ref.read_text(encoding="utf-8")), "comity/data/reactions/cues.yaml")
