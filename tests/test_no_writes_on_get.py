"""Reading never writes: the main pages and API reads issue no INSERT, UPDATE or DELETE.

The paper exists from when its consultation does, and stale runs are failed by beat,
not by whoever opens a page; a read can run on a replica or under load without locks.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.models import AggregationRun
from tests.factories import InputFactory
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.fixture
def cast(world):
    inputs_for(world)
    version = aggregate(world)
    run = AggregationRun.objects.get(draft_version=version)
    own = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
    )
    return {"run": run, "input": own}


def _pages(world, cast):
    slug = world.consultation.slug
    session = world.session.pk
    return {
        "staff": [
            f"/c/{slug}/",
            f"/c/{slug}/sessions/{session}/",
            f"/c/{slug}/staff/inputs/",
            f"/c/{slug}/staff/inputs/{cast['input'].pk}/",
            f"/c/{slug}/staff/audit/",
            f"/c/{slug}/staff/",
            f"/c/{slug}/paper/",
            f"/c/{slug}/paper/versions/1/",
            f"/c/{slug}/paper/compare/?a=1&b=1",
            f"/c/{slug}/paper/exports/",
            f"/c/{slug}/paper/runs/{cast['run'].pk}/",
            reverse("api:consultations"),
            reverse("api:inputs", args=[slug]),
            reverse("api:runs", args=[slug]),
            reverse("api:drafts", args=[slug]),
            reverse("api:draft", args=[slug, 1]),
        ],
        "ngo_participant": [
            "/inputs/",
            f"/inputs/{cast['input'].pk}/",
            f"/c/{slug}/paper/feedback/",
            reverse("api:input", args=[slug, cast["input"].pk]),
        ],
    }


@pytest.mark.parametrize("role", ["staff", "ngo_participant"])
def test_reading_pages_writes_nothing(world, client, cast, role):
    client.force_login(world.user(role))
    # the sign-in above wrote the session already; what follows only reads
    for url in _pages(world, cast)[role]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)

        assert response.status_code == 200, url
        writes = [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]
        assert writes == [], f"GET {url} wrote: {writes}"


def test_a_stale_run_is_left_for_beat_not_failed_by_a_reader(world, client, cast, settings):
    from datetime import timedelta

    from django.utils import timezone

    stale = AggregationRun.objects.create(
        paper=cast["run"].paper,
        requested_by=world.staff,
        status=AggregationRun.Status.RUNNING,
        progressed_at=timezone.now() - timedelta(minutes=settings.AGGREGATION_STALE_MINUTES + 5),
    )
    client.force_login(world.staff)

    client.get(f"/c/{world.consultation.slug}/paper/")

    stale.refresh_from_db()
    assert stale.status == AggregationRun.Status.RUNNING


def test_a_new_consultation_has_its_paper(world):
    from consult.services import consultation_create

    consultation = consultation_create(
        created_by=world.staff, convener=world.directorate, title="Konsultasi baru", slug="baru"
    )

    assert consultation.paper.title == "Konsultasi baru"
