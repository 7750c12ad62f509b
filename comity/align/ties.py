"""Alliance ties per dyad-year (ATOP) and COW major-power status, read from the store."""
from __future__ import annotations

from comity.align.atop import TIES
from comity.align.schema import table_exists


def require_alliances(con) -> None:
    if not table_exists(con, "alliances") or not con.execute("SELECT count(*) FROM alliances").fetchall()[0][0]:
        raise LookupError("no ATOP alliances in this database; run `comity import atop FILE --db FILE` first")


def alliance_years(con) -> tuple[int, int] | None:
    if not table_exists(con, "alliances"):
        return None
    first, last = con.execute("SELECT min(year), max(year) FROM alliances").fetchall()[0]
    return None if first is None else (first, last)


def alliance_ties(con, a: str, b: str, years: tuple[int, int] | None = None) -> list[dict]:
    """One record per year in which `a` and `b` had any ATOP tie, in either direction:
    {a, b, year, defense, offense, neutral, nonagg, consul} with 1 where either state holds the obligation."""
    require_alliances(con)
    where, params = "((a = ? AND b = ?) OR (a = ? AND b = ?))", [a, b, b, a]
    if years:
        where += " AND year BETWEEN ? AND ?"
        params.extend(years)
    rows = con.execute(
        f"""SELECT year, {', '.join(f'max(coalesce({t}, 0))::INTEGER' for t in TIES)}
            FROM alliances WHERE {where} GROUP BY year ORDER BY year""",
        params,
    ).fetchall()
    return [{"a": a, "b": b, "year": row[0], **dict(zip(TIES, row[1:]))} for row in rows]


def ties_summary(con, a: str, b: str, years: tuple[int, int]) -> dict:
    """Which ties `a` and `b` had in any year of the range: {tie: 0/1} plus 'any' and 'years_with_tie'."""
    rows = alliance_ties(con, a, b, years)
    summary = {tie: int(any(row[tie] for row in rows)) for tie in TIES}
    summary["any"] = int(any(summary.values()))
    summary["years_with_tie"] = sum(1 for row in rows if any(row[t] for t in TIES))
    return summary


def is_major_power(con, code: str, year: int) -> bool | None:
    """COW major-power status in `year`; None when no major-power list was imported."""
    if not table_exists(con, "major_powers") or not con.execute("SELECT count(*) FROM major_powers").fetchall()[0][0]:
        return None
    row = con.execute(
        "SELECT count(*) FROM major_powers WHERE country = ? AND ? BETWEEN start_year AND end_year", [code, year]
    ).fetchall()[0]
    return bool(row[0])


def major_power_years(con) -> tuple[int, int] | None:
    if not table_exists(con, "major_powers"):
        return None
    first, last = con.execute("SELECT min(start_year), max(end_year) FROM major_powers").fetchall()[0]
    return None if first is None else (first, last)
