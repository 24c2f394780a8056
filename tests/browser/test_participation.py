"""A participant's whole journey in Chromium, in Bahasa Indonesia and in English:
invitation → join → draft → autosave → submit → receipt → edit → withdraw.

Every page is checked with axe-core (serious or critical violations fail) and
photographed under test-output/browser/participation-<language>-NN-<step>.png.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from consult.models import Input
from stakeholders.services import invitation_create
from tests.browser.axe import assert_accessible
from tests.browser.helpers import use_english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Perlindungan-2017!"


@pytest.mark.parametrize("language", ["id", "en"])
def test_participant_journey(page, world, screenshot, language):
    step = iter(range(1, 100))

    def check(name):
        assert_accessible(page, f"{language} {name}")
        screenshot(f"participation-{language}-{next(step):02d}-{name}")

    invitation_create(
        created_by=world.staff,
        convener=world.directorate,
        organisation=world.ngo,
        email=f"kontak-{language}@migrantcare.example",
    )
    token = re.search(r"/invitations/(\S+)/", mail.outbox[-1].body).group(1)

    # Invitation → join.
    page.goto(f"/invitations/{token}/")
    if language == "en":
        use_english(page)
    expect(page.locator("html")).to_have_attribute("lang", language)
    check("invitation")
    form = page.locator("main form")
    form.locator("input[name=full_name]").fill("Siti Aminah")
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    expect(page.locator("header .who")).to_have_text("Siti Aminah")
    check("joined")

    # Draft: the form with a validation error keeps what was typed.
    page.goto(world.session.get_absolute_url())
    check("session")
    page.locator(f"main a[href$='/sessions/{world.session.pk}/inputs/new/']").click()
    form = page.locator("main form")
    form.locator("select[name=issue]").select_option(str(world.issue.pk))
    form.locator("select[name=kind]").select_option("recommendation")
    form.locator("input[name=proposal]").fill("Draf paragraf 12")
    form.locator("button[name=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("main form input[name=proposal]")).to_have_value("Draf paragraf 12")
    check("input-error")

    # Autosave while typing: the draft exists before any button is pressed.
    form = page.locator("main form")
    with page.expect_response(lambda r: "/autosave/" in r.url) as saved:
        form.locator("textarea[name=text]").fill("Perlindungan pekerja migran")
    assert saved.value.status == 200
    expect(page.locator("#autosave-status")).to_contain_text(re.compile(r"\d\d:\d\d:\d\d"))
    assert Input.objects.get().status == Input.Status.DRAFT
    check("autosaved")

    form.locator("textarea[name=text]").fill(
        "Perlindungan pekerja migran harus diperkuat di negara penerima."
    )
    form.locator("button[name=save]").click()
    expect(page).to_have_url(re.compile(r"/inputs/\d+/edit/$"))
    check("draft-saved")

    # Submit → receipt with the reference and a copy of the text.
    page.locator("main form button[name=submit]").click()
    input = Input.objects.get()
    expect(page).to_have_url(re.compile(rf"/inputs/{input.pk}/$"))
    expect(page.locator("main .reference")).to_have_text(input.reference)
    expect(page.locator("main blockquote")).to_contain_text("negara penerima")
    assert input.status == Input.Status.SUBMITTED
    assert input.reference in mail.outbox[-1].subject
    check("receipt")

    # Edit after submitting: a new revision.
    page.locator(f"main a[href='/inputs/{input.pk}/edit/']").click()
    page.locator("main form textarea[name=text]").fill(
        "Perlindungan hukum dan konsuler bagi pekerja migran harus diperkuat."
    )
    page.locator("main form button[name=submit]").click()
    expect(page.locator("main blockquote")).to_contain_text("konsuler")
    check("edited")

    # Withdraw with a reason.
    page.locator(f"main a[href='/inputs/{input.pk}/withdraw/']").click()
    page.locator("main form textarea[name=reason]").fill("Digabung dengan masukan lain.")
    check("withdraw")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main dl")).to_contain_text("Digabung dengan masukan lain.")
    input.refresh_from_db()
    assert input.status == Input.Status.WITHDRAWN
    assert input.revisions.count() >= 4

    page.goto("/inputs/")
    expect(page.locator("main table")).to_contain_text(input.reference)
    check("my-inputs")

    # Small screens: 320 px wide, no horizontal scrolling of the page.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(input.get_absolute_url())
    assert page.evaluate("() => document.documentElement.scrollWidth <= 320")
    check("receipt-320px")
