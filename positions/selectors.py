"""Reads for position papers, and the plain records the aggregation core works on."""

import hashlib
import json
import re

from django.db import connection
from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from consult.models import Consultation, Input, InputRevision, ThematicIssue
from consult.search import input_search
from positions.aggregation import InputRecord, IssueRecord, IssueResult, OutlineRecord
from positions.aggregation import decisions as decisions_module
from positions.aggregation.phrases import PHRASES
from positions.models import (
    AggregationRun,
    DraftVersion,
    GlossaryTerm,
    KeyPointDecision,
    PaperExport,
    Paragraph,
    ParagraphSource,
    PositionPaper,
    ReviewComment,
    RunInput,
    Section,
    Suggestion,
)
from positions.visibility import PUBLIC, paragraph_read, reader_for
from stakeholders.models import Organisation
from stakeholders.predicates import speaking_organisations


def version_list(*, paper: PositionPaper) -> QuerySet[DraftVersion]:
    """Newest first (said here: a query with an aggregate ignores Meta.ordering)."""
    return (
        paper.versions.select_related("created_by")
        .annotate(section_count=Count("sections"))
        .order_by("-number")
    )


def version_to_read(versions) -> tuple[DraftVersion | None, DraftVersion | None]:
    """The version a reader opens with the paper, and the newer draft beside it if any:
    the latest approved version when there is one (what the ministry signed), else the
    latest. `versions` newest first."""
    if not versions:
        return None, None
    approved = next((v for v in versions if v.status == DraftVersion.Status.APPROVED), None)
    if approved is None:
        return versions[0], None
    newer = versions[0] if versions[0].number > approved.number else None
    return approved, newer


def paper_get(*, consultation: Consultation) -> PositionPaper:
    """The consultation's paper (made with the consultation: positions/signals.py)."""
    return get_object_or_404(PositionPaper, consultation=consultation)


def version_get(*, paper: PositionPaper, number: int) -> DraftVersion:
    """A version with its sections (and their issues), paragraphs and their sources, in
    three queries."""
    paragraphs = Paragraph.objects.order_by("position").prefetch_related(
        Prefetch("sources", queryset=Input.objects.select_related("organisation").order_by("pk"))
    )
    return (
        paper.versions.select_related("created_by", "paper__consultation")
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.select_related("issue")),
            Prefetch("sections__paragraphs", queryset=paragraphs),
        )
        .get(number=number)
    )


def run_list(*, paper: PositionPaper) -> QuerySet[AggregationRun]:
    return paper.runs.select_related("requested_by", "draft_version")


def aggregation_outline(*, consultation: Consultation, language: str) -> OutlineRecord:
    """What the background says, its session dates written as the paper's language
    writes them ("14 November 2017"), as the title page's date is."""
    with translation.override(language):
        sessions = tuple(
            f"{session.title}, {date_format(session.date, 'j F Y')}"
            + (f", {session.venue}" if session.venue else "")
            for session in consultation.sessions.order_by("date", "pk")
        )
    return OutlineRecord(
        title=consultation.title,
        description=consultation.description,
        convener=str(consultation.convener),
        sessions=sessions,
    )


def aggregation_issues(*, consultation: Consultation, language: str = "") -> list[IssueRecord]:
    """The consultation's issues in order, titled in `language` where staff gave the
    issue a title in it (English), else by their title."""
    rows = list(
        consultation.issues.order_by("position", "code").values_list(
            "pk", "code", "title", "title_en", "parent_id"
        )
    )
    subthemes: dict[int, list[str]] = {}
    for _pk, code, _title, _title_en, parent in rows:
        if parent is not None:
            subthemes.setdefault(parent, []).append(code)
    return [
        IssueRecord(
            id=pk,
            code=code,
            title=title_en if language == "en" and title_en else title,
            subthemes=tuple(subthemes.get(pk, ())),
        )
        for pk, code, title, title_en, _parent in rows
    ]


