"""The PLOVER gold-standard sentences (OEDA PLOVER_GSR_CAMEO.txt): loading and scoring.

Scoring conventions (also printed by `comity eval gsr`):
- Event labels of PLOVER 0.5b1 are mapped to PLOVER 2.0 (OLD_TO_NEW_EVENT). A sentence with no coded
  event is predicted as NONE, which is always wrong.
- The scored event of a sentence is the coded event whose source and target best match the gold
  actors (ties: higher confidence, then the first). The "main event" accuracy (highest confidence,
  no look at the gold) is reported beside it.
- Actor codes are compared by country: gold CAMEO codes are mapped to ISO3 with
  comity/data/evaluate/cameo_actor_codes.tsv. Gold codes that name a kind of actor (IGO, NGO, IMG...)
  match a predicted actor of that kind (sector IGO/NGO, or any actor without a country; for
  'nonstate' also sector REB/CRM). A compound gold source ("Hungarian and Romanian officials") is
  matched by any of its actors. Gold sectors are not scored.
- Target accuracy is over the sentences whose gold record has a target list; sentences without one
  (no target, or "SRC/TAR" compounds) are left out of it and counted. A sentence with no coded event
  scores wrong for source and (when there is a gold target) target.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from comity.evaluate.metrics import NONE_LABEL, Report, score, wilson_interval
from comity.evaluate.predictors import PredictedEvent, SentenceEvents, main_event
from comity.evaluate.quad import GoldFormatError, gold_file_errors

OLD_TO_NEW_EVENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLOVER_EVENTS = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
NONSTATE_SECTORS = {"REB", "CRM", "IMG", "ISM"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str  # as in the gold file
    sector: str | None


@dataclass(frozen=True)
class GsrItem:
    id: str
    text: str
    event: str  # PLOVER 2.0 label after mapping
    original_event: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...] | None  # None: the record has no target list


def map_event(label: str) -> str:
    label = label.strip().upper()
    return OLD_TO_NEW_EVENT.get(label, label)


@lru_cache(maxsize=1)
def gold_code_table() -> dict[str, str]:
    """gold CAMEO-style code -> ISO3 or a lower-case kind (igo, ngo, nonstate)."""
    table: dict[str, str] = {}
    text = resources.files("comity.data").joinpath("evaluate/cameo_actor_codes.tsv").read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"cameo_actor_codes.tsv:{number}: expected gold_code<TAB>maps_to")
        table[parts[0].strip().upper()] = parts[1].strip()
    return table


def normalise_gold_code(code: str) -> str:
    code = (code or "").strip().upper()
    return gold_code_table().get(code, code)


def _actors(value, where: str, problems: list[str]) -> tuple[GoldActor, ...] | None:
    if isinstance(value, list):
        actors = []
        for a in value:
            if isinstance(a, dict) and a.get("code"):
                actors.append(GoldActor(str(a.get("actorText", "")), str(a["code"]), a.get("sector") or None))
            else:
                problems.append(f"{where}: actor without a code skipped: {a!r:.60}")
        return tuple(actors) if actors else None
    if value not in (None, ""):
        problems.append(f"{where}: actor field is not a list ({value!r:.40}); treated as absent")
    return None


def load_gsr(path: str | Path, limit: int | None = None, split: str | None = None,
             exclude_split: str | None = None) -> tuple[list[GsrItem], list[str]]:
    """Read the JSON array; returns (items, problems). The DOCUMENT record and unusable records are
    skipped; each problem names the file and the record. split: keep only the records whose
    "split" field has this value (comity's own written sets mark halves "dev" and "test");
    exclude_split: drop the records whose "split" field has this value."""
    path = Path(path)
    try:
        with gold_file_errors(path):
            records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(records, list):
        raise GoldFormatError(f"{path}: expected a JSON array of records")
    items: list[GsrItem] = []
    problems: list[str] = []
    for index, rec in enumerate(records):
        where = f"{path} record {index} ({rec.get('id', '?') if isinstance(rec, dict) else '?'})"
        if not isinstance(rec, dict):
            problems.append(f"{where}: not an object")
            continue
        original = str(rec.get("event", "")).strip().upper()
        if original == "DOCUMENT" or (split is not None and rec.get("split") != split):
            continue
        if exclude_split is not None and rec.get("split") == exclude_split:
            continue
        text = str(rec.get("text") or "").strip()
        event = map_event(original)
        if not text or event not in PLOVER_EVENTS:
            problems.append(f"{where}: missing text or unknown event {original!r}; skipped")
            continue
        sources = _actors(rec.get("source"), where + " source", problems) or ()
        targets = _actors(rec.get("target"), where + " target", problems)
        items.append(GsrItem(str(rec.get("id", index)), text, event, original, sources, targets))
        if limit and len(items) >= limit:
            break
    if not items:
        raise GoldFormatError(f"{path}: no gold sentences found" + (f" with split {split!r}" if split else ""))
    return items, problems


def actor_matches(gold: GoldActor, predicted: dict | None) -> bool:
    """Does the predicted actor (an Event source/target dict) match the gold actor?"""
    if not predicted:
        return False
    wanted = normalise_gold_code(gold.code)
    country = (predicted.get("country") or "").upper()
    code = (predicted.get("code") or "").upper()
    sector = (predicted.get("sector") or "").upper()
    if wanted.islower():  # a kind of actor
        if wanted == "igo":
            return sector == "IGO" or not country
        if wanted == "ngo":
            return sector == "NGO" or not country
        return sector in NONSTATE_SECTORS or not country
    return wanted in (country, code)


def any_matches(golds, predicted: dict | None) -> bool:
    return any(actor_matches(g, predicted) for g in golds or ())


def best_event(item: GsrItem, events: SentenceEvents) -> PredictedEvent | None:
    """The coded event whose actors best match the gold (ties: confidence, then order)."""
    best, best_key = None, None
    for order, ev in enumerate(events):
        key = (any_matches(item.sources, ev.source) + any_matches(item.targets, ev.target),
               ev.confidence, -order)
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best


@dataclass
class GsrResult:
    items: list[GsrItem]
    chosen: list[PredictedEvent | None]
    event_report: Report  # scored event (best actor match)
    main_event_report: Report  # main event, no look at the gold
    source_correct: int
    target_correct: int
    target_scored: int  # sentences with a gold target list
    no_event: int
    problems: list[str] = field(default_factory=list)

    @property
    def source_accuracy(self) -> float:
        return self.source_correct / len(self.items) if self.items else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_correct / self.target_scored if self.target_scored else 0.0

    @property
    def source_accuracy_ci95(self) -> tuple[float, float]:
        return wilson_interval(self.source_correct, len(self.items))

    @property
    def target_accuracy_ci95(self) -> tuple[float, float]:
        return wilson_interval(self.target_correct, self.target_scored)

    def predicted_labels(self) -> list[str]:
        return [ev.plover_event or NONE_LABEL if ev else NONE_LABEL for ev in self.chosen]

    def errors(self) -> list[tuple[GsrItem, PredictedEvent | None]]:
        return [(it, ev) for it, ev in zip(self.items, self.chosen)
                if (ev.plover_event if ev else NONE_LABEL) != it.event]

    def to_dict(self) -> dict:
        return {
            "n": len(self.items),
            "event_type": self.event_report.to_dict(),
            "main_event_accuracy": round(self.main_event_report.accuracy, 4),
            "source_accuracy": round(self.source_accuracy, 4),
            "source_accuracy_ci95": [round(x, 4) for x in self.source_accuracy_ci95],
            "target_accuracy": round(self.target_accuracy, 4),
            "target_accuracy_ci95": [round(x, 4) for x in self.target_accuracy_ci95],
            "target_scored": self.target_scored,
            "target_not_in_gold": len(self.items) - self.target_scored,
            "no_event": self.no_event,
        }


def score_gsr(items: list[GsrItem], predictions: list[SentenceEvents]) -> GsrResult:
    chosen, main_labels = [], []
    source_ok = target_ok = target_n = no_event = 0
    for item, events in zip(items, predictions, strict=True):
        ev = best_event(item, events)
        chosen.append(ev)
        main = main_event(events)
        main_labels.append(main.plover_event or NONE_LABEL if main else NONE_LABEL)
        if ev is None:
            no_event += 1
        source_ok += bool(ev) and any_matches(item.sources, ev.source)
        if item.targets is not None:
            target_n += 1
            target_ok += bool(ev) and any_matches(item.targets, ev.target)
    gold = [it.event for it in items]
    predicted = [ev.plover_event or NONE_LABEL if ev else NONE_LABEL for ev in chosen]
    labels = [e for e in PLOVER_EVENTS if e in set(gold)]
    return GsrResult(items, chosen, score(gold, predicted, labels), score(gold, main_labels, labels),
                     source_ok, target_ok, target_n, no_event)
