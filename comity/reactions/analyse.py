"""The reaction analysis: documents + crisis -> ReactionReport (who backed whom, with evidence)."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from comity.reactions.cues import CueBook, load_cues
from comity.reactions.detect import DocumentReader, PartyResolver
from comity.reactions.model import ActorReaction, Crisis, Evidence, ReactionReport, STANCE_SIGNALS
from comity.reactions.speakers import speaker_rules
from comity.reactions.stance import action_stance, decide
from comity.records import Document

VICTIM_PREPS = ("on", "of", "against", "in", "into", "upon")


def _default_actors():
    from comity.actors import default_dictionary

    return default_dictionary()


def _default_nlp():
    from comity import nlp

    return nlp.load()


def trigger_roles(crisis: Crisis, actors, resolver: PartyResolver) -> str | None:
    """The party that carried out the trigger ("Hamas attack on Israel" -> PSE, registering Hamas as
    standing for PSE; "Russian invasion of Ukraine" -> RUS), or None (non-state or unnamed attacker)."""
    if not crisis.trigger:
        return None
    text = crisis.trigger
    for m in actors.find(text, crisis.start):
        before = text[: m.start].split()
        if before and before[-1].lower() in VICTIM_PREPS:
            continue  # the victim: "attack on Israel"
        if m.actor.sector is None and m.how.startswith("metonym"):
            continue  # a place says where it happened ("Mumbai terror attacks"), not who did it
        party = resolver.party_of(m)
        if party is None and m.actor.country in crisis.parties:
            party = m.actor.country
            resolver.attacker_groups[m.actor.code] = party
        if party:
            return party
    return None


def _as_documents(items: Iterable) -> list[Document]:
    docs = []
    for i, item in enumerate(items):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, str):
            docs.append(Document(id=f"text-{i + 1}", text=item))
        else:
            raise TypeError(f"analyse() takes Documents or strings, got {type(item).__name__}")
    return docs


def detect(documents: Iterable, crisis: Crisis, *, actors=None, cues: CueBook | None = None, nlp=None,
           coder=None) -> list[Evidence]:
    """Every piece of reaction evidence in `documents` (Documents or plain strings), historical included.
    With `coder` (a comity.coder.EventCoder), coded events add evidence too (from_events.py);
    an action found both ways keeps the cue's evidence only."""
    actors = actors or _default_actors()
    resolver = PartyResolver(tuple(crisis.parties))
    attacker = trigger_roles(crisis, actors, resolver)
    rules = speaker_rules()
    reader = DocumentReader(crisis, actors, cues or load_cues(), nlp or _default_nlp(), rules, resolver, attacker)
    evidence: list[Evidence] = []
    for doc in _as_documents(documents):
        found = reader.read(doc)
        if coder is not None:
            from comity.reactions.from_events import evidence_from_events

            def party_of_code(code, _r=resolver):
                return code if code in crisis.parties else _r.attacker_groups.get(code)

            seen = {(e.actor, e.action) for e in found}
            found += [e for e in evidence_from_events(coder.code_document(doc), doc, crisis, rules, party_of_code)
                      if (e.actor, e.action) not in seen]
        evidence.extend(found)
    return evidence


def analyse(documents: Iterable, crisis: Crisis, *, as_of: str | None = None, actors=None,
            cues: CueBook | None = None, nlp=None, coder=None) -> ReactionReport:
    """Who reacted how to `crisis` in `documents`. `as_of` (YYYY-MM-DD) drops evidence dated after it;
    `coder` (an EventCoder) adds coded events as a second signal."""
    actors = actors or _default_actors()
    evidence = detect(documents, crisis, actors=actors, cues=cues, nlp=nlp, coder=coder)
    return build_report(evidence, crisis, actors, as_of=as_of)


def build_report(evidence: list[Evidence], crisis: Crisis, actors, as_of: str | None = None) -> ReactionReport:
    current = [e for e in evidence if not e.historical and (crisis.end is None or not e.date or e.date[:10] <= crisis.end)]
    if as_of:
        current = [e for e in current if not e.date or e.date[:10] <= as_of]
    historical = [e for e in evidence if e.historical]
    by_actor: dict[str, list[Evidence]] = defaultdict(list)
    for e in current:
        by_actor[e.actor].append(e)
    for party in crisis.parties:
        by_actor.setdefault(party, [])
    reactions = []
    for code, items in by_actor.items():
        is_party = code in crisis.parties
        stance, score, reasons = decide(items, crisis.parties)
        if is_party:
            stance, reasons = f"pro-{code}", ["party to the crisis"] + reasons
        actions = []
        for e in items:
            if e.action not in actions and e.action not in STANCE_SIGNALS:
                actions.append(e.action)
        reactions.append(ActorReaction(
            actor=code, name=_name(actors, code), party=is_party, stance=stance, stance_score=score,
            reasons=reasons, actions=actions, evidence=items, timeline=_timeline(items, crisis),
        ))
    reactions.sort(key=lambda r: (not r.party, -len(r.evidence), r.actor))
    return ReactionReport(list(crisis.parties), crisis, reactions, historical, as_of)


def _name(actors, code: str) -> str:
    try:
        return actors.name(code) or code
    except Exception:  # a code the dictionary does not know
        return code


def _timeline(items: list[Evidence], crisis: Crisis) -> list[dict]:
    ordered = sorted(enumerate(items), key=lambda ie: (ie[1].date or "9999", ie[0]))
    out: list[dict] = []
    for _, e in ordered:
        entry = {"date": e.date, "action": e.action, "stance": action_stance(e.action, crisis.parties)}
        phase = crisis.phase_of(e.date)
        if phase:
            entry["phase"] = phase
        if not out or (out[-1]["date"], out[-1]["action"]) != (entry["date"], entry["action"]):
            out.append(entry)
    return out
