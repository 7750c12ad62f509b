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
    anaphoric_heads: frozenset[str]  # "the council", "the ministry": refer back to an actor named before
    accusing_verbs: frozenset[str]  # verbs whose subject is a speaker blaming someone ("accused X of")
    perpetrator_verbs: frozenset[str]  # "claimed responsibility for the cowardly attack": not a condemnation
    negating_prefix: re.Pattern  # words right before a cue that cancel it ("stopped short of condemning")
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
        perpetrator_verbs=frozenset(data.get("perpetrator_verbs") or ()),
        accusing_verbs=frozenset(data.get("accusing_verbs") or ()),
        anaphoric_heads=frozenset(data.get("anaphoric_heads") or ()),
        negating_prefix=re.compile("(?:" + "|".join(data["negating_prefixes"]) + r")\s*$", flags),
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
                rules: SpeakerRules, is_party=None, cue_end: int | None = None) -> tuple[Speaker | None, str]:
    """The speaker of the cue starting at char `cue_start` (relative to the sentence), found by walking
    up the parse from the cue. Returns (speaker or None, status): status "found", or when no speaker
    was found "pronoun" (a pronoun subject: look at the context), "noun" (a subject naming no known
    actor, "many countries": do not guess) or "none" (no subject at all).

    `is_party(mention)` tells crisis parties apart: a subject naming only parties inside a reported
    clause ("Beijing hopes India and Pakistan will exercise restraint") is the addressee of a higher
    speaker, so the walk goes on up and keeps the parties only when nobody else is found. A relative
    clause ("Angola, which has led mediation") or a participle ("with Paris saying") speaks for the noun
    it hangs on; a passive agent counts only on the cue's own verb or inside the cue ("brokered by
    Washington", "the talks were co-organised by the United States")."""
    if cue_end is not None:
        for tok in sent:
            if cue_start <= tok.idx - sent.start_char < cue_end and tok.pos_ in ("VERB", "AUX"):
                agent = _agent(tok, sent, mentions, exclude)
                if agent is not None:
                    return agent, "found"
    token = next((t for t in sent if t.idx - sent.start_char >= cue_start), sent[-1])
    status = "none"
    seen = set()
    first_verb = True
    parties_only: Speaker | None = None
    while token.i not in seen:
        seen.add(token.i)
        if first_verb and token.pos_ in ("VERB", "AUX"):
            first_verb = False
            agent = _agent(token, sent, mentions, exclude)  # passive: "brokered by Washington"
            if agent is not None:
                return agent, "found"
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if (token.dep_ == "relcl" or (token.dep_ == "acl" and token.lemma_.lower() in rules.reporting_verbs)) \
                and token.head.pos_ in ("PROPN", "NOUN") and (
                not subjects or all(s.tag_ in ("WDT", "WP") for s in subjects)):
            # "Angola, which has led mediation" / "with Paris saying it ...": the noun speaks
            names = _name_tokens(token.head)
            found = _mentions_in(names, mentions, exclude)
            if found and not (is_party is not None and all(is_party(m) for m in found)):
                return Speaker(tuple(found), _phrase(names, sent), "sentence"), "found"
        for subj in subjects:
            if subj.lemma_.lower() in rules.non_speaker_heads:  # "Russia's invasion drew condemnation"
                status = "noun" if status == "none" else status
                continue
            names = _name_tokens(subj, with_appos=subj.lemma_.lower() in GROUP_NOUNS)
            found = _mentions_in(names, mentions, exclude)
            if not found and len(_mentions_in(names, mentions, [])) > 0:
                continue  # the subject is the party the cue is about ("warned Israel must be held ...")
            if not found and subj.lemma_.lower() in GROUP_NOUNS:  # "From the US to Russia, countries stood"
                lists = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "including"}]
                names = [t for c in lists for t in c.subtree] + names
                found = _mentions_in(names, mentions, exclude)
            if found and is_party is not None and all(is_party(m) for m in found) and token.head is not token:
                parties_only = parties_only or Speaker(tuple(found), _phrase(names, sent), "sentence")
                continue
            if found:
                return Speaker(tuple(found), _phrase(names, sent), "sentence"), "found"
            if subj.lower_ in rules.pronouns or subj.tag_ in ("WDT", "WP") or any(
                    c.dep_ == "poss" and c.lower_ in rules.pronouns | {"his", "her", "its", "their", "my"}
                    for c in subj.children) or _anaphoric(subj, rules):  # "it", "which", "the council"
                status = "pronoun"  # the highest subject decides: "he said the dispute should be settled"
            elif token.dep_ in ("ccomp", "xcomp", "acl", "pcomp") or any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):  # "for the dispute to be resolved"
                status = "noun" if status == "none" else status  # reported content: the speaker is higher up
            else:  # a subject naming no known actor speaks for itself ("as the world urges restraint")
                return parties_only, "found" if parties_only else "noun"
        if token.head is token:
            break
        token = token.head
    if parties_only is not None:
        return parties_only, "found"
    if status == "none":  # no subject up to the root: a headline ("US, France back India's right")
        found = _mentions_in(_name_tokens(token), mentions, exclude) if token.pos_ in ("PROPN", "NOUN") else []
        if not found:
            found = _just_before(token, sent, mentions, exclude)
        if found:
            return Speaker(tuple(found), ", ".join(m.text for m in found), "sentence"), "found"
    return None, status


