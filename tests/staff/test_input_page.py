"""Staff see all of an input; a paragraph's sources lead each reader somewhere they may go."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consult.models import Input
from consult.services import attachment_add
from positions import review
from tests.factories import InputFactory
from tests.files import PDF
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def test_the_staff_page_of_an_input_shows_everything_of_it(world, login):
    input = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
        stance=Input.Stance.SUPPORT,
        proposal="Hapus biaya penempatan.",
        confidentiality=Input.Confidentiality.DIRECTORATE,
        language="id",
        text="Versi pertama.",
    )
    attachment_add(
        input=input, file=SimpleUploadedFile("kajian.pdf", PDF), user=world.ngo_participant
    )
    input.revisions.create(
        number=1,
        author=world.ngo_participant,
        text="Versi pertama.",
        kind="concern",
        language="id",
        status="draft",
    )

    client = login(world.staff)
    client.cookies["django_language"] = "en"  # the person chose English
    page = client.get(reverse("staff:input", args=[world.consultation.slug, input.pk]))

    content = page.content.decode()
    assert "Hapus biaya penempatan." in content
    assert "The directorate only" in content
    assert "Bahasa Indonesia" in content
    assert "kajian.pdf" in content
    assert input.attachments.get().get_absolute_url() in content
    assert "<blockquote" in content.split('id="revisions-h"')[1]
    assert "Versi pertama." in content.split('id="revisions-h"')[1]


def test_source_links_lead_staff_to_the_workspace_and_others_nowhere_forbidden(world, login):
    cited = inputs_for(world)
    version = aggregate(world)
    review.version_transition(version=version, move="submit", actor=world.staff)
    review.version_transition(version=version, move="approve", actor=world.director)
    ngo_input = next(i for i in cited if i.organisation == world.ngo)

    staff_page = login(world.staff).get(version.get_absolute_url()).content.decode()
    assert reverse("staff:input", args=[world.consultation.slug, ngo_input.pk]) in staff_page

    partner = login(world.partner_participant)
    content = partner.get(version.get_absolute_url()).content.decode()
    assert ngo_input.reference in content
    assert f'href="{ngo_input.get_absolute_url()}"' not in content
    links = re.findall(r'href="(/inputs/\d+/)"', content)
    assert all(partner.get(href).status_code == 200 for href in links)
