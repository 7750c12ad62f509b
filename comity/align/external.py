"""Shared steps for importing third-party event files (GDELT, ICEWS) into `external_events`.

Each importer stages its file as (lineno, fields[]) rows, builds a temp table `clean_events` with the
columns of `external_events` (minus file_sha256), and hands it to `store_events`, which adds PLOVER
codes from the coder's ontology and replaces rows with the same (dataset, event_id).
"""
from __future__ import annotations

import gzip
import shutil
import tempfile
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from comity.align.imports import ImportResult, Steps, begin, count_lines_text, counted, finish, stage_lines

EVENT_COLUMNS = (
    "dataset", "event_id", "date", "source_code", "source_raw", "source_actor", "source_sector",
    "target_code", "target_raw", "target_actor", "target_sector", "cameo_code", "root", "quad_class",
    "goldstein", "plover_event", "plover_mode", "mentions", "tone", "url", "file_sha256", "line",
)


def plover_lookup() -> Callable[[str], tuple[str | None, str | None]] | None:
    """The coder's CAMEO -> PLOVER mapping, or None when comity.coder.ontology is not installed."""
    try:
        from comity.coder.ontology import cameo_info
    except ImportError:
        return None

    def lookup(code: str) -> tuple[str | None, str | None]:
        try:
            info = cameo_info(code)
        except (KeyError, ValueError, LookupError):
            return None, None
        return info.get("plover_event"), info.get("plover_mode")

    return lookup


def code_table(con, name: str, rows: Iterable[tuple]) -> None:
    """A two-column temp table (raw VARCHAR, mapped VARCHAR) for joins."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (raw VARCHAR, mapped VARCHAR)")
    rows = list(rows)
    if rows:
        con.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows)


def warn_unknown_codes(con, result: ImportResult, stage_sql: str, what: str, fix: str) -> None:
    """Warn once per unknown raw code: `stage_sql` yields (raw, lineno) for the rows that did not map."""
    rows = con.execute(
        f"SELECT raw, count(*), list(lineno ORDER BY lineno)[1:3] FROM ({stage_sql}) GROUP BY raw ORDER BY 2 DESC, 1"
    ).fetchall()
    for raw, count, lines in rows:
        result.warn(f"unknown {what} {raw!r} on {counted(count, 'rows')} ({count_lines_text(count, lines)}); stored as NULL — {fix}")


def store_events(con, result: ImportResult, sha: str) -> None:
    """clean_events -> external_events, with PLOVER codes; replaces rows with the same key."""
    lookup = plover_lookup()
    codes = [row[0] for row in con.execute("SELECT DISTINCT cameo_code FROM clean_events WHERE cameo_code IS NOT NULL").fetchall()]
    con.execute("CREATE OR REPLACE TEMP TABLE plover_codes (cameo_code VARCHAR, plover_event VARCHAR, plover_mode VARCHAR)")
    if lookup is None:
        result.notes.append("comity.coder.ontology is not installed: PLOVER columns left NULL")
    elif codes:
        con.executemany("INSERT INTO plover_codes VALUES (?, ?, ?)", [(code, *lookup(code)) for code in codes])
        unmapped = con.execute(
            "SELECT count(*), list(cameo_code ORDER BY cameo_code)[1:5] FROM plover_codes WHERE plover_event IS NULL AND NOT starts_with(cameo_code, '01')"
        ).fetchall()[0]
        if unmapped[0]:
            result.notes.append(f"{unmapped[0]} CAMEO codes outside CAMEO 01 have no PLOVER mapping (e.g. {', '.join(unmapped[1])})")
    duplicates = con.execute(
        """SELECT count(*), list(line ORDER BY line)[1:5] FROM (
               SELECT line, row_number() OVER (PARTITION BY dataset, event_id ORDER BY line) AS k FROM clean_events)
           WHERE k > 1"""
    ).fetchall()[0]
    if duplicates[0]:
        result.warn(f"repeated event id on {counted(duplicates[0], 'rows')}, the first in the file is kept "
                    f"({count_lines_text(duplicates[0], duplicates[1])})")
    columns = ", ".join(EVENT_COLUMNS)
    con.execute(
        """CREATE OR REPLACE TEMP TABLE keyed_events AS
            SELECT DISTINCT ON (c.dataset, c.event_id) c.dataset, c.event_id, c.date, c.source_code, c.source_raw,
                   c.source_actor, c.source_sector, c.target_code, c.target_raw, c.target_actor, c.target_sector,
                   c.cameo_code, c.root, c.quad_class, c.goldstein, p.plover_event, p.plover_mode, c.mentions,
                   c.tone, c.url, ? AS file_sha256, c.line
            FROM clean_events c LEFT JOIN plover_codes p USING (cameo_code)
            ORDER BY c.dataset, c.event_id, c.line""",
        [sha],
    )
    con.execute(
        "DELETE FROM external_events WHERE (dataset, event_id) IN (SELECT (dataset, event_id) FROM keyed_events)"
    )
    con.execute(f"INSERT INTO external_events ({columns}) SELECT {columns} FROM keyed_events")
    result.rows = con.execute("SELECT count(*) FROM keyed_events").fetchall()[0][0]


@contextmanager
def plain_text(path: Path) -> Iterator[Path]:
    """The file itself, or for .zip (one member, as GDELT ships them) and .gz a decompressed temp copy."""
    suffix = path.suffix.lower()
    if suffix not in (".zip", ".gz"):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="comity-import-") as folder:
        target = Path(folder) / path.stem
        try:
            if suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    members = [m for m in archive.namelist() if not m.endswith("/")]
                    if len(members) != 1:
                        raise ValueError(f"the zip holds {len(members)} files; expected one events file")
                    with archive.open(members[0]) as source, target.open("wb") as out:
                        shutil.copyfileobj(source, out)
            else:
                with gzip.open(path, "rb") as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ValueError(f"cannot decompress: {exc}") from exc
        yield target


def import_files(con, paths: Iterable[Path | str], ledger: str, build: Callable, label: str,
                 progress=None) -> list[ImportResult]:
    """Run one importer over many files: ledger check, staging, `build(con, result)`, store; a bad file
    gets an error in its result and the rest go on."""
    paths = [Path(p) for p in paths]
    steps = Steps(progress, f"{label}: {len(paths)} files", total=len(paths))
    results = []
    seen: dict[str, str] = {}
    for path in paths:
        started = time.perf_counter()
        result, sha = begin(con, ledger, path)
        if sha is not None and sha in seen:
            result.skipped = True
            result.notes.append(f"same content as {seen[sha]}")
            sha = None
        if sha is not None:
            seen[sha] = str(path)
            con.execute("BEGIN TRANSACTION")
            try:
                with plain_text(path) as text_path:
                    stage_lines(con, text_path, "stage_text")
                con.execute(
                    "CREATE OR REPLACE TEMP TABLE stage_fields AS SELECT lineno, string_split(text, chr(9)) AS f FROM stage_text"
                )
                if build(con, result):
                    store_events(con, result, sha)
                    finish(con, result, sha, path, started)
                con.execute("COMMIT")
            except ValueError as exc:
                con.execute("ROLLBACK")
                result.error = str(exc)
            except Exception:
                con.execute("ROLLBACK")
                raise
        results.append(result)
        steps.advance()
    return results
