"""Plain record types passed between the pipeline stages.

Every stage boundary in comity is one of these dataclasses; none of them holds a spaCy object, so they
can be stored, serialised and compared freely.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Document:
    """One input document, as a reader produced it."""

    id: str
    text: str
    date: str | None = None  # ISO date "YYYY-MM-DD" when known
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    origin: str | None = None  # file path or "-" for stdin; for error messages

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor:
    """A resolved political actor: ISO3 country (or IGO / group code) plus sector."""

    code: str  # ISO3 ("RUS"), IGO code ("UN", "EU") or group code ("TTP")
    country: str | None  # ISO3 of the country the actor belongs to; None for IGOs
    sector: str | None  # GOV, MIL, REB, OPP, IGO, ... (PLOVER agent sectors)
    name: str  # canonical display name ("Russia", "United Nations")


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a text at character offsets [start, end)."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str = ""  # why it resolved: "country name", "metonym", "office holder 2015-", ...


@dataclass
class Event:
    """One who-did-what-to-whom record, GDELT style (one record per target)."""

    doc_id: str
    sentence_index: int
    sentence: str
    source: dict  # {"code", "country", "sector", "text"}
    target: dict | None
    plover_event: str
    plover_mode: str | None
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    negated: bool = False
    modality: str | None = None  # None (asserted), "intent", "future", "conditional", "hedged"
    confidence: float = 1.0
    date: str | None = None
    trigger: str = ""
    char_start: int = 0  # span of the event's words within the document text
    char_end: int = 0
    sentence_start: int = 0  # where the sentence starts within the document text
    event_group: str = ""  # shared by records split from one statement ("urged A and B")
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def actor_dict(actor: Actor, text: str) -> dict:
    """The JSON shape of an event's source/target."""
    return {"code": actor.code, "country": actor.country, "sector": actor.sector, "text": text}
