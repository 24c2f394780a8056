"""Each confidentiality tier, proven on the published page, the receipt page, the files
and the draft version page of the position paper."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consult.models import Input
from consult.services import attachment_add
from positions.aggregation.records import ParagraphDraft, SectionDraft
from positions.services import draft_version_create, paper_get_or_create
from tests.factories import InputFactory
from tests.files import PDF

pytestmark = pytest.mark.django_db

# tier -> roles (of other organisations) who may read an input of that tier
READERS = {
    "public": {"staff", "director", "ngo_participant", "partner_participant", "observer"},
    "participants": {"staff", "director", "ngo_participant", "partner_participant"},
    "directorate": {"staff", "director"},
}
OTHERS = ["staff", "director", "ngo_participant", "partner_participant", "outsider"]


@pytest.fixture
def published(world):
    world.session.publishes_inputs = True
    world.session.save()
    # The ministry writes; the NGO's observer reads as an invited observer.
    return {
        tier: InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=world.ministry,
            confidentiality=tier,
            text=f"Teks tingkat {tier}.",
        )
        for tier in READERS
    }


@pytest.mark.parametrize("tier", list(READERS))
@pytest.mark.parametrize("role", [*OTHERS, "observer"])
def test_the_published_page_shows_a_tier_only_to_its_readers(login, world, published, tier, role):
    url = reverse("consult:published_inputs", args=[world.consultation.slug, world.session.pk])

    response = login(world.user(role)).get(url)

    if role == "outsider":
        assert response.status_code == 403
        return
    assert (f"Teks tingkat {tier}." in response.content.decode()) == (role in READERS[tier])


@pytest.mark.parametrize("tier", list(READERS))
@pytest.mark.parametrize("role", [*OTHERS, "observer"])
def test_an_attachment_is_served_only_to_its_readers(login, world, published, tier, role):
    input = published[tier]
    file = SimpleUploadedFile("bukti.pdf", PDF)
    attachment = attachment_add(input=input, file=file, user=world.staff)

    response = login(world.user(role)).get(attachment.get_absolute_url())

    assert (response.status_code == 200) == (role in READERS[tier])


@pytest.mark.parametrize("tier", list(READERS))
def test_the_writing_organisation_always_reads_its_own(login, world, published, tier):
    client = login(world.government_participant)
    assert client.get(published[tier].get_absolute_url()).status_code == 200


def test_the_published_page_is_closed_when_the_session_does_not_publish(login, world):
    url = reverse("consult:published_inputs", args=[world.consultation.slug, world.session.pk])
    assert login(world.ngo_participant).get(url).status_code == 403
    assert login(world.staff).get(url).status_code == 200


def test_partners_reading_the_paper_see_no_directorate_only_sources(login, world, published):
    paper = paper_get_or_create(consultation=world.consultation)
    ids = tuple(input.pk for input in published.values())
    sections = [
        SectionDraft(
            kind="issue",
            heading="1",
            issue_id=world.issue.pk,
            paragraphs=(ParagraphDraft(text="Paragraf.", source_ids=ids),),
        )
    ]
    version = draft_version_create(
        paper=paper, sections=sections, created_by=world.staff, origin="editor"
    )

    partner_page = login(world.partner_participant).get(version.get_absolute_url())
    staff_page = login(world.staff).get(version.get_absolute_url())

    secret = published["directorate"].reference
    assert secret in staff_page.content.decode()
    assert secret not in partner_page.content.decode()
    assert published["participants"].reference in partner_page.content.decode()


def test_withdrawn_and_draft_inputs_are_never_published(login, world, published):
    InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ministry,
        confidentiality="public",
        status=Input.Status.DRAFT,
        text="Masih draf.",
    )
    url = reverse("consult:published_inputs", args=[world.consultation.slug, world.session.pk])
    assert "Masih draf." not in login(world.staff).get(url).content.decode()


@pytest.mark.parametrize("role", ["staff", "ngo_participant", "partner_participant", "observer"])
def test_an_input_staff_hid_leaves_the_published_page(login, world, published, role):
    from consult.moderation import input_hide

    input_hide(input=published["public"], reason="Di luar topik", actor=world.staff)
    url = reverse("consult:published_inputs", args=[world.consultation.slug, world.session.pk])

    page = login(world.user(role)).get(url).content.decode()

    assert "Teks tingkat public." not in page


def test_the_api_lists_a_drafts_sources_as_the_page_does(world, published):
    from rest_framework.test import APIClient

    paper = paper_get_or_create(consultation=world.consultation)
    ids = tuple(input.pk for input in published.values())
    sections = [
        SectionDraft(
            kind="issue",
            heading="1",
            issue_id=world.issue.pk,
            paragraphs=(ParagraphDraft(text="Paragraf.", source_ids=ids),),
        )
    ]
    version = draft_version_create(
        paper=paper, sections=sections, created_by=world.staff, origin="editor"
    )
    url = f"/api/v1/consultations/{world.consultation.slug}/drafts/{version.number}/"

    def sources_for(user):
        client = APIClient()
        client.force_authenticate(user)
        response = client.get(url)
        assert response.status_code == 200
        return set(response.json()["sections"][0]["paragraphs"][0]["sources"])

    assert sources_for(world.staff) == set(ids)
    assert sources_for(world.partner_participant) == {
        published["public"].pk,
        published["participants"].pk,
    }
