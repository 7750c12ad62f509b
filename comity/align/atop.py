"""Import ATOP alliance dyad-years (ccode1, ccode2, year, defense, offense, neutral, nonagg, consul) and
the COW major-power list; COW codes become ISO3 through comity/data/align/cow_iso3.tsv."""
from __future__ import annotations

import time
from pathlib import Path

from comity.align.codes import cow_table
from comity.align.imports import ImportResult, begin, counted, finish, report_invalid, transaction
from comity.align.unvotes import check_header, header_columns, stage_csv

DATASET = "atop"
TIES = ("defense", "offense", "neutral", "nonagg", "consul")


def _tie_column(columns: list[str], tie: str) -> str | None:
    for name in (tie, f"atop_{tie}"):
        if name in columns:
            return name
    return None


def _cow_codes_table(con) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE cow_codes (ccode INTEGER, iso3 VARCHAR)")
    con.executemany("INSERT INTO cow_codes VALUES (?, ?)", [(int(r["ccode"]), r["iso3"]) for r in cow_table()])


def import_atop(con, path: Path | str, states: Path | str | None = None, majors: Path | str | None = None,
                progress=None) -> list[ImportResult]:
    """Import an ATOP dyad-year CSV; `states` (cow_states.csv) is checked against the code table and
    `majors` (cow_majors.csv, looked for beside the file when not given) fills `major_powers`."""
    path = Path(path)
    results = [_import_alliances(con, path)]
    if states is not None:
        results.append(check_states(con, Path(states)))
    majors_path = Path(majors) if majors is not None else path.parent / "cow_majors.csv"
    if majors is not None or majors_path.is_file():
        results.append(import_majors(con, majors_path))
    if progress is not None:
        task = progress.add_task(f"ATOP from {path.name}", total=1)
        progress.update(task, advance=1)
    return results


def _import_alliances(con, path: Path) -> ImportResult:
    started = time.perf_counter()
    result, sha = begin(con, DATASET, path)
    if sha is None or not check_header(path, ("ccode1", "ccode2", "year"), result):
        return result
    columns = header_columns(path)
    ties = {tie: _tie_column(columns, tie) for tie in TIES}
    missing = [tie for tie, column in ties.items() if column is None]
    if len(missing) == len(TIES):
        result.error = "not an ATOP dyad-year file: no defense/offense/neutral/nonagg/consul columns"
        return result
    if missing:
        result.warn(f"no column for {', '.join(missing)}; stored as NULL")
    with transaction(con):
        stage_csv(con, path, "stage_atop", result)
        _cow_codes_table(con)
        key_ok = "TRY_CAST(ccode1 AS INTEGER) IS NOT NULL AND TRY_CAST(ccode2 AS INTEGER) IS NOT NULL AND TRY_CAST(year AS INTEGER) IS NOT NULL"
        report_invalid(con, result, "stage_atop", f"NOT ({key_ok})", "rows without numeric ccode1, ccode2 and year skipped")
        unknown = con.execute(
            f"""SELECT c, count(*), min(lineno) FROM (
                    SELECT lineno, TRY_CAST(ccode1 AS INTEGER) AS c FROM stage_atop WHERE {key_ok}
                    UNION ALL SELECT lineno, TRY_CAST(ccode2 AS INTEGER) FROM stage_atop WHERE {key_ok})
                WHERE c NOT IN (SELECT ccode FROM cow_codes) GROUP BY c ORDER BY c"""
        ).fetchall()
        for code, count, first in unknown:
            result.warn(f"COW code {code} is not in comity/data/align/cow_iso3.tsv ({counted(count, 'rows')}, first at line {first}); kept with a NULL country")
        tie_sql = ", ".join(
            f"TRY_CAST({column} AS TINYINT) AS {tie}" if column else f"NULL::TINYINT AS {tie}" for tie, column in ties.items()
        )
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE clean_atop AS
                SELECT DISTINCT ON (s.c1, s.c2, s.y) s.c1 AS ccode1, s.c2 AS ccode2, a.iso3 AS a, b.iso3 AS b,
                       s.y AS year, {", ".join(TIES)}
                FROM (SELECT lineno, TRY_CAST(ccode1 AS INTEGER) AS c1, TRY_CAST(ccode2 AS INTEGER) AS c2,
                             TRY_CAST(year AS INTEGER) AS y, {tie_sql} FROM stage_atop WHERE {key_ok}) s
                LEFT JOIN cow_codes a ON a.ccode = s.c1 LEFT JOIN cow_codes b ON b.ccode = s.c2
                ORDER BY s.c1, s.c2, s.y, s.lineno"""
        )
        con.execute(
            """DELETE FROM alliances WHERE (ccode1, ccode2, year) IN (SELECT (ccode1, ccode2, year) FROM clean_atop)"""
        )
        con.execute("INSERT INTO alliances SELECT ccode1, ccode2, a, b, year, defense, offense, neutral, nonagg, consul FROM clean_atop")
        result.rows = con.execute("SELECT count(*) FROM clean_atop").fetchall()[0][0]
        finish(con, result, sha, path, started)
    return result


def check_states(con, path: Path) -> ImportResult:
    """Compare a COW state list with cow_iso3.tsv: codes it lacks are named (nothing is stored)."""
    result = ImportResult(dataset="cow_states", path=str(path))
    if not path.is_file():
        result.error = "no such file"
        return result
    if not check_header(path, ("ccode",), result):
        return result
    stage_csv(con, path, "stage_states", result)
    _cow_codes_table(con)
    missing = con.execute(
        """SELECT TRY_CAST(ccode AS INTEGER) AS c, min(lineno) FROM stage_states
           WHERE TRY_CAST(ccode AS INTEGER) NOT IN (SELECT ccode FROM cow_codes) GROUP BY c ORDER BY c"""
    ).fetchall()
    for code, line in missing:
        result.warn(f"COW code {code} (line {line}) is not in comity/data/align/cow_iso3.tsv")
    result.rows = con.execute("SELECT count(DISTINCT ccode) FROM stage_states").fetchall()[0][0]
    result.notes.append(f"{result.rows} COW state codes checked, {len(missing)} missing from the code table")
    return result


def import_majors(con, path: Path) -> ImportResult:
    """cow_majors.csv (ccode, styear, endyear, ...) -> major_powers, replacing what was there."""
    started = time.perf_counter()
    result, sha = begin(con, "cow_majors", path)
    if sha is None or not check_header(path, ("ccode", "styear", "endyear"), result):
        return result
    with transaction(con):
        stage_csv(con, path, "stage_majors", result)
        _cow_codes_table(con)
        con.execute("DELETE FROM major_powers")
        con.execute(
            """INSERT INTO major_powers
               SELECT TRY_CAST(s.ccode AS INTEGER), c.iso3, TRY_CAST(styear AS INTEGER), TRY_CAST(endyear AS INTEGER)
               FROM stage_majors s LEFT JOIN cow_codes c ON c.ccode = TRY_CAST(s.ccode AS INTEGER)
               WHERE TRY_CAST(s.ccode AS INTEGER) IS NOT NULL"""
        )
        result.rows = con.execute("SELECT count(*) FROM major_powers").fetchall()[0][0]
        finish(con, result, sha, path, started)
    return result
