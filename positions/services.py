"""Writes for position papers: papers, aggregation runs and the draft versions they make."""

import hashlib
import json
import logging
import platform
import time
from datetime import timedelta
from functools import partial
from importlib import metadata

from celery import current_app
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from consult.models import AuditEvent, Consultation, Input
from consult.moderation import audit_record
from positions import selectors
from positions.aggregation import (
    PIPELINE_VERSION,
    IssueResult,
    Params,
    SectionDraft,
    draft_assemble,
    issue_aggregate,
    issue_section,
)
from positions.aggregation.decisions import DecisionRecord
from positions.editing import aggregation_merge, latest_version, suggestions_store
from positions.models import (
    PAPER_LANGUAGES,
    AggregationIssueResult,
    AggregationRun,
    DraftVersion,
    KeyPointDecision,
    PositionPaper,
)
from positions.versions import draft_version_create

logger = logging.getLogger(__name__)


def paper_get_or_create(*, consultation: Consultation) -> PositionPaper:
    paper, _created = PositionPaper.objects.get_or_create(
        consultation=consultation, defaults={"title": consultation.title}
    )
    return paper


def paper_language_set(*, paper: PositionPaper, language: str, user) -> PositionPaper:
    """Write the paper in `language` from the next run on (a consultation held in
    English: statements, labels and counts in English). The versions already written
    stay as they are."""
    if not user.has_perm("positions.start_aggregation", paper.consultation):
        raise PermissionDenied
    return paper_language_write(paper=paper, language=language)


def paper_language_write(*, paper: PositionPaper, language: str) -> PositionPaper:
    """`paper_language_set` without a user: for `manage.py aggregate`, whose operator
    holds the server."""
    if language not in dict(PAPER_LANGUAGES):
        raise ValidationError({"language": _("Unknown language.")})
    if language != paper.language:
        paper.language = language
        paper.save(update_fields=["language"])
    return paper


class RunInProgress(ValidationError):
    pass


def aggregation_run_start(
    *, paper: PositionPaper, requested_by, decision: KeyPointDecision | None = None
) -> AggregationRun:
    """Queue a run for the paper (written after staff's `decision`, where one started
    it); refuse while another is queued or running.

    The task is sent once the transaction commits, so a worker never looks for a run
    that is not there yet. If the broker cannot be reached the run is marked failed at
    once, with a message staff can read, instead of staying queued forever.
    """
    try:
        with transaction.atomic():
            PositionPaper.objects.select_for_update().get(pk=paper.pk)
            aggregation_runs_expire(paper=paper)
            if paper.runs.filter(status__in=AggregationRun.ACTIVE).exists():
                raise RunInProgress(_("An aggregation run is already in progress for this paper."))
            run = AggregationRun.objects.create(
                paper=paper, requested_by=requested_by, decision=decision
            )
            transaction.on_commit(partial(_run_enqueue, run.pk))
    except IntegrityError as error:  # the partial unique index caught a concurrent click
        raise RunInProgress(
            _("An aggregation run is already in progress for this paper.")
        ) from error
    run.refresh_from_db()
    return run


def aggregation_runs_expire(*, paper: PositionPaper | None = None) -> int:
    """Mark failed every active run that made no progress for AGGREGATION_STALE_MINUTES.

    What makes "no run is left running forever" true when a whole worker dies (SIGKILL,
    out of memory, the machine restarted) and no other worker takes its message back:
    checked when staff request the next run and every few minutes by
    `positions.tasks.expire_stale_runs`. A run's stages each take seconds, so a run
    silent for many minutes is dead, not slow; if its worker comes back after all, the
    services see the run is no longer running and store nothing.
    """
    minutes = getattr(settings, "AGGREGATION_STALE_MINUTES", 15)
    cutoff = timezone.now() - timedelta(minutes=minutes)
    runs = AggregationRun.objects.filter(status__in=AggregationRun.ACTIVE).filter(
        Q(progressed_at__lt=cutoff) | Q(progressed_at__isnull=True, created_at__lt=cutoff)
    )
    if paper is not None:
        runs = runs.filter(paper=paper)
    message = _(
        "The run stopped making progress for %(minutes)s minutes (its worker may have "
        "stopped) and was marked failed; the previous draft is unchanged."
    ) % {"minutes": minutes}
    return runs.update(
        status=AggregationRun.Status.FAILED, error=message, finished_at=timezone.now()
    )


