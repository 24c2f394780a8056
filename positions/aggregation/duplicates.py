"""Near-duplicates and campaign letters, by MinHash over word 2-grams, in numpy.

Why MinHash with banding: a campaign is the same letter sent by many organisations with
small edits (a name, a word). Comparing every pair is quadratic; MinHash signatures
(64 hash functions, vectorised with `np.minimum.reduceat`) put likely duplicates in the
same bucket of one of 16 bands, so only those are compared exactly (Jaccard of the
shingle sets). It runs in linear time and needs no model.
"""

from collections.abc import Sequence

import numpy as np

PERMUTATIONS = 64
BANDS = 16
PRIME = (1 << 31) - 1
SEED = 2017


def shingles(tokens: Sequence[str], size: int = 2) -> tuple[str, ...]:
    if len(tokens) < size:
        return (" ".join(tokens),) if tokens else ()
    return tuple(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller index stays the root: the earliest input represents
            self.parent[max(ra, rb)] = min(ra, rb)


def duplicate_groups(docs: Sequence[Sequence[str]], threshold: float) -> list[list[int]]:
    """Groups (of two or more) of documents whose 3-gram Jaccard similarity ≥ threshold.

    `docs` are normalised word lists in a deterministic order; each group is sorted and
    its first index is the representative. Groups come in the order of their first index.
    """
    vocabulary: dict[str, int] = {}
    sets = [frozenset(vocabulary.setdefault(s, len(vocabulary)) for s in shingles(d)) for d in docs]
    present = [i for i, s in enumerate(sets) if s]
    if len(present) < 2:
        return []
    ids = np.fromiter((x for i in present for x in sorted(sets[i])), dtype=np.uint64)
    lengths = np.fromiter((len(sets[i]) for i in present), dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, PRIME, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, PRIME, size=PERMUTATIONS, dtype=np.uint64)
    signature = np.empty((len(present), PERMUTATIONS), dtype=np.uint64)
    for k in range(PERMUTATIONS):
        signature[:, k] = np.minimum.reduceat((a[k] * ids + b[k]) % PRIME, offsets)
    union = _Union(len(docs))
    rows = PERMUTATIONS // BANDS
    for band in range(BANDS):
        block = np.ascontiguousarray(signature[:, band * rows : (band + 1) * rows])
        _, bucket = np.unique(block, axis=0, return_inverse=True)
        order = np.lexsort((np.arange(len(present)), bucket.ravel()))
        sorted_buckets = bucket.ravel()[order]
        starts = np.flatnonzero(np.r_[True, sorted_buckets[1:] != sorted_buckets[:-1]])
        ends = np.r_[starts[1:], len(order)]
        for start, end in zip(starts, ends, strict=True):
            if end - start < 2:
                continue
            # compared with the representative, not with any member: no chains of
            # small edits that end far from the letter they started from
            first = union.find(present[order[start]])
            for j in order[start + 1 : end]:
                other = present[j]
                if union.find(other) != other or union.find(first) != first:
                    continue
                if _jaccard(sets[first], sets[other]) >= threshold:
                    union.join(first, other)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(union.find(i), []).append(i)
    return [members for _root, members in sorted(groups.items()) if len(members) > 1]


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b)
