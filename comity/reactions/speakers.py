"""Who made a statement: tie a cue in a parsed sentence to the actors that said or did it.

Reads the spaCy dependency parse: the subject of the verb governing the cue (climbing through
ccomp/xcomp/conj to the reporting verb of a quote, "..., X said"), the agent of a passive ("brokered
by Washington"), or an em-dash attribution ("'...' — NATO Secretary General"). Speaker weights (rank,
hedges, readouts) come from comity/data/reactions/speakers.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from comity.records import ActorMention

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Dependencies followed from a subject's head to the words naming the same speaker(s).
NAME_DEPS = {"compound", "poss", "amod", "conj", "cc", "det", "nmod", "nummod", "punct", "case", "prep",
             "pobj", "npadvmod", "appos_name", "quantmod", "advmod"}
NAME_PREPS = {"of", "for", "including", "from", "to", "like", "at", "in"}
GROUP_NOUNS = {"country", "nation", "government", "state", "leader", "power", "world", "body", "member",
               "capital", "mission", "organisation", "organization", "other", "many", "some", "several"}
DASHES = ("—", "–", " - ")


@dataclass(frozen=True)
class SpeakerRules:
    ranks: tuple[tuple[str, float, re.Pattern], ...]
    default_rank: tuple[str, float]
    hedge: re.Pattern
    hedge_weight: float
    readout: re.Pattern
    readout_weight: float
    context_weight: dict
    reporting_verbs: frozenset[str]
    pronouns: frozenset[str]
    non_speaker_heads: frozenset[str]
    refusal_verbs: frozenset[str]
    historical_years: tuple[re.Pattern, ...]
    historical_eras: tuple[re.Pattern, ...]

    def rank(self, words: str) -> tuple[str, float]:
        for name, weight, pattern in self.ranks:
            if pattern.search(words):
                return name, weight
        return self.default_rank


@lru_cache(maxsize=1)
def speaker_rules() -> SpeakerRules:
    """The packaged speaker weights (comity/data/reactions/speakers.yaml)."""
    ref = resources.files("comity") / "data" / "reactions" / "speakers.yaml"
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return SpeakerRules(
        ranks=tuple((r["rank"], float(r["weight"]), re.compile(r["pattern"], flags)) for r in data["ranks"]),
        default_rank=(data["default_rank"]["rank"], float(data["default_rank"]["weight"])),
        hedge=re.compile(data["hedges"]["pattern"], flags),
        hedge_weight=float(data["hedges"]["weight"]),
        readout=re.compile(data["party_readout"]["pattern"], flags),
        readout_weight=float(data["party_readout"]["weight"]),
        context_weight=dict(data["context_weight"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        pronouns=frozenset(data["pronouns"]),
        non_speaker_heads=frozenset(data["non_speaker_heads"]),
        refusal_verbs=frozenset(data["refusal_verbs"]),
        historical_years=tuple(re.compile(p, flags) for p in data["historical_year_patterns"]),
        historical_eras=tuple(re.compile(p, flags) for p in data["historical_era_patterns"]),
    )


@dataclass(frozen=True)
class Speaker:
    mentions: tuple[ActorMention, ...]
    words: str  # the phrase naming the speaker
    how: str  # sentence | quote_attribution | heading | previous_sentence | list_item

    @property
    def codes(self) -> tuple[str, ...]:
        seen: list[str] = []
        for m in self.mentions:
            if m.actor.code not in seen:
                seen.append(m.actor.code)
        return tuple(seen)


def _name_tokens(head, with_appos: bool = False) -> list:
    """The head of a subject plus the tokens that name the same speaker(s) (not relative clauses,
    appositions or other modifiers that may name someone else: "China, a close ally of Pakistan");
    appositions are followed under a group word ("others, most notably China and India")."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ not in NAME_PREPS:
                continue
            if child.dep_ in NAME_DEPS or (with_appos and child.dep_ == "appos"):
                stack.append(child)
    return out


def _mentions_in(tokens, mentions: list[ActorMention], exclude: list[tuple[int, int]]) -> list[ActorMention]:
    spans = [(t.idx - t.sent.start_char, t.idx - t.sent.start_char + len(t)) for t in tokens]
    found = []
    for m in mentions:
        if any(s <= m.start < e or m.start <= s < m.end for s, e in spans):
            if not any(xs <= m.start < xe for xs, xe in exclude):
                found.append(m)
    return sorted(found, key=lambda m: m.start)


def _phrase(tokens, sent) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    return sent.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1])] if toks else ""


