"""UN voting alignment read from the store: one country against others, its most and least aligned
partners, and the all-dyads table. The arithmetic is in comity.align.measures."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from comity.align.measures import CODE, alignment_matrix, matrix_records
from comity.align.schema import table_exists


@dataclass(frozen=True)
class VoteScope:
    """Which roll calls count: a session range or a year range (inclusive), optionally one issue."""

    sessions: tuple[int, int] | None = None
    years: tuple[int, int] | None = None
    issue: str | None = None

    def describe(self) -> str:
        parts = []
        if self.sessions:
            parts.append(f"sessions {self.sessions[0]}-{self.sessions[1]}")
        if self.years:
            parts.append(f"years {self.years[0]}-{self.years[1]}")
        if self.issue:
            parts.append(f"issue {self.issue!r}")
        return ", ".join(parts) or "all roll calls"


def parse_range(text: str | None, what: str = "range") -> tuple[int, int] | None:
    """'70-74' -> (70, 74); '2019' -> (2019, 2019); None/'' -> None."""
    if text is None or not str(text).strip():
        return None
    match = re.fullmatch(r"\s*(\d+)\s*(?:[-:]|\.\.)\s*(\d+)\s*|\s*(\d+)\s*", str(text))
    if not match:
        raise ValueError(f"bad {what} {text!r}: write FIRST-LAST, e.g. 70-74, or one number")
    first, last = (int(match.group(1)), int(match.group(2))) if match.group(1) else (int(match.group(3)),) * 2
    if first > last:
        raise ValueError(f"bad {what} {text!r}: {first} comes after {last}")
    return first, last


def require_votes(con) -> None:
    if not table_exists(con, "un_votes") or not con.execute("SELECT count(*) FROM un_votes").fetchall()[0][0]:
        raise LookupError("no UN votes in this database; run `comity import unvotes DIR --db FILE` first")


def coverage(con) -> str:
    """'the votes cover sessions 1-74 (1946-2019)'."""
    row = con.execute(
        "SELECT min(session), max(session), min(year), max(year) FROM un_roll_calls WHERE rcid IN (SELECT rcid FROM un_votes)"
    ).fetchall()[0]
    if row[0] is None:
        return "no imported roll call has votes"
    return f"the votes cover sessions {row[0]}-{row[1]} ({row[2]}-{row[3]})"


def issue_names(con) -> list[str]:
    if not table_exists(con, "un_issues"):
        return []
    return [row[0] for row in con.execute("SELECT DISTINCT issue FROM un_issues ORDER BY 1").fetchall()]


def resolve_issue(con, issue: str) -> str:
    """An issue name, a prefix of one or its short code ('me', 'nu', ...) -> the name in the data."""
    names = issue_names(con)
    wanted = issue.strip().lower()
    for name in names:
        if name.lower() == wanted:
            return name
    short = con.execute(
        "SELECT DISTINCT issue FROM un_issues WHERE lower(short_name) = ?", [wanted]
    ).fetchall() if names else []
    if len(short) == 1:
        return short[0][0]
    matches = [name for name in names if name.lower().startswith(wanted) or wanted in name.lower()]
    if len(matches) == 1:
        return matches[0]
    listed = "; ".join(names) or "none imported"
    raise ValueError(f"issue {issue!r} matches {len(matches) or 'no'} issues; the issues are: {listed}")


def scope_sql(con, scope: VoteScope) -> tuple[str, list]:
    """WHERE clause over un_votes v joined to un_roll_calls r, and its parameters."""
    clauses, params = ["TRUE"], []
    if scope.sessions:
        clauses.append("r.session BETWEEN ? AND ?")
        params.extend(scope.sessions)
    if scope.years:
        clauses.append("r.year BETWEEN ? AND ?")
        params.extend(scope.years)
    if scope.issue:
        clauses.append("v.rcid IN (SELECT rcid FROM un_issues WHERE issue = ?)")
        params.append(resolve_issue(con, scope.issue))
    return " AND ".join(clauses), params


def vote_codes(con, scope: VoteScope, countries: list[str] | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(countries, roll-call ids, codes matrix countries x roll calls: 0 none, 1 yes, 2 abstain, 3 no)."""
    require_votes(con)
    where, params = scope_sql(con, scope)
    if countries:
        where += f" AND v.country IN ({', '.join('?' for _ in countries)})"
        params = params + list(countries)
    data = con.execute(
        f"""SELECT v.country, v.rcid, CASE v.vote WHEN 'yes' THEN {CODE['yes']} WHEN 'abstain' THEN {CODE['abstain']}
                   ELSE {CODE['no']} END::TINYINT AS code
            FROM un_votes v JOIN un_roll_calls r USING (rcid) WHERE {where}""",
        params,
    ).fetchnumpy()
    if not len(data["country"]) and not countries:
        raise LookupError(f"no UN votes in {scope.describe()}; {coverage(con)}")
    names, country_index = np.unique(data["country"].astype(str), return_inverse=True) if len(data["country"]) else (np.array([]), np.array([], dtype=int))
    rcids, rc_index = np.unique(np.asarray(data["rcid"]), return_inverse=True) if len(data["rcid"]) else (np.array([]), np.array([], dtype=int))
    codes = np.zeros((len(names), len(rcids)), dtype=np.int8)
    codes[country_index, rc_index] = np.asarray(data["code"])
    order = [str(name) for name in names]
    if countries:  # keep the caller's order for the countries that have votes
        present = [c for c in countries if c in order]
        rows = [order.index(c) for c in present]
        return present, rcids, codes[rows]
    return order, rcids, codes


def dyad_alignment(con, a: str, others: list[str], scope: VoteScope) -> list[dict]:
    """{a, b, agree, s_score, kappa, n} for `a` against each of `others` (n = 0 when they never both voted)."""
    countries, _, codes = vote_codes(con, scope, [a, *[o for o in others if o != a]])
    if a not in countries:
        raise LookupError(f"{a} cast no vote in {scope.describe()}; {coverage(con)}")
    result = alignment_matrix(codes)
    by_pair = {(r["a"], r["b"]): r for r in matrix_records(countries, result, min_n=0)}
    return [by_pair.get((a, b), {"a": a, "b": b, "agree": None, "s_score": None, "kappa": None, "n": 0})
            for b in others if b != a]


def all_dyads(con, scope: VoteScope, min_n: int = 1) -> list[dict]:
    """Every ordered pair of countries that voted together on at least `min_n` roll calls in scope."""
    countries, _, codes = vote_codes(con, scope)
    return matrix_records(countries, alignment_matrix(codes), min_n=min_n)


def ranked_partners(con, a: str, scope: VoteScope, top: int = 10, measure: str = "agree",
                    min_share: float = 0.5) -> dict[str, list[dict]]:
    """`a`'s most and least aligned partners by `measure`, among those voting on at least `min_share`
    of the roll calls `a` voted on (so short-lived members do not top the list on a handful of votes)."""
    if measure not in ("agree", "s_score", "kappa"):
        raise ValueError(f"measure must be agree, s_score or kappa, not {measure!r}")
    countries, _, codes = vote_codes(con, scope)
    if a not in countries:
        raise LookupError(f"{a} cast no vote in {scope.describe()}; {coverage(con)}")
    result = alignment_matrix(codes)
    i = countries.index(a)
    floor = max(1, int(min_share * result["n"][i, i]))
    records = [r for r in matrix_records(countries, result, min_n=floor) if r["a"] == a and r[measure] is not None]
    records.sort(key=lambda r: (-r[measure], r["b"]))
    return {"most": records[:top], "least": list(reversed(records[-top:])) if records else []}
