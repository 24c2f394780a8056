"""A run whose worker was killed does not block aggregation for long: beat fails it once
it has been silent longer than a dead worker's tasks take to come back."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from positions import tasks
from positions.models import AggregationRun
from positions.services import paper_get_or_create

pytestmark = pytest.mark.django_db


def _run(world, minutes_silent):
    return AggregationRun.objects.create(
        paper=paper_get_or_create(consultation=world.consultation),
        requested_by=world.staff,
        status=AggregationRun.Status.RUNNING,
        progressed_at=timezone.now() - datetime.timedelta(minutes=minutes_silent),
    )


def test_beat_fails_a_run_silent_past_the_visibility_timeout(world):
    dead = _run(world, settings.AGGREGATION_STALE_MINUTES + 1)

    tasks.expire_stale_runs.delay()

    dead.refresh_from_db()
    assert dead.status == AggregationRun.Status.FAILED
    assert "worker" in dead.error


def test_beat_leaves_a_run_that_moved_a_minute_ago(world):
    alive = _run(world, 1)

    tasks.expire_stale_runs.delay()

    alive.refresh_from_db()
    assert alive.status == AggregationRun.Status.RUNNING


def test_a_dead_run_blocks_new_runs_for_minutes_not_a_quarter_hour():
    every = settings.CELERY_BEAT_SCHEDULE["expire-stale-aggregation-runs"]["schedule"]

    assert settings.AGGREGATION_STALE_MINUTES * 60 + every <= 10 * 60
