"""Writes for position papers: papers, aggregation runs and the draft versions they make."""

import logging
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from consult.models import Consultation
from positions import selectors
from positions.aggregation import SectionDraft, draft_assemble, issue_summarise
from positions.models import (
    AggregationRun,
    DraftVersion,
    Paragraph,
    ParagraphSource,
    PositionPaper,
    Section,
)

logger = logging.getLogger(__name__)


def paper_get_or_create(*, consultation: Consultation) -> PositionPaper:
    paper, _created = PositionPaper.objects.get_or_create(
        consultation=consultation, defaults={"title": consultation.title}
    )
    return paper


class RunInProgress(ValidationError):
    pass


def aggregation_run_start(*, paper: PositionPaper, requested_by) -> AggregationRun:
    """Queue a run for the paper; refuse while another is queued or running.

    The task is sent once the transaction commits, so a worker never looks for a run
    that is not there yet. If the broker cannot be reached the run is marked failed at
    once, with a message staff can read, instead of staying queued forever.
    """
    try:
        with transaction.atomic():
            PositionPaper.objects.select_for_update().get(pk=paper.pk)
            if paper.runs.filter(status__in=AggregationRun.ACTIVE).exists():
                raise RunInProgress(_("An aggregation run is already in progress for this paper."))
            run = AggregationRun.objects.create(paper=paper, requested_by=requested_by)
            transaction.on_commit(partial(_run_enqueue, run.pk))
    except IntegrityError as error:  # the partial unique index caught a concurrent click
        raise RunInProgress(
            _("An aggregation run is already in progress for this paper.")
        ) from error
    run.refresh_from_db()
    return run


def _run_enqueue(run_id: int) -> None:
    from positions.tasks import aggregate_paper

    try:
        result = aggregate_paper.apply_async(
            (run_id,), retry=True, retry_policy={"max_retries": 1, "interval_start": 0}
        )
    except BrokerError as error:
        logger.warning("Broker unreachable for aggregation run %s: %s", run_id, error)
        _run_fail(run_id, _("The job queue could not be reached; please try again later."))
        return
    AggregationRun.objects.filter(pk=run_id, task_id="").update(task_id=result.id or "")


def _run_fail(run_id: int, message: str) -> None:
    AggregationRun.objects.filter(pk=run_id).update(
        status=AggregationRun.Status.FAILED, error=message, finished_at=timezone.now()
    )


def _run_progress(run_id: int, **fields) -> None:
    AggregationRun.objects.filter(pk=run_id).update(**fields)


def aggregation_run_execute(*, run_id: int) -> AggregationRun:
    """Turn the consultation's submitted inputs into a new draft version.

    Safe to call again for the same run: a finished run is left as it is, and a run
    left `running` by a worker that died starts over (nothing of it was stored, since
    the draft is written in one transaction at the end).
    """
    with transaction.atomic():
        run = AggregationRun.objects.select_for_update().get(pk=run_id)
        if not run.is_active:
            return run
        run.status = AggregationRun.Status.RUNNING
        run.started_at = timezone.now()
        run.stage = "reading"
        run.save(update_fields=["status", "started_at", "stage"])
    try:
        sections = _aggregate(run)
        version = _store(run, sections)
    except Exception as error:
        logger.exception("Aggregation run %s failed", run_id)
        _run_fail(run_id, _("The draft could not be written: %(error)s") % {"error": error})
    else:
        logger.info("Aggregation run %s wrote version %s", run_id, version.number)
    run.refresh_from_db()
    return run


def _aggregate(run: AggregationRun) -> list[SectionDraft]:
    paper = run.paper
    consultation = paper.consultation
    issues = selectors.aggregation_issues(consultation=consultation)
    inputs = selectors.aggregation_inputs(consultation=consultation)
    _run_progress(run.pk, stage="grouping", issues_total=len(issues))
    by_issue: dict[str, list] = {issue.code: [] for issue in issues}
    for record in inputs:
        by_issue[record.issue_code].append(record)
    sections = {}
    for done, issue in enumerate(issues, start=1):
        sections[issue.code] = issue_summarise(issue, by_issue[issue.code], language=paper.language)
        _run_progress(
            run.pk,
            issues_done=done,
            inputs_processed=F("inputs_processed") + len(by_issue[issue.code]),
        )
    outline = selectors.aggregation_outline(consultation=consultation)
    return draft_assemble(outline, issues, sections, inputs, language=paper.language)


@transaction.atomic
def _store(run: AggregationRun, sections: list[SectionDraft]) -> DraftVersion:
    run = AggregationRun.objects.select_for_update().get(pk=run.pk)
    version = draft_version_create(
        paper=run.paper,
        sections=sections,
        created_by=run.requested_by,
        origin=DraftVersion.Origin.AGGREGATION,
        note=_("Aggregation run %(run)s") % {"run": run.pk},
    )
    run.status = AggregationRun.Status.SUCCEEDED
    run.stage = "done"
    run.finished_at = timezone.now()
    run.draft_version = version
    run.paragraphs_written = sum(len(section.paragraphs) for section in sections)
    run.save()
    return version


@transaction.atomic
def draft_version_create(
    *, paper: PositionPaper, sections: list[SectionDraft], created_by, origin: str, note: str = ""
) -> DraftVersion:
    """Store a whole draft version at once: its sections, paragraphs and provenance.

    The paper row is locked so two versions written at the same moment get distinct,
    consecutive numbers.
    """
    PositionPaper.objects.select_for_update().get(pk=paper.pk)
    number = (paper.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DraftVersion.objects.create(
        paper=paper, number=number, origin=origin, note=note, created_by=created_by
    )
    section_rows = Section.objects.bulk_create(
        Section(
            version=version,
            position=position,
            kind=draft.kind,
            heading=draft.heading,
            issue_id=draft.issue_id,
        )
        for position, draft in enumerate(sections)
    )
    paragraph_rows = Paragraph.objects.bulk_create(
        Paragraph(section=section_row, position=position, text=paragraph.text)
        for section_row, draft in zip(section_rows, sections, strict=True)
        for position, paragraph in enumerate(draft.paragraphs)
    )
    drafts = (paragraph for draft in sections for paragraph in draft.paragraphs)
    ParagraphSource.objects.bulk_create(
        (
            ParagraphSource(paragraph=row, input_id=input_id)
            for row, paragraph in zip(paragraph_rows, drafts, strict=True)
            for input_id in paragraph.source_ids
        ),
        batch_size=5000,
    )
    return version
