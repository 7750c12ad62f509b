"""Crisis definitions kept in the DuckDB store (table `crises`), side by side (1965, 1971, 2019, 2025).

Functions take a DuckDB connection (`Store(path).con`), so they work on any store file."""
from __future__ import annotations

import json

from comity.reactions.model import Crisis

SCHEMA = """
CREATE TABLE IF NOT EXISTS crises (
    name VARCHAR PRIMARY KEY,
    parties VARCHAR NOT NULL,   -- JSON list of actor codes
    start VARCHAR,
    "end" VARCHAR,
    trigger VARCHAR,
    phases VARCHAR              -- JSON list of {"name", "start"}
)
"""


class CrisisNotFound(LookupError):
    pass


def ensure_table(con) -> None:
    con.execute(SCHEMA)


def add_crisis(con, crisis: Crisis, replace: bool = True) -> None:
    """Store `crisis` (replacing one of the same name unless replace=False, which raises)."""
    ensure_table(con)
    exists = con.execute("SELECT 1 FROM crises WHERE name = ?", [crisis.name]).fetchone()
    if exists and not replace:
        raise ValueError(f"crisis {crisis.name!r} already exists")
    con.execute("DELETE FROM crises WHERE name = ?", [crisis.name])
    con.execute(
        'INSERT INTO crises (name, parties, start, "end", trigger, phases) VALUES (?, ?, ?, ?, ?, ?)',
        [crisis.name, json.dumps(list(crisis.parties)), crisis.start, crisis.end, crisis.trigger,
         json.dumps([{"name": n, "start": d} for n, d in crisis.phases])],
    )


def _row_to_crisis(row) -> Crisis:
    name, parties, start, end, trigger, phases = row
    return Crisis(name, tuple(json.loads(parties)), start, end, trigger,
                  tuple((p["name"], p["start"]) for p in json.loads(phases or "[]")))


def list_crises(con) -> list[Crisis]:
    ensure_table(con)
    rows = con.execute('SELECT name, parties, start, "end", trigger, phases FROM crises ORDER BY start, name').fetchall()
    return [_row_to_crisis(r) for r in rows]


def get_crisis(con, name: str) -> Crisis:
    ensure_table(con)
    row = con.execute('SELECT name, parties, start, "end", trigger, phases FROM crises WHERE name = ?', [name]).fetchone()
    if row is None:
        known = ", ".join(c.name for c in list_crises(con)) or "none"
        raise CrisisNotFound(f"no crisis named {name!r} in this store (known: {known}); add it with `comity crisis add`")
    return _row_to_crisis(row)


def remove_crisis(con, name: str) -> bool:
    ensure_table(con)
    found = con.execute("SELECT 1 FROM crises WHERE name = ?", [name]).fetchone() is not None
    con.execute("DELETE FROM crises WHERE name = ?", [name])
    return found


def parse_phase(text: str) -> tuple[str, str]:
    """'strikes:2025-05-07' -> ('strikes', '2025-05-07')."""
    name, sep, day = text.rpartition(":")
    if not sep or not name:
        raise ValueError(f"phase {text!r} should look like NAME:YYYY-MM-DD")
    return name, day
