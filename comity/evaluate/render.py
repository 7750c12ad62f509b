"""Rich tables for evaluation reports (the CLI prints these; --json prints the dicts instead)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from comity.evaluate.metrics import NONE_LABEL, Report


def per_label_table(report: Report, title: str, names: dict[str, str] | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    for col in ("label", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for s in report.per_label:
        label = f"{s.label} {names[s.label]}" if names and s.label in names else s.label
        table.add_row(label, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted))
    return table


def confusion_table(report: Report, title: str = "confusion (rows gold, columns predicted)") -> Table:
    predicted = list(report.labels)
    extra = sorted({p for row in report.confusion.values() for p in row} - set(predicted))
    predicted += [p for p in extra if p != NONE_LABEL] + ([NONE_LABEL] if NONE_LABEL in extra else [])
    table = Table(title=title, title_justify="left")
    table.add_column("gold \\ pred")
    for p in predicted:
        table.add_column(p[:6], justify="right")
    for g in report.labels:
        row = report.confusion.get(g, {})
        cells = []
        for p in predicted:
            n = row.get(p, 0)
            cells.append(f"[bold]{n}[/]" if p == g and n else (str(n) if n else "·"))
        table.add_row(g, *cells)
    return table


def protocol_text(protocol) -> Text:
    text = Text()
    text.append("protocol: ", style="bold")
    text.append(f"{protocol.name} · engine: {protocol.engine}")
    if protocol.detail:
        text.append(f"\n  {protocol.detail}")
    if protocol.model:
        text.append(f"\n  model: {protocol.model}; evaluation sentences in its training data: {protocol.overlap}")
    for note in protocol.notes:
        text.append(f"\n  note: {note}", style="yellow")
    return text


def print_group(console: Console, *parts) -> None:
    console.print(Group(*parts))
