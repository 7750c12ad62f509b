"""Training examples for the event classifier from the gold sets and the synthetic stories.

- quad TSV (sentence, 0-4): quad5 label only.
- PLOVER GSR JSON: PLOVER event (old labels mapped) and, where the event implies one, a quad5 label.
  The same format holds comity's own written sets (benchmarks/gold/); their records marked
  "split": "test" are held out and never trained on.
- NGEC synthetic stories CSV (text, label): the lead sentence of each story with its PLOVER label
  (pseudo-labels written by a language model, so they get a lower weight). By default they train
  only the PLOVER head: as quad5 labels they lowered quad macro-F1 in 5-fold CV (0.885 -> 0.818).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from comity.learn.classifier import TrainingExample

# The quad5 class a PLOVER event implies; REQUEST spans two classes (02 appeal, 10 demand): none.
QUAD5_OF_PLOVER = {
    "AGREE": "1", "CONSULT": "1", "SUPPORT": "1",
    "COOPERATE": "2", "AID": "2", "RETREAT": "2", "CONCEDE": "2",
    "ACCUSE": "3", "REJECT": "3", "THREATEN": "3", "SANCTION": "3",
    "PROTEST": "4", "MOBILIZE": "4", "COERCE": "4", "ASSAULT": "4",
}


def quad_examples(path: str | Path, weight: float = 1.0) -> list[TrainingExample]:
    from comity.evaluate.quad import load_quad

    items, _ = load_quad(path)
    return [TrainingExample(i.text, quad5=i.label, weight=weight) for i in items]


def gsr_examples(path: str | Path, weight: float = 1.0, with_quad: bool = True) -> list[TrainingExample]:
    from comity.evaluate.gsr import load_gsr

    items, _ = load_gsr(path, exclude_split="test")
    return [TrainingExample(i.text, quad5=QUAD5_OF_PLOVER.get(i.event) if with_quad else None,
                            plover=i.event, weight=weight) for i in items]


def lead_sentence(text: str) -> str:
    """The first sentence of the first paragraph ("U.S.", "Mr." and initials do not end it)."""
    from comity.coder.sentences import split_sentences

    first_paragraph = text.strip().split("\n", 1)[0]
    sentences = split_sentences(first_paragraph)
    return sentences[0].text.strip() if sentences else ""


def synthetic_examples(path: str | Path, weight: float = 0.3, with_quad: bool = False,
                       limit: int | None = None) -> list[TrainingExample]:
    from comity.evaluate.gsr import PLOVER_EVENTS, map_event

    out: list[TrainingExample] = []
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = map_event(row.get("label") or "")
            text = lead_sentence(row.get("text") or "")
            if label not in PLOVER_EVENTS or len(text) < 20:
                continue
            out.append(TrainingExample(text, quad5=QUAD5_OF_PLOVER.get(label) if with_quad else None,
                                       plover=label, weight=weight))
            if limit and len(out) >= limit:
                break
    return out
