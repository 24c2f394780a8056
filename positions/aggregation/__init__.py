"""The aggregation core: plain records in, a structured draft out. No Django in here.

A selector hands in `InputRecord`s and an `OutlineRecord` (the consultation's
metadata); `draft_assemble` returns `SectionDraft`s whose every paragraph carries the ids
of the inputs it was written from; a service stores them as a draft version.

Per thematic issue `issue_aggregate` (pipeline.py) finds duplicates, key points,
support, labels and recommendations; `issue_section` turns its result into the issue's
section. Deterministic: inputs are taken in id order and nothing depends on dict order,
time or unseeded randomness, so the same inputs always give the same draft.
"""

from positions.aggregation.assemble import draft_assemble, draft_structure, issue_section
from positions.aggregation.pipeline import PIPELINE_VERSION, IssueResult, Params, issue_aggregate
from positions.aggregation.records import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    ParagraphDraft,
    SectionDraft,
)

__all__ = [
    "InputRecord",
    "IssueRecord",
    "OutlineRecord",
    "ParagraphDraft",
    "SectionDraft",
    "IssueResult",
    "PIPELINE_VERSION",
    "Params",
    "draft_assemble",
    "draft_structure",
    "issue_aggregate",
    "issue_section",
]
