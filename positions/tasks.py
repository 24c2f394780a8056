"""Celery tasks: one per run, fanned out to one per thematic issue, joined by the last.

The join goes through the database, not a Celery chord: the project runs without a
result backend, and each issue's result is stored in `AggregationIssueResult` (unique
per run and issue) so a retried or redelivered task overwrites its own row. The issue
task that stores the last result sends `aggregate_finish`, which writes the draft in one
transaction. Task ids are keyed by the run id, so a retry is recognisable as the same
work. `acks_late` (and `task_reject_on_worker_lost` in settings) put the message back
when a worker dies mid-task; the services are idempotent, so running it again is safe.
"""

from celery import group, shared_task
from django.db import OperationalError

from positions import services
from positions.exporting import export_execute

RETRY = {"autoretry_for": (OperationalError,), "max_retries": 3, "retry_backoff": 2}


@shared_task(acks_late=True, ignore_result=True, **RETRY)
def aggregate_paper(run_id: int) -> None:
    """Start the run and fan out one task per thematic issue still to do."""
    codes = services.aggregation_run_begin(run_id=run_id)
    if not codes:
        aggregate_finish.apply_async((run_id,), task_id=f"aggregate-{run_id}-finish")
        return
    group(
        aggregate_issue.signature((run_id, code), task_id=f"aggregate-{run_id}-issue-{code}")
        for code in codes
    ).apply_async()


@shared_task(acks_late=True, ignore_result=True, **RETRY)
def aggregate_issue(run_id: int, code: str) -> None:
    try:
        last = services.aggregation_issue_execute(run_id=run_id, code=code)
    except OperationalError:
        raise
    except Exception as error:  # a bug or bad data: the run fails with a readable error
        services.aggregation_run_fail(run_id=run_id, error=error)
        return
    if last:
        aggregate_finish.apply_async((run_id,), task_id=f"aggregate-{run_id}-finish")


@shared_task(acks_late=True, ignore_result=True, **RETRY)
def aggregate_finish(run_id: int) -> None:
    services.aggregation_run_finish(run_id=run_id)


@shared_task(ignore_result=True)
def expire_stale_runs() -> int:
    """Periodic: fail runs whose worker died (see `services.aggregation_runs_expire`)."""
    return services.aggregation_runs_expire()


@shared_task(acks_late=True, ignore_result=True, **RETRY)
def export_paper(export_id: int) -> None:
    """Render one recorded export (see `positions.exporting.export_execute`)."""

    export_execute(export_id=export_id)
