"""Classification metrics from (gold, predicted) label pairs: accuracy, per-label P/R/F1, macro-F1,
Cohen's kappa and the confusion matrix. Plain Python; labels are strings."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

NONE_LABEL = "NONE"  # what a sentence with no coded event is predicted as


@dataclass
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold count
    predicted: int  # predicted count

    def to_dict(self) -> dict:
        return {"label": self.label, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support, "predicted": self.predicted}


@dataclass
class Report:
    """Scores for one labelling task; `labels` are the gold labels (rows of the confusion matrix)."""

    n: int
    accuracy: float
    macro_f1: float
    kappa: float
    per_label: list[LabelScore]
    labels: list[str]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def accuracy_ci95(self) -> tuple[float, float]:
        return wilson_interval(round(self.accuracy * self.n), self.n)

    def to_dict(self) -> dict:
        return {"n": self.n, "accuracy": round(self.accuracy, 4),
                "accuracy_ci95": [round(x, 4) for x in self.accuracy_ci95], "macro_f1": round(self.macro_f1, 4),
                "kappa": round(self.kappa, 4), "per_label": [s.to_dict() for s in self.per_label],
                "confusion": self.confusion}


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (sound for small n and for 0 or n successes):
    how far an accuracy measured on n sentences may be from the coder's true rate."""
    if n <= 0:
        return 0.0, 0.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def format_ci(interval: tuple[float, float]) -> str:
    return f"95% CI {interval[0]:.3f}–{interval[1]:.3f}"


def _safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


def confusion_matrix(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    """{gold label: {predicted label: count}} with only the non-zero cells."""
    matrix: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        row = matrix.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return matrix


def cohen_kappa(gold: list[str], predicted: list[str]) -> float:
    n = len(gold)
    if n == 0:
        return 0.0
    observed = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    gold_counts, pred_counts = Counter(gold), Counter(predicted)
    expected = sum(gold_counts[label] * pred_counts.get(label, 0) for label in gold_counts) / (n * n)
    return _safe_div(observed - expected, 1.0 - expected) if expected < 1.0 else 1.0


def score(gold: list[str], predicted: list[str], labels: list[str] | None = None) -> Report:
    """Score predictions against gold. Macro-F1 averages over `labels` (default: the gold labels), so a
    label that is only ever predicted (e.g. NONE) lowers precision but is not itself averaged."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    labels = sorted(set(gold)) if labels is None else list(labels)
    gold_counts, pred_counts = Counter(gold), Counter(predicted)
    hits = Counter(g for g, p in zip(gold, predicted) if g == p)
    per_label = []
    for label in labels:
        precision = _safe_div(hits[label], pred_counts[label])
        recall = _safe_div(hits[label], gold_counts[label])
        f1 = _safe_div(2 * precision * recall, precision + recall)
        per_label.append(LabelScore(label, precision, recall, f1, gold_counts[label], pred_counts[label]))
    n = len(gold)
    return Report(
        n=n,
        accuracy=_safe_div(sum(hits.values()), n),
        macro_f1=_safe_div(sum(s.f1 for s in per_label), len(per_label)),
        kappa=cohen_kappa(gold, predicted),
        per_label=per_label,
        labels=labels,
        confusion=confusion_matrix(gold, predicted),
    )
