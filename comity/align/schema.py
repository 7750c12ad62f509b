"""Tables the alignment imports write into the store's DuckDB file (created when missing)."""
from __future__ import annotations

TABLES = (
    """CREATE TABLE IF NOT EXISTS imports (
        dataset VARCHAR NOT NULL, path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, rows BIGINT,
        imported_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (dataset, sha256))""",
    """CREATE TABLE IF NOT EXISTS un_roll_calls (
        rcid BIGINT PRIMARY KEY, session INTEGER, year INTEGER, date DATE, important BOOLEAN,
        unres VARCHAR, amend BOOLEAN, para BOOLEAN, short VARCHAR, descr VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS un_votes (
        rcid BIGINT NOT NULL, country VARCHAR NOT NULL, country_name VARCHAR, code2 VARCHAR,
        vote VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS un_issues (rcid BIGINT NOT NULL, short_name VARCHAR, issue VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS alliances (
        ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, a VARCHAR, b VARCHAR, year INTEGER NOT NULL,
        defense TINYINT, offense TINYINT, neutral TINYINT, nonagg TINYINT, consul TINYINT,
        PRIMARY KEY (ccode1, ccode2, year))""",
    """CREATE TABLE IF NOT EXISTS major_powers (
        ccode INTEGER NOT NULL, country VARCHAR, start_year INTEGER, end_year INTEGER)""",
    """CREATE TABLE IF NOT EXISTS external_events (
        dataset VARCHAR NOT NULL, event_id VARCHAR NOT NULL, date DATE,
        source_code VARCHAR, source_raw VARCHAR, source_actor VARCHAR, source_sector VARCHAR,
        target_code VARCHAR, target_raw VARCHAR, target_actor VARCHAR, target_sector VARCHAR,
        cameo_code VARCHAR, root VARCHAR, quad_class TINYINT, goldstein DOUBLE,
        plover_event VARCHAR, plover_mode VARCHAR, mentions INTEGER, tone DOUBLE, url VARCHAR,
        file_sha256 VARCHAR, line BIGINT, PRIMARY KEY (dataset, event_id))""",
)


def ensure_schema(con) -> None:
    """Create the alignment tables when they are missing (safe to call every time)."""
    for statement in TABLES:
        con.execute(statement)


def table_exists(con, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchall()[0]
    return bool(row and row[0])
