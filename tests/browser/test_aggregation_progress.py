"""A run in progress, watched by staff in the browser: the status fragment polls every
2 s with htmx, so its progress bar and numbers follow the run without a reload; when
the run ends the fragment asks for a refresh and the page shows the new version.

The run's progress is written straight into the database, as the worker's services
write it, so the test needs no worker and takes a few seconds.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from positions import services
from positions.aggregation import ParagraphDraft, SectionDraft
from positions.models import AggregationRun, DraftVersion
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _progress(run: AggregationRun, **fields) -> None:
    AggregationRun.objects.filter(pk=run.pk).update(progressed_at=timezone.now(), **fields)


def test_progress_updates_in_place_and_the_finished_run_shows_its_version(page, world):
    paper = services.paper_get_or_create(consultation=world.consultation)
    run = AggregationRun.objects.create(
        paper=paper,
        requested_by=world.staff,
        status=AggregationRun.Status.RUNNING,
        stage="grouping",
        issues_total=4,
        issues_done=1,
        inputs_processed=120,
        started_at=timezone.now(),
        progressed_at=timezone.now(),
    )
    log_in(page, world.staff)
    page.goto(paper.get_absolute_url())
    status = page.locator(f"#run-{run.pk}")
    expect(status).to_contain_text("1 of 4 issues, 120 inputs processed")
    expect(status.locator("progress")).to_have_attribute("value", "25")
    expect(page.get_by_role("button", name="Aggregate the submitted inputs")).to_be_disabled()
    page.evaluate("window.notReloaded = true")  # gone if the whole page reloads

    _progress(run, issues_done=3, inputs_processed=360, stage="grouping")
    expect(status).to_contain_text("3 of 4 issues, 360 inputs processed")
    expect(status.locator("progress")).to_have_attribute("value", "75")
    assert page.evaluate("window.notReloaded === true")

    version = services.draft_version_create(
        paper=paper,
        sections=[SectionDraft("background", "Latar belakang", (ParagraphDraft("Isi."),))],
        created_by=world.staff,
        origin=DraftVersion.Origin.AGGREGATION,
    )
    _progress(
        run,
        issues_done=4,
        inputs_processed=480,
        status=AggregationRun.Status.SUCCEEDED,
        stage="done",
        finished_at=timezone.now(),
        draft_version=version,
    )
    runs = page.get_by_role("table").filter(has_text="Recent runs")
    expect(runs.get_by_role("link", name=f"Version {version.number}")).to_be_visible()
    assert page.evaluate("window.notReloaded === undefined")  # the page was refreshed
    expect(page.locator(f"#run-{run.pk}")).to_have_count(0)
    expect(page.get_by_role("button", name="Aggregate the submitted inputs")).to_be_enabled()
