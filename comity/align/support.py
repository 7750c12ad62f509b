"""Support vs alignment: did third parties back the side they were already aligned with?

Takes a crisis-reactions report in the JSON contract of comity.reactions
(`{"parties": [A, B, ...], "crisis": {"start": ...} | None, "actors": [{"actor", "stance", ...}]}`),
scores each third party's stance (pro-A = 1, neutral = 0, pro-B = -1; no stance = left out), sets it
beside its alignment with each party before the crisis (UN agreement, ATOP ties, COW major power), and
tests the association with a Spearman rank correlation and a permutation p-value.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from comity.align.alignment import VoteScope, vote_codes
from comity.align.atop import TIES
from comity.align.measures import alignment_matrix
from comity.align.schema import table_exists
from comity.align.ties import alliance_years, is_major_power, major_power_years, ties_summary

PERMUTATIONS = 10_000
SEED = 20250507
WINDOW = 5  # years before the crisis used when no years are given


def stance_score(stance: str | None, a: str, b: str) -> float | None:
    """pro-A -> 1, neutral -> 0, pro-B -> -1; None for no stance or a stance toward someone else."""
    if stance is None:
        return None
    value = stance.strip().lower()
    if value == "neutral":
        return 0.0
    if value in (f"pro-{a.lower()}", "pro-a"):
        return 1.0
    if value in (f"pro-{b.lower()}", "pro-b"):
        return -1.0
    return None


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties sharing their mean rank."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values), dtype=np.float64)
    sorted_values = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman(x, y) -> float | None:
    """Spearman's rho (Pearson correlation of average ranks); None when either side is constant or n < 3."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    if len(x) < 3:
        return None
    rx, ry = average_ranks(x), average_ranks(y)
    dx, dy = rx - rx.mean(), ry - ry.mean()
    denominator = np.sqrt((dx * dx).sum() * (dy * dy).sum())
    return None if denominator == 0 else float((dx * dy).sum() / denominator)


def permutation_p(x, y, permutations: int = PERMUTATIONS, seed: int = SEED) -> float | None:
    """Two-sided permutation p-value for Spearman's rho: (1 + #{|rho_perm| >= |rho|}) / (1 + permutations)."""
    observed = spearman(x, y)
    if observed is None:
        return None
    rng = np.random.default_rng(seed)
    rx = average_ranks(np.asarray(x, dtype=np.float64))
    ry = average_ranks(np.asarray(y, dtype=np.float64))
    rx = rx - rx.mean()
    ry = ry - ry.mean()
    scale = np.sqrt((rx * rx).sum() * (ry * ry).sum())
    shuffled = np.array([rng.permutation(ry) for _ in range(permutations)])
    rhos = shuffled @ rx / scale
    extreme = int(np.sum(np.abs(rhos) >= abs(observed) - 1e-12))
    return (extreme + 1) / (permutations + 1)


@dataclass
class SupportAnalysis:
    crisis: str | None
    parties: tuple[str, str]
    crisis_year: int | None
    vote_years: tuple[int, int] | None
    alliance_years: tuple[int, int] | None
    measure: str
    rows: list[dict]
    n: int
    rho: float | None
    p_value: float | None
    permutations: int
    seed: int
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "crisis": self.crisis, "parties": list(self.parties), "crisis_year": self.crisis_year,
            "vote_years": list(self.vote_years) if self.vote_years else None,
            "alliance_years": list(self.alliance_years) if self.alliance_years else None,
            "measure": self.measure, "n": self.n, "spearman_rho": self.rho, "p_value": self.p_value,
            "permutations": self.permutations, "seed": self.seed, "notes": list(self.notes), "rows": self.rows,
        }


def _un_years(con) -> tuple[int, int] | None:
    if not table_exists(con, "un_roll_calls"):
        return None
    first, last = con.execute(
        "SELECT min(year), max(year) FROM un_roll_calls WHERE rcid IN (SELECT DISTINCT rcid FROM un_votes)"
    ).fetchall()[0]
    return None if first is None else (first, last)


def _clip(years: tuple[int, int], coverage: tuple[int, int] | None, label: str, notes: list[str]) -> tuple[int, int] | None:
    """The part of `years` the data covers; when it falls short, the latest `span` years stand in."""
    if coverage is None:
        notes.append(f"no {label} in this database: that column is empty")
        return None
    first, last = years
    if first >= coverage[0] and last <= coverage[1]:
        return years
    span = last - first
    stand_in = (max(coverage[0], min(last, coverage[1]) - span), min(last, coverage[1]))
    notes.append(
        f"{label} run {coverage[0]}-{coverage[1]}: years {first}-{last} were asked for, "
        f"{stand_in[0]}-{stand_in[1]} stand in"
    )
    return stand_in


