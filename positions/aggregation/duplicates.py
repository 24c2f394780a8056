"""Near-duplicates and campaign letters, by MinHash LSH over word shingles, in numpy.

A campaign is one letter sent by many organisations with small edits (the sender's name
and town, a word added, dropped or mistyped); an independent input making the same
point is written differently (its own framing, other words, another order, the other
language). So the rule is strict: same language, the same negations (a copy never
flips the letter's meaning: "... tidak diperlukan" is no copy of "... diperlukan"),
and a Jaccard similarity of the word shingle sets of at least the threshold with the
group's *representative* (its earliest input), never with any member, so no chain of
small edits drifts away from the letter.

Why word sets (1-word shingles) by default and not the 5-word shingles of web-page
near-duplicate detection: letters here are a sentence or two, and one edited word in a
20-word letter removes five of its sixteen 5-word shingles but one of its twenty
words. Measured on the bench corpus (README, Benchmarks): 2- and 3-word shingles at
any threshold either miss signatories with two edits or merge independent inputs.

Why MinHash with banding: comparing every pair is quadratic. MinHash signatures (64
hash functions, vectorised with `np.minimum.reduceat`) put likely duplicates in the same
bucket of one of 16 bands of 4 rows; within a bucket each input is paired with the
bucket's first input only, so candidate pairs grow with the inputs, not their square,
and only those pairs get an exact Jaccard. With 4 rows a band, a pair at Jaccard 0.6
shares a bucket in at least one band with probability 0.88, at 0.7 with 0.98. It needs
no model and runs in linear time.
"""

from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Indel

PERMUTATIONS = 64
BANDS = 16
PRIME = (1 << 31) - 1
SEED = 2017
ESTIMATE_MARGIN = 0.2  # about four standard errors: no pair at the threshold is lost
ORDER_SHARE = 0.9  # shared words in one order: a reordered ranking is another text
# Letters spun from one template (see _template_shared): letters of some length that
# share runs of three words or more, in order, making TEMPLATE_MATCHED words and a share
# of the shorter. Measured on the corpora written by hand (bench/corpora): campaign
# letters share 13 to 34 such words with their first letter, two organisations writing
# one point in their own words 6 at most.
TEMPLATE_RUN = 3
TEMPLATE_MATCHED = 12
TEMPLATE_CONTAINMENT = 0.2
TEMPLATE_MIN_WORDS = 40
TEMPLATE_BANDS = 32  # two rows a band over word sets: pairs at Jaccard 0.4 meet, p > 0.99
TEMPLATE_FLOOR = 0.2
NEGATIONS = frozenset(
    ("tidak", "tak", "bukan", "jangan", "belum", "tanpa", "not", "no", "never", "without")
)