def _submitted(consultation: Consultation, issue_code: str | None = None) -> QuerySet[Input]:
    """The inputs a run reads: submitted and not hidden by staff (a hidden input speaks for
    no one)."""
    inputs = Input.objects.filter(
        session__consultation=consultation, status=Input.Status.SUBMITTED
    ).exclude(moderation__is_hidden=True)
    if issue_code is not None:
        inputs = inputs.filter(issue__code=issue_code)
    return inputs.order_by("pk")


def aggregation_inputs(
    *, consultation: Consultation, issue_code: str | None = None
) -> list[InputRecord]:
    """The submitted inputs of the consultation (or of one issue), as records, in id order."""
    rows = _submitted(consultation, issue_code).values_list(
        "pk",
        "organisation__name",
        "organisation__kind",
        "issue__code",
        "kind",
        "stance",
        "text",
        "language",
        "external_id",
    )
    return [
        InputRecord(
            id=pk,
            organisation=organisation,
            organisation_kind=organisation_kind,
            issue_code=issue_code,
            kind=kind,
            stance=stance,
            text=text,
            language=language,
            external_id=external_id,
        )
        for (
            pk,
            organisation,
            organisation_kind,
            issue_code,
            kind,
            stance,
            text,
            language,
            external_id,
        ) in rows
    ]


CELL_WIDTH, CELL_HEIGHT, LABEL_WIDTH, HEADER_HEIGHT = 90, 24, 320, 56
HEADER_LINE = 14  # characters of a column label a line holds: labels wrap, never cut


def _label_lines(label: str, width: int = HEADER_LINE) -> list[str]:
    lines: list[str] = []
    for word in str(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3]


MAP_ROWS = 60  # the key points of a large draft beyond these are in the paper's text


def glossary_pairs() -> tuple[tuple[str, str], ...]:
    return tuple(
        GlossaryTerm.objects.order_by("indonesian", "english").values_list("indonesian", "english")
    )


SNAPSHOT_FIELDS = (
    "input_id",
    "external_id",
    "organisation",
    "organisation_kind",
    "issue_code",
    "kind",
    "stance",
    "language",
    "text",
)


def run_snapshot_take(*, run: AggregationRun) -> int:
    """Fix the inputs `run` aggregates: every submitted, visible input as it is now.

    One INSERT ... SELECT in the database: a run of 100,000 inputs copies them without
    bringing a row into Python.
    """
    latest_revision = (
        InputRevision.objects.filter(input=OuterRef("pk")).order_by("-number").values("pk")[:1]
    )
    columns = {  # RunInput column: what fills it, in this order
        "run_id": Value(run.pk, output_field=IntegerField()),
        "input_id": F("pk"),
        "revision_id": Subquery(latest_revision),
        "issue_code": F("issue__code"),
        "organisation": F("organisation__name"),
        "organisation_kind": F("organisation__kind"),
        "kind": F("kind"),
        "stance": F("stance"),
        "language": F("language"),
        "text": F("text"),
        "external_id": F("external_id"),
    }
    aliases = {f"snapshot_{name}": value for name, value in columns.items()}
    select = _submitted(run.paper.consultation).order_by().annotate(**aliases).values_list(*aliases)
    sql, params = select.query.sql_with_params()
    RunInput.objects.filter(run=run).delete()
    table = RunInput._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) {sql}", params)  # noqa: S608
        return cursor.rowcount


def decisions_by_issue(*, consultation: Consultation) -> dict[str, list[dict]]:
    """The directorate's decisions on the grouping, per issue code, as the run's manifest
    keeps them (in the order they were taken)."""
    decisions = list(
        KeyPointDecision.objects.filter(
            consultation=consultation, retracted_at__isnull=True
        ).select_related("issue")
    )
    named = {i for d in decisions for i in (*d.anchors, *d.targets)}
    # when each named input's text was last saved by its author (a new revision)
    saved = dict(
        InputRevision.objects.filter(input_id__in=named)
        .values("input_id")
        .annotate(last=Max("created_at"))
        .values_list("input_id", "last")
    )
    by_issue: dict[str, list[dict]] = {}
    for decision in decisions:
        record = decision.record()
        record["changed"] = sorted(
            i
            for i in (*decision.anchors, *decision.targets)
            if saved.get(i) and saved[i] > decision.created_at
        )
        by_issue.setdefault(decision.issue.code, []).append(record)
    return by_issue


