"""Write records (event dicts or any flat dicts) as a table, JSON, JSON lines, CSV or GDELT-style TSV.

Event records are `Event.to_dict()` dicts: `source` is a dict (code, country, sector, text) and
`target` is one or None. The flat formats (table, csv) spell them out as source_code, source_country,
source_sector, source_text, target_..., and `gdelt` maps them onto GDELT 2.0 event column names.

GDELT-like TSV (`GDELT_COLUMNS`, one header row, tab separated, no quoting: tabs and newlines inside
values become spaces):

    SQLDATE            event date as YYYYMMDD (empty when unknown)
    Actor1Code         source code, with the sector appended for a country's organs ("PAKMIL"), as GDELT does
    Actor1Name         source mention text
    Actor1CountryCode  source country (ISO3; empty for IGOs)
    Actor1Type1Code    source sector (GOV, MIL, IGO, ...)
    Actor2Code .. Actor2Type1Code   the same for the target (empty when there is none)
    IsRootEvent        1 when the event is in the document's first sentence (GDELT: the lead), else 0
    EventCode          CAMEO code ("195")
    EventBaseCode      its first three digits ("195"; "0" padded codes keep theirs: "042")
    EventRootCode      its first two digits ("19")
    QuadClass          1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    GoldsteinScale     -10 .. +10
    PloverEvent, PloverMode, Negated (0/1), Modality, Confidence   comity's additions
    DocId, Sentence    where the event was found
"""
from __future__ import annotations

import csv
import json
from typing import Iterable, Iterator, TextIO

FORMATS = ("table", "json", "jsonl", "csv", "gdelt")

ACTOR_KEYS = ("code", "country", "sector", "text")
EVENT_FLAT_COLUMNS = [
    "doc_id", "sentence_index", "date",
    "source_code", "source_country", "source_sector", "source_text",
    "plover_event", "plover_mode", "cameo_code", "cameo_root", "quad_class", "goldstein",
    "target_code", "target_country", "target_sector", "target_text",
    "negated", "modality", "confidence", "trigger", "char_start", "char_end", "sentence_start",
    "event_group", "sentence", "extra",
]
EVENT_TABLE_COLUMNS = ["date", "source", "event", "cameo", "target", "goldstein", "sentence"]
GDELT_COLUMNS = [
    "SQLDATE",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverEvent", "PloverMode", "Negated", "Modality", "Confidence",
    "DocId", "Sentence",
]
SENTENCE_WIDTH = 90  # characters of the sentence shown in table output