def _run_enqueue(run_id: int) -> None:
    # By name: the task module calls these services, so they do not import it back.
    aggregate_paper = current_app.tasks["positions.tasks.aggregate_paper"]
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
    AggregationRun.objects.filter(pk=run_id).update(progressed_at=timezone.now(), **fields)


def aggregation_run_begin(*, run_id: int) -> list[str]:
    """Mark the run running, write its manifest; return the issue codes still to do.

    Safe to call again (a redelivered task): a finished run returns nothing, a run
    already running returns the issues that have no stored result yet.
    """
    with transaction.atomic():
        run = AggregationRun.objects.select_for_update().get(pk=run_id)
        if not run.is_active:
            return []
        consultation = run.paper.consultation
        issues = selectors.aggregation_issues(consultation=consultation)
        if run.status == AggregationRun.Status.QUEUED or not run.manifest:
            run.status = AggregationRun.Status.RUNNING
            run.started_at = run.progressed_at = timezone.now()
            run.stage = "grouping"
            run.issues_total = len(issues)
            # what the run reads is fixed now: later edits and withdrawals do not reach it
            selectors.run_snapshot_take(run=run)
            run.manifest = _manifest(run)
            run.save()
        done = set(run.results.values_list("code", flat=True))
    return [issue.code for issue in issues if issue.code not in done]


def _manifest(run: AggregationRun) -> dict:
    params = _params()
    decisions = selectors.decisions_by_issue(consultation=run.paper.consultation)
    return {
        "pipeline": PIPELINE_VERSION,
        "params": params.manifest(),
        "libraries": library_versions(),
        "input_set": selectors.run_snapshot_hash(run=run),
        # staff's decisions as the run applies them, so the draft can be reproduced
        "decisions": decisions,
        "decisions_hash": hashlib.sha256(
            json.dumps(decisions, sort_keys=True).encode()
        ).hexdigest(),
    }


@transaction.atomic
def key_point_decide(
    *,
    consultation,
    issue,
    kind: str,
    anchors: list[int],
    user,
    targets: list[int] = (),
    name_id: str = "",
    name_en: str = "",
    label: str = "",
    reason: str = "",
) -> tuple[KeyPointDecision, AggregationRun]:
    """Record a decision on the grouping of `issue` and start the run that writes the
    version showing it; every later run replays it too."""
    if not user.has_perm("positions.decide_grouping", consultation):
        raise PermissionDenied
    if not kind:
        raise ValidationError({"kind": _("Choose a decision.")})
    if kind not in KeyPointDecision.Kind.values:
        raise ValidationError({"kind": _("Unknown decision.")})
    named = {*anchors, *targets}
    known = set(
        Input.objects.filter(
            pk__in=named, issue=issue, session__consultation=consultation
        ).values_list("pk", flat=True)
    )
    if not anchors or named - known:
        raise ValidationError(
            {"anchors": _("Name inputs of this thematic issue for the decision.")}
        )
    if kind in (KeyPointDecision.Kind.MERGE, KeyPointDecision.Kind.JOIN_CAMPAIGNS) and (
        len(set(anchors)) < 2
    ):
        # one input alone names one key point or campaign: nothing to merge it with
        raise ValidationError({"targets": _("Choose what to merge it with.")})
    if kind == KeyPointDecision.Kind.RENAME and not (name_id.strip() or name_en.strip()):
        raise ValidationError({"name_id": _("Give the key point a name.")})
    if kind == KeyPointDecision.Kind.RELABEL and (
        label not in ("consensus", "divergent", "single-source") or not reason.strip()
    ):
        raise ValidationError({"label": _("Choose a label and say why.")})
    decision = KeyPointDecision.objects.create(
        consultation=consultation,
        issue=issue,
        kind=kind,
        anchors=sorted(anchors),
        targets=list(targets),
        name_id=name_id.strip(),
        name_en=name_en.strip(),
        label=label,
        reason=reason.strip(),
        created_by=user,
    )
    anchored = list(
        Input.objects.filter(pk__in=decision.anchors).select_related("session").order_by("pk")
    )
    audit_record(
        consultation=consultation,
        actor=user,
        action=AuditEvent.Action.GROUPING,
        input=anchored[0],
        after={
            # the label's source text; the trail shows it in the reader's language
            "grouping": _source_text(decision.get_kind_display),
            "inputs": [i.reference for i in anchored],
        },
        reason=decision.reason,
    )
    paper = paper_get_or_create(consultation=consultation)
    run = aggregation_run_start(paper=paper, requested_by=user, decision=decision)
    return decision, run


