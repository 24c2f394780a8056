"""The aggregation core: plain records in, a structured draft out. No Django in here.

A selector hands in `InputRecord`s and an `OutlineRecord` (the consultation's
metadata); `draft_assemble` returns `SectionDraft`s whose every paragraph carries the ids
of the inputs it was written from; a service stores them as a draft version.

This first cut groups inputs by thematic issue and kind and counts support by
organisation and organisation kind. It is deterministic: inputs are ordered by
(organisation, id) and nothing depends on dict order, time or randomness, so the same
inputs always give the same draft.
"""

from positions.aggregation.assemble import draft_assemble, issue_summarise
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
    "draft_assemble",
    "issue_summarise",
]
