"""Alignment measures against values computed by hand (comity.align.measures, comity.align.support)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from comity.align.measures import CODE, alignment_matrix, matrix_records, pair_alignment
from comity.align.support import average_ranks, permutation_p, spearman, stance_score


def test_pair_alignment_by_hand():
    # both voted on the first four: (y,y) (y,n) (n,n) (a,y); the last two are one-sided
    a = ["yes", "yes", "no", "abstain", "yes", None]
    b = ["yes", "no", "no", "yes", None, "yes"]
    result = pair_alignment(a, b, "A", "B")
    assert result.n == 4
    assert result.agree == pytest.approx((1 + 0 + 1 + 0.5) / 4)          # 0.625
    assert result.s_score == pytest.approx(1 - 2 * (0 + 1 + 0 + 0.5) / 4)  # 0.25
    # p_o = 2/4; A: yes .5 abstain .25 no .25; B: yes .5 no .5; p_e = .25 + .125 = .375
    assert result.kappa == pytest.approx((0.5 - 0.375) / (1 - 0.375))    # 0.2


def test_identical_all_yes_has_no_kappa():
    result = pair_alignment(["yes"] * 3, ["yes"] * 3)
    assert (result.agree, result.s_score, result.n) == (1.0, 1.0, 3)
    assert result.kappa is None


def test_opposite_votes():
    result = pair_alignment(["yes", "no"], ["no", "yes"])
    assert result.agree == 0.0 and result.s_score == -1.0
    # p_o = 0, p_e = .5*.5 + .5*.5 = .5, kappa = -1
    assert result.kappa == pytest.approx(-1.0)


def test_absent_votes_are_not_counted():
    result = pair_alignment(["yes", "absent", None], ["yes", "no", "no"])
    assert result.n == 1 and result.agree == 1.0


def test_no_shared_votes():
    result = pair_alignment(["yes", None], [None, "no"])
    assert result.n == 0 and result.agree is None and result.kappa is None


def test_lengths_must_match():
    with pytest.raises(ValueError, match="differ in length"):
        pair_alignment(["yes"], ["yes", "no"])


def test_matrix_matches_pairs():
    rng = np.random.default_rng(7)
    codes = rng.integers(0, 4, size=(6, 40)).astype(np.int8)
    names = [f"C{i}" for i in range(6)]
    records = {(r["a"], r["b"]): r for r in matrix_records(names, alignment_matrix(codes))}
    back = {v: k for k, v in CODE.items()}
    for i in range(6):
        for j in range(6):
            if i == j:
                continue
            single = pair_alignment([back.get(c) for c in codes[i]], [back.get(c) for c in codes[j]])
            row = records[(names[i], names[j])]
            assert (row["agree"], row["s_score"], row["kappa"], row["n"]) == (
                single.agree, single.s_score, single.kappa, single.n)
    assert records[("C0", "C1")]["agree"] == records[("C1", "C0")]["agree"]


def test_matrix_records_min_n():
    codes = np.array([[1, 1, 0], [1, 3, 0], [0, 0, 1]], dtype=np.int8)
    records = matrix_records(["A", "B", "C"], alignment_matrix(codes), min_n=1)
    assert {(r["a"], r["b"]) for r in records} == {("A", "B"), ("B", "A")}
    only = next(r for r in records if (r["a"], r["b"]) == ("A", "B"))
    assert only["n"] == 2 and only["agree"] == 0.5


def test_average_ranks_share_ties():
    assert list(average_ranks(np.array([10.0, 20.0, 10.0, 30.0]))) == [1.5, 3.0, 1.5, 4.0]


def test_spearman_by_hand():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # ranks x 1..5, y (2,1,4,3,5): d = (-1,1,-1,1,0), sum d^2 = 4, rho = 1 - 6*4/(5*24) = 0.8
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)
    assert spearman([1, 2], [1, 2]) is None
    assert spearman([1, 2, 3], [5, 5, 5]) is None


def test_permutation_p_three_points():
    # with 3 distinct points, 2 of the 6 orderings reach |rho| = 1, so p is close to 1/3
    p = permutation_p([0.3, 0.1, 0.0], [1, 0, -1], permutations=3000, seed=1)
    assert 0.30 < p < 0.37
    assert p == permutation_p([0.3, 0.1, 0.0], [1, 0, -1], permutations=3000, seed=1)


def test_permutation_p_strong_association_is_small():
    x = np.arange(12, dtype=float)
    p = permutation_p(x, x * 2, permutations=2000, seed=3)
    assert p < 0.01
    assert math.isclose(p, 1 / 2001, rel_tol=0.5)


def test_stance_scores():
    assert stance_score("pro-IND", "IND", "PAK") == 1.0
    assert stance_score("pro-PAK", "IND", "PAK") == -1.0
    assert stance_score("neutral", "IND", "PAK") == 0.0
    assert stance_score(None, "IND", "PAK") is None
    assert stance_score("pro-UKR", "IND", "PAK") is None
