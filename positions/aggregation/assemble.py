from collections import defaultdict
from collections.abc import Sequence

from common.text import language_of
from positions.aggregation.phrases import counted, phrases_for
from positions.aggregation.pipeline import IssueResult, kind_counts, reads_alone
from positions.aggregation.records import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    ParagraphDraft,
    SectionDraft,
)
from positions.aggregation.text import statements_split


def _names(names: Sequence[str], words: dict, limit: int = 5) -> str:
    # "International Organization for Migration, Jakarta" is one name: where a name has
    # a comma, names are set apart by semicolons
    shown = ("; " if any("," in name for name in names) else ", ").join(names[:limit])
    if len(names) > limit:
        shown += " " + words["and_more"].format(count=len(names) - limit)
    return shown


def _kinds_text(kinds: dict[str, int], words: dict) -> str:
    return ", ".join(counted(words, n, kind) for kind, n in kinds.items())


def _sides_text(point, words: dict) -> str:
    """Who stands where, each side counted and named apart: "supported by" only where
    every organisation behind the point said it supports it, "raised by" otherwise."""
    verb = (
        "supported"
        if point.supporting and len(point.supporting) == len(point.organisations)
        else "raised"
    )
    sides = [
        words[verb].format(
            count_n=counted(words, len(point.organisations), "organisation"),
            kinds=_kinds_text(point.kinds, words),
            organisations=_names(point.organisations, words),
        )
    ]
    if point.opposing:
        sides.append(
            words["opposed"].format(
                count_n=counted(words, len(point.opposing), "organisation"),
                kinds=_kinds_text(point.opposing_kinds, words),
                organisations=_names(point.opposing, words),
            )
        )
    if point.needs_translation:
        sides.append(words["translate"])
    return " ".join(sides)


LABEL_ORDER = (("consensus", "common"), ("divergent", "differing"), ("single-source", "single"))


def issue_section(issue: IssueRecord, result: IssueResult, *, language: str) -> SectionDraft:
    """One section for one thematic issue, as a paper reads: who spoke; the views held in
    common, the views that differ (each side named and counted), the points of one group
    only; recommendations; campaigns as one paragraph each; the rest one by one.

    Every paragraph cites the inputs it was written from, except the opening count and
    the lead-ins of the parts, which introduce the paragraphs below them.
    """
    words = phrases_for(language)
    heading = f"{issue.code}. {issue.title}"
    if not result.inputs:
        # a theme whose inputs were all given under its sub-themes says where they are
        empty = (
            words["in_subthemes"].format(codes=", ".join(issue.subthemes))
            if issue.subthemes
            else words["no_inputs"]
        )
        return SectionDraft("issue", heading, (ParagraphDraft(empty),), issue.id)
    paragraphs = [
        ParagraphDraft(
            words["summary"].format(
                inputs_n=counted(words, result.inputs, "input"),
                organisations_n=counted(words, result.organisations, "organisation"),
                kinds=_kinds_text(result.kinds, words),
                points_n=counted(words, len(result.key_points), "key_point"),
            )
        )
    ]
    n = 0
    for label, lead_in in LABEL_ORDER:
        points = [point for point in result.key_points if point.label == label]
        if points:
            paragraphs.append(ParagraphDraft(words[lead_in]))
        for point in points:
            n += 1
            paragraphs.append(
                ParagraphDraft(
                    words["key_point"].format(
                        n=n,
                        name=point.name,
                        statement=_closed(point.statement),
                        sides=_sides_text(point, words),
                    ),
                    tuple(sorted(point.sources)),
                )
            )
    # a recommendation that a key point already states word for word is not said twice
    stated = {point.statement for point in result.key_points}
    recommendations = [rec for rec in result.recommendations if rec.text not in stated]
    if recommendations:
        paragraphs.append(ParagraphDraft(words["recommendations"]))
    paragraphs += [
        ParagraphDraft(
            words["recommendation"].format(
                count_n=counted(words, rec.organisations, "organisation"),
                text=rec.text,
            )
            + (" " + words["translate"] if rec.needs_translation else ""),
            tuple(sorted(rec.sources)),
        )
        for rec in recommendations
    ]
    campaigns = campaigns_of(result)
    if campaigns:  # under a lead-in of their own, never under the recommendations
        paragraphs.append(ParagraphDraft(words["campaigns"]))
    paragraphs += [
        ParagraphDraft(
            words["campaign"].format(
                count_n=counted(words, group.organisations, "organisation"),
                members_n=counted(words, len(group.members), "copy"),
                sent_by=_sent_by(group, words),
                text=group.text,
            )
            + _translate_mark(group.text, language, words),
            tuple(sorted(group.members)),
        )
        for group in campaigns
    ]
    if result.other_points:
        untranslated = set(result.other_untranslated)
        paragraphs.append(ParagraphDraft(words["others"].format(count=len(result.other_points))))
        paragraphs += [
            ParagraphDraft(
                f"{organisation}: {text}"
                + (" " + words["translate"] if source in untranslated else ""),
                (source,),
            )
            for source, organisation, text in result.other_points
        ]
    return SectionDraft("issue", heading, tuple(paragraphs), issue.id)


