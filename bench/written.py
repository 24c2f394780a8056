"""Corpora written by hand, outside the engine, with their truth.

Each file in bench/corpora/ is one consultation written as the people of DESIGN.md
write: ministries, agencies, NGOs, international organisations, universities and
companies, each input in its author's own words (verbs, word order, hedges, framing,
typos, informal Indonesian), half in Bahasa Indonesia and half in English, with a
campaign spun from a template with alternatives and personal lines, courtesy lines and
off-topic remarks. Their writers did not read the engine or its glossary; nothing in
the engine may be derived from their sentences. The truth is in the file: every
input's key point (or noise), the campaign, every key point's label.

Format: {"name", "description", "issues": [{code, title}], "organisations": [{name,
kind}], "points": [{id, issue, label, summary}], "inputs": [{id, organisation, issue,
kind, stance, language, text, point, campaign, noise}]}.
"""

import json
from pathlib import Path

from bench.corpus import Corpus
from positions.aggregation import InputRecord, IssueRecord

CORPORA = sorted((Path(__file__).resolve().parent / "corpora").glob("*.json"))


def corpus_load(path: Path) -> Corpus:
    data = json.loads(path.read_text(encoding="utf-8"))
    kind_of = {o["name"]: o["kind"] for o in data["organisations"]}
    issues = [
        IssueRecord(id=n, code=issue["code"], title=issue["title"])
        for n, issue in enumerate(data["issues"], start=1)
    ]
    inputs = [
        InputRecord(
            id=row["id"],
            organisation=row["organisation"],
            organisation_kind=kind_of[row["organisation"]],
            issue_code=row["issue"],
            kind=row.get("kind") or "statement",
            stance=row.get("stance") or "",
            text=row["text"],
            language=row.get("language") or "",
        )
        for row in data["inputs"]
    ]
    campaigns: dict[str, list[int]] = {}
    for row in data["inputs"]:
        if row.get("campaign"):
            campaigns.setdefault(row["campaign"], []).append(row["id"])
    return Corpus(
        issues=issues,
        inputs=inputs,
        truth_point={
            row["id"]: row["point"] if row.get("point") else f"noise:{row['id']}"
            for row in data["inputs"]
        },
        campaigns=[sorted(ids) for _name, ids in sorted(campaigns.items())],
        truth_label={point["id"]: point["label"] for point in data["points"]},
    )


PROVINCES = (
    "Aceh", "Sumatera Utara", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat", "Jawa Tengah",
    "DI Yogyakarta", "Jawa Timur", "Bali", "NTB", "NTT", "Kalimantan Barat",
    "Kalimantan Utara", "Sulawesi Selatan", "Sulawesi Utara", "Maluku", "Papua",
)  # fmt: skip


def written_scaled(n_inputs: int, *, seed: int = 2017) -> Corpus:
    """A consultation of `n_inputs` built from the sentences of the hand-written corpora,
    for the speed benchmark: every corpus's issues side by side; each input of a key
    point is one to three sentences drawn from what the inputs of that point say in its
    language (so inputs differ as people's do, most of them new texts), with a typo now
    and then; campaign letters, courtesy lines and off-topic remarks are taken whole, in
    the share they have in the corpora. Organisations are the corpora's, each with
    branches in the provinces, so the consultation has hundreds of them."""
    import random

    from common.text import language_detect, normalise, words
    from positions.aggregation.text import statements_split

    rng = random.Random(seed)
    issues: list[IssueRecord] = []
    sources = []  # (issue code, organisation, kind, input kind, stance, point, text, language)
    pools: dict[tuple[str, str], list[str]] = {}
    issue_of: dict[str, str] = {}
    for path in CORPORA:
        data = json.loads(path.read_text(encoding="utf-8"))
        kind_of = {o["name"]: o["kind"] for o in data["organisations"]}
        for issue in data["issues"]:
            code = f"{data['name']}-{issue['code']}"
            issues.append(IssueRecord(id=len(issues) + 1, code=code, title=issue["title"]))
        for row in data["inputs"]:
            code = f"{data['name']}-{row['issue']}"
            language = language_detect(words(normalise(row["text"])), row.get("language") or "")
            whole = not row.get("point") or bool(row.get("campaign"))
            point = "" if whole else f"{data['name']}-{row['point']}"
            sources.append(
                (code, row["organisation"], kind_of[row["organisation"]], row.get("kind"),
                 row.get("stance") or "", point, row["text"], language)
            )  # fmt: skip
            if point:
                issue_of[point] = code
                pools.setdefault((point, language), []).extend(statements_split(row["text"]))
    by_issue: dict[tuple[str, str], list[str]] = {}
    for point, language in sorted(pools):
        by_issue.setdefault((issue_of[point], language), []).append(point)
    inputs = []
    truth = {}
    for n in range(1, n_inputs + 1):
        code, organisation, kind, input_kind, stance, point, text, language = rng.choice(sources)
        if point:
            pool = pools[(point, language)]
            picked = rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3))))
            if rng.random() < 0.3:  # a second point of the same issue, as people add one
                other = rng.choice(by_issue[(code, language)])
                picked.append(rng.choice(pools[(other, language)]))
            text = " ".join(picked)
            if rng.random() < 0.5:
                text = _typo(text, rng)
        inputs.append(
            InputRecord(
                id=n,
                organisation=f"{organisation} – {rng.choice(PROVINCES)}",
                organisation_kind=kind,
                issue_code=code,
                kind=input_kind or "statement",
                stance=stance,
                text=text,
                language=language if language in ("id", "en") else "",
            )
        )
        truth[n] = point or f"noise:{n}"
    return Corpus(issues=issues, inputs=inputs, truth_point=truth, campaigns=[])


def _typo(text: str, rng) -> str:
    """Two letters of one longer word swapped, as a hurried writer does."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    at = rng.choice(spaces) + 1
    end = text.find(" ", at)
    end = len(text) if end < 0 else end
    if end - at < 5:
        return text
    k = rng.randrange(at + 1, end - 2)
    return text[:k] + text[k + 1] + text[k] + text[k + 2 :]
