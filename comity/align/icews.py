"""Import ICEWS coded-event files: 20 tab-separated columns (Event ID, Event Date, Source Name, Source
Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country,
Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude), with or
without the header line. Country names become ISO3 (pycountry + comity/data/align/country_aliases.tsv);
Intensity is ICEWS's Goldstein value; QuadClass comes from the CAMEO root (cameo_quad.tsv).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from comity.align.codes import cameo_root_quad, name_to_iso3
from comity.align.external import code_table, import_files, warn_unknown_codes
from comity.align.imports import ImportResult, report_invalid

DATASET = "icews"
N_COLUMNS = 20
COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
           "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
           "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")
F = {name: i + 1 for i, name in enumerate(COLUMNS)}  # 1-based, as DuckDB lists index


def import_icews(con, paths: Iterable[Path | str], progress=None) -> list[ImportResult]:
    """Import ICEWS event files into external_events (dataset 'icews')."""
    return import_files(con, paths, DATASET, _build, "ICEWS", progress)


def _build(con, result: ImportResult) -> bool:
    con.execute("DELETE FROM stage_fields WHERE lineno = 1 AND f[1] = 'Event ID'")
    report_invalid(con, result, "stage_fields", f"len(f) <> {N_COLUMNS}", f"lines without {N_COLUMNS} tab-separated columns skipped")
    if not con.execute(f"SELECT count(*) FROM stage_fields WHERE len(f) = {N_COLUMNS}").fetchall()[0][0]:
        raise ValueError(f"no line has the ICEWS layout ({N_COLUMNS} tab-separated columns); is this an ICEWS events file?")
    con.execute(f"CREATE OR REPLACE TEMP TABLE icews_rows AS SELECT lineno, f FROM stage_fields WHERE len(f) = {N_COLUMNS}")
    report_invalid(con, result, "icews_rows", f"TRY_CAST(f[{F['Event Date']}] AS DATE) IS NULL",
                   "lines with an Event Date that is not YYYY-MM-DD kept with a NULL date")
    report_invalid(con, result, "icews_rows", f"trim(f[{F['Event ID']}]) = ''", "lines without an Event ID skipped")
    names = con.execute(
        f"""SELECT DISTINCT c FROM (SELECT f[{F['Source Country']}] AS c FROM icews_rows
            UNION SELECT f[{F['Target Country']}] FROM icews_rows) WHERE trim(c) NOT IN ('', 'NA')"""
    ).fetchall()
    code_table(con, "icews_codes", [(name, name_to_iso3(name)) for (name,) in names])
    warn_unknown_codes(
        con, result,
        f"""SELECT c AS raw, lineno FROM (SELECT lineno, f[{F['Source Country']}] AS c FROM icews_rows
                UNION ALL SELECT lineno, f[{F['Target Country']}] FROM icews_rows)
            WHERE c IN (SELECT raw FROM icews_codes WHERE mapped IS NULL)""",
        "country name", "add it to comity/data/align/country_aliases.tsv",
    )
    code_table(con, "quad_codes", [(root, str(quad)) for root, quad in cameo_root_quad().items()])
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE clean_events AS
            SELECT 'icews' AS dataset, trim(f[{F['Event ID']}]) AS event_id, TRY_CAST(f[{F['Event Date']}] AS DATE) AS date,
                   s.mapped AS source_code, nullif(nullif(f[{F['Source Country']}], ''), 'NA') AS source_raw,
                   nullif(nullif(f[{F['Source Name']}], ''), 'NA') AS source_actor, nullif(nullif(f[{F['Source Sectors']}], ''), 'NA') AS source_sector,
                   t.mapped AS target_code, nullif(nullif(f[{F['Target Country']}], ''), 'NA') AS target_raw,
                   nullif(nullif(f[{F['Target Name']}], ''), 'NA') AS target_actor, nullif(nullif(f[{F['Target Sectors']}], ''), 'NA') AS target_sector,
                   nullif(f[{F['CAMEO Code']}], '') AS cameo_code, left(f[{F['CAMEO Code']}], 2) AS root,
                   TRY_CAST(q.mapped AS TINYINT) AS quad_class, TRY_CAST(f[{F['Intensity']}] AS DOUBLE) AS goldstein,
                   NULL::INTEGER AS mentions, NULL::DOUBLE AS tone, NULL AS url, r.lineno AS line
            FROM icews_rows r
            LEFT JOIN icews_codes s ON s.raw = f[{F['Source Country']}]
            LEFT JOIN icews_codes t ON t.raw = f[{F['Target Country']}]
            LEFT JOIN quad_codes q ON q.raw = left(f[{F['CAMEO Code']}], 2)
            WHERE trim(f[{F['Event ID']}]) <> ''"""
    )
    return True