OVERVIEW_POINTS = 2  # views held in common quoted per issue in the summary


def overview_section(
    issues: Sequence[IssueRecord],
    results: dict[str, IssueResult],
    inputs: Sequence[InputRecord],
    *,
    language: str,
) -> SectionDraft:
    """The summary (*Ringkasan*) a director reads first: what the consultation gathered,
    the leading views held in common on each issue and where views differ; each point
    cites its inputs."""
    words = phrases_for(language)
    kind_of = {record.organisation: record.organisation_kind for record in inputs}
    points = [p for issue in issues for p in results[issue.code].key_points]
    counts = {label: sum(p.label == label for p in points) for label, _ in LABEL_ORDER}
    spoken_on = sum(1 for issue in issues if results[issue.code].inputs)
    paragraphs = [
        ParagraphDraft(
            words["overview"].format(
                inputs_n=counted(words, len(inputs), "input"),
                organisations_n=counted(words, len(kind_of), "organisation"),
                kinds=_kinds_text(kind_counts(kind_of, kind_of), words),
                # the issues inputs were given on: a theme whose inputs are all under
                # its sub-themes is counted in them
                issues_n=counted(words, spoken_on, "issue"),
                common_n=counted(words, counts["consensus"], "view"),
                differing_n=counted(words, counts["divergent"], "view"),
                single_n=counted(words, counts["single-source"], "key_point"),
            )
        )
    ]
    for issue in issues:
        result = results[issue.code]
        common = [p for p in result.key_points if p.label == "consensus"][:OVERVIEW_POINTS]
        differing = [p for p in result.key_points if p.label == "divergent"]
        # a campaign whose letters stand in a point the summary names is said in that
        # point's line, not counted again in a line of its own
        told = {
            id(point): [g for g in campaigns_of(result) if g.representative in point.sources]
            for point in (*common, *differing)
        }
        paragraphs += [
            ParagraphDraft(
                words["overview_point"].format(
                    issue=issue.title,
                    statement=point.statement,
                    count_n=counted(words, len(point.organisations), "organisation"),
                    kinds=_kinds_text(point.kinds, words),
                    campaign=_campaigns_within(told[id(point)], words),
                    translate=" " + words["translate"] if point.needs_translation else "",
                ),
                tuple(sorted(point.sources)),
            )
            for point in common
        ]
        paragraphs += [
            ParagraphDraft(
                words["overview_differing"].format(
                    issue=issue.title,
                    name=point.name,
                    behind_n=counted(words, len(point.organisations), "organisation"),
                    against_n=counted(words, len(point.opposing), "organisation"),
                    campaign=_campaigns_within(told[id(point)], words),
                ),
                tuple(sorted(point.sources)),
            )
            for point in differing
        ]
        # the largest campaigns, as many as views held in common: a summary, not a list
        named = {g.representative for groups in told.values() for g in groups}
        largest = sorted(
            (g for g in campaigns_of(result) if g.representative not in named),
            key=lambda group: (-group.organisations, -len(group.members), group.representative),
        )[:OVERVIEW_POINTS]
        paragraphs += [_overview_campaign(issue, group, words, language) for group in largest]
    if not counts["consensus"]:
        paragraphs.append(ParagraphDraft(words["overview_none"]))
    return SectionDraft("summary", words["overview_heading"], tuple(paragraphs))


