"""Stance of one actor from its evidence: a weighted vote between the crisis parties and neutrality.

Backing a party or criticising its opponent counts for that party; calls for restraint, mediation,
offers of mediation, welcoming a ceasefire and stated neutrality count for neutral; condemning a
(non-state) attack and condolences count for nothing (no side in the interstate conflict). Each piece
of evidence weighs its confidence (speaker rank x hedge x readout x how the speaker was found).
A side wins when its weight is at least the neutral weight and above every other side's.
"""
from __future__ import annotations

from collections import defaultdict

from comity.reactions.model import NEUTRAL_ACTIONS, STANCE_SIGNALS, Evidence


def action_stance(action: str, parties: tuple[str, ...] | list[str]) -> str | None:
    """The stance one action implies on its own."""
    if action.startswith("backs-"):
        return f"pro-{action[6:]}"
    if action.startswith("criticises-"):
        others = [p for p in parties if p != action[11:]]
        return f"pro-{others[0]}" if len(others) == 1 else None
    if action in NEUTRAL_ACTIONS or action in STANCE_SIGNALS:
        return "neutral"
    return None


def side_weights(evidence: list[Evidence], parties) -> tuple[dict[str, float], float]:
    sides: dict[str, float] = defaultdict(float)
    neutral = 0.0
    for e in evidence:
        if e.action.startswith("backs-"):
            sides[e.action[6:]] += e.confidence
        elif e.action.startswith("criticises-"):
            others = [p for p in parties if p != e.action[11:]]
            for p in others:
                sides[p] += e.confidence / len(others)
        elif e.action in NEUTRAL_ACTIONS or e.action in STANCE_SIGNALS:
            neutral += e.confidence
    return dict(sides), neutral


def decide(evidence: list[Evidence], parties) -> tuple[str | None, float, list[str]]:
    """(stance, score, reasons). Score: for two parties, (weight for parties[0] - weight for
    parties[1]) / all stance weight, so +1 is fully pro-first, -1 fully pro-second, 0 neutral or even;
    for more parties, the winning side's share."""
    parties = list(parties)
    sides, neutral = side_weights(evidence, parties)
    total = sum(sides.values()) + neutral
    ranked = sorted(sides.items(), key=lambda kv: -kv[1])
    stance = None
    if ranked and ranked[0][1] > 0 and ranked[0][1] >= neutral and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        stance = f"pro-{ranked[0][0]}"
    elif neutral > 0 or (ranked and ranked[0][1] > 0):
        stance = "neutral"
    if len(parties) == 2 and total:
        score = (sides.get(parties[0], 0.0) - sides.get(parties[1], 0.0)) / total
    else:
        score = (ranked[0][1] / total) if (ranked and total) else 0.0
    return stance, score, _reasons(evidence, sides, neutral)


def _reasons(evidence: list[Evidence], sides: dict[str, float], neutral: float) -> list[str]:
    by_action: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_action[e.action].append(e)
    reasons = []
    for action, items in sorted(by_action.items(), key=lambda kv: -sum(e.confidence for e in kv[1])):
        best = max(items, key=lambda e: e.confidence)
        flags = [f for f, on in (("hedged", best.hedged), ("one party's readout", best.via_party_readout)) if on]
        snippet = best.sentence if len(best.sentence) <= 160 else best.sentence[:157] + "..."
        reasons.append(
            f"{action} x{len(items)} (weight {sum(e.confidence for e in items):.2f}; {best.speaker}"
            f"{'; ' + ', '.join(flags) if flags else ''}): \"{snippet}\""
        )
    summary = ", ".join(f"pro-{p} {w:.2f}" for p, w in sorted(sides.items())) or "no side"
    reasons.append(f"weights: {summary}; neutral {neutral:.2f}")
    return reasons
