"""Record types of the reaction analysis: a crisis definition, one piece of evidence, one actor's
reaction and the whole report. Plain dataclasses; `to_dict()` gives the JSON contract shape."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

ACTIONS_FIXED = (
    "condemns-attack",
    "condolences",
    "calls-restraint",
    "offers-mediation",
    "mediated",
    "welcomes-ceasefire",
)
NEUTRAL_ACTIONS = frozenset({"calls-restraint", "offers-mediation", "mediated", "welcomes-ceasefire"})
SYMPATHY_ACTIONS = frozenset({"condemns-attack", "condolences"})
# Evidence that speaks to stance but is no reaction action ("neutral position", "closely monitoring").
STANCE_SIGNALS = frozenset({"neutral-position"})

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def reaction_actions(parties: list[str]) -> list[str]:
    """Every action name valid for a crisis between `parties`."""
    sided = [f"{kind}-{p}" for p in parties for kind in ("backs", "criticises")]
    return list(ACTIONS_FIXED) + sided


@dataclass(frozen=True)
class Crisis:
    """A crisis: its parties, dates, the triggering event and optional named phases."""

    name: str
    parties: tuple[str, ...]
    start: str | None = None  # ISO date
    end: str | None = None
    trigger: str | None = None
    phases: tuple[tuple[str, str], ...] = ()  # (name, ISO start date), in date order

    def __post_init__(self) -> None:
        if len(self.parties) < 2:
            raise ValueError(f"crisis {self.name!r} needs two or more parties, got {list(self.parties)}")
        for label, value in (("start", self.start), ("end", self.end)):
            if value is not None and not _DATE.match(value):
                raise ValueError(f"crisis {self.name!r}: {label} date {value!r} is not YYYY-MM-DD")
        for phase, day in self.phases:
            if not _DATE.match(day):
                raise ValueError(f"crisis {self.name!r}: phase {phase!r} date {day!r} is not YYYY-MM-DD")

    @property
    def start_year(self) -> int | None:
        return int(self.start[:4]) if self.start else None

    def phase_of(self, date: str | None) -> str | None:
        """Name of the phase a date falls in (the last phase starting on or before it)."""
        if not date:
            return None
        current = None
        for phase, day in sorted(self.phases, key=lambda p: p[1]):
            if day <= date:
                current = phase
        return current

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "parties": list(self.parties),
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "phases": [{"name": n, "start": d} for n, d in self.phases],
        }


@dataclass
class Evidence:
    """One sentence supporting one action (or stance signal) of one actor."""

    actor: str
    action: str
    doc_id: str
    sentence: str
    char_start: int  # where the sentence starts in the document text (-1: unknown)
    date: str | None
    title: str | None
    url: str | None
    confidence: float
    speaker: str  # the words the speaker was named by ("Maria Zakharova", "the heading 'Iran'")
    hedged: bool = False
    via_party_readout: bool = False
    historical: bool = False  # dated before the crisis (e.g. "In 1971, ...")
    cue: str = ""  # the words that triggered the action

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("actor")
        return data


@dataclass
class ActorReaction:
    actor: str
    name: str
    party: bool
    stance: str | None
    stance_score: float
    reasons: list[str]
    actions: list[str]
    evidence: list[Evidence]
    timeline: list[dict]

    def to_dict(self) -> dict:
        return {
            "actor": self.actor,
            "name": self.name,
            "party": self.party,
            "stance": self.stance,
            "stance_score": round(self.stance_score, 3),
            "reasons": list(self.reasons),
            "actions": list(self.actions),
            "evidence": [e.to_dict() for e in self.evidence],
            "timeline": list(self.timeline),
        }


@dataclass
class ReactionReport:
    parties: list[str]
    crisis: Crisis | None
    actors: list[ActorReaction]
    historical: list[Evidence] = field(default_factory=list)
    as_of: str | None = None

    def actor(self, code: str) -> ActorReaction | None:
        return next((a for a in self.actors if a.actor == code), None)

    def to_dict(self) -> dict:
        return {
            "parties": list(self.parties),
            "crisis": self.crisis.to_dict() if self.crisis else None,
            "as_of": self.as_of,
            "actors": [a.to_dict() for a in self.actors],
            "historical": [dict(e.to_dict(), actor=e.actor) for e in self.historical],
        }

    def rows(self) -> list[dict]:
        """Flat rows for tables and CSV: one per actor."""
        return [
            {
                "actor": a.actor,
                "name": a.name,
                "party": a.party,
                "stance": a.stance or "",
                "score": round(a.stance_score, 2),
                "actions": ", ".join(a.actions),
                "evidence": len(a.evidence),
            }
            for a in self.actors
        ]
