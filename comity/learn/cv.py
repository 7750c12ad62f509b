"""Deterministic k-fold splits for cross-validated evaluation."""
from __future__ import annotations

import numpy as np


def kfold(n: int, k: int = 5, seed: int = 13) -> list[tuple[np.ndarray, np.ndarray]]:
    """[(train_idx, test_idx)] for k folds: a fixed-seed shuffle cut into k near-equal parts.
    The test parts are disjoint and together cover 0..n-1."""
    if k < 2 or k > n:
        raise ValueError(f"k must be between 2 and the number of items ({n}); got {k}")
    order = np.random.default_rng(seed).permutation(n)
    folds = np.array_split(order, k)
    return [(np.sort(np.concatenate(folds[:i] + folds[i + 1:])), np.sort(folds[i])) for i in range(k)]
