"""Quality of the aggregation on corpora with known truth, side by side.

    python bench/quality.py [--inputs N]

Corpora: the generated one (bench/corpus.py, N inputs) and every corpus written by hand
in bench/corpora/ (bench/written.py says how they were written and read). Prints one
JSON line per corpus: adjusted Rand index of the key-point grouping (over inputs; an
input outside every key point is its own group), precision / recall / F1 of duplicate
detection (over pairs of inputs in one campaign), recall of true key points (a true key
point is found when a key point of the draft has it as the majority of its sources) and
accuracy of the consensus / divergent / single-source labels on the key points found, and
what a reader would catch first: key points made of courtesy or off-topic lines and
key points whose statement is a fragment (four words or fewer of an input that says
more, or a later piece of it starting in lower case), and key points stated in the words
of an organisation they name against them. For each hand-written corpus a
second line, `curation`: how many decisions an officer who knew the points would take
(every input moved into the key point holding most of its point, off-topic ones
excluded), the grouping's ARI once they are replayed, and how many decisions a second
run with them still needs.
"""

import argparse
import json
import re
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Corpus, corpus_make  # noqa: E402
from bench.written import CORPORA, corpus_load  # noqa: E402
from positions.aggregation.decisions import DecisionRecord as Decision  # noqa: E402
from positions.aggregation.pipeline import Params, issue_aggregate  # noqa: E402


def adjusted_rand_index(truth: list, predicted: list) -> float:
    def comb2(x):
        return x * (x - 1) / 2

    table = Counter(zip(truth, predicted, strict=True))
    a = Counter(truth)
    b = Counter(predicted)
    index = sum(comb2(n) for n in table.values())
    sum_a = sum(comb2(n) for n in a.values())
    sum_b = sum(comb2(n) for n in b.values())
    expected = sum_a * sum_b / comb2(len(truth))
    maximum = (sum_a + sum_b) / 2
    return float((index - expected) / (maximum - expected)) if maximum != expected else 1.0


def _pairs(groups) -> set:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def fragment(statement: str, source: str) -> bool:
    """A statement that cannot stand for its input: four words or fewer of an input
    that says more, or a later piece of it that starts in lower case."""
    words = len(re.findall(r"[^\W\d_]+", statement))
    later = " ".join(source.split())[1:20] != statement[1:20]
    return (words <= 4 < len(re.findall(r"[^\W\d_]+", source))) or (
        later and statement[:1].islower()
    )


def evaluate(corpus: Corpus, params: Params | None = None, name: str = "generated") -> dict:
    params = params or Params()
    started = time.perf_counter()
    results = [
        issue_aggregate(
            issue,
            [r for r in corpus.inputs if r.issue_code == issue.code],
            params=params,
            language="id",
        )
        for issue in corpus.issues
    ]
    seconds = time.perf_counter() - started
    predicted: dict[int, str] = {}
    found: dict[str, str] = {}
    noise_points = 0
    texts = {record.id: record.text for record in corpus.inputs}
    organisation_of = {record.id: record.organisation for record in corpus.inputs}
    for result in results:
        for n, point in enumerate(result.key_points):
            for source in point.sources:
                predicted.setdefault(source, f"{result.code}:{n}")
            majority, _count = Counter(corpus.truth_point[s] for s in point.sources).most_common(1)[
                0
            ]
            if majority.startswith("noise"):
                noise_points += 1
            elif majority not in found:
                found[majority] = point.label
    ids = sorted(corpus.truth_point)
    ari = adjusted_rand_index(
        [corpus.truth_point[i] for i in ids], [predicted.get(i, f"alone:{i}") for i in ids]
    )
    true_pairs = _pairs(corpus.campaigns)
    found_pairs = _pairs(g.members for r in results for g in r.duplicate_groups)
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    labels = [found[p] == corpus.truth_label[p] for p in found]
    return {
        "benchmark": "quality",
        "corpus": name,
        "inputs": len(corpus.inputs),
        "true_key_points": len(corpus.truth_label),
        "key_points_in_draft": sum(len(r.key_points) for r in results),
        "ari": round(ari, 4),
        "duplicate_precision": round(precision, 4),
        "duplicate_recall": round(recall, 4),
        "duplicate_f1": round(2 * precision * recall / (precision + recall or 1), 4),
        "key_point_recall": round(len(found) / len(corpus.truth_label), 4),
        "label_accuracy": round(float(np.mean(labels)) if labels else 0.0, 4),
        "noise_key_points": noise_points,
        "fragment_statements": sum(
            fragment(p.statement, texts[p.statement_source]) for r in results for p in r.key_points
        ),
        # off-topic remarks (courtesy, the meeting's logistics, other subjects) that the
        # draft shows in a key point or as a single input, and on-topic inputs it leaves out
        "noise_in_draft": sum(
            corpus.truth_point[i].startswith("noise")
            for r in results
            for i in {
                *(s for p in r.key_points for s in p.sources),
                *(o[0] for o in r.other_points),
            }
        ),
        "on_topic_set_apart": sum(
            not corpus.truth_point[i].startswith("noise") for r in results for i in r.set_apart
        ),
        # a point stated in the words of an organisation named against it
        "statements_by_opponents": sum(
            organisation_of[p.statement_source] in p.opposing for r in results for p in r.key_points
        ),
        "core_seconds": round(seconds, 3),
    }