def run_review(*, run: AggregationRun) -> list[dict]:
    """What the review page shows of a run, per issue: each key point with its members
    (the inputs, with organisation and language), the inputs in no key point, those
    left out of the draft (`IssueResult.set_apart`), the campaigns, and the decisions
    the run applied or found void. Four queries whatever
    the number of inputs: the run's results, the issues, the inputs named, decisions."""
    results = {r.code: IssueResult.from_dict(r.payload) for r in run.results.all()}
    issues = list(
        ThematicIssue.objects.filter(
            consultation_id=run.paper.consultation_id, code__in=results
        ).order_by("code")
    )
    named = {i for r in results.values() for p in r.key_points for i in p.sources}
    named |= {source for r in results.values() for source, _org, _text in r.other_points}
    named |= {i for r in results.values() for i in r.set_apart}
    named |= {m for r in results.values() for g in r.duplicate_groups for m in g.members}
    named |= {i for r in results.values() for o in r.decisions for i in o.inputs}
    decisions = {
        d.pk: d for d in KeyPointDecision.objects.filter(consultation_id=run.paper.consultation_id)
    }
    applied = {o.id for r in results.values() for o in r.decisions}
    named |= {i for d in decisions.values() if d.pk in applied for i in (*d.anchors, *d.targets)}
    inputs = {
        i.pk: i
        for i in Input.objects.filter(pk__in=named).select_related("organisation", "session")
    }
    review = []
    for issue in issues:
        result = results[issue.code]
        review.append(
            {
                "issue": issue,
                "result": result,
                "points": [
                    {
                        "n": n,
                        "point": point,
                        "members": [inputs[i] for i in point.sources if i in inputs],
                        "decisions": [decisions[d] for d in point.decisions if d in decisions],
                    }
                    for n, point in enumerate(result.key_points, start=1)
                ],
                "others": [inputs[s] for s, _o, _t in result.other_points if s in inputs],
                "set_apart": [inputs[i] for i in result.set_apart if i in inputs],
                "campaigns": [
                    {"group": g, "members": [inputs[m] for m in g.members if m in inputs]}
                    for g in result.duplicate_groups
                    if g.is_campaign
                ],
                "outcomes": [
                    (
                        decisions[o.id],
                        o,
                        void_reason(o, inputs),
                        # the inputs it names, by reference, as staff named them
                        ", ".join(
                            inputs[i].reference
                            for i in (*decisions[o.id].anchors, *decisions[o.id].targets)
                            if i in inputs
                        ),
                    )
                    for o in result.decisions
                    if o.id in decisions
                ],
            }
        )
        # what a decision may name, whatever a search later shows of the issue
        review[-1]["targets"] = review[-1]["points"]
        review[-1]["campaign_targets"] = review[-1]["campaigns"]
    return review


VOID_REASONS = {
    decisions_module.VOID_KIND: _("this kind of decision is not known to this version"),
    decisions_module.VOID_NO_INPUT: _("it names no input"),
    decisions_module.VOID_GONE: _(
        "inputs no longer among the submitted inputs of this issue: %(inputs)s"
    ),
    decisions_module.VOID_CHANGED: _("inputs changed by their authors since: %(inputs)s"),
    decisions_module.VOID_LABEL: _("the label is not known"),
    decisions_module.VOID_NO_KEY_POINT: _("the input is in no key point: %(inputs)s"),
    decisions_module.VOID_NO_STATEMENT: _(
        "the input has no statement of its own (a campaign copy): %(inputs)s"
    ),
}


