"""The aggregation on real public text: a Polis conversation and its voters.

    python bench/polis.py [--conversation DIR ...]

Polis open data (CC BY 4.0, The Computational Democracy Project; see the data's
README) holds comments written by the public and every participant's agree / disagree
votes on them. The converter turns each accepted comment into an input of one thematic
issue, its author into an organisation of kind "other"; the engine never sees a vote.
The votes then judge the grouping: two comments that make one point should be agreed
and disagreed with by the same people. For every pair of comments with at least
MIN_COMMON voters in common, the correlation of their votes (+1 agree, -1 disagree,
over the participants who voted on both) is computed; the benchmark prints the mean
over pairs inside the engine's key points, over random pairs, and over the clusters of
plain TF-IDF + k-means with as many clusters as the engine found key points, on the
same comments, and the engine without its glossary and lexicon (text outside the
domain should group as well with them as without). It also prints what a reader would
catch: key points whose statement is a fragment, consensus key points holding a
statement and its negation, key points of any other label but divergent that do (a loose
test, any "not" beside shared stemmed words: a list for a reader, with false alarms such
as "needs competitive rates" / "not be allowed to raise rates"), and how often a
*consensus* key point was agreed by most of its voters.
"""

import argparse
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import numpy as np
import Stemmer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import fragment  # noqa: E402
from common.text import STOP_WORDS, normalise, words  # noqa: E402
from positions.aggregation import InputRecord, IssueRecord  # noqa: E402
from positions.aggregation.duplicates import NEGATIONS  # noqa: E402
from positions.aggregation.pipeline import Params, issue_aggregate  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polis"
MIN_COMMON = 10
SEED = 2017


def comments_read(directory: Path) -> list[dict]:
    with open(directory / "comments.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["moderated"] == "1"]
    return sorted(rows, key=lambda row: int(row["comment-id"]))


def votes_read(directory: Path, comment_ids: list[int]) -> np.ndarray:
    """Participants × comments: +1 agree, -1 disagree, 0 no vote."""
    column = {cid: n for n, cid in enumerate(comment_ids)}
    rows = []
    with open(directory / "participants-votes.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            votes = np.zeros(len(comment_ids), dtype=np.int8)
            for key, value in row.items():
                if key.isdigit() and int(key) in column and value:
                    votes[column[int(key)]] = int(float(value))
            rows.append(votes)
    return np.vstack(rows)


def inputs_convert(comments: list[dict]) -> list[InputRecord]:
    return [
        InputRecord(
            id=int(row["comment-id"]) + 1,
            organisation=f"participant {row['author-id']}",
            organisation_kind="other",
            issue_code="POLIS",
            kind="statement",
            stance="",
            text=row["comment-body"],
            language="",
        )
        for row in comments
    ]


def correlations(votes: np.ndarray) -> np.ndarray:
    """Comment × comment vote correlation over common voters; NaN below MIN_COMMON."""
    voted = (votes != 0).astype(np.float64)
    v = votes.astype(np.float64)
    n = voted.T @ voted
    sx = v.T @ voted  # sum of x over participants who voted on both
    sxx = (v * v).T @ voted
    sxy = v.T @ v
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sxy / n - (sx / n) * (sx.T / n)
        var_x = sxx / n - (sx / n) ** 2
        corr = cov / np.sqrt(var_x * var_x.T)
    corr[n < MIN_COMMON] = np.nan
    return corr


def within(corr: np.ndarray, groups: list[list[int]]) -> float:
    values = [corr[a, b] for group in groups for a, b in combinations(group, 2)]
    values = [v for v in values if not np.isnan(v)]
    return float(np.mean(values)) if values else 0.0


def kmeans_groups(texts: list[str], k: int, seed: int = SEED) -> list[list[int]]:
    """Plain TF-IDF (words, English stop words out) and spherical k-means, best of 5."""
    docs = [
        [w for w in words(normalise(t)) if w not in STOP_WORDS["en"] and len(w) > 2] for t in texts
    ]
    vocabulary = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    matrix = np.zeros((len(docs), len(vocabulary)))
    for row, doc in enumerate(docs):
        for word, count in Counter(doc).items():
            matrix[row, vocabulary[word]] = 1 + np.log(count)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(docs)) / (1 + df)) + 1
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1, norms)
    rng = np.random.default_rng(seed)
    best, best_score = None, -np.inf
    for _ in range(5):
        centres = matrix[rng.choice(len(docs), size=k, replace=False)]
        for _ in range(50):
            labels = (matrix @ centres.T).argmax(axis=1)
            new = np.vstack(
                [
                    matrix[labels == c].sum(axis=0) if (labels == c).any() else centres[c]
                    for c in range(k)
                ]
            )
            new = new / np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-12)
            if np.allclose(new, centres):
                break
            centres = new
        score = float((matrix @ centres.T).max(axis=1).sum())
        if score > best_score:
            best, best_score = labels, score
    return [np.flatnonzero(best == c).tolist() for c in range(k) if (best == c).sum() > 1]


