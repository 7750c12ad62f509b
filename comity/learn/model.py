"""Multinomial logistic regression over sparse binary features, trained with numpy alone.

Rows are arrays of feature ids (already mapped to 0..V-1). Each row is L2-normalised (every present
feature weighs 1/sqrt(n)). Training is full-batch Adam on the L2-regularised weighted log loss; a
fixed number of epochs keeps it deterministic and fast (a few seconds for ~10k rows).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class SparseRows:
    """CSR-style storage of binary rows: row i holds indices[indptr[i]:indptr[i+1]]."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    @classmethod
    def from_rows(cls, rows: list[np.ndarray]) -> "SparseRows":
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        if len(rows) and lengths.min() == 0:
            raise ValueError("every row needs at least one feature (use a BIAS feature)")
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        indices = np.concatenate(rows).astype(np.int64) if rows else np.zeros(0, np.int64)
        values = np.repeat(1.0 / np.sqrt(np.maximum(lengths, 1)), lengths)
        return cls(indptr, indices, values)

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def dot(self, W: np.ndarray) -> np.ndarray:
        """(n_rows × K) = X @ W."""
        return np.add.reduceat(W[self.indices] * self.values[:, None], self.indptr[:-1], axis=0)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(
    X: SparseRows,
    y: np.ndarray,
    n_features: int,
    n_classes: int,
    sample_weight: np.ndarray | None = None,
    l2: float = 1e-4,
    epochs: int = 250,
    learning_rate: float = 0.05,
) -> np.ndarray:
    """Weights W (n_features × n_classes) of the L2-regularised multinomial logistic regression."""
    n = X.n_rows
    weight = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    weight = weight / weight.sum()
    Y = np.zeros((n, n_classes))
    Y[np.arange(n), y] = 1.0
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    order = np.argsort(X.indices, kind="stable")  # column-major view for the gradient
    col_idx = X.indices[order]
    col_rows = rows[order]
    col_vals = X.values[order]
    present, starts = np.unique(col_idx, return_index=True)
    W = np.zeros((n_features, n_classes))
    m = np.zeros_like(W)
    v = np.zeros_like(W)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        P = softmax(X.dot(W))
        G = (P - Y) * weight[:, None]
        grad = np.zeros_like(W)
        grad[present] = np.add.reduceat(G[col_rows] * col_vals[:, None], starts, axis=0)
        grad += l2 * W
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**step)
        v_hat = v / (1 - beta2**step)
        W -= learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return W


def predict_proba(X: SparseRows, W: np.ndarray) -> np.ndarray:
    return softmax(X.dot(W))
