"""Aggregation runs: one at a time, safe to retry, never a half-written draft."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from consult.models import Input
from positions import services, versions
from positions.models import AggregationRun, DraftVersion
from tests.factories import InputFactory
from tests.positions.paper_helpers import inputs_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(world):
    return services.paper_get_or_create(consultation=world.consultation)


def _inputs(world, n=3):
    return [
        InputFactory(session=world.session, issue=world.issue, organisation=world.ngo)
        for _ in range(n)
    ]


def test_a_second_click_while_a_run_is_queued_says_a_run_is_in_progress(login, world, paper):
    AggregationRun.objects.create(paper=paper, requested_by=world.staff)
    client = login(world.staff)

    response = client.post(
        reverse("positions:run_start", args=[world.consultation.slug]), follow=True
    )

    assert AggregationRun.objects.count() == 1
    assert "already in progress" in response.content.decode() or "sedang berjalan" in (
        response.content.decode()
    )


def test_the_database_refuses_two_active_runs_for_one_paper(world, paper):
    AggregationRun.objects.create(paper=paper, requested_by=world.staff)

    with pytest.raises(ValidationError):
        services.aggregation_run_start(paper=paper, requested_by=world.staff)


def test_running_a_finished_run_again_writes_nothing_new(
    world, paper, django_capture_on_commit_callbacks
):
    _inputs(world)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.aggregation_run_start(paper=paper, requested_by=world.staff)

    again = services.aggregation_run_execute(run_id=run.pk)

    assert again.status == AggregationRun.Status.SUCCEEDED
    assert DraftVersion.objects.count() == 1


def test_a_run_left_running_by_a_dead_worker_completes_when_redelivered(world, paper):
    _inputs(world)
    run = AggregationRun.objects.create(
        paper=paper, requested_by=world.staff, status=AggregationRun.Status.RUNNING
    )

    run = services.aggregation_run_execute(run_id=run.pk)

    assert run.status == AggregationRun.Status.SUCCEEDED
    assert run.draft_version.number == 1


def test_a_failing_run_leaves_no_version_and_a_readable_error(world, paper, monkeypatch):
    _inputs(world)
    previous = services.draft_version_create(
        paper=paper, sections=[], created_by=world.staff, origin="editor"
    )

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(versions, "_sources_insert", explode)  # the last write of a draft
    run = AggregationRun.objects.create(paper=paper, requested_by=world.staff)

    run = services.aggregation_run_execute(run_id=run.pk)

    assert run.status == AggregationRun.Status.FAILED
    assert "disk full" in run.error
    assert list(DraftVersion.objects.all()) == [previous]


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_broker_fails_the_run_at_once_with_a_message(
    login, world, paper, unreachable_broker
):
    _inputs(world)
    client = login(world.staff)

    response = client.post(
        reverse("positions:run_start", args=[world.consultation.slug]), follow=True
    )

    run = AggregationRun.objects.get()
    assert response.status_code == 200
    assert run.status == AggregationRun.Status.FAILED
    assert run.error
    assert not run.is_active  # the next click may start a new run
    assert run.error in response.content.decode()


def test_only_submitted_inputs_are_aggregated(world, paper, django_capture_on_commit_callbacks):
    submitted = _inputs(world, 1)[0]
    InputFactory(session=world.session, issue=world.issue, status=Input.Status.DRAFT)
    InputFactory(session=world.session, issue=world.issue, status=Input.Status.WITHDRAWN)

    with django_capture_on_commit_callbacks(execute=True):
        run = services.aggregation_run_start(paper=paper, requested_by=world.staff)

    run.refresh_from_db()
    assert run.inputs_processed == 1
    cited = {
        input.pk
        for section in run.draft_version.sections.all()
        for paragraph in section.paragraphs.all()
        for input in paragraph.sources.all()
    }
    assert cited == {submitted.pk}


def test_a_saved_version_cannot_be_changed(world, paper):
    version = services.draft_version_create(
        paper=paper, sections=[], created_by=world.staff, origin="editor"
    )
    version.note = "rewritten"

    with pytest.raises(ValidationError):
        version.save()


def test_the_run_status_fragment_shows_progress(login, world, paper):
    run = AggregationRun.objects.create(
        paper=paper, requested_by=world.staff, issues_total=4, issues_done=1, status="running"
    )
    client = login(world.staff)

    response = client.get(reverse("positions:run_status", args=[world.consultation.slug, run.pk]))

    assert response.status_code == 200
    assert 'value="25"' in response.content.decode()


def test_a_run_silent_for_longer_than_the_stale_limit_is_failed_by_the_next_request(
    world, paper, settings, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    settings.AGGREGATION_STALE_MINUTES = 15
    _inputs(world)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.aggregation_run_start(paper=paper, requested_by=world.staff)
    long_ago = timezone.now() - datetime.timedelta(minutes=16)
    dead = AggregationRun.objects.create(
        paper=paper, requested_by=world.staff, status="running", progressed_at=long_ago
    )

    with django_capture_on_commit_callbacks(execute=True):
        second = services.aggregation_run_start(paper=paper, requested_by=world.staff)

    dead.refresh_from_db()
    assert dead.status == AggregationRun.Status.FAILED
    assert dead.error
    second.refresh_from_db()
    assert second.status == AggregationRun.Status.SUCCEEDED
    first.refresh_from_db()
    assert first.draft_version.sections.exists()  # the previous draft is intact


def test_a_run_that_progresses_recently_is_not_expired(world, paper, settings):
    from django.utils import timezone

    settings.AGGREGATION_STALE_MINUTES = 15
    AggregationRun.objects.create(
        paper=paper, requested_by=world.staff, status="running", progressed_at=timezone.now()
    )

    assert services.aggregation_runs_expire() == 0
    with pytest.raises(ValidationError):
        services.aggregation_run_start(paper=paper, requested_by=world.staff)


def test_staff_choose_the_papers_language_when_they_aggregate(
    login, world, paper, django_capture_on_commit_callbacks
):
    # a consultation held in English had no way, short of the admin, to get its paper in
    # English: every statement came marked for translation
    inputs_for(world, language="en")
    client = login(world.staff)
    page = client.get(reverse("positions:paper_detail", args=[world.consultation.slug]))
    assert 'name="language"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("positions:run_start", args=[world.consultation.slug]), {"language": "en"}
        )

    paper.refresh_from_db()
    assert paper.language == "en"
    run = AggregationRun.objects.get()
    assert run.status == "succeeded", run.error
    version = run.draft_version
    texts = [p.text for s in version.sections.all() for p in s.paragraphs.all()]
    assert any(t.startswith("Key point 1") for t in texts)
    assert not any("Perlu diterjemahkan" in t for t in texts)


def test_only_those_who_may_aggregate_set_the_papers_language(login, world, paper):
    client = login(world.partner_participant)
    response = client.post(
        reverse("positions:run_start", args=[world.consultation.slug]), {"language": "en"}
    )

    assert response.status_code == 403
    paper.refresh_from_db()
    assert paper.language == "id"
    with pytest.raises(PermissionDenied):
        services.paper_language_set(paper=paper, language="en", user=world.partner_participant)
    with pytest.raises(ValidationError):
        services.paper_language_set(paper=paper, language="fr", user=world.staff)


def test_the_api_sets_the_papers_language_as_the_page_does(world, paper):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_login(world.staff)
    url = reverse("api:runs", args=[world.consultation.slug])

    refused = client.post(url, {"language": "fr"}, format="json")
    assert refused.status_code == 400
    assert AggregationRun.objects.count() == 0

    started = client.post(url, {"language": "en"}, format="json")
    assert started.status_code == 202
    paper.refresh_from_db()
    assert paper.language == "en"
    # a start with no body leaves the language as it is
    AggregationRun.objects.update(status=AggregationRun.Status.SUCCEEDED)
    assert client.post(url, format="json").status_code == 202
    paper.refresh_from_db()
    assert paper.language == "en"