def void_reason(outcome, inputs: dict) -> str:
    """Why a decision did not apply, in the reader's language, naming the inputs by
    their references. A run stored before reasons were codes kept its own words."""
    if outcome.applied:
        return ""
    message = VOID_REASONS.get(outcome.reason)
    if message is None:
        return outcome.reason
    named = ", ".join(inputs[i].reference if i in inputs else f"#{i}" for i in outcome.inputs)
    return str(message) % {"inputs": named}


def run_review_filter(review: list[dict], query: str) -> list[dict]:
    """Only the key points and inputs whose words, reference or organisation match
    `query` (case-insensitive), each issue kept when something in it matches."""
    needle = query.casefold()

    def matches(input) -> bool:
        return (
            needle in input.text.casefold()
            or needle in input.reference.casefold()
            or needle in input.organisation.name.casefold()
        )

    kept = []
    for item in review:
        points = [
            entry
            for entry in item["points"]
            if needle in entry["point"].name.casefold()
            or needle in entry["point"].statement.casefold()
            or any(matches(i) for i in entry["members"])
        ]
        others = [i for i in item["others"] if matches(i)]
        set_apart = [i for i in item["set_apart"] if matches(i)]
        campaigns = [
            c
            for c in item["campaigns"]
            if needle in c["group"].text.casefold() or any(matches(i) for i in c["members"])
        ]
        if points or others or set_apart or campaigns:
            # a decision may still name any key point or campaign ("targets"), found or not
            kept.append(
                {
                    **item,
                    "points": points,
                    "others": others,
                    "set_apart": set_apart,
                    "campaigns": campaigns,
                }
            )
    return kept


def decisions_between(*, older: DraftVersion, newer: DraftVersion) -> list[KeyPointDecision]:
    """The decisions on the grouping that the run behind `newer` applied and the run
    behind `older` (if any) did not: why the compare shows key points moved."""

    def applied(version) -> set[int]:
        run = AggregationRun.objects.filter(draft_version=version).first()
        if run is None:
            return set()
        return {d["id"] for ds in run.manifest.get("decisions", {}).values() for d in ds}

    new = applied(newer) - applied(older)
    return list(KeyPointDecision.objects.filter(pk__in=new).select_related("created_by"))


