"""Import UN General Assembly roll-call votes (the unvotes CSV layout) into DuckDB.

DIR holds un_roll_calls.csv (rcid, session, importantvote, date, unres, amend, para, short, descr),
un_votes.csv (rcid, country, country_code [ISO2], vote) and un_roll_call_issues.csv (rcid, short_name,
issue). Countries become ISO3 (pycountry, plus comity/data/align/unvotes_codes.tsv for the odd codes).
"""
from __future__ import annotations

import csv
import time
from pathlib import Path

from comity.align.codes import iso2_to_iso3, unvotes_overrides
from comity.align.imports import ImportResult, Steps, begin, count_lines_text, counted, finish, report_invalid, transaction

DATASET = "unvotes"
FILES = {
    "roll_calls": ("un_roll_calls.csv", ("rcid", "session", "date")),
    "votes": ("un_votes.csv", ("rcid", "country", "country_code", "vote")),
    "issues": ("un_roll_call_issues.csv", ("rcid", "issue")),
}
VOTES = ("yes", "no", "abstain")


def header_columns(path: Path) -> list[str]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return [name.strip().lower() for name in next(csv.reader(handle), [])]


def stage_csv(con, path: Path, stage: str, result: ImportResult) -> None:
    """CSV with a header -> temp table of VARCHAR columns plus lineno; malformed lines become warnings."""
    con.execute("DROP TABLE IF EXISTS align_rejects")
    con.execute("DROP TABLE IF EXISTS align_rejects_scan")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {stage} AS
            SELECT row_number() OVER () + 1 AS lineno, *
            FROM read_csv(?, header = true, all_varchar = true, nullstr = '', ignore_errors = true,
                          store_rejects = true, rejects_table = 'align_rejects', rejects_scan = 'align_rejects_scan')""",
        [str(path)],
    )
    rejects = con.execute(
        "SELECT count(*), list(line ORDER BY line)[1:5], first(error_message) FROM align_rejects"
    ).fetchall()[0]
    if rejects[0]:
        result.warn(f"{counted(rejects[0], 'malformed rows')} skipped ({count_lines_text(rejects[0], rejects[1])}): {rejects[2]}")


def check_header(path: Path, required: tuple[str, ...], result: ImportResult) -> bool:
    missing = [name for name in required if name not in header_columns(path)]
    if missing:
        result.error = f"not the unvotes layout: header lacks {', '.join(missing)}"
        return False
    return True


def import_unvotes(con, directory: Path | str, progress=None) -> list[ImportResult]:
    """Import the three unvotes CSVs from `directory`; each file is skipped when already imported."""
    directory = Path(directory)
    steps = Steps(progress, f"UN votes from {directory}", total=3)
    results = []
    for kind, loader in (("roll_calls", _load_roll_calls), ("votes", _load_votes), ("issues", _load_issues)):
        name, required = FILES[kind]
        path = directory / name
        started = time.perf_counter()
        result, sha = begin(con, DATASET, path)
        if sha is not None and check_header(path, required, result):
            with transaction(con):
                loader(con, path, result)
                finish(con, result, sha, path, started)
        results.append(result)
        steps.advance(f"UN votes: {name}")
    return results


def _load_roll_calls(con, path: Path, result: ImportResult) -> None:
    stage_csv(con, path, "stage_rc", result)
    report_invalid(con, result, "stage_rc", "TRY_CAST(rcid AS BIGINT) IS NULL", "rows without a numeric rcid skipped")
    report_invalid(
        con, result, "stage_rc",
        "TRY_CAST(rcid AS BIGINT) IS NOT NULL AND (TRY_CAST(session AS INTEGER) IS NULL OR TRY_CAST(date AS DATE) IS NULL)",
        "rows with a bad session or date kept with NULLs",
    )
    columns = set(header_columns(path))
    optional = {name: (name if name in columns else "NULL") for name in ("importantvote", "unres", "amend", "para", "short", "descr")}
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE clean_rc AS
            SELECT DISTINCT ON (rcid) TRY_CAST(rcid AS BIGINT) AS rcid, TRY_CAST(session AS INTEGER) AS session,
                   year(TRY_CAST(date AS DATE)) AS year, TRY_CAST(date AS DATE) AS date,
                   TRY_CAST({optional['importantvote']} AS INTEGER) = 1 AS important, {optional['unres']} AS unres,
                   TRY_CAST({optional['amend']} AS INTEGER) = 1 AS amend, TRY_CAST({optional['para']} AS INTEGER) = 1 AS para,
                   {optional['short']} AS short, {optional['descr']} AS descr
            FROM stage_rc WHERE TRY_CAST(rcid AS BIGINT) IS NOT NULL ORDER BY rcid, lineno"""
    )
    con.execute("DELETE FROM un_roll_calls WHERE rcid IN (SELECT rcid FROM clean_rc)")
    con.execute("INSERT INTO un_roll_calls SELECT * FROM clean_rc")
    result.rows = con.execute("SELECT count(*) FROM clean_rc").fetchall()[0][0]


