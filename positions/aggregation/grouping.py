"""Statements into key points: sparse TF-IDF and a deterministic leader clustering.

Why this and not an embedding model or k-means with a chosen k: the number of key points
is not known in advance, the run must give the same groups every time, and 100,000
inputs must group in seconds on two cores. Statements (glossary concepts + stems, see
`text.py`) become L2-normalised TF-IDF rows in a scipy sparse matrix. A leader pass in
input order opens a new group whenever a statement is less similar than `threshold` to
every group so far (vectorised per batch of statements against all group centroids),
two refinement passes move each statement to its nearest centroid, and groups whose
centroids are closer than `merge_threshold` are joined. Cost: statements × groups, not
statements squared. Similarities are rounded before comparing so that floating-point
noise cannot change a decision between machines.
"""

from collections.abc import Sequence

import numpy as np
from scipy import sparse

BATCH = 2048
DECIMALS = 6


def tfidf(
    features: Sequence[Sequence[str]], *, concept_weight: float = 1.0
) -> tuple[sparse.csr_matrix, list[str]]:
    """L2-normalised TF-IDF (sublinear tf, smooth idf) and the column names.

    Glossary concepts (features starting with "~") weigh `concept_weight` times their
    TF-IDF: they are the domain's terms, what a key point is about, while the other
    words also carry how each organisation frames its view (its evidence, its place).
    """
    vocabulary: dict[str, int] = {}
    indptr, indices, counts = [0], [], []
    for feats in features:
        row: dict[int, int] = {}
        for feat in feats:
            col = vocabulary.setdefault(feat, len(vocabulary))
            row[col] = row.get(col, 0) + 1
        for col in sorted(row):
            indices.append(col)
            counts.append(row[col])
        indptr.append(len(indices))
    shape = (len(features), len(vocabulary))
    matrix = sparse.csr_matrix(
        (np.log1p(np.asarray(counts, dtype=np.float64)), indices, indptr), shape=shape
    )
    df = np.bincount(matrix.indices, minlength=shape[1])
    weight = np.log((1 + shape[0]) / (1 + df)) + 1
    names = sorted(vocabulary, key=vocabulary.get)
    weight[[n for n, name in enumerate(names) if name.startswith("~")]] *= concept_weight
    matrix = matrix @ sparse.diags(weight)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    matrix = sparse.diags(1 / norms) @ matrix
    return sparse.csr_matrix(matrix), names


def _normalised(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return rows / norms


def _similarities(matrix: sparse.csr_matrix, centroids: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(matrix @ centroids.T), DECIMALS)


def _centroids(matrix: sparse.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
    indicator = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    return _normalised(np.asarray((indicator @ matrix).todense()))


def _leader(matrix: sparse.csr_matrix, threshold: float) -> np.ndarray:
    n, width = matrix.shape
    labels = np.full(n, -1, dtype=np.int64)
    sums = np.zeros((0, width))
    for start in range(0, n, BATCH):
        block = matrix[start : start + BATCH]
        size = block.shape[0]
        mine = labels[start : start + size]  # a view: writing it writes `labels`
        if len(sums):
            sims = _similarities(block, _normalised(sums))
            best = sims.argmax(axis=1)
            hit = sims[np.arange(size), best] >= threshold
            mine[hit] = best[hit]
        # Groups opened in this batch: their sums and, kept row by row, their normalised
        # rows, so each statement costs one product with the open groups (renormalising
        # them all for every statement made the pass quadratic within a batch).
        new_rows, normed, m = np.zeros((16, width)), np.zeros((16, width)), 0
        for i in np.flatnonzero(mine < 0):
            row = block[i].toarray().ravel()
            if m:
                sims = np.round(normed[:m] @ row, DECIMALS)
                j = int(sims.argmax())
                if sims[j] >= threshold:
                    new_rows[j] += row
                    normed[j] = _normalised(new_rows[j : j + 1])[0]
                    mine[i] = len(sums) + j
                    continue
            if m == len(new_rows):
                new_rows = np.vstack([new_rows, np.zeros_like(new_rows)])
                normed = np.vstack([normed, np.zeros_like(normed)])
            new_rows[m] = row
            normed[m] = _normalised(row[None, :])[0]
            m += 1
            mine[i] = len(sums) + m - 1
        new_rows = new_rows[:m]
        sums = np.vstack([sums, np.zeros((len(new_rows), width))])
        indicator = sparse.csr_matrix(
            (np.ones(size), (mine, np.arange(size))), shape=(len(sums), size)
        )
        sums += np.asarray((indicator @ block).todense())
    return labels


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Number groups 0, 1, 2 ... in the order of their first statement."""
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first, kind="stable")
    mapping = np.empty(labels.max() + 1, dtype=np.int64)
    mapping[np.unique(labels)[order]] = np.arange(len(order))
    return mapping[labels]


def cluster(
    matrix: sparse.csr_matrix, *, threshold: float, merge_threshold: float, passes: int = 2
) -> np.ndarray:
    """A group label for every row; labels numbered in the order of first appearance."""
    if matrix.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    labels = _relabel(_leader(matrix, threshold))
    for _ in range(passes):
        k = int(labels.max()) + 1
        centroids = _centroids(matrix, labels, k)
        new = labels.copy()
        for start in range(0, matrix.shape[0], BATCH):
            sims = _similarities(matrix[start : start + BATCH], centroids)
            best = sims.argmax(axis=1)
            keep = sims[np.arange(len(best)), best] >= threshold
            new[start : start + len(best)][keep] = best[keep]
        labels = _relabel(new)
    k = int(labels.max()) + 1
    centroids = _centroids(matrix, labels, k)
    close = np.round(centroids @ centroids.T, DECIMALS) >= merge_threshold
    root = np.arange(k)
    for i, j in zip(*np.nonzero(np.triu(close, 1)), strict=True):
        ri, rj = root[i], root[j]
        while root[ri] != ri:
            ri = root[ri]
        while root[rj] != rj:
            rj = root[rj]
        root[max(ri, rj)] = min(ri, rj)
    for i in range(k):
        r = i
        while root[r] != r:
            r = root[r]
        root[i] = r
    return _relabel(root[labels])
