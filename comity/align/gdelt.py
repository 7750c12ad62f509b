"""Import GDELT event exports: 1.0 (57 columns, or 58 with SOURCEURL) and 2.0 (61 columns), no header.

The layout is read per line from its column count (comity/data/align/gdelt_columns.tsv gives the
positions); lines with any other count are named and skipped. Files may be .zip (as GDELT ships them)
or .gz. Actor country codes are CAMEO codes:
ISO3, a few older codes and region codes (comity/data/align/cameo_countries.tsv).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from comity.align.codes import cameo_country_to_iso3, gdelt_layout
from comity.align.external import code_table, import_files, warn_unknown_codes
from comity.align.imports import ImportResult, report_invalid

LEDGER = "gdelt"
COLUMN_COUNTS = {57: "gdelt1", 58: "gdelt1", 61: "gdelt2"}


def import_gdelt(con, paths: Iterable[Path | str], progress=None) -> list[ImportResult]:
    """Import GDELT event files into external_events (dataset 'gdelt1' or 'gdelt2' per row)."""
    return import_files(con, paths, LEDGER, _build, "GDELT", progress)


def _field(layout: str, name: str) -> int:
    return gdelt_layout()[layout][name]


def _build(con, result: ImportResult) -> bool:
    counts = ", ".join(str(n) for n in COLUMN_COUNTS)
    report_invalid(con, result, "stage_fields", f"len(f) NOT IN ({counts})",
                   f"lines without {counts.replace(', 61', ' or 61')} tab-separated columns skipped")
    layouts = con.execute(
        f"SELECT count(*) FILTER (WHERE len(f) IN ({counts})) FROM stage_fields"
    ).fetchall()[0][0]
    if not layouts:
        raise ValueError(f"no line has a GDELT layout ({counts} tab-separated columns); is this a GDELT events file?")
    g1, g2 = gdelt_layout()["gdelt1"], gdelt_layout()["gdelt2"]
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE gdelt_rows AS
            SELECT lineno, f, CASE WHEN len(f) = 61 THEN 'gdelt2' ELSE 'gdelt1' END AS dataset,
                   CASE len(f) WHEN 58 THEN f[{g1['SOURCEURL']}] WHEN 61 THEN f[{g2['SOURCEURL']}] END AS url
            FROM stage_fields WHERE len(f) IN ({counts})"""
    )
    # columns 1-35 have the same positions in both layouts
    col = {name: g1[name] for name in g1 if g1[name] <= 35}
    report_invalid(con, result, "gdelt_rows", f"TRY_CAST(f[{col['GLOBALEVENTID']}] AS BIGINT) IS NULL",
                   "lines whose GLOBALEVENTID is not a number skipped (a header line?)")
    con.execute(f"DELETE FROM gdelt_rows WHERE TRY_CAST(f[{col['GLOBALEVENTID']}] AS BIGINT) IS NULL")
    if not con.execute("SELECT count(*) FROM gdelt_rows").fetchall()[0][0]:
        raise ValueError("no GDELT event line left (every GLOBALEVENTID is missing or not a number)")
    report_invalid(con, result, "gdelt_rows", f"try_strptime(f[{col['SQLDATE']}], '%Y%m%d') IS NULL",
                   "lines with a SQLDATE that is not YYYYMMDD kept with a NULL date")
    raw_codes = con.execute(
        f"SELECT DISTINCT c FROM (SELECT f[{col['Actor1CountryCode']}] AS c FROM gdelt_rows UNION SELECT f[{col['Actor2CountryCode']}] FROM gdelt_rows) WHERE trim(c) <> ''"
    ).fetchall()
    mapped = []
    for (raw,) in raw_codes:
        iso3, kind = cameo_country_to_iso3(raw)
        mapped.append((raw, iso3 if kind == "country" else (raw.strip().upper() if kind == "region" else None)))
    code_table(con, "gdelt_codes", mapped)
    warn_unknown_codes(
        con, result,
        f"""SELECT c AS raw, lineno FROM (SELECT lineno, f[{col['Actor1CountryCode']}] AS c FROM gdelt_rows
                UNION ALL SELECT lineno, f[{col['Actor2CountryCode']}] FROM gdelt_rows)
            WHERE trim(c) <> '' AND c IN (SELECT raw FROM gdelt_codes WHERE mapped IS NULL)""",
        "CAMEO country code", "add it to comity/data/align/cameo_countries.tsv",
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE clean_events AS
            SELECT r.dataset, trim(f[{col['GLOBALEVENTID']}]) AS event_id,
                   try_strptime(f[{col['SQLDATE']}], '%Y%m%d')::DATE AS date,
                   s.mapped AS source_code, nullif(f[{col['Actor1CountryCode']}], '') AS source_raw,
                   nullif(f[{col['Actor1Name']}], '') AS source_actor, nullif(f[{col['Actor1Type1Code']}], '') AS source_sector,
                   t.mapped AS target_code, nullif(f[{col['Actor2CountryCode']}], '') AS target_raw,
                   nullif(f[{col['Actor2Name']}], '') AS target_actor, nullif(f[{col['Actor2Type1Code']}], '') AS target_sector,
                   nullif(f[{col['EventCode']}], '') AS cameo_code, nullif(f[{col['EventRootCode']}], '') AS root,
                   TRY_CAST(f[{col['QuadClass']}] AS TINYINT) AS quad_class,
                   TRY_CAST(f[{col['GoldsteinScale']}] AS DOUBLE) AS goldstein,
                   TRY_CAST(f[{col['NumMentions']}] AS INTEGER) AS mentions, TRY_CAST(f[{col['AvgTone']}] AS DOUBLE) AS tone,
                   nullif(r.url, '') AS url, r.lineno AS line
            FROM gdelt_rows r
            LEFT JOIN gdelt_codes s ON s.raw = f[{col['Actor1CountryCode']}]
            LEFT JOIN gdelt_codes t ON t.raw = f[{col['Actor2CountryCode']}]
            WHERE trim(f[{col['GLOBALEVENTID']}]) <> ''"""
    )
    return True
