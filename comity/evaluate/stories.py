"""Document-labelled stories (the NGEC synthetic-story CSV: text, label, mode): loading and scoring.

Each story carries one PLOVER label for the whole text, written with the story by a language model.
The scored sentence is the story's lead (first sentence of the first paragraph), where a wire story
states its event. Two scores:
- lead event type: the PLOVER type of the lead's main coded event (highest confidence); a lead with
  no coded event, or only a statement, is wrong;
- any-event recall: the share of leads with at least one coded event of the story's type.
The labels are for the story, not the lead, and some leads do not state the labelled event (a
background sentence, a quote), so no coder can reach 1.0; the score is for comparing coders and
versions on thousands of sentences that were not used to write the rules.

Fixed split (comity/evaluate/split.py): a story is TEST when int(sha1(story text), 16) % 5 == 0, as
scripts/split_gold.py does for the gold sentences, so `split="dev"` / `split="test"` pick the same
stories on every machine and for any way of finding the lead.
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from comity.evaluate.gsr import PLOVER_EVENTS, map_event
from comity.evaluate.metrics import NONE_LABEL, Report, score
from comity.evaluate.predictors import SentenceEvents, main_event
from comity.evaluate.quad import GoldFormatError, gold_file_errors
from comity.evaluate.split import SPLITS, split_of

MIN_LEAD_CHARS = 20


@dataclass(frozen=True)
class StoryItem:
    line: int  # CSV line where the story's row starts
    lead: str
    event: str  # PLOVER 2.0 label after mapping
    mode: str


def load_stories(path: str | Path, limit: int | None = None,
                 split: str | None = None) -> tuple[list[StoryItem], list[str]]:
    """Read the CSV; returns (items, problems). Rows with an unknown label or no usable lead are
    skipped with a problem naming the file and line."""
    from comity.learn.training import lead_sentence

    if split is not None and split not in SPLITS:
        raise GoldFormatError(f"unknown split {split!r}; use dev or test")
    path = Path(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    items: list[StoryItem] = []
    problems: list[str] = []
    try:
        with gold_file_errors(path), open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"text", "label"} - set(reader.fieldnames or ())
            if missing:
                raise GoldFormatError(f"{path}:1: missing column(s) {', '.join(sorted(missing))}")
            next_start = reader.line_num + 1
            for row in reader:
                start, next_start = next_start, reader.line_num + 1
                where = f"{path}:{start}"
                event = map_event(row.get("label") or "")
                lead = lead_sentence(row.get("text") or "")
                if event not in PLOVER_EVENTS:
                    problems.append(f"{where}: unknown label {row.get('label')!r}; skipped")
                    continue
                if len(lead) < MIN_LEAD_CHARS:
                    problems.append(f"{where}: no lead sentence of {MIN_LEAD_CHARS}+ characters; skipped")
                    continue
                if split is not None and split_of(row.get("text") or "") != split:
                    continue
                items.append(StoryItem(start, lead, event, (row.get("mode") or "").strip()))
                if limit and len(items) >= limit:
                    break
    except csv.Error as exc:
        raise GoldFormatError(f"{path}: not valid CSV ({exc})") from exc
    if not items:
        raise GoldFormatError(f"{path}: no stories found" + (f" in split {split!r}" if split else ""))
    return items, problems


@dataclass
class StoriesResult:
    items: list[StoryItem]
    predicted: list[str]  # the lead's main event type, or NONE
    report: Report
    any_event_hits: int
    no_event: int

    @property
    def any_event_recall(self) -> float:
        return self.any_event_hits / len(self.items) if self.items else 0.0

    def errors(self) -> list[tuple[StoryItem, str]]:
        return [(it, p) for it, p in zip(self.items, self.predicted) if p != it.event]

    def to_dict(self) -> dict:
        return {"n": len(self.items), "event_type": self.report.to_dict(),
                "any_event_recall": round(self.any_event_recall, 4), "no_event": self.no_event}


def score_stories(items: list[StoryItem], predictions: list[SentenceEvents]) -> StoriesResult:
    predicted, any_hits, no_event = [], 0, 0
    for item, events in zip(items, predictions, strict=True):
        main = main_event(events)
        no_event += main is None
        predicted.append((main.plover_event or NONE_LABEL) if main else NONE_LABEL)
        any_hits += any(ev.plover_event == item.event for ev in events)
    gold = [it.event for it in items]
    labels = [e for e in PLOVER_EVENTS if e in set(gold)]
    return StoriesResult(items, predicted, score(gold, predicted, labels), any_hits, no_event)