@transaction.atomic
def key_point_decision_retract(*, decision: KeyPointDecision, user) -> AggregationRun:
    """Take a decision back: kept for the record, no longer replayed; the run that
    writes the version without it starts at once."""
    consultation = decision.consultation
    if not user.has_perm("positions.decide_grouping", consultation):
        raise PermissionDenied
    decision = KeyPointDecision.objects.select_for_update().get(pk=decision.pk)
    if decision.retracted_at is not None:
        raise ValidationError(_("This decision was already taken back."))
    decision.retracted_at = timezone.now()
    decision.retracted_by = user
    decision.save(update_fields=["retracted_at", "retracted_by"])
    anchored = Input.objects.filter(pk__in=decision.anchors).order_by("pk")
    audit_record(
        consultation=consultation,
        actor=user,
        action=AuditEvent.Action.GROUPING,
        input=anchored.first(),
        before={"grouping": _source_text(decision.get_kind_display)},
        after={},
        reason=_("Decision taken back."),
    )
    paper = paper_get_or_create(consultation=consultation)
    return aggregation_run_start(paper=paper, requested_by=user)


def _source_text(label) -> str:
    with translation.override(None):
        return str(label())


def library_versions() -> dict[str, str]:
    names = ("numpy", "scipy", "PyStemmer", "Django", "celery")
    return {name: _version(name) for name in names} | {"python": platform.python_version()}


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _params() -> Params:
    return Params(glossary=selectors.glossary_pairs())


def aggregation_issue_execute(*, run_id: int, code: str) -> bool:
    """Aggregate one issue of a running run and store its result; True if it was the last.

    The result row is unique per (run, issue), so a retried task replaces its own row;
    the run row is locked while counting so exactly one task sees the last issue done.
    """
    run = AggregationRun.objects.select_related("paper__consultation").get(pk=run_id)
    if run.status != AggregationRun.Status.RUNNING:
        return False
    consultation = run.paper.consultation
    issue = next(
        i for i in selectors.aggregation_issues(consultation=consultation) if i.code == code
    )
    inputs = selectors.run_inputs(run=run, issue_code=code)
    started = time.perf_counter()
    params = Params(
        **{
            **run.manifest["params"],
            "glossary": tuple(map(tuple, run.manifest["params"]["glossary"])),
        }
    )
    decisions = [
        DecisionRecord(
            **d | {key: tuple(d.get(key, ())) for key in ("anchors", "targets", "changed")}
        )
        for d in run.manifest.get("decisions", {}).get(code, [])
    ]
    result = issue_aggregate(
        issue, inputs, params=params, language=run.paper.language, decisions=decisions
    )
    with transaction.atomic():
        run = AggregationRun.objects.select_for_update().get(pk=run_id)
        if run.status != AggregationRun.Status.RUNNING:
            return False
        AggregationIssueResult.objects.update_or_create(
            run=run,
            code=code,
            defaults={"payload": result.to_dict(), "seconds": time.perf_counter() - started},
        )
        results = run.results.all()
        run.issues_done = results.count()
        payloads = [r.payload for r in results.only("payload")]
        run.inputs_processed = sum(p["inputs"] for p in payloads)
        changes = [p.get("staff_changes") or {} for p in payloads]
        run.inputs_placed_by_staff = sum(c.get("inputs", 0) for c in changes)
        run.key_points_changed_by_staff = sum(c.get("key_points", 0) for c in changes)
        run.progressed_at = timezone.now()
        run.save(
            update_fields=[
                "issues_done",
                "inputs_processed",
                "inputs_placed_by_staff",
                "key_points_changed_by_staff",
                "progressed_at",
            ]
        )
        return run.issues_done >= run.issues_total