def run_snapshot_hash(*, run: AggregationRun) -> str:
    """SHA-256 of what the run reads (the manifest's `input_set`), in input order."""
    digest = hashlib.sha256()
    for row in (
        RunInput.objects.filter(run=run)
        .order_by("input_id")
        .values_list(*SNAPSHOT_FIELDS)
        .iterator(chunk_size=5000)
    ):
        digest.update(json.dumps(row, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def run_inputs(
    *, run: AggregationRun, issue_code: str | None = None, texts: bool = True
) -> list[InputRecord]:
    """The records the run aggregates (all, or one issue's), read from its snapshot;
    with `texts=False` without their texts (the summary and the annex count inputs and
    organisations, and reading 100,000 texts again for that costs the run a second)."""
    rows = RunInput.objects.filter(run=run)
    if issue_code is not None:
        rows = rows.filter(issue_code=issue_code)
    fields = SNAPSHOT_FIELDS if texts else tuple(f for f in SNAPSHOT_FIELDS if f != "text")
    return [
        InputRecord(
            id=row["input_id"],
            organisation=row["organisation"],
            organisation_kind=row["organisation_kind"],
            issue_code=row["issue_code"],
            kind=row["kind"],
            stance=row["stance"],
            text=row.get("text", ""),
            language=row["language"],
            external_id=row["external_id"],
        )
        for row in rows.order_by("input_id").values(*fields).iterator(chunk_size=5000)
    ]


def consensus_map(*, version: DraftVersion) -> dict | None:
    """Key points × organisation kinds for the draft's heat map: how many organisations
    of each kind stand behind each key point, with the cells already placed.

    Read from the results of the run that wrote the version; a version written by hand
    has no map. The shade of a cell is its count over the largest count in the map.
    """
    run = AggregationRun.objects.filter(draft_version=version).first()
    if run is None:
        return None
    payloads = {r.code: r.payload for r in run.results.all()}
    issues = aggregation_issues(consultation=version.paper.consultation)
    points = [
        (issue.code, point)
        for issue in issues
        for point in payloads.get(issue.code, {}).get("key_points", [])
    ][:MAP_ROWS]
    if not points:
        return None
    kinds = [
        (value, label)
        for value, label in Organisation.Kind.choices
        if any(point["kinds"].get(value) for _code, point in points)
    ]
    peak = max(max(point["kinds"].values(), default=0) for _code, point in points) or 1
    rows = []
    for n, (code, point) in enumerate(points):
        y = HEADER_HEIGHT + n * CELL_HEIGHT
        cells = [
            {
                "kind": label,
                "count": point["kinds"].get(value, 0),
                "x": LABEL_WIDTH + k * CELL_WIDTH,
                "opacity": round(point["kinds"].get(value, 0) / peak, 3),
            }
            for k, (value, label) in enumerate(kinds)
        ]
        name = f"{code}. {point['name']}"
        rows.append({"name": name, "label": point["label"], "y": y, "cells": cells})
    return {
        "kinds": [
            {
                "label": label,
                "lines": _label_lines(label),
                "x": LABEL_WIDTH + k * CELL_WIDTH + CELL_WIDTH // 2,
            }
            for k, (_value, label) in enumerate(kinds)
        ],
        "rows": rows,
        "width": LABEL_WIDTH + len(kinds) * CELL_WIDTH,
        "height": HEADER_HEIGHT + len(rows) * CELL_HEIGHT,
        "cell_width": CELL_WIDTH - 2,
        "cell_height": CELL_HEIGHT - 2,
        "text_dy": CELL_HEIGHT // 2 + 4,
        "peak": peak,
    }


CITE_RESULTS = 10
_REFERENCE = re.compile(r"^\s*(?:GCM-\d{4}-)?0*(\d+)\s*$", re.IGNORECASE)


def inputs_to_cite(*, consultation: Consultation, query: str) -> list[Input]:
    """Submitted inputs an officer may cite: by reference ("GCM-2017-0021", "21") or by
    words of their text (as the staff search finds them) or their organisation's name;
    at most CITE_RESULTS, newest last."""
    query = query.strip()
    if not query:
        return []
    inputs = Input.objects.filter(
        session__consultation=consultation, status=Input.Status.SUBMITTED
    ).select_related("organisation", "session")
    match = _REFERENCE.match(query)
    if match:
        inputs = inputs.filter(pk=int(match.group(1)))
    else:
        # the text by the staff search (stemmed, indexed on PostgreSQL), the organisation
        # by its name or acronym
        inputs = inputs.filter(
            Q(pk__in=input_search(inputs, query).values("pk"))
            | Q(organisation__name__icontains=query)
            | Q(organisation__acronym__iexact=query)
        )
    return list(inputs.order_by("pk")[:CITE_RESULTS])


def circulation_preview(*, version: DraftVersion) -> dict:
    """What a copy of `version` for circulation would withhold, before anyone exports it:
    the paragraphs (by number) and the non-public inputs behind them, by organisation.
    A version as `version_get` returns it is read as it is; any other is fetched so."""
    if "sections" not in getattr(version, "_prefetched_objects_cache", {}):
        version = version_get(paper=version.paper, number=version.number)
    total, withheld, behind = 0, [], {}
    for section in version.sections.all():
        for position, paragraph in enumerate(section.paragraphs.all()):
            total += 1
            sources = paragraph.sources.all()
            if not paragraph_read(paragraph.text, sources, section.kind, PUBLIC).withheld:
                continue
            withheld.append(section.paragraph_number(position))
            for source in sources:
                if source.confidentiality != Input.Confidentiality.PUBLIC:
                    behind[source.pk] = source
    by_organisation: dict[int, dict] = {}
    for input in sorted(behind.values(), key=lambda i: i.pk):
        entry = by_organisation.setdefault(
            input.organisation_id, {"organisation": input.organisation, "inputs": []}
        )
        entry["inputs"].append(input)
    return {
        "version": version,
        "paragraphs": total,
        "withheld": withheld,
        "inputs": len(behind),
        "organisations": sorted(by_organisation.values(), key=lambda e: e["organisation"].name),
    }


TRANSLATE_MARKERS = tuple(PHRASES[language]["translate"] for language in sorted(PHRASES))


def paragraphs_to_translate(sections) -> list[dict]:
    """Paragraphs the engine wrote from statements in another language than the paper's
    (the marker is its to-do: an officer translates and removes it), from sections
    already fetched: no query of its own."""
    found = []
    for section in sections:
        for position, paragraph in enumerate(section.paragraphs.all()):
            if any(marker in paragraph.text for marker in TRANSLATE_MARKERS):
                number = section.paragraph_number(position)
                found.append({"section": section, "number": number, "text": paragraph.text})
    return found


def version_sections_reviewed(*, version: DraftVersion, with_suggestions: bool) -> list:
    """The version's sections (as prefetched by `version_get`), each with its review
    comments and, on the latest version, the pending suggestions for it (4 queries)."""
    comments: dict[int, list] = {}
    for comment in ReviewComment.objects.filter(version=version).select_related(
        "author", "clearing_organisation"
    ):
        comments.setdefault(comment.section_id, []).append(comment)
    suggestions: dict[str, list] = {}
    if with_suggestions:
        pending = (
            Suggestion.objects.filter(paper=version.paper, status=Suggestion.Status.PENDING)
            .prefetch_related(
                Prefetch("new_sources", queryset=Input.objects.select_related("organisation"))
            )
            .order_by("position", "pk")
        )
        for suggestion in pending:
            suggestions.setdefault(suggestion.section_key, []).append(suggestion)
    sections = list(version.sections.all())
    for section in sections:
        section.review_comments = comments.get(section.pk, [])
        section.pending_suggestions = suggestions.get(section.key, [])
    return sections


def export_list(*, paper: PositionPaper) -> QuerySet[PaperExport]:
    return paper.exports.select_related("version", "created_by")


def feedback_for(*, paper: PositionPaper, user) -> dict:
    """The latest approved version and, for each submitted input of the user's
    organisations in this consultation, the paragraphs of that version citing it."""

    approved = (
        paper.versions.filter(status=DraftVersion.Status.APPROVED).order_by("-number").first()
    )
    inputs = list(
        Input.objects.filter(
            session__consultation=paper.consultation,
            organisation_id__in=speaking_organisations(user),
            status=Input.Status.SUBMITTED,
        )
        .select_related("issue", "organisation", "session")
        .order_by("pk")
    )
    cited: dict[int, list] = {}
    _with_organisation = Input.objects.select_related("organisation")
    if approved is not None and inputs:
        sections = {s.pk: s for s in approved.sections.select_related("issue")}
        rows = (
            ParagraphSource.objects.filter(paragraph__section__version=approved, input__in=inputs)
            .select_related("paragraph")
            .prefetch_related(
                Prefetch(
                    "paragraph__sources", queryset=Input.objects.select_related("organisation")
                )
            )
            .order_by("paragraph__section__position", "paragraph__position")
        )
        reader = reader_for(user, paper.consultation)
        for row in rows:
            paragraph = row.paragraph
            section = sections[paragraph.section_id]
            # the paragraph cites this organisation's input, but maybe others' too,
            # which the organisation may not read
            read = paragraph_read(paragraph.text, paragraph.sources.all(), section.kind, reader)
            cited.setdefault(row.input_id, []).append(
                {
                    "number": section.paragraph_number(paragraph.position),
                    "heading": section.heading,
                    "text": read.text,
                }
            )
    return {
        "approved": approved,
        "items": [{"input": i, "paragraphs": cited.get(i.pk, [])} for i in inputs],
    }
