"""A staff member's day in the workspace, in Chromium: filter, search and sort the input
list (all of it in the URL, so the view survives a reload and can be shared), tag inputs
in bulk, hide one with a reason and restore it, and read the audit trail.

Every page is checked with axe-core (serious or critical violations fail) and
photographed under test-output/browser/staff-NN-<step>.png.
"""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consult.models import AuditEvent, Input
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.factories import InputFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _inputs(world):
    now = timezone.now()
    rows = [
        (world.ngo, Input.Kind.CONCERN, "Remitansi pekerja migran harus dilindungi.", "id"),
        (world.ministry, Input.Kind.CONCERN, "Remitansi untuk pembangunan desa asal.", "id"),
        (world.partner, Input.Kind.CONCERN, "Remitansi cost too much to send home.", "en"),
        (world.ngo, Input.Kind.RECOMMENDATION, "Remitansi should be cheaper.", "en"),
        (world.ministry, Input.Kind.CONCERN, "Trafficking victims need shelters.", "en"),
    ]
    return [
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=organisation,
            kind=kind,
            text=text,
            language=language,
            submitted_at=now - timedelta(hours=n),
        )
        for n, (organisation, kind, text, language) in enumerate(rows)
    ]


def _query(page) -> dict:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def _organisations(page) -> list[str]:
    return page.locator("table.inputs tbody tr td:nth-child(3)").all_inner_texts()


def test_staff_find_tag_hide_restore_and_read_the_trail(page, world, screenshot):
    step = iter(range(1, 100))

    def check(name):
        assert_accessible(page, name)
        screenshot(f"staff-{next(step):02d}-{name}")

    ngo_concern, ministry_concern, partner_concern, _recommendation, _other = _inputs(world)
    log_in(page, world.staff)
    list_url = f"/c/{world.consultation.slug}/staff/inputs/"

    # The list, then filter and search: the filter state lands in the URL.
    page.goto(list_url)
    expect(page.locator("table.inputs tbody tr")).to_have_count(5)
    check("input-list")
    filters = page.locator("form.filters")
    filters.locator("input[name=q]").fill("remitansi")
    filters.locator("select[name=kind]").select_option("concern")
    filters.locator("button[type=submit]").click()
    expect(page.locator("table.inputs tbody tr")).to_have_count(3)
    assert _query(page)["q"] == "remitansi"
    assert _query(page)["kind"] == "concern"
    check("filtered")

    # Sort by organisation, both ways; the filters stay.
    header = page.locator("table.inputs thead th", has_text="Organisation")
    header.locator("a").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert _query(page) | {"o": "organisation"} == _query(page)
    assert _query(page)["kind"] == "concern"
    assert _organisations(page) == ["IOM Jakarta", "Kemnaker", "Migrant Care"]
    header.locator("a").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert _organisations(page) == ["Migrant Care", "Kemnaker", "IOM Jakarta"]
    check("sorted")

    # The URL alone is the view: a colleague opening it sees the same list.
    shared = page.url
    colleague = page.context.new_page()
    colleague.goto(shared)
    expect(colleague.locator("table.inputs tbody tr")).to_have_count(3)
    assert _organisations(colleague) == ["Migrant Care", "Kemnaker", "IOM Jakarta"]
    expect(colleague.locator("form.filters input[name=q]")).to_have_value("remitansi")
    colleague.close()

    # Tag two inputs at once; the page comes back to the same view.
    for input in (ngo_concern, ministry_concern):
        page.locator(f"table.inputs input[name=inputs][value='{input.pk}']").check()
    page.locator("input[name=tags]").fill("remitansi, desa asal")
    page.locator("button", has_text="Apply to selected").click()
    expect(page.locator(".messages")).to_contain_text("Tags changed on 2 inputs.")
    assert page.url == shared
    row = page.locator("table.inputs tbody tr", has_text=ngo_concern.reference)
    expect(row.locator(".badge", has_text="desa asal")).to_be_visible()
    check("tagged")

    # Hide one with a reason (a reason is required), then restore it.
    page.locator("table.inputs a", has_text=partner_concern.reference).click()
    expect(page.locator("h1")).to_contain_text(partner_concern.reference)
    check("input-detail")
    moderation = page.locator("section[aria-labelledby=moderate-h]")
    moderation.locator("button", has_text="Hide").click()
    expect(page.locator(".error-summary")).to_contain_text("Reason")
    expect(page.locator("h1 .badge")).to_have_count(0)
    check("hide-needs-a-reason")
    moderation.locator("textarea[name=reason]").fill("Duplicate of an earlier submission")
    moderation.locator("button", has_text="Hide").click()
    expect(page.locator("h1 .badge")).to_have_text("Hidden")
    trail = page.locator("section[aria-labelledby=trail-h] table")
    expect(trail).to_contain_text("Duplicate of an earlier submission")
    check("hidden")

    page.goto(list_url + "?hidden=yes")
    expect(page.locator("table.inputs tbody tr")).to_have_count(1)
    expect(page.locator("table.inputs tbody tr.hidden-input")).to_contain_text(
        partner_concern.reference
    )
    check("hidden-only")
    page.locator("table.inputs a", has_text=partner_concern.reference).click()

    moderation.locator("textarea[name=reason]").fill("Not a duplicate after all")
    moderation.locator("button", has_text="Restore").click()
    expect(page.locator("h1 .badge")).to_have_count(0)
    expect(trail.locator("tbody tr")).to_have_count(2)
    expect(trail.locator("tbody tr").first).to_contain_text("Not a duplicate after all")
    check("restored")

    # The consultation's trail: who did what, before → after, why.
    page.locator("nav.tabs a", has_text="Audit trail").click()
    expect(page).to_have_url(re.compile(r"/staff/audit/$"))
    rows = page.locator("table.trail tbody tr")
    expect(rows).to_have_count(AuditEvent.objects.count())
    expect(rows.first).to_contain_text("Not a duplicate after all")
    expect(page.locator("table.trail")).to_contain_text("desa asal")
    expect(page.locator("table.trail")).to_contain_text(world.staff.username)
    check("audit-trail")
    assert AuditEvent.objects.count() == 4  # two tagged, one hidden, one restored