def cue_speaker(sent, cue_start: int, mentions: list[ActorMention], exclude: list[tuple[int, int]],
                rules: SpeakerRules) -> tuple[Speaker | None, str]:
    """The speaker of the cue starting at char `cue_start` (relative to the sentence), found by walking
    up the parse from the cue. Returns (speaker or None, status): status "found", or when no speaker
    was found "pronoun" (a pronoun subject: look at the context), "noun" (a subject naming no known
    actor, "many countries": do not guess) or "none" (no subject at all)."""
    token = next((t for t in sent if t.idx - sent.start_char >= cue_start), sent[-1])
    status = "none"
    seen = set()
    while token.i not in seen:
        seen.add(token.i)
        for child in token.children:
            if child.dep_ == "agent":  # passive: "brokered by Washington"
                for pobj in child.children:
                    found = _mentions_in(_name_tokens(pobj), mentions, exclude)
                    if found:
                        return Speaker(tuple(found), _phrase(_name_tokens(pobj), sent), "sentence"), "found"
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        for subj in subjects:
            if subj.lemma_.lower() in rules.non_speaker_heads:  # "Russia's invasion drew condemnation"
                status = "noun" if status == "none" else status
                continue
            names = _name_tokens(subj, with_appos=subj.lemma_.lower() in GROUP_NOUNS)
            found = _mentions_in(names, mentions, exclude)
            if not found and subj.lemma_.lower() in GROUP_NOUNS:  # "From the US to Russia, countries stood"
                lists = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "including"}]
                names = [t for c in lists for t in c.subtree] + names
                found = _mentions_in(names, mentions, exclude)
            if found:
                return Speaker(tuple(found), _phrase(names, sent), "sentence"), "found"
            if status == "none":
                status = "pronoun" if subj.lower_ in rules.pronouns else "noun"
        if token.head is token:
            break
        token = token.head
    if status == "none":  # no subject up to the root: a headline ("US, France back India's right")
        found = _mentions_in(_name_tokens(token), mentions, exclude) if token.pos_ in ("PROPN", "NOUN") else []
        if not found:
            found = _just_before(token, sent, mentions, exclude)
        if found:
            return Speaker(tuple(found), ", ".join(m.text for m in found), "sentence"), "found"
    return None, status


def _just_before(verb, sent, mentions, exclude) -> list[ActorMention]:
    """Mentions listed right before a subjectless verb (a misparsed subject: "China and India—made")."""
    pos = verb.idx - sent.start_char
    group: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: -m.start):
        gap = sent.text[m.end: (group[-1].start if group else pos)]
        if any(xs <= m.start < xe for xs, xe in exclude):
            break
        if re.fullmatch(r"\s*(?:[—–,]\s*)?" if not group else r"\s*(?:,|and|,\s*and)\s*", gap):
            group.append(m)
        elif group or m.end <= pos:
            break
    return sorted(group, key=lambda m: m.start)


def attribution(sent, mentions: list[ActorMention], exclude: list[tuple[int, int]], rules: SpeakerRules) -> Speaker | None:
    """The speaker a sentence attributes its quote to: the subject of a reporting verb ("..., X said")
    or the words after a closing dash ("'...' — NATO Secretary General")."""
    text = sent.text
    for dash in DASHES:
        pos = text.rfind(dash)
        if pos > 0 and (text[:pos].rstrip().endswith(('"', "”", "'", "’")) or text.lstrip()[:1] in "—–"):
            tail = [m for m in mentions if m.start >= pos and not any(xs <= m.start < xe for xs, xe in exclude)]
            if tail:
                return Speaker(tuple(tail), text[pos + len(dash):].strip(), "quote_attribution")
    if text.lstrip()[:1] in "—–":
        if mentions:
            return Speaker(tuple(mentions), text.lstrip("—– ").strip(), "quote_attribution")
    for token in sent:
        if token.lemma_.lower() in rules.reporting_verbs and token.pos_ in ("VERB", "AUX"):
            for subj in (c for c in token.children if c.dep_ in SUBJECT_DEPS):
                names = _name_tokens(subj)
                found = _mentions_in(names, mentions, exclude)
                if found:
                    return Speaker(tuple(found), _phrase(names, sent), "quote_attribution")
    return None


def is_hedged(sent, cue_start: int, rules: SpeakerRules) -> bool:
    """Whether a hedge ("appeared to", "reportedly") governs the cue: the hedge's verb lies on the
    cue's path up the parse before the path crosses a coordination ("appeared to back India ... and
    eventually mediated": the mediation is not hedged)."""
    hedge_heads = set()
    for m in rules.hedge.finditer(sent.text):
        tok = next((t for t in sent if t.idx - sent.start_char >= m.start()), None)
        if tok is None:
            continue
        hedge_heads.add(tok.i if tok.pos_ in ("VERB", "AUX") else tok.head.i)
    if not hedge_heads:
        return False
    token = next((t for t in sent if t.idx - sent.start_char >= cue_start), sent[-1])
    seen = set()
    while token.i not in seen:
        seen.add(token.i)
        if token.i in hedge_heads:
            return True
        if token.dep_ == "conj" or token.head is token:
            return False
        token = token.head
    return False


def is_negated(sent, cue_start: int, rules: SpeakerRules) -> bool:
    """Whether the cue's verb is negated ("did not condemn", "never offered to mediate") or governed
    by a verb of refusal ("refused to condemn", "declined to back")."""
    token = next((t for t in sent if t.idx - sent.start_char >= cue_start), sent[-1])
    steps = 0
    while steps < 4:
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.pos_ in ("VERB", "AUX"):
            head = token.head
            if token.dep_ == "xcomp" and head.lemma_.lower() in rules.refusal_verbs:
                return True
            if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in head.children) and token.dep_ == "xcomp":
                return True
            return False
        if token.head is token:
            return False
        token = token.head
        steps += 1
    return False
