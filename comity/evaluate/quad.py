"""The 5-way CAMEO quad task (ConfliBERT layout): `sentence <TAB> label` with label 0-4.

0 neutral statement/appeal (CAMEO roots 01-02), 1 verbal cooperation (03-05), 2 material cooperation
(06-08), 3 verbal conflict (09-13 and 16), 4 material conflict (14, 15, 17-20). Note this is not
GDELT's QuadClass (which puts 01-02 in verbal cooperation and 16 in material conflict).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from comity.evaluate.metrics import NONE_LABEL, Report, score
from comity.evaluate.predictors import SentenceEvents, main_event

QUAD5_NAMES = {
    "0": "statement/appeal",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}
QUAD5_LABELS = list(QUAD5_NAMES)


class GoldFormatError(ValueError):
    """A gold file that cannot be read; the message names file and line."""


@contextmanager
def gold_file_errors(path: Path):
    """Turn an unreadable or non-UTF-8 gold file into a GoldFormatError that names it."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc.strerror})") from exc


@dataclass(frozen=True)
class QuadItem:
    line: int
    text: str
    label: str  # "0".."4"


def quad5_of_root(root: str | None) -> str | None:
    """The quad5 label of a CAMEO root ("01".."20"); None when the root is not a CAMEO root."""
    if not root:
        return None
    try:
        r = int(str(root)[:2])
    except ValueError:
        return None
    if r in (1, 2):
        return "0"
    if 3 <= r <= 5:
        return "1"
    if 6 <= r <= 8:
        return "2"
    if 9 <= r <= 13 or r == 16:
        return "3"
    if r in (14, 15) or 17 <= r <= 20:
        return "4"
    return None


def load_quad(path: str | Path, limit: int | None = None) -> tuple[list[QuadItem], list[str]]:
    """Read the TSV; returns (items, problems). A malformed line is reported and skipped."""
    path = Path(path)
    items: list[QuadItem] = []
    problems: list[str] = []
    with gold_file_errors(path):
        lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or not text.strip() or label not in QUAD5_NAMES:
            problems.append(f"{path}:{number}: expected 'sentence<TAB>label 0-4', got {line[:60]!r}")
            continue
        items.append(QuadItem(number, text.strip(), label))
        if limit and len(items) >= limit:
            break
    if not items:
        raise GoldFormatError(f"{path}: no 'sentence<TAB>label' lines found")
    return items, problems


def predicted_quad5(events: SentenceEvents) -> str:
    """The quad5 label of the sentence's main event; NONE when nothing was coded."""
    event = main_event(events)
    label = quad5_of_root(event.cameo_root) if event else None
    return label or NONE_LABEL


@dataclass
class QuadResult:
    report: Report
    items: list[QuadItem]
    predicted: list[str]

    def errors(self) -> list[tuple[QuadItem, str]]:
        return [(item, p) for item, p in zip(self.items, self.predicted) if p != item.label]


def score_quad(items: list[QuadItem], predicted: list[str]) -> QuadResult:
    report = score([i.label for i in items], predicted, labels=QUAD5_LABELS)
    return QuadResult(report, items, predicted)
