from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from positions.aggregation.phrases import phrases_for
from positions.aggregation.records import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    ParagraphDraft,
    SectionDraft,
)

KIND_ORDER = ("statement", "concern", "recommendation", "evidence")


def _ordered(inputs: Iterable[InputRecord]) -> list[InputRecord]:
    return sorted(inputs, key=lambda record: (record.organisation, record.id))


def _kinds_phrase(inputs: Sequence[InputRecord], words: dict) -> str:
    """'2 NGO/CSO, 1 ministry/agency': organisations counted once per kind."""
    kind_of = {record.organisation: record.organisation_kind for record in inputs}
    counts = Counter(kind_of.values())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{n} {words['org_kinds'].get(kind, kind)}" for kind, n in ordered)


def issue_summarise(
    issue: IssueRecord, inputs: Sequence[InputRecord], *, language: str
) -> SectionDraft:
    """One section for one thematic issue: a count of who spoke, then what each said."""
    words = phrases_for(language)
    heading = f"{issue.code}. {issue.title}"
    if not inputs:
        return SectionDraft("issue", heading, (ParagraphDraft(words["no_inputs"]),), issue.id)
    ordered = _ordered(inputs)
    summary = ParagraphDraft(
        words["summary"].format(
            inputs=len(ordered),
            organisations=len({record.organisation for record in ordered}),
            kinds=_kinds_phrase(ordered, words),
        ),
        tuple(sorted(record.id for record in ordered)),
    )
    paragraphs = [summary]
    for kind in KIND_ORDER:
        label = words["kind_heading"][kind]
        paragraphs.extend(
            ParagraphDraft(f"{label} — {record.organisation}: {record.text}", (record.id,))
            for record in ordered
            if record.kind == kind
        )
    return SectionDraft("issue", heading, tuple(paragraphs), issue.id)


def _background(outline: OutlineRecord, words: dict) -> SectionDraft:
    paragraphs = [ParagraphDraft(outline.title)]
    if outline.description:
        paragraphs.append(ParagraphDraft(outline.description))
    paragraphs.append(ParagraphDraft(words["convened"].format(convener=outline.convener)))
    if outline.sessions:
        paragraphs.append(
            ParagraphDraft(words["sessions"].format(sessions="; ".join(outline.sessions)))
        )
    return SectionDraft("background", words["background"], tuple(paragraphs))


def _annex(inputs: Sequence[InputRecord], words: dict) -> SectionDraft:
    by_organisation: dict[str, list[InputRecord]] = defaultdict(list)
    for record in inputs:
        by_organisation[record.organisation].append(record)
    paragraphs = tuple(
        ParagraphDraft(
            words["participant"].format(
                organisation=name,
                kind=words["org_kinds"].get(records[0].organisation_kind, ""),
                inputs=len(records),
            ),
            tuple(sorted(record.id for record in records)),
        )
        for name, records in sorted(by_organisation.items())
    )
    return SectionDraft("annex", words["annex"], paragraphs)


def draft_assemble(
    outline: OutlineRecord,
    issues: Sequence[IssueRecord],
    sections: dict[str, SectionDraft],
    inputs: Sequence[InputRecord],
    *,
    language: str,
) -> list[SectionDraft]:
    """The whole draft: background, the issue sections in the issues' order, the annex."""
    words = phrases_for(language)
    return [
        _background(outline, words),
        *(sections[issue.code] for issue in issues),
        _annex(inputs, words),
    ]
