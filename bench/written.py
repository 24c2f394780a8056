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
