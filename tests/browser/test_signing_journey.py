"""A paper the ministry can sign, clicked through in Chromium by four people.

Staff edit a section citing two inputs (one found with the editor's citation search),
new inputs arrive and the paper is aggregated again, staff request review and ask the
line ministry to clear the version; the ministry's participant, told in the workspace,
comments on a section; the director reads the clearance comment and approves. The paper
page then shows the approved version; the DOCX read back has the cited sources, bold as
bold runs, page numbers, Indonesian as its language and the classification mark; the NGO
sees its input cited in the edited section; every step reached the person it concerns.
axe runs on every page, in English and in Bahasa Indonesia, and at 320 px nothing
scrolls sideways.
"""

import io
import re

import docx
import pytest
from playwright.sync_api import expect

from consult.models import Input
from positions.models import DraftVersion, PaperExport
from stakeholders.models import Notification
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _person(browser, page, user, english=True):
    context = browser.new_context(base_url=page.url.split("/c/")[0].split("/login")[0],
                                  locale="id-ID", accept_downloads=True)  # fmt: skip
    other = context.new_page()
    log_in(other, user, english=english)
    return context, other


def test_aggregate_edit_cite_reaggregate_clear_approve_export_and_feedback(
    page, world, browser, screenshot
):
    def check(p, name):
        assert_accessible(p, name)
        screenshot(f"signing-{name}") if p is page else None

    world.consultation.draft_readers.add(world.ministry)
    cited = inputs_for(world, text="Perlindungan pekerja migran harus dimulai sejak di desa asal.")
    Input.objects.filter(organisation=world.ngo).update(author=world.ngo_participant)
    ngo_input = next(i for i in cited if i.organisation == world.ngo)
    partner_input = next(i for i in cited if i.organisation == world.partner)
    aggregate(world)
    slug, key = world.consultation.slug, f"issue:{world.issue.pk}"

    # Staff rewrite the section, citing two inputs: one through the search.
    log_in(page, world.staff)
    page.goto(f"/c/{slug}/paper/versions/1/")
    check(page, "v1")
    page.locator(f"[id='section-{key}'] a", has_text="Edit").first.click()
    text = page.locator("textarea[name=text]")
    text.fill(
        "**Perlindungan** harus dimulai sebelum keberangkatan "
        f"[{partner_input.reference}] dan berlanjut sampai kepulangan."
    )
    text.evaluate("(area) => { area.selectionStart = area.selectionEnd = area.value.length; }")
    page.locator("#cite-q").fill(ngo_input.reference)
    page.get_by_role("button", name=f"Cite {ngo_input.reference}").click()
    expect(text).to_have_value(re.compile(re.escape(f"[{ngo_input.reference}]")))
    check(page, "edit-cite")
    page.locator("main form").first.locator("button[name=save]").click()
    expect(page).to_have_url(re.compile(r"/paper/versions/2/$"))

    # New inputs arrive; staff aggregate again from the paper page; the edit is kept.
    inputs_for(world, text="Remitansi harus lebih murah dan aman.", orgs=[world.uninvited])
    page.goto(f"/c/{slug}/paper/")
    page.get_by_role("button", name="Aggregate the submitted inputs").click()
    runs = page.get_by_role("table").filter(has_text="Recent runs")
    expect(runs.get_by_role("link", name="Version 3")).to_be_visible()
    page.goto(f"/c/{slug}/paper/versions/3/")
    expect(page.locator(f"[id='section-{key}'] strong").first).to_have_text("Perlindungan")
    page.get_by_role("button", name="Request review").click()
    expect(page.locator(".version-status")).to_have_text("In review")
    page.get_by_role("button", name="Ask the line ministries to clear this version").click()
    check(page, "v3-in-review")

    # The ministry is told, reads the draft and comments on the section (in Indonesian).
    ministry, other = _person(browser, page, world.government_participant, english=False)
    other.goto("/notifications/")
    expect(other.locator("ul.notifications")).to_contain_text("kliring")
    assert_accessible(other, "ministry-notifications-id")
    other.locator("ul.notifications a").first.click()
    expect(other).to_have_url(re.compile(r"/paper/versions/3/"))
    assert_accessible(other, "ministry-v3-id")
    other.locator(f"#comment-{key}".replace(":", "\\:")).fill("Mohon rujuk UU 18/2017 pasal 30.")
    other.locator(f"[id='section-{key}'] .comments button[type=submit]").click()
    expect(other.locator(f"[id='section-{key}'] .comment")).to_contain_text("pasal 30")
    ministry.close()

    # The director reads the clearance comment and approves.
    director, other = _person(browser, page, world.director)
    other.goto(f"/c/{slug}/paper/versions/3/")
    expect(other.locator(f"[id='section-{key}'] .comment")).to_contain_text(
        f"Clearance: {world.ministry.short_name}"
    )
    assert_accessible(other, "director-v3")
    other.get_by_role("button", name="Approve").click()
    expect(other.locator(".version-status")).to_have_text("Approved")
    director.close()
    assert DraftVersion.objects.get(number=3).status == "approved"

    # The paper page opens the approved version; the DOCX is a ministry document.
    page.goto(f"/c/{slug}/paper/")
    expect(page.locator("#version-h")).to_contain_text("3")
    check(page, "paper-approved")
    page.goto(f"/c/{slug}/paper/versions/3/")
    export = page.locator("main form", has=page.locator("input[name=version]"))
    export.locator("select[name=format]").select_option("docx")
    export.locator("select[name=language]").select_option("id")
    export.locator("select[name=classification]").select_option("terbatas")
    export.get_by_role("button", name="Export").click()
    expect(page).to_have_url(re.compile(r"/paper/exports/$"))
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"Download .*\.docx")).click()
    document = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    check(page, "exports")
    body = "\n".join(p.text for p in document.paragraphs)
    assert ngo_input.reference in body
    assert partner_input.reference in body
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(run.text == "Perlindungan" and run.bold for run in runs)
    assert "**" not in body
    footer = document.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml
    assert "TERBATAS" in footer.text
    assert 'w:val="id-ID"' in document.styles["Normal"].element.xml
    assert PaperExport.objects.get().classification == "terbatas"

    # The NGO sees its input cited in the edited section, and was told.
    ngo, other = _person(browser, page, world.ngo_participant)
    other.goto(f"/c/{slug}/paper/feedback/")
    expect(other.locator("main")).to_contain_text(ngo_input.reference)
    expect(other.locator("main")).to_contain_text(f"{world.issue.code} ¶1")
    assert_accessible(other, "ngo-feedback")
    other.set_viewport_size({"width": 320, "height": 640})
    assert other.evaluate("() => document.documentElement.scrollWidth <= 320")
    ngo.close()

    told = set(Notification.objects.values_list("recipient__username", "kind"))
    assert (world.director.username, "review_requested") in told
    assert (world.government_participant.username, "clearance_asked") in told
    assert (world.staff.username, "section_comment") in told
    assert (world.staff.username, "approved") in told
    assert (world.ngo_participant.username, "input_cited") in told
