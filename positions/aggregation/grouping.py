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


def _normalised(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ rows)


def _best(rows: sparse.csr_matrix, centroids: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Each row's most similar centroid (the lowest index among equals) and that cosine.

    Sparse × sparse: a statement is compared only with centroids it shares a term with,
    so the cost grows with the shared terms, not with rows × centroids (most of the
    groups of a large consultation are one-off remarks that share nothing).
    """
    sims = sparse.csr_matrix(rows @ centroids.T)
    sims.data = np.round(sims.data, DECIMALS)
    sims.eliminate_zeros()
    sims.sort_indices()  # argmax takes the first maximum: the lowest centroid index
    best = np.asarray(sims.argmax(axis=1)).ravel()
    value = np.asarray(sims.max(axis=1).todense()).ravel()
    return best, value


def group_centroids(matrix: sparse.csr_matrix, labels: np.ndarray, k: int) -> sparse.csr_matrix:
    indicator = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    return _normalised(sparse.csr_matrix(indicator @ matrix))


def _leader(matrix: sparse.csr_matrix, threshold: float) -> np.ndarray:
    """A first grouping in input order, a batch of statements at a time.

    A statement joins the most similar group opened in an earlier batch when it is
    similar enough; the rest of the batch is grouped among itself, in order, each
    statement joining the most similar earlier *opener* of the batch or opening a group.
    Comparing with openers rather than with growing centroids keeps that step one dense
    product of the batch's open statements (the refinement passes then move every
    statement to its nearest centroid).
    """
    n, width = matrix.shape
    labels = np.full(n, -1, dtype=np.int64)
    sums = sparse.csr_matrix((0, width))
    for start in range(0, n, BATCH):
        block = matrix[start : start + BATCH]
        size = block.shape[0]
        mine = labels[start : start + size]  # a view: writing it writes `labels`
        k = sums.shape[0]
        if k:
            best, value = _best(block, _normalised(sums))
            hit = value >= threshold
            mine[hit] = best[hit]
        open_rows = np.flatnonzero(mine < 0)
        sims = np.round((block[open_rows] @ block[open_rows].T).toarray(), DECIMALS)
        openers: list[int] = []
        for a, row in enumerate(open_rows):
            if openers:
                candidates = sims[a, openers]
                j = int(candidates.argmax())
                if candidates[j] >= threshold:
                    mine[row] = mine[open_rows[openers[j]]]
                    continue
            mine[row] = k + len(openers)
            openers.append(a)
        indicator = sparse.csr_matrix(
            (np.ones(size), (mine, np.arange(size))), shape=(k + len(openers), size)
        )
        grown = sparse.vstack([sums, sparse.csr_matrix((len(openers), width))], format="csr")
        sums = sparse.csr_matrix(grown + indicator @ block)
    return labels


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Number groups 0, 1, 2 ... in the order of their first statement."""
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first, kind="stable")
    mapping = np.empty(labels.max() + 1, dtype=np.int64)
    mapping[np.unique(labels)[order]] = np.arange(len(order))
    return mapping[labels]


def attach_by_statement(
    rows: sparse.csr_matrix,
    owner: np.ndarray,
    summed: sparse.csr_matrix,
    labels: np.ndarray,
    threshold: float,
) -> np.ndarray:
    """Labels of inputs (rows of `summed`, their statements summed) where an input left
    in a group of its own joins the group that one of its statements (`rows`, `owner`
    naming each one's input) is nearest, when that statement is `threshold` near.

    A long input says its point in one sentence among an anecdote and a closing line:
    the sum of its statements reaches no group, while the sentence that makes the point
    does. Groups of one are left out as targets: two inputs alone are not a key point of
    a sentence each.
    """
    sizes = np.bincount(labels)
    shared = np.flatnonzero(sizes >= 2)
    alone_rows = np.flatnonzero(sizes[labels[owner]] == 1)
    if not len(shared) or not len(alone_rows):
        return labels
    centroids = group_centroids(summed, labels, len(sizes))[shared]
    found: dict[int, tuple[float, int]] = {}  # input: (cosine, group), its nearest statement's
    for start in range(0, len(alone_rows), BATCH):
        batch = alone_rows[start : start + BATCH]
        best, value = _best(rows[batch], centroids)
        for row, group, cosine in zip(batch.tolist(), best.tolist(), value.tolist(), strict=True):
            held = found.get(owner[row])
            if cosine >= threshold and (held is None or cosine > held[0]):
                found[owner[row]] = (cosine, group)
    if not found:
        return labels
    labels = labels.copy()
    for index, (_cosine, group) in found.items():
        labels[index] = shared[group]
    return _relabel(labels)


def join_opposing(
    summed: sparse.csr_matrix, labels: np.ndarray, against: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Labels of inputs where a group most of whose inputs stand against something
    (`against`: a stance "oppose" or a statement that disagrees) joins the group of the
    other side nearest it, when their centroids meet at `threshold`; and which inputs
    joined so (their words are the objection's side, never the point's statement).

    An objection is written in other words than the point it objects to ("KADIN tidak
    sepakat jika zero cost diterapkan sekaligus" beside "biaya penempatan harus nol"): two
    groups, the larger labelled a view held in common and the objection a point of its
    own. Joined, they are one point whose sides the paper names. Only towards a group of
    two or more that is not itself mostly against: no objection is made the centre of
    a point.
    """
    k = int(labels.max()) + 1 if len(labels) else 0
    unmoved = np.zeros(len(labels), dtype=bool)
    if k < 2 or not against.any():
        return labels, unmoved
    sizes = np.bincount(labels, minlength=k)
    opposing = np.bincount(labels, weights=against.astype(float), minlength=k) * 2 >= sizes
    targets = np.flatnonzero(~opposing & (sizes >= 2))
    if not len(targets):
        return labels, unmoved
    centroids = group_centroids(summed, labels, k)
    groups = np.flatnonzero(opposing)
    sims = np.round((centroids[groups] @ centroids[targets].T).toarray(), DECIMALS)
    root = np.arange(k)
    for row, group in enumerate(groups):
        nearest = int(sims[row].argmax())  # the lowest target among equals
        if sims[row, nearest] >= threshold:
            root[group] = targets[nearest]
    return _relabel(root[labels]), root[labels] != labels


def cluster(
    matrix: sparse.csr_matrix, *, threshold: float, merge_threshold: float, passes: int = 2
) -> np.ndarray:
    """A group label for every row; labels numbered in the order of first appearance."""
    if matrix.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    labels = _relabel(_leader(matrix, threshold))
    for _ in range(passes):
        k = int(labels.max()) + 1
        centroids = group_centroids(matrix, labels, k)
        new = labels.copy()
        for start in range(0, matrix.shape[0], BATCH):
            best, value = _best(matrix[start : start + BATCH], centroids)
            keep = value >= threshold
            new[start : start + len(best)][keep] = best[keep]
        labels = _relabel(new)
    k = int(labels.max()) + 1
    centroids = group_centroids(matrix, labels, k)
    close = sparse.triu(sparse.csr_matrix(centroids @ centroids.T), 1).tocoo()
    near = np.round(close.data, DECIMALS) >= merge_threshold
    pairs = sorted(zip(close.row[near].tolist(), close.col[near].tolist(), strict=True))
    root = np.arange(k)
    for i, j in pairs:
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
