"""The thin-path journeys again, this time clicked through in headless Chromium.

Each test logs in through the real login form and switches the UI to English with the
header's EN button (the workspace's default language is Bahasa Indonesia), then finds
links and buttons by their role and English name, and form fields by their `name`.
"""

import re

import docx
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from consult.models import Input
from positions.models import AggregationRun, DraftVersion
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INPUT_TEXT = "Perkuat perlindungan pekerja migran di negara penerima."


def _submit(world, text, **kwargs):
    from consult.services import input_save

    return input_save(
        author=world.ngo_participant,
        organisation=world.ngo,
        session=world.session,
        issue=world.issue,
        kind="recommendation",
        text=text,
        language="id",
        submit=True,
        **kwargs,
    )


def _open_input_form(page, world):
    """From the home page to the consultation, its session and the new input form."""
    page.goto("/")
    page.get_by_role("link", name=world.consultation.title).click()
    expect(page).to_have_url(re.compile(re.escape(world.consultation.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(world.consultation.title)

    page.get_by_role("link", name=world.session.title).click()
    expect(page).to_have_url(re.compile(re.escape(world.session.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(world.session.title)

    page.get_by_role("link", name="Submit an input").click()
    url = reverse("consult:input_create", args=[world.consultation.slug, world.session.pk])
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))
    return page.locator("main form")


def test_ngo_participant_submits_an_input_through_the_form(page, world, screenshot):
    log_in(page, world.ngo_participant)
    screenshot("01-home-ngo")
    form = _open_input_form(page, world)
    screenshot("02-input-form-empty")

    form.locator("select[name=issue]").select_option(str(world.issue.pk))
    form.locator("select[name=kind]").select_option("recommendation")
    form.locator("select[name=language]").select_option("id")
    form.locator("textarea[name=text]").fill(INPUT_TEXT)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[name=submit]").click()
    assert posted.value.status == 302

    input = Input.objects.get()
    expect(page).to_have_url(re.compile(re.escape(input.get_absolute_url()) + "$"))  # receipt
    messages = page.locator("main ul.messages")
    expect(messages).to_contain_text(input.reference)
    expect(messages).to_contain_text("submitted")
    page.get_by_role("link", name="My inputs").first.click()
    row = page.locator("main table tbody tr").filter(has_text=input.reference)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(world.issue.title)
    expect(row).to_contain_text("Submitted")
    screenshot("03-my-inputs-after-submit")

    assert (input.organisation, input.author, input.issue) == (
        world.ngo,
        world.ngo_participant,
        world.issue,
    )
    assert (input.status, input.kind, input.language, input.text) == (
        Input.Status.SUBMITTED,
        "recommendation",
        "id",
        INPUT_TEXT,
    )


def test_blank_input_text_is_refused_beside_the_field_and_keeps_what_was_typed(
    page, world, screenshot
):
    log_in(page, world.ngo_participant)
    form = _open_input_form(page, world)
    proposal = "Ratifikasi Konvensi ILO 189"

    form.locator("select[name=issue]").select_option(str(world.other_issue.pk))
    form.locator("select[name=kind]").select_option("concern")
    form.locator("select[name=stance]").select_option("support")
    form.locator("input[name=proposal]").fill(proposal)
    form.locator("select[name=language]").select_option("en")
    form.locator("textarea[name=text]").fill("   \n  ")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[name=submit]").click()

    assert posted.value.status == 400
    form = page.locator("main form")
    error = form.locator("#id_text_error")
    expect(error).to_be_visible()
    expect(error).not_to_be_empty()
    # The error is inside the text field's own block, just above the textarea.
    field = form.locator(".field.has-error")
    expect(field).to_have_count(1)
    expect(field.locator("textarea[name=text]")).to_have_count(1)
    expect(form.locator("textarea[name=text]")).to_have_attribute("aria-invalid", "true")

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    summary_link = summary.locator("a[href='#id_text']")
    expect(summary_link).to_have_count(1)
    expect(summary_link).to_contain_text(error.inner_text())

    # Everything else typed is still there.
    expect(form.locator("select[name=issue]")).to_have_value(str(world.other_issue.pk))
    expect(form.locator("select[name=kind]")).to_have_value("concern")
    expect(form.locator("select[name=stance]")).to_have_value("support")
    expect(form.locator("input[name=proposal]")).to_have_value(proposal)
    expect(form.locator("select[name=language]")).to_have_value("en")
    screenshot("04-input-form-blank-text-error")

    # The summary's link takes the reader to the field.
    summary_link.click()
    expect(form.locator("textarea[name=text]")).to_be_focused()
    assert not Input.objects.exists()


def test_staff_aggregate_inputs_and_download_the_draft_as_docx(page, world, screenshot, tmp_path):
    input = _submit(world, INPUT_TEXT)
    log_in(page, world.staff)

    page.goto(world.consultation.get_absolute_url())
    page.get_by_role("link", name="Position paper").click()
    paper_url = reverse("positions:paper_detail", args=[world.consultation.slug])
    expect(page).to_have_url(re.compile(re.escape(paper_url) + "$"))
    expect(page.get_by_text("No version yet")).to_be_visible()
    screenshot("05-paper-before-aggregation")

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Aggregate the submitted inputs").click()
    assert posted.value.status == 302
    expect(page).to_have_url(re.compile(re.escape(paper_url) + "$"))

    run = AggregationRun.objects.get()
    assert run.status == AggregationRun.Status.SUCCEEDED, run.error
    version = DraftVersion.objects.get()
    expect(page.locator("main ul.messages")).to_contain_text(f"version {version.number}")
    article = page.locator("article.paper")
    expect(article.get_by_role("heading", name=f"Version {version.number}")).to_be_visible()
    paragraph = article.locator("ol.paragraphs > li").filter(has_text=INPUT_TEXT)
    expect(paragraph).to_have_count(1)
    sources = paragraph.locator("details.sources")
    expect(sources.locator("summary")).to_have_text("1 source")
    expect(sources.locator("ul")).to_be_hidden()
    sources.locator("summary").click()
    expect(sources.locator("ul li")).to_have_text(
        re.compile(re.escape(input.reference) + r"\s+—\s+" + re.escape(world.ngo.short_name))
    )
    screenshot("06-paper-after-aggregation")

    # Every export is a recorded job: asked for on the version's page, then downloaded
    # from the exports page, where it stays.
    versions = page.locator("section[aria-labelledby=versions-h]")
    versions.get_by_role("link", name=f"Version {version.number}").click()
    page.get_by_role("button", name="Export", exact=True).click()
    expect(page).to_have_url(re.compile(r"/paper/exports/$"))
    name = f"{world.consultation.slug}-v{version.number}-{world.consultation.paper.language}"
    with page.expect_download() as downloading:
        page.get_by_role("link", name=re.compile("^Download " + re.escape(name))).click()
    download = downloading.value
    assert download.failure() is None
    assert download.suggested_filename.startswith(name)
    assert download.suggested_filename.endswith(".docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    document = docx.Document(str(saved))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert re.fullmatch(r"GCM-2017-\d{4,}", input.reference)
    assert INPUT_TEXT in text
    assert f"[{input.reference}]" in text
    assert f"{INPUT_TEXT} [{input.reference}]" in text


def test_ngo_participant_is_not_allowed_on_the_paper_page(page, world, screenshot):
    log_in(page, world.ngo_participant)
    page.goto(world.consultation.get_absolute_url())
    expect(page.get_by_role("link", name="Position paper")).to_have_count(0)

    response = page.goto(reverse("positions:paper_detail", args=[world.consultation.slug]))

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
    expect(page.get_by_role("link", name="Back to your consultations")).to_be_visible()
    screenshot("07-paper-forbidden-for-ngo")