def support_vs_alignment(con, reactions: dict, years: tuple[int, int] | None = None, crisis_year: int | None = None,
                         measure: str = "agree", permutations: int = PERMUTATIONS, seed: int = SEED) -> SupportAnalysis:
    """Stances of third parties in a crisis against their pre-crisis alignment with the two parties.

    `years`: the UN-vote (and alliance) years to measure alignment over; default the WINDOW years before
    the crisis. `measure`: 'agree', 's_score' or 'kappa'.
    """
    if measure not in ("agree", "s_score", "kappa"):
        raise ValueError(f"measure must be agree, s_score or kappa, not {measure!r}")
    parties = [str(p).upper() for p in reactions.get("parties") or []]
    if len(parties) < 2:
        raise ValueError("the reactions report names fewer than two parties")
    a, b = parties[0], parties[1]
    notes: list[str] = []
    if len(parties) > 2:
        notes.append(f"{len(parties)} parties; alignment is measured against the first two ({a}, {b})")
    crisis = reactions.get("crisis") or {}
    if crisis_year is None and crisis.get("start"):
        crisis_year = int(str(crisis["start"])[:4])
    if years is None:
        if crisis_year is None:
            raise ValueError("give the years to measure alignment over, or a crisis with a start date")
        years = (crisis_year - WINDOW, crisis_year - 1)
    vote_years = _clip(years, _un_years(con), "UN votes", notes)
    ally_years = _clip(years, alliance_years(con), "ATOP alliances", notes)
    for label, coverage, used in (("UN votes", _un_years(con), vote_years), ("ATOP alliances", alliance_years(con), ally_years)):
        if crisis_year and coverage and used and coverage[1] < crisis_year:
            notes.append(f"the crisis is in {crisis_year} but the {label} end in {coverage[1]}: "
                         f"{used[0]}-{used[1]} stand in for the years before the crisis")
    power_year = min(years[1], (major_power_years(con) or (0, years[1]))[1])
    if major_power_years(con) and power_year < years[1]:
        notes.append(f"the COW major-power list ends in {power_year}; status in {power_year} stands in")

    actors, scores = [], []
    for entry in reactions.get("actors") or []:
        code = str(entry.get("actor", "")).upper()
        if not code or code in parties or entry.get("party"):
            continue
        score = stance_score(entry.get("stance"), a, b)
        if score is None:
            if entry.get("stance"):
                notes.append(f"{code}: stance {entry['stance']!r} is toward neither {a} nor {b}; left out")
            continue
        actors.append((code, entry.get("stance")))
        scores.append(score)
    no_stance = sum(1 for e in reactions.get("actors") or [] if not e.get("stance") and str(e.get("actor", "")).upper() not in parties)
    if no_stance:
        notes.append(f"{no_stance} actors without a stance (condemnation or condolences only) are left out")

    alignment: dict[str, dict] = {}
    if vote_years:
        countries, _, codes = vote_codes(con, VoteScope(years=vote_years), [a, b, *[c for c, _ in actors]])
        result = alignment_matrix(codes)
        index = {c: i for i, c in enumerate(countries)}
        for code, _ in actors:
            if code not in index:
                continue
            values = {}
            for party in (a, b):
                if party in index and result["n"][index[code], index[party]] > 0:
                    values[party] = (float(result[measure][index[code], index[party]]), int(result["n"][index[code], index[party]]))
            alignment[code] = values

    rows, xs, ys = [], [], []
    for (code, stance), score in zip(actors, scores):
        values = alignment.get(code, {})
        align_a = values.get(a, (None, 0))
        align_b = values.get(b, (None, 0))
        diff = None if align_a[0] is None or align_b[0] is None else align_a[0] - align_b[0]
        ties_a = ties_summary(con, code, a, ally_years) if ally_years else None
        ties_b = ties_summary(con, code, b, ally_years) if ally_years else None
        row = {
            "actor": code, "stance": stance, "stance_score": score,
            f"align_{a}": _round(align_a[0]), f"align_{b}": _round(align_b[0]), "align_diff": _round(diff),
            f"n_{a}": align_a[1], f"n_{b}": align_b[1],
            f"ally_{a}": _ties_text(ties_a), f"ally_{b}": _ties_text(ties_b),
            "major_power": is_major_power(con, code, power_year),
        }
        rows.append(row)
        if diff is None:
            span = f"{vote_years[0]}-{vote_years[1]}" if vote_years else "the chosen years"
            notes.append(f"{code}: no UN votes shared with both parties in {span}; left out of the test")
        else:
            xs.append(diff)
            ys.append(score)
    rho = spearman(xs, ys)
    p = permutation_p(xs, ys, permutations, seed) if rho is not None else None
    if rho is None:
        notes.append(f"n = {len(xs)}: too few actors, or no variation in stance or alignment, for a rank correlation")
    return SupportAnalysis(
        crisis=crisis.get("name"), parties=(a, b), crisis_year=crisis_year, vote_years=vote_years,
        alliance_years=ally_years, measure=measure, rows=rows, n=len(xs), rho=_round(rho), p_value=_round(p),
        permutations=permutations, seed=seed, notes=notes,
    )


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def _ties_text(summary: dict | None) -> str:
    if summary is None:
        return ""
    return ",".join(t for t in TIES if summary.get(t)) or "none"