def _agent(verb, sent, mentions, exclude) -> Speaker | None:
    """The actors named by a passive verb's agent ("brokered by Washington"), if any."""
    for pobj in (p for c in verb.children if c.dep_ == "agent" for p in c.children):
        names = _name_tokens(pobj)
        found = _mentions_in(names, mentions, exclude)
        if found:
            return Speaker(tuple(found), _phrase(names, sent), "sentence")
    return None


def _anaphoric(subj, rules: SpeakerRules) -> bool:
    """A subject that points back to an actor named before: a definite institutional noun ("the
    Council", "the foreign ministers of the League", "the prime minister") or a titled person the
    dictionary does not know ("King Hussein", "President Francois Mitterrand")."""
    if subj.lemma_.lower() in rules.anaphoric_heads and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in subj.children) \
            and not any(c.dep_ == "nummod" for c in subj.children):  # "the four countries" are others
        return True
    if subj.pos_ == "PROPN":
        title = " ".join(t.text for t in subj.children if t.dep_ == "compound" and t.i < subj.i)
        return bool(title) and any(pattern.search(title) for name, _, pattern in rules.ranks
                                   if name in ("head", "minister"))
    return False


def sentence_subject(sent, mentions: list[ActorMention]) -> Speaker | None:
    """The actors named by the subject of the sentence's main verb, if any ("Britain joined the
    deployment."): who the next sentence's "the prime minister" or "it" most likely refers to."""
    for subj in (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        names = _name_tokens(subj)
        found = _mentions_in(names, mentions, [])
        if found:
            return Speaker(tuple(found), _phrase(names, sent), "sentence")
    return None


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


def governing_verb(sent, cue_start: int):
    """The first verb on the way up the parse from the cue (the cue's own verb), or None."""
    token = next((t for t in sent if t.idx - sent.start_char >= cue_start), sent[-1])
    seen = set()
    while token.i not in seen:
        seen.add(token.i)
        if token.pos_ in ("VERB", "AUX"):
            return token
        token = token.head
    return None


def slot_is_main_subject(sent, slot_start: int, slot_end: int, cue_end: int, rules: SpeakerRules) -> bool:
    """Whether the party in a cue's slot is the subject of the sentence's main verb inside the cue
    ("Cambodia's prime minister accused Thailand of aggression": Cambodia speaks, it is not the target).
    Only verbs of saying or accusing count ("Putin is trying to subjugate ..." is about Russia)."""
    for tok in sent:
        pos = tok.idx - sent.start_char
        if tok.dep_ in ("nsubj", "nsubjpass") and slot_start <= pos < slot_end and tok.head.dep_ == "ROOT":
            verb = tok.head
            inside = slot_end <= verb.idx - sent.start_char < cue_end
            speaks = verb.lemma_.lower() in rules.reporting_verbs | rules.accusing_verbs
            if inside and speaks:
                return True
    return False


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
    """Whether the cue's verb is negated ("did not condemn", "never offered to mediate"), governed
    by a verb of refusal ("refused to condemn", "declined to back") or follows a negating phrase
    ("stopped short of condemning", "without backing")."""
    if rules.negating_prefix.search(sent.text[:cue_start]):
        return True
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
