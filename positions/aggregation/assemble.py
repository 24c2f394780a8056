from collections import defaultdict
from collections.abc import Sequence

from positions.aggregation.phrases import phrases_for
from positions.aggregation.pipeline import IssueResult
from positions.aggregation.records import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    ParagraphDraft,
    SectionDraft,
)


def _names(names: Sequence[str], words: dict, limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown += " " + words["and_more"].format(count=len(names) - limit)
    return shown


def _kinds_text(kinds: dict[str, int], words: dict) -> str:
    return ", ".join(f"{n} {words['org_kinds'].get(kind, kind)}" for kind, n in kinds.items())


def issue_section(issue: IssueRecord, result: IssueResult, *, language: str) -> SectionDraft:
    """One section for one thematic issue: who spoke, key points, divergence, recommendations.

    Every paragraph cites the inputs it was written from, except the opening count,
    which summarises the paragraphs below it.
    """
    words = phrases_for(language)
    heading = f"{issue.code}. {issue.title}"
    if not result.inputs:
        return SectionDraft("issue", heading, (ParagraphDraft(words["no_inputs"]),), issue.id)
    paragraphs = [
        ParagraphDraft(
            words["summary"].format(
                inputs=result.inputs,
                organisations=result.organisations,
                kinds=_kinds_text(result.kinds, words),
                points=len(result.key_points),
            )
        )
    ]
    for n, point in enumerate(result.key_points, start=1):
        paragraphs.append(
            ParagraphDraft(
                words["key_point"].format(
                    n=n,
                    name=point.name,
                    label=words["labels"][point.label],
                    statement=point.statement,
                    count=len(point.organisations),
                    kinds=_kinds_text(point.kinds, words),
                    organisations=_names(point.organisations, words),
                ),
                tuple(sorted(point.sources)),
            )
        )
    for point in result.key_points:
        if point.label == "divergent":
            paragraphs.append(
                ParagraphDraft(
                    words["divergence"].format(
                        name=point.name, opposing=_names(point.opposing, words)
                    ),
                    tuple(sorted(point.sources)),
                )
            )
    paragraphs += [
        ParagraphDraft(
            words["recommendation"].format(count=rec.organisations, text=rec.text),
            tuple(sorted(rec.sources)),
        )
        for rec in result.recommendations
    ]
    paragraphs += [
        ParagraphDraft(
            words["campaign"].format(
                count=group.organisations, members=len(group.members), text=group.text
            ),
            tuple(sorted(group.members)),
        )
        for group in result.duplicate_groups
        if group.is_campaign
    ]
    if result.other_points:
        paragraphs.append(ParagraphDraft(words["others"].format(count=len(result.other_points))))
        paragraphs += [
            ParagraphDraft(f"{organisation}: {text}", (source,))
            for source, organisation, text in result.other_points
        ]
    return SectionDraft("issue", heading, tuple(paragraphs), issue.id)


def draft_structure(
    issues: Sequence[IssueRecord], results: dict[str, IssueResult], references: dict[int, object]
) -> dict:
    """The structured draft `manage.py aggregate --json` writes; ids are references."""

    def refs(ids):
        return [references.get(i, i) for i in ids]

    return {
        "issues": [
            {
                "code": issue.code,
                "title": issue.title,
                "inputs": results[issue.code].inputs,
                "organisations": results[issue.code].organisations,
                "key_points": [
                    {
                        "name": point.name,
                        "statement": point.statement,
                        "sources": refs(point.sources),
                        "organisations": list(point.organisations),
                        "kinds": point.kinds,
                        "label": point.label,
                        "opposing": list(point.opposing),
                        "consensus_score": point.consensus_score,
                        "languages": list(point.languages),
                    }
                    for point in results[issue.code].key_points
                ],
                "recommendations": [
                    {"text": rec.text, "sources": refs(rec.sources)}
                    for rec in results[issue.code].recommendations
                ],
                "duplicate_groups": [
                    {
                        "representative": refs([group.representative])[0],
                        "members": refs(group.members),
                        "organisations": group.organisations,
                        "campaign": group.is_campaign,
                    }
                    for group in results[issue.code].duplicate_groups
                ],
            }
            for issue in issues
        ]
    }


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
