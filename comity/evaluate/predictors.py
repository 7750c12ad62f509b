"""What an evaluation scores: the events predicted for each gold sentence.

Two engines produce them: the event coder (comity.coder.EventCoder, optionally with a learned
classifier plugged in) and the learned classifier alone (no actors, one event per sentence). Both return
one `SentenceEvents` (a list of `PredictedEvent`) per input sentence, in input order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol


@dataclass(frozen=True)
class PredictedEvent:
    plover_event: str
    cameo_root: str
    confidence: float = 1.0
    source: dict | None = None  # {"code", "country", "sector", "text"} as in comity.records.Event
    target: dict | None = None


SentenceEvents = list[PredictedEvent]


class Predictor(Protocol):
    name: str

    def predict(self, texts: list[str]) -> list[SentenceEvents]: ...


def main_event(events: SentenceEvents) -> PredictedEvent | None:
    """The event that speaks for the sentence: highest confidence, the first among equals."""
    best = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def from_coder_event(event) -> PredictedEvent:
    """A comity.records.Event as a PredictedEvent."""
    return PredictedEvent(
        plover_event=event.plover_event or "",
        cameo_root=event.cameo_root or "",
        confidence=float(event.confidence),
        source=event.source,
        target=event.target,
    )


class CoderPredictor:
    """Runs the event coder on each sentence (each sentence is one document)."""

    def __init__(self, classifier=None, fill_threshold: float | None = None,
                 override_threshold: float | None = None):
        try:
            from comity.coder import EventCoder
        except ImportError as exc:
            raise RuntimeError(f"the event coder (comity.coder) is not available: {exc}") from exc
        options = {k: v for k, v in (("fill_threshold", fill_threshold),
                                     ("override_threshold", override_threshold)) if v is not None}
        self.coder = EventCoder(classifier=classifier, **options)
        self.name = "coder" + ("+classifier" if classifier is not None else " (rules only)")

    def predict(self, texts: list[str]) -> list[SentenceEvents]:
        from comity.records import Document

        docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
        by_doc: dict[str, SentenceEvents] = {d.id: [] for d in docs}
        for event in _code_all(self.coder, docs):
            by_doc.setdefault(event.doc_id, []).append(from_coder_event(event))
        return [by_doc[d.id] for d in docs]


def _code_all(coder, docs) -> Iterable:
    """Events of all documents; `code_documents` yields coded documents (with .events) or events."""
    if not hasattr(coder, "code_documents"):
        yield from (event for doc in docs for event in coder.code_document(doc))
        return
    for item in coder.code_documents(docs):
        if hasattr(item, "events"):
            yield from item.events
        else:
            yield item


class ClassifierPredictor:
    """The learned classifier alone: one actor-less event per sentence."""

    def __init__(self, classifier):
        self.classifier = classifier
        self.name = "classifier only"

    def predict(self, texts: list[str]) -> list[SentenceEvents]:
        out = []
        for p in self.classifier.predict_many(texts):
            out.append([PredictedEvent(p.plover_event, p.cameo_root, p.probability)])
        return out
