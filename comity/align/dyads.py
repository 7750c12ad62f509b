"""Dyad event series: counts by QuadClass and Goldstein mean/sum per period, from comity's own coded
events (the store's `events` table) or imported GDELT / ICEWS rows (`external_events`)."""
from __future__ import annotations

from comity.align.schema import table_exists

SOURCES = ("coded", "gdelt", "icews")
PERIODS = ("day", "week", "month", "year")
DIRECTIONS = ("both", "either", "a-b", "b-a")
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def _source_sql(con, source: str) -> str | None:
    """SELECT source, actor a, actor b, date, quad_class, goldstein for one source; None when absent."""
    if source == "coded":
        if not table_exists(con, "events"):
            return None
        return """SELECT 'coded' AS source, coalesce(source_country, source_code) AS s,
                         coalesce(target_country, target_code) AS t, date, quad_class, goldstein FROM events"""
    if not table_exists(con, "external_events"):
        return None
    datasets = "('gdelt1', 'gdelt2')" if source == "gdelt" else "('icews')"
    return f"""SELECT dataset AS source, source_code AS s, target_code AS t, date, quad_class, goldstein
               FROM external_events WHERE dataset IN {datasets}"""


def dyad_series(con, a: str, b: str, source: str = "all", by: str = "month", direction: str = "both",
                start: str | None = None, end: str | None = None) -> list[dict]:
    """Rows {period, source, direction, n, verbal_coop, material_coop, verbal_conflict, material_conflict,
    goldstein_mean, goldstein_sum}, ordered by period.

    direction: 'both' (a->b and b->a as separate rows), 'either' (pooled), 'a-b' or 'b-a' (one way).
    source: 'coded', 'gdelt', 'icews' or 'all' (each source keeps its own rows).
    """
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    wanted = SOURCES if source == "all" else (source,)
    if any(s not in SOURCES for s in wanted):
        raise ValueError(f"--source must be one of {', '.join(SOURCES)} or all, not {source!r}")
    parts = [sql for sql in (_source_sql(con, s) for s in wanted) if sql]
    if not parts:
        raise LookupError(f"no {source} events in this database (import GDELT/ICEWS files or ingest documents first)")
    union = " UNION ALL ".join(parts)
    pair = {"a-b": "(s = $a AND t = $b)", "b-a": "(s = $b AND t = $a)"}.get(direction, "((s = $a AND t = $b) OR (s = $b AND t = $a))")
    label = "$a || '+' || $b" if direction == "either" else "s || '->' || t"
    where = [pair, "date IS NOT NULL"]
    params = {"a": a, "b": b}
    if start:
        where.append("date >= $start::DATE")
        params["start"] = start
    if end:
        where.append("date <= $end::DATE")
        params["end"] = end
    quad_counts = ", ".join(f"count(*) FILTER (WHERE quad_class = {i + 1}) AS {name}" for i, name in enumerate(QUADS))
    rows = con.execute(
        f"""SELECT date_trunc('{by}', date)::DATE AS period, source, {label} AS direction, count(*) AS n, {quad_counts},
                   round(avg(goldstein), 3) AS goldstein_mean, round(sum(goldstein), 3) AS goldstein_sum
            FROM ({union}) WHERE {' AND '.join(where)}
            GROUP BY ALL ORDER BY period, source, direction""",
        params,
    ).fetchall()
    names = ("period", "source", "direction", "n", *QUADS, "goldstein_mean", "goldstein_sum")
    return [dict(zip(names, (row[0].isoformat(), *row[1:]))) for row in rows]