def corrections(corpus: Corpus, results) -> list:
    """The decisions an officer who knew the truth would take on these results: every
    input of a true key point moved into the key point holding most of them (or, where
    none holds any, into a new one), every off-topic or courtesy input in a key point
    excluded. Anchored on inputs, as staff's are."""
    decisions, n = [], 0
    for issue, result in zip(corpus.issues, results, strict=True):
        placed: dict[int, int] = {}
        for k, point in enumerate(result.key_points):
            for source in point.sources:
                placed.setdefault(source, k)
        by_truth: dict[str, list[int]] = {}
        for record in corpus.inputs:
            if record.issue_code != issue.code:
                continue
            truth = corpus.truth_point[record.id]
            if truth.startswith("noise"):
                if record.id in placed:
                    n += 1
                    decisions.append((issue.code, Decision(n, "exclude", (record.id,))))
            else:
                by_truth.setdefault(truth, []).append(record.id)
        for ids in by_truth.values():
            held = Counter(placed[i] for i in ids if i in placed)
            if held:
                home, _count = held.most_common(1)[0]
                anchor = next(i for i in ids if placed.get(i) == home)
                away = tuple(i for i in ids if placed.get(i) != home)
                if away:
                    n += 1
                    decisions.append((issue.code, Decision(n, "move", away, (anchor,))))
            elif len(ids) >= 2:
                n += 1
                decisions.append((issue.code, Decision(n, "move", tuple(ids), ())))
    return decisions


def curation(corpus: Corpus, name: str, params: Params | None = None) -> dict:
    """How many decisions staff would need to make the grouping right, what the grouping
    scores once they are taken, and how many a second run then still needs."""
    params = params or Params()

    def run(decisions=()):
        return [
            issue_aggregate(
                issue,
                [r for r in corpus.inputs if r.issue_code == issue.code],
                params=params,
                language="id",
                decisions=[d for code, d in decisions if code == issue.code],
            )
            for issue in corpus.issues
        ]

    first = run()
    decisions = corrections(corpus, first)
    second = run(decisions)
    predicted = {}
    for result in second:
        for n, point in enumerate(result.key_points):
            for source in point.sources:
                predicted.setdefault(source, f"{result.code}:{n}")
    ids = sorted(corpus.truth_point)
    ari = adjusted_rand_index(
        [corpus.truth_point[i] for i in ids], [predicted.get(i, f"alone:{i}") for i in ids]
    )
    return {
        "benchmark": "curation",
        "corpus": name,
        "decisions": len(decisions),
        "inputs_placed": sum(len(d.anchors) for _code, d in decisions),
        "ari_after": round(ari, 4),
        "decisions_needed_after": len(corrections(corpus, second)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=3000)
    args = parser.parse_args()
    print(json.dumps(evaluate(corpus_make(args.inputs))))
    for path in CORPORA:
        corpus = corpus_load(path)
        print(json.dumps(evaluate(corpus, name=path.stem)))
        print(json.dumps(curation(corpus, path.stem)))


if __name__ == "__main__":
    main()