def _campaigns_within(groups: list, words: dict) -> str:
    """ "; of these, 45 organisations through campaign letters of one template, 45
    copies" for the campaigns among a point's organisations, or nothing."""
    if not groups:
        return ""
    return words["overview_point_campaign"].format(
        count_n=counted(words, sum(g.organisations for g in groups), "organisation"),
        members_n=counted(words, sum(len(g.members) for g in groups), "copy"),
    )


def _sent_by(group, words: dict) -> str:
    """Whose letter the paper quotes for a campaign (results stored before it was kept
    say nothing)."""
    return words["sent_by"].format(sender=group.sender) if group.sender else ""


def _closed(statement: str) -> str:
    """The statement with a full stop where its writer left none: "Raised by ..." follows
    it in the same paragraph ("... improve traffic flow Raised by 6 organisations")."""
    if statement.rstrip("\"'”’)»]").endswith((".", "!", "?", "…")):
        return statement
    return statement + "."


def campaigns_of(result: IssueResult) -> list:
    return [group for group in result.duplicate_groups if group.is_campaign]


def _translate_mark(text: str, language: str, words: dict) -> str:
    """The note asking for a translation, for a text written in the paper's other
    language (a campaign letter is quoted whole)."""
    written_in = language_of(text)
    if language in ("id", "en") and written_in in ("id", "en") and written_in != language:
        return " " + words["translate"]
    return ""


def _overview_campaign(issue, group, words: dict, language: str) -> ParagraphDraft:
    """A campaign in the summary: its letters and organisations, and what it asks in the
    letter's own words (its first sentence that reads alone, not a signatory's story)."""
    sentences = statements_split(group.text) or [group.text]
    statement = next((s for s in sentences if reads_alone(s)), sentences[0])
    translate = _translate_mark(group.text, language, words)
    return ParagraphDraft(
        words["overview_campaign"].format(
            issue=issue.title,
            count_n=counted(words, group.organisations, "organisation"),
            members_n=counted(words, len(group.members), "copy"),
            sent_by=_sent_by(group, words),
            statement=statement,
            translate=translate,
        ),
        tuple(sorted(group.members)),
    )


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
                        "opposing_kinds": point.opposing_kinds,
                        "supporting": list(point.supporting),
                        "needs_translation": point.needs_translation,
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
                inputs_n=counted(words, len(records), "input"),
            ),
            tuple(sorted(record.id for record in records)),
        )
        # as a reader looks a name up: "Paguyuban" before "PT Bank", case aside
        for name, records in sorted(
            by_organisation.items(), key=lambda kv: (kv[0].casefold(), kv[0])
        )
    )
    return SectionDraft("annex", words["annex"], paragraphs)


def draft_assemble(
    outline: OutlineRecord,
    issues: Sequence[IssueRecord],
    sections: dict[str, SectionDraft],
    inputs: Sequence[InputRecord],
    *,
    language: str,
    results: dict[str, IssueResult] | None = None,
) -> list[SectionDraft]:
    """The whole draft: background, the summary (when the issues' results are given),
    the issue sections in the issues' order, the annex."""
    words = phrases_for(language)
    summary = (
        [overview_section(issues, results, inputs, language=language)]
        if results is not None
        else []
    )
    return [
        _background(outline, words),
        *summary,
        *(sections[issue.code] for issue in issues),
        _annex(inputs, words),
    ]