def write_records(records: Iterable[dict], fmt: str, out: TextIO, columns: list[str] | None = None,
                  title: str | None = None) -> int:
    """Write records to `out` in `fmt`; returns the number of records written.

    `columns` picks and orders the columns of table/csv output (flattened names for events, e.g.
    source_code); json and jsonl write records whole; `title` heads a table. json, jsonl, csv and gdelt
    stream: records are written as they come, so CSV takes its header from `columns`, the event column
    list, or the first record's keys (keys that only later records have are left out: pass `columns`).
    Raises ValueError for an unknown format, or for gdelt with records that are not events.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer = {"table": _write_table, "json": _write_json, "jsonl": _write_jsonl, "csv": _write_csv,
              "gdelt": _write_gdelt}[fmt]
    return writer(iter(records), out, columns, title)


def is_event(record: dict) -> bool:
    """An Event.to_dict() record (has a source actor dict and a CAMEO code)."""
    return isinstance(record.get("source"), dict) and "cameo_code" in record


def flatten(record: dict) -> dict:
    """One level of columns: event actors as source_*/target_*, other dicts and lists as JSON text."""
    flat = {}
    for key, value in record.items():
        if key in ("source", "target") and (value is None or isinstance(value, dict)) and is_event(record):
            for actor_key in ACTOR_KEYS:
                flat[f"{key}_{actor_key}"] = value.get(actor_key) if value else None
        elif isinstance(value, (dict, list, tuple)):
            flat[key] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            flat[key] = value
    return flat


def gdelt_row(record: dict) -> list[str]:
    """An event record as the values of GDELT_COLUMNS."""
    source = record.get("source") or {}
    target = record.get("target") or {}
    cameo = str(record.get("cameo_code") or "")
    date = (record.get("date") or "").replace("-", "")[:8]
    values = [
        date,
        *_gdelt_actor(source),
        *_gdelt_actor(target),
        "1" if record.get("sentence_index") == 0 else "0",
        cameo,
        cameo[:3],
        str(record.get("cameo_root") or cameo[:2]),
        _text(record.get("quad_class")),
        _text(record.get("goldstein")),
        _text(record.get("plover_event")),
        _text(record.get("plover_mode")),
        "1" if record.get("negated") else "0",
        _text(record.get("modality")),
        _text(record.get("confidence")),
        _text(record.get("doc_id")),
        _text(record.get("sentence")),
    ]
    return [_tsv_cell(value) for value in values]


# ---------------------------------------------------------------------------------------------------


def _gdelt_actor(actor: dict) -> list[str]:
    if not actor:
        return ["", "", "", ""]
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    full_code = code + sector if code and code == country and sector else code
    return [full_code, _text(actor.get("text")), country, sector]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _tsv_cell(value: str) -> str:
    return " ".join(value.replace("\t", " ").splitlines()) if ("\t" in value or "\n" in value or "\r" in value) else value


def _json_default(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, default=_json_default)


def _write_json(records: Iterator[dict], out: TextIO, columns, title) -> int:
    count = 0
    out.write("[")
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(_dumps(record))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _write_jsonl(records: Iterator[dict], out: TextIO, columns, title) -> int:
    count = 0
    for record in records:
        out.write(_dumps(record) + "\n")
        count += 1
    return count


def _write_csv(records: Iterator[dict], out: TextIO, columns, title) -> int:
    first = next(records, None)
    if first is None:
        if columns:
            csv.writer(out).writerow(columns)
        return 0
    event = is_event(first)
    header = columns or (EVENT_FLAT_COLUMNS if event else list(flatten(first)))
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in _chain(first, records):
        writer.writerow({key: _csv_value(value) for key, value in flatten(record).items()})
        count += 1
    return count


def _csv_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_gdelt(records: Iterator[dict], out: TextIO, columns, title) -> int:
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for record in records:
        if not is_event(record):
            raise ValueError("the gdelt format is for event records (with source and cameo_code)")
        out.write("\t".join(gdelt_row(record)) + "\n")
        count += 1
    return count


LONG_CELL = 40  # characters; longer cells are prose and fold onto several lines


def _write_table(records: Iterator[dict], out: TextIO, columns, title) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = list(records)
    is_terminal = hasattr(out, "isatty") and out.isatty()
    console = Console(file=out, width=None if is_terminal else 200, highlight=False, soft_wrap=False,
                      color_system="auto" if is_terminal else None)
    if not rows:
        console.print(Text(f"{title}: no records" if title else "No records."))
        return 0
    if is_event(rows[0]) and not columns:
        header = EVENT_TABLE_COLUMNS
        cells = [_event_cells(row) for row in rows]
    else:
        flat_rows = [flatten(row) for row in rows]
        header = columns or _union_keys(flat_rows)
        cells = [[_table_value(row.get(name)) for name in header] for row in flat_rows]
    table = Table(title=Text(title) if title else None, show_lines=False, header_style="bold")
    for index, name in enumerate(header):
        longest = max(len(row[index]) for row in cells)
        if name == "sentence" or longest > LONG_CELL:
            # Long prose folds; short codes never do, so a wide column cannot squeeze them to "…".
            table.add_column(Text(name), overflow="fold", max_width=SENTENCE_WIDTH)
        else:
            justify = "right" if _numeric(cells, index) else "left"
            table.add_column(Text(name), no_wrap=True, min_width=max(longest, len(name)), justify=justify)
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))  # Text: "[intent]" is data, not rich markup
    console.print(table)
    return len(rows)


def _event_cells(record: dict) -> list[str]:
    event = record.get("plover_event") or ""
    if record.get("plover_mode"):
        event += f" ({record['plover_mode']})"
    if record.get("negated"):
        event = "NOT " + event
    if record.get("modality"):
        event += f" [{record['modality']}]"
    return [
        _text(record.get("date")),
        _actor_label(record.get("source")),
        event,
        _text(record.get("cameo_code")),
        _actor_label(record.get("target")),
        _text(record.get("goldstein")),
        _text(record.get("sentence")),
    ]


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return "-"
    code = actor.get("code") or "?"
    sector = actor.get("sector")
    return f"{code} {sector}" if sector and sector != code else code


def _table_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _numeric(cells: list[list[str]], index: int) -> bool:
    values = [row[index] for row in cells if row[index] not in ("", "-")]
    if not values:
        return False
    try:
        for value in values:
            float(value.replace(",", ""))
    except ValueError:
        return False
    return True


def _union_keys(rows: list[dict]) -> list[str]:
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row))
    return list(keys)


def _chain(first: dict, rest: Iterator[dict]) -> Iterator[dict]:
    yield first
    yield from rest
