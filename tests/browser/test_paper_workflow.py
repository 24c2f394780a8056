"""The paper's workflow clicked through: edit → compare → request review → approve → export.

The PDF export's first page is rendered to test-output/browser/paper-pdf-page1.png
(pypdfium2) so a person can look at it.
"""

import io
import re

import pypdfium2
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from positions.models import DraftVersion, PaperExport
from tests.browser.helpers import log_in
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_edit_compare_review_approve_export(page, world, screenshot, screenshot_dir, browser):
    inputs_for(world)
    aggregate(world)
    key = f"issue:{world.issue.pk}"

    log_in(page, world.staff)
    page.goto("/c/gcm-2017/paper/versions/1/")
    page.locator(f"[id='section-{key}'] a", has_text="Edit").first.click()
    form = page.locator("main form").first
    form.locator("textarea[name=text]").fill("**Indonesia** protects its migrant workers.")
    form.locator("input[name=note]").fill("Shorter position")
    form.locator("button[name=preview]").click()
    expect(page.locator("section.preview strong")).to_have_text("Indonesia")
    screenshot("paper-01-edit-preview")
    page.locator("main form").first.locator("button[name=save]").click()
    expect(page).to_have_url(re.compile(r"/paper/versions/2/$"))

    page.get_by_role("link", name="Compare with version 1").click()
    expect(page.locator("ul.changed-sections")).to_contain_text(world.issue.title)
    expect(page.locator("td.new ins").first).to_be_visible()
    screenshot("paper-02-compare")

    page.goto("/c/gcm-2017/paper/versions/2/")
    page.get_by_role("button", name="Request review").click()
    expect(page.locator(".version-status")).to_have_text("In review")

    director = browser.new_context(base_url=page.url.split("/c/")[0], locale="id-ID")
    other = director.new_page()
    log_in(other, world.director)
    other.goto("/c/gcm-2017/paper/versions/2/")
    other.get_by_role("button", name="Approve").click()
    expect(other.locator(".version-status")).to_have_text("Approved")
    other.screenshot(path=screenshot_dir / "paper-03-approved.png", full_page=True)
    director.close()
    assert DraftVersion.objects.get(number=2).status == "approved"

    page.goto("/c/gcm-2017/paper/versions/2/")
    export = page.locator("main form", has=page.locator("input[name=version]"))
    export.locator("select[name=format]").select_option("pdf")
    export.locator("select[name=language]").select_option("en")
    export.get_by_role("button", name="Export").click()
    expect(page).to_have_url(re.compile(r"/paper/exports/$"))
    link = page.get_by_role("link", name=re.compile(r"Download .*\.pdf"))
    with page.expect_download() as download:
        link.click()
    content = download.value.path().read_bytes()
    screenshot("paper-04-exports")

    first = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert "Version 2" in first
    assert "Approved" in first
    assert "NOT FOR CIRCULATION" not in first
    assert PaperExport.objects.get().created_by == world.staff
    pdf = pypdfium2.PdfDocument(content)
    pdf[0].render(scale=1.5).to_pil().save(screenshot_dir / "paper-pdf-page1.png")
    assert (screenshot_dir / "paper-pdf-page1.png").stat().st_size > 5000