def country_map(pairs: list[tuple[str | None, str | None]]) -> list[tuple[str | None, str | None, str | None]]:
    """(code, name) pairs as written in un_votes.csv -> (code, name, ISO3 or None)."""
    overrides = unvotes_overrides()
    mapped = []
    for code, name in pairs:
        iso3 = overrides.get((code or "", name or ""))
        if iso3 is None and code:
            iso3 = iso2_to_iso3(code)
        mapped.append((code, name, iso3))
    return mapped


def _load_votes(con, path: Path, result: ImportResult) -> None:
    stage_csv(con, path, "stage_votes", result)
    pairs = con.execute("SELECT DISTINCT country_code, country FROM stage_votes").fetchall()
    con.execute("CREATE OR REPLACE TEMP TABLE vote_codes (code VARCHAR, name VARCHAR, iso3 VARCHAR)")
    con.executemany("INSERT INTO vote_codes VALUES (?, ?, ?)", country_map(pairs))
    con.execute(
        """CREATE OR REPLACE TEMP TABLE joined_votes AS
           SELECT s.lineno, TRY_CAST(s.rcid AS BIGINT) AS rcid, m.iso3, s.country, s.country_code,
                  lower(trim(s.vote)) AS vote
           FROM stage_votes s LEFT JOIN vote_codes m
             ON m.code IS NOT DISTINCT FROM s.country_code AND m.name IS NOT DISTINCT FROM s.country"""
    )
    unknown = con.execute(
        """SELECT coalesce(country_code, '?') || ' ' || coalesce(country, '?'), count(*), min(lineno)
           FROM joined_votes WHERE iso3 IS NULL GROUP BY ALL ORDER BY 2 DESC"""
    ).fetchall()
    for label, count, first in unknown:
        result.warn(f"unknown country code {label!r} on {counted(count, 'rows')} (first at line {first}); rows skipped — add it to comity/data/align/unvotes_codes.tsv")
    report_invalid(con, result, "joined_votes", "rcid IS NULL", "rows without a numeric rcid skipped")
    report_invalid(con, result, "joined_votes", f"vote NOT IN {VOTES} OR vote IS NULL", "rows with a vote other than yes/no/abstain skipped")
    valid = f"rcid IS NOT NULL AND iso3 IS NOT NULL AND vote IN {VOTES}"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE ranked_votes AS
            SELECT lineno, rcid, iso3 AS country, country AS country_name, country_code AS code2, vote,
                   row_number() OVER (PARTITION BY rcid, iso3 ORDER BY lineno) AS k
            FROM joined_votes WHERE {valid}"""
    )
    duplicates = con.execute("SELECT count(*), list(lineno ORDER BY lineno)[1:5] FROM ranked_votes WHERE k > 1").fetchall()[0]
    if duplicates[0]:
        result.warn(f"{counted(duplicates[0], 'repeated (roll call, country) rows skipped')}, the first kept ({count_lines_text(duplicates[0], duplicates[1])})")
    con.execute(
        """CREATE OR REPLACE TEMP TABLE clean_votes AS
           SELECT rcid, country, country_name, code2, vote FROM ranked_votes WHERE k = 1"""
    )
    con.execute("DELETE FROM un_votes WHERE rcid IN (SELECT DISTINCT rcid FROM clean_votes)")
    con.execute("INSERT INTO un_votes SELECT * FROM clean_votes")
    result.rows = con.execute("SELECT count(*) FROM clean_votes").fetchall()[0][0]
    orphans = con.execute(
        "SELECT count(DISTINCT rcid) FROM clean_votes WHERE rcid NOT IN (SELECT rcid FROM un_roll_calls)"
    ).fetchall()[0][0]
    if orphans:
        result.warn(f"{orphans:,} roll calls have votes but no row in un_roll_calls.csv (no session or date for them)")


def _load_issues(con, path: Path, result: ImportResult) -> None:
    stage_csv(con, path, "stage_issues", result)
    report_invalid(con, result, "stage_issues", "TRY_CAST(rcid AS BIGINT) IS NULL OR issue IS NULL", "rows without a numeric rcid or an issue skipped")
    short = "short_name" if "short_name" in header_columns(path) else "NULL"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE clean_issues AS
            SELECT DISTINCT TRY_CAST(rcid AS BIGINT) AS rcid, {short} AS short_name, trim(issue) AS issue
            FROM stage_issues WHERE TRY_CAST(rcid AS BIGINT) IS NOT NULL AND issue IS NOT NULL"""
    )
    con.execute("DELETE FROM un_issues WHERE rcid IN (SELECT rcid FROM clean_issues)")
    con.execute("INSERT INTO un_issues SELECT * FROM clean_issues")
    result.rows = con.execute("SELECT count(*) FROM clean_issues").fetchall()[0][0]