def shingles(tokens: Sequence[str], size: int = 2) -> Sequence[str]:
    if size == 1:
        return tokens
    if len(tokens) < size:
        return (" ".join(tokens),) if tokens else ()
    return tuple(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def _shingle_ids(docs: Sequence[Sequence[str]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every document's distinct shingles as sorted ids, concatenated, and the offsets."""
    vocabulary: dict[str, int] = {}
    lengths = np.zeros(len(docs) + 1, dtype=np.int64)
    flat: list[int] = []
    for n, doc in enumerate(docs):
        grams = shingles(doc, size)
        flat += [vocabulary.setdefault(s, len(vocabulary)) for s in grams]
        lengths[n + 1] = len(grams)
    owner = np.repeat(np.arange(len(docs), dtype=np.int64), lengths[1:])
    keys = _sorted_unique(owner * max(len(vocabulary), 1) + np.asarray(flat, dtype=np.int64))
    ids = keys % max(len(vocabulary), 1)
    offsets = np.searchsorted(keys // max(len(vocabulary), 1), np.arange(len(docs) + 1))
    return ids.astype(np.uint64), offsets


def _signatures(ids: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """MinHash signatures of the documents with at least one shingle, in their order."""
    starts = offsets[:-1][offsets[1:] > offsets[:-1]]
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, PRIME, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, PRIME, size=PERMUTATIONS, dtype=np.uint64)
    signature = np.empty((len(starts), PERMUTATIONS), dtype=np.uint64)
    for k in range(PERMUTATIONS):
        signature[:, k] = np.minimum.reduceat((a[k] * ids + b[k]) % PRIME, starts)
    return signature


def _candidates(signature: np.ndarray, language: np.ndarray, bands: int = BANDS) -> np.ndarray:
    """Pairs (i, j), i < j, rows of `signature` sharing a bucket (and a language) in a band.

    Each row is paired with the first row of its bucket only: a campaign of n letters
    gives n - 1 pairs per band, not n² / 2.
    """
    n = len(signature)
    rows = PERMUTATIONS // bands
    found = []
    for band in range(bands):
        # one 64-bit key per row of the band (and its language): sorting keys is far
        # cheaper than sorting rows; two rows that collide are only a candidate pair,
        # which the exact comparison then turns down
        key = language * np.uint64(0x9E3779B97F4A7C15)
        for column in signature[:, band * rows : (band + 1) * rows].T:
            key = (key ^ column) * np.uint64(0x100000001B3)
        order = np.argsort(key, kind="stable")  # by bucket, then by row
        sorted_keys = key[order]
        starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
        first = order[np.maximum.accumulate(np.where(starts, np.arange(n), 0))]
        keep = first != order
        found.append(first[keep] * n + order[keep])
    if not found:
        return np.zeros(0, dtype=np.int64)
    return _sorted_unique(np.concatenate(found))


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique for integers, by one sort (numpy's hashing unique was slower here)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _pass(
    docs: Sequence[Sequence[str]],
    size: int,
    bands: int,
    floor: float,
    language: Sequence[str] | None,
    accept,
    eligible: Sequence[int],
) -> dict[int, int]:
    """One MinHash pass: {document: its representative} for the documents it joins.

    Candidates share a bucket of a band (each paired with the bucket's first document)
    and have an estimated similarity of at least `floor`; `accept(root, j, a, b)`
    decides on the exact shingle sets."""
    ids, offsets = _shingle_ids([docs[i] for i in eligible], size)
    present = np.flatnonzero(offsets[1:] > offsets[:-1]).tolist()
    if len(present) < 2:
        return {}
    codes = {lang: n for n, lang in enumerate(sorted(set(language or ())))}
    language_codes = np.array(
        [codes[language[eligible[i]]] if language else 0 for i in present], dtype=np.uint64
    )
    signature = _signatures(ids, offsets)
    pairs = _candidates(signature, language_codes, bands)
    n = len(present)
    agree = (signature[pairs // n] == signature[pairs % n]).mean(axis=1)
    pairs = pairs[agree >= floor]
    sets: dict[int, frozenset] = {}

    def shingle_set(i: int) -> frozenset:
        if i not in sets:
            sets[i] = frozenset(ids[offsets[i] : offsets[i + 1]].tolist())
        return sets[i]

    joined: dict[int, int] = {}
    for first, second in zip((pairs // n).tolist(), (pairs % n).tolist(), strict=True):
        i, j = present[first], present[second]
        if j in joined:  # already a member of an earlier letter's group
            continue
        root = joined.get(i, i)
        if accept(eligible[root], eligible[j], shingle_set(root), shingle_set(j)):
            joined[j] = root
    return {eligible[j]: eligible[root] for j, root in joined.items()}


def duplicate_groups(
    docs: Sequence[Sequence[str]],
    threshold: float,
    *,
    languages: Sequence[str] | None = None,
    size: int = 2,
    template_containment: float = TEMPLATE_CONTAINMENT,
) -> list[list[int]]:
    """Groups (of two or more) of copies of one text, each with its representative.

    `docs` are normalised word lists (numbers included) in a deterministic order; each
    group is sorted and its first index (the earliest document) is the representative.
    A document is a copy of the representative when both are in one language and either
    - both carry the same negations and the same numbers, and their word `size`-shingle
      sets have a Jaccard similarity of at least `threshold` with the shared words in
      nearly the same order (a ranking in another order is another text), or
    - both are letters of TEMPLATE_MIN_WORDS words or more that share runs of words,
      in order, making `template_containment` of the shorter (`_template_shared`): a
      letter spun from one template, with alternatives in several places and a personal
      line, keeps the template's fixed runs, while two organisations writing one point
      in their own words share a phrase or two.
    Groups come in the order of their representative.
    """
    senses: dict[int, tuple[frozenset, frozenset]] = {}

    def sense(i: int) -> tuple[frozenset, frozenset]:
        # only documents of a candidate pair need theirs
        if i not in senses:
            senses[i] = (NEGATIONS.intersection(docs[i]), frozenset(filter(str.isdigit, docs[i])))
        return senses[i]

    def close_copy(i, j, a, b):
        return sense(i) == sense(j) and _jaccard(a, b) >= threshold and _in_order(docs[i], docs[j])

    # a text sent again word for word is its first sending's copy: only distinct texts
    # go through MinHash (a large consultation's copy-pasted letters, many times over)
    first_sent: dict[tuple, int] = {}
    representative: dict[int, int | None] = {}
    for i, doc in enumerate(docs):
        twin = first_sent.setdefault((languages[i] if languages else "", *doc), i) if doc else i
        representative[i] = twin if twin != i else None
    distinct = [i for i in range(len(docs)) if representative[i] is None]

    def template_copy(i, j, a, b):
        # a personal line may carry its own number or "tidak": the shared runs carry the
        # letter's sense
        return _template_shared(docs[i], docs[j], template_containment)

    for j, root in _pass(
        docs, size, BANDS, threshold - ESTIMATE_MARGIN, languages, close_copy, distinct
    ).items():
        representative[j] = root
    roots = [i for i in distinct if representative[i] is None]
    long_enough = [i for i in roots if len(docs[i]) >= TEMPLATE_MIN_WORDS]
    for j, root in _pass(
        docs, 1, TEMPLATE_BANDS, TEMPLATE_FLOOR, languages, template_copy, long_enough
    ).items():
        representative[j] = root
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        root = i
        while representative[root] is not None:
            root = representative[root]
        groups.setdefault(root, []).append(i)
    return [members for _root, members in sorted(groups.items()) if len(members) > 1]


def _template_shared(a: Sequence[str], b: Sequence[str], share: float) -> bool:
    """Whether two letters are one template's: the runs of TEMPLATE_RUN words or more
    they share, in order, make at least TEMPLATE_MATCHED words and `share` of the shorter.

    A letter spun with alternatives in several places and a personal line keeps the
    template's fixed runs between them; two organisations writing one point in their own
    words share a phrase or two, not a letter.
    """
    # the runs of a longest common subsequence of words (rapidfuzz, in C++: the
    # comparison a large campaign makes tens of thousands of times)
    blocks = Indel.opcodes(a, b).as_matching_blocks()
    shared = sum(block.size for block in blocks if block.size >= TEMPLATE_RUN)
    return shared >= TEMPLATE_MATCHED and shared >= share * min(len(a), len(b))


def _in_order(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether the words two texts share come in nearly the same order: the longest run
    of shared words in a common order covers at least ORDER_SHARE of them."""
    first_b: dict[str, int] = {}
    for position, word in enumerate(b):
        first_b.setdefault(word, position)
    seen: set[str] = set()
    sequence = []
    for word in a:
        if word in first_b and word not in seen:
            seen.add(word)
            sequence.append(first_b[word])
    if len(sequence) < 3:
        return True
    tails: list[int] = []  # patience sorting: the longest increasing subsequence
    for value in sequence:
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails) >= ORDER_SHARE * len(sequence)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b)
