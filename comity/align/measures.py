"""UN voting alignment: agreement, S-score and Cohen's kappa per dyad, from pure functions on votes.

Votes are coded yes=1, abstain=0.5, no=0 and compared only on roll calls where both countries voted
(yes/no/abstain; absent or not a member is excluded):
- agreement = mean over those roll calls of 1 (same vote), 0.5 (one abstains, the other votes yes or
  no), 0 (yes against no); that is 1 - mean|x - y|.
- S-score (Signorino & Ritter 1999, three-point scale, d_max = 1): S = 1 - 2 * mean|x - y|.
- Cohen's kappa over the three categories (Häge 2011): (p_o - p_e) / (1 - p_e), p_o the share of
  identical votes, p_e the agreement expected from each country's own vote shares on the same roll
  calls; undefined (None) when p_e = 1 (both always cast the same single kind of vote).
`alignment_matrix` computes all three for every pair of countries at once with matrix products.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np

CATEGORIES = ("yes", "abstain", "no")
VOTE_VALUE = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
CODE = {"yes": 1, "abstain": 2, "no": 3}  # 0 = did not vote


@dataclass(frozen=True)
class Alignment:
    a: str
    b: str
    agree: float | None
    s_score: float | None
    kappa: float | None
    n: int

    def to_dict(self) -> dict:
        return asdict(self)


def _rounded(value: float | None, digits: int = 4) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def pair_alignment(votes_a: Sequence[str | None], votes_b: Sequence[str | None], a: str = "A", b: str = "B") -> Alignment:
    """Alignment of two countries from their votes on the same roll calls, in the same order.

    A vote is 'yes', 'no' or 'abstain'; anything else (None, 'absent') means the country did not vote.
    """
    if len(votes_a) != len(votes_b):
        raise ValueError(f"vote lists differ in length ({len(votes_a)} and {len(votes_b)})")
    codes = np.array([[CODE.get(x, 0) for x in votes_a], [CODE.get(y, 0) for y in votes_b]], dtype=np.int8)
    result = alignment_matrix(codes)
    return Alignment(a, b, _rounded(result["agree"][0, 1]), _rounded(result["s_score"][0, 1]),
                     _rounded(result["kappa"][0, 1]), int(result["n"][0, 1]))


def alignment_matrix(codes: np.ndarray) -> dict[str, np.ndarray]:
    """All pairs at once. `codes`: countries x roll calls, 0 did not vote, 1 yes, 2 abstain, 3 no.

    Returns square arrays n (roll calls both voted on), agree, s_score, kappa (NaN where undefined).
    """
    indicators = [(codes == k).astype(np.float64) for k in (1, 2, 3)]
    yes, abstain, no = indicators
    voted = yes + abstain + no
    n = voted @ voted.T
    same = sum(ind @ ind.T for ind in indicators)
    yes_no = yes @ no.T + no @ yes.T
    one_abstains = n - same - yes_no
    with np.errstate(divide="ignore", invalid="ignore"):
        distance = (0.5 * one_abstains + yes_no) / n
        agree = 1.0 - distance
        s_score = 1.0 - 2.0 * distance
        observed = same / n
        expected = sum((ind @ voted.T) * (voted @ ind.T) for ind in indicators) / (n * n)
        kappa = np.where(np.isclose(expected, 1.0), np.nan, (observed - expected) / (1.0 - expected))
    return {"n": n.astype(np.int64), "agree": agree, "s_score": s_score, "kappa": kappa}


def matrix_records(countries: Sequence[str], result: dict[str, np.ndarray], min_n: int = 1,
                   include_self: bool = False, digits: int = 4) -> list[dict]:
    """Square result arrays -> one record {a, b, agree, s_score, kappa, n} per ordered pair with n >= min_n."""
    n = result["n"]
    keep = n >= min_n  # a new array, safe to change
    if not include_self:
        np.fill_diagonal(keep, False)
    rows, cols = np.nonzero(keep)
    names = [str(c) for c in countries]

    def column(name: str) -> list:
        values = np.round(result[name][rows, cols], digits)
        return [None if math.isnan(v) else v for v in values.tolist()]

    agree, s_score, kappa = column("agree"), column("s_score"), column("kappa")
    return [
        {"a": names[i], "b": names[j], "agree": agree[k], "s_score": s_score[k], "kappa": kappa[k], "n": int(n[i, j])}
        for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist()))
    ]