_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS)) + r")\b|n't\b", re.IGNORECASE)


_ENGLISH = Stemmer.Stemmer("english")


def _content(text: str) -> set[str]:
    """Content words, stemmed ("legalized" and "legal" are one word to a reader)."""
    kept = [w for w in words(normalise(text)) if w not in STOP_WORDS["en"] and len(w) > 2]
    return set(_ENGLISH.stemWords(kept))


def negation_pairs(texts: list[str]) -> int:
    """Pairs of members where one says what the other says, negated."""
    found = 0
    for a, b in combinations(texts, 2):
        if bool(_NEGATION.search(a)) == bool(_NEGATION.search(b)):
            continue
        ca, cb = _content(a), _content(b)
        if ca and cb and len(ca & cb) / min(len(ca), len(cb)) >= 0.6:
            found += 1
    return found


def evaluate(directory: Path, params: Params | None = None) -> dict:
    comments = comments_read(directory)
    ids = [int(row["comment-id"]) for row in comments]
    votes = votes_read(directory, ids)
    corr = correlations(votes)
    records = inputs_convert(comments)
    row_of = {record.id: n for n, record in enumerate(records)}
    result = issue_aggregate(
        IssueRecord(1, "POLIS", directory.name), records, params=params or Params(), language="en"
    )
    groups = [[row_of[s] for s in point.sources] for point in result.key_points]
    grouped = sorted({r for g in groups for r in g})
    k = max(len(groups), 2)
    kmeans_same = [
        [grouped[i] for i in g] for g in kmeans_groups([records[r].text for r in grouped], k)
    ]
    kmeans_all = kmeans_groups([r.text for r in records], k)
    rng = np.random.default_rng(SEED)
    random_pairs = [rng.choice(len(records), size=2, replace=False).tolist() for _ in range(20000)]
    texts = {record.id: record.text for record in records}
    agreed = {
        int(row["comment-id"]) + 1: int(row["agrees"]) > int(row["disagrees"]) for row in comments
    }
    consensus = [p for p in result.key_points if p.label == "consensus"]
    plain = issue_aggregate(
        IssueRecord(1, "POLIS", directory.name),
        records,
        params=replace(params or Params(), builtin_glossary=False),
        language="en",
    )
    return {
        "benchmark": "polis",
        "conversation": directory.name,
        "comments": len(records),
        "voters": int((votes != 0).any(axis=1).sum()),
        "key_points": len(result.key_points),
        "comments_in_key_points": len(grouped),
        "largest_key_point": max((len(g) for g in groups), default=0),
        "vote_corr_within": round(within(corr, groups), 3),
        "vote_corr_without_glossary": round(
            within(corr, [[row_of[s] for s in point.sources] for point in plain.key_points]), 3
        ),
        "vote_corr_kmeans_same_comments": round(within(corr, kmeans_same), 3),
        "vote_corr_kmeans_all_comments": round(within(corr, kmeans_all), 3),
        "vote_corr_random_pairs": round(within(corr, random_pairs), 3),
        "fragment_statements": sum(
            fragment(p.statement, texts[p.statement_source]) for p in result.key_points
        ),
        "consensus_with_negation": sum(
            negation_pairs([texts[s] for s in p.sources]) > 0 for p in consensus
        ),
        # any label but divergent: a paper that states one side of a two-sided point
        "negation_not_divergent": sum(
            negation_pairs([texts[s] for s in p.sources]) > 0
            for p in result.key_points
            if p.label != "divergent"
        ),
        "consensus_agreed_by_most": round(
            float(np.mean([np.mean([agreed[s] for s in p.sources]) > 0.5 for p in consensus]))
            if consensus
            else 0.0,
            3,
        ),
    }


def top(directory: Path, n: int = 10) -> None:
    """The top key points as a reader sees them."""
    records = inputs_convert(comments_read(directory))
    result = issue_aggregate(
        IssueRecord(1, "POLIS", directory.name), records, params=Params(), language="en"
    )
    for point in result.key_points[:n]:
        print(f"- [{point.label}] {point.name}: {point.statement} ({len(point.sources)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--conversation",
        type=Path,
        action="append",
        help="a conversation's folder (again for more); every one in the data by default",
    )
    parser.add_argument("--top", type=int, default=0, help="print the top key points too")
    args = parser.parse_args()
    conversations = args.conversation or sorted(
        folder for folder in DATA.glob("*") if (folder / "comments.csv").exists()
    )
    if not conversations:
        print(json.dumps({"benchmark": "polis", "skipped": f"no data in {DATA}"}))
        return
    for conversation in conversations:
        print(json.dumps(evaluate(conversation)), flush=True)
        if args.top:
            top(conversation, args.top)


if __name__ == "__main__":
    main()
