"""Reaction evidence from coded events (comity.coder), an extra signal next to the cue phrases.

Which CAMEO codes count, and as what, is data: comity/data/reactions/event_actions.yaml."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from comity.reactions.dating import date_sentence
from comity.reactions.model import Evidence


@lru_cache(maxsize=1)
def event_actions() -> dict:
    ref = resources.files("comity") / "data" / "reactions" / "event_actions.yaml"
    return yaml.safe_load(ref.read_text(encoding="utf-8"))


def _rule(cameo: str, codes: dict) -> dict | None:
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in codes:
            return codes[cameo[:n]]
    return None


def evidence_from_events(events, doc, crisis, rules, party_of_code) -> list[Evidence]:
    """Evidence for the events of one document. `party_of_code(code) -> party or None`."""
    table = event_actions()
    out = []
    for ev in events:
        if ev.negated or ev.modality:
            continue
        rule = _rule(str(ev.cameo_code or ""), table["codes"])
        if rule is None:
            continue
        source = ev.source.get("code")
        if not source or party_of_code(source):
            continue
        action = rule["action"]
        if rule.get("target") == "party":
            target = party_of_code((ev.target or {}).get("code"))
            if not target:
                continue
            action = f"{action}-{target}"
        dated = date_sentence(ev.sentence, doc.date, crisis.start, rules)
        out.append(Evidence(
            actor=source, action=action, doc_id=doc.id, sentence=ev.sentence.strip(),
            char_start=ev.sentence_start if ev.sentence_start else -1, date=dated.date, title=doc.title, url=doc.url,
            confidence=round(float(ev.confidence) * float(table["weight"]), 3),
            speaker=ev.source.get("text") or source, hedged=False, via_party_readout=False,
            historical=dated.historical, cue=f"event {ev.cameo_code} {ev.trigger}".strip(),
        ))
    return out
