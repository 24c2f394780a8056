"""The staff's pages at 320 px: nothing scrolls sideways, and axe finds nothing serious —
the dashboard, the exports page (with its date filter), a version with its consensus map
and the notifications."""

import pytest

from positions.models import AggregationRun
from positions.services import aggregation_run_execute, paper_get_or_create
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.factories import InputFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _draft(world):
    text = "Migrant workers need access to health services in receiving countries."
    for organisation in (world.ngo, world.ministry, world.partner):
        InputFactory(session=world.session, issue=world.issue, organisation=organisation, text=text)
    paper = paper_get_or_create(consultation=world.consultation)
    run = AggregationRun.objects.create(paper=paper, requested_by=world.staff)
    return aggregation_run_execute(run_id=run.pk).draft_version


def test_staff_pages_fit_320_px_and_are_accessible(page, world, screenshot):
    version = _draft(world)
    log_in(page, world.staff)
    page.set_viewport_size({"width": 320, "height": 640})
    slug = world.consultation.slug

    for name, url in (
        ("dashboard", f"/c/{slug}/staff/"),
        ("exports", f"/c/{slug}/paper/exports/"),
        ("version", version.get_absolute_url()),
        ("paper", f"/c/{slug}/paper/"),
        ("notifications", "/notifications/"),
    ):
        page.goto(url)
        assert_accessible(page, f"small-{name}")
        screenshot(f"small-{name}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, f"{name} scrolls sideways: {width} px"