def aggregation_run_finish(*, run_id: int) -> AggregationRun:
    """Join the issues' results into one new draft version, in one transaction."""
    run = AggregationRun.objects.select_related("paper__consultation").get(pk=run_id)
    if run.status != AggregationRun.Status.RUNNING:
        return run
    try:
        _run_progress(run_id, stage="writing")
        sections = _assemble(run)
        version = _store(run, sections)
    except Exception as error:
        logger.exception("Aggregation run %s failed", run_id)
        _run_fail(run_id, _("The draft could not be written: %(error)s") % {"error": error})
    else:
        logger.info("Aggregation run %s wrote version %s", run_id, version.number)
    run.refresh_from_db()
    return run


def aggregation_run_fail(*, run_id: int, error: Exception) -> None:
    logger.error("Aggregation run %s failed: %s", run_id, error)
    _run_fail(run_id, _("The draft could not be written: %(error)s") % {"error": error})


def aggregation_run_execute(*, run_id: int) -> AggregationRun:
    """The whole run in this process: begin, every issue, finish (the `aggregate` command).

    Safe to call again for the same run: a finished run is left as it is, and a run
    left `running` by a worker that died goes on from the issues it has not stored.
    """
    try:
        for code in aggregation_run_begin(run_id=run_id):
            aggregation_issue_execute(run_id=run_id, code=code)
    except Exception as error:
        logger.exception("Aggregation run %s failed", run_id)
        aggregation_run_fail(run_id=run_id, error=error)
    return aggregation_run_finish(run_id=run_id)


def aggregation_results(*, run: AggregationRun) -> dict[str, IssueResult]:
    return {r.code: IssueResult.from_dict(r.payload) for r in run.results.all()}


def _assemble(run: AggregationRun) -> list[SectionDraft]:
    paper = run.paper
    consultation = paper.consultation
    issues = selectors.aggregation_issues(consultation=consultation, language=paper.language)
    results = aggregation_results(run=run)
    missing = [issue.code for issue in issues if issue.code not in results]
    if missing:
        raise ValueError(_("issues without a result: %(codes)s") % {"codes": ", ".join(missing)})
    sections = {
        issue.code: issue_section(issue, results[issue.code], language=paper.language)
        for issue in issues
    }
    inputs = selectors.run_inputs(run=run, texts=False)
    outline = selectors.aggregation_outline(consultation=consultation, language=paper.language)
    return draft_assemble(
        outline, issues, sections, inputs, language=paper.language, results=results
    )


@transaction.atomic
def _store(run: AggregationRun, sections: list[SectionDraft]) -> DraftVersion:

    run = AggregationRun.objects.select_for_update().get(pk=run.pk)
    # Sections edited by hand are kept; the engine's new text for them becomes suggestions.
    sections, edited, suggestions = aggregation_merge(paper=run.paper, sections=sections)
    version = draft_version_create(
        paper=run.paper,
        sections=sections,
        created_by=run.requested_by,
        origin=DraftVersion.Origin.AGGREGATION,
        # no note: the version's origin says "Aggregation" in each reader's language,
        # where a note would keep the language of whoever started the run
        note="",
        edited=edited,
        based_on=latest_version(run.paper),
    )
    if suggestions:
        suggestions_store(version=version, suggestions=suggestions)
    run.status = AggregationRun.Status.SUCCEEDED
    run.stage = "done"
    run.finished_at = timezone.now()
    run.draft_version = version
    run.paragraphs_written = sum(len(section.paragraphs) for section in sections)
    run.save()
    return version
