from celery import shared_task

from positions import services


@shared_task(acks_late=True, ignore_result=True)
def aggregate_paper(run_id: int) -> None:
    """Write a new draft version for the run; calling it twice for one run is harmless."""
    services.aggregation_run_execute(run_id=run_id)
