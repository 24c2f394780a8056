"""Attachments: unguessable addresses, downloads only, listed in the API where readable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from consult.models import Input
from consult.services import attachment_add
from tests.factories import InputFactory
from tests.files import PDF

pytestmark = pytest.mark.django_db


def _attached(world, status=Input.Status.SUBMITTED):
    input = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
        status=status,
    )
    file = SimpleUploadedFile("bukti.pdf", PDF)
    return attachment_add(input=input, file=file, user=world.ngo_participant)


def test_the_address_is_not_a_counter_and_the_file_comes_as_a_download(world, client):
    attachment = _attached(world)
    client.force_login(world.ngo_participant)

    response = client.get(attachment.get_absolute_url())

    assert str(attachment.public_id) in attachment.get_absolute_url()
    assert f"/attachments/{attachment.pk}/" not in attachment.get_absolute_url()
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_old_counting_address_answers_nothing(world, client):
    attachment = _attached(world)
    client.force_login(world.ngo_participant)

    assert client.get(f"/attachments/{attachment.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("role", "status", "listed"),
    [
        ("ngo_participant", Input.Status.DRAFT, True),
        ("ngo_participant", Input.Status.SUBMITTED, True),
        ("staff", Input.Status.SUBMITTED, True),
        ("staff", Input.Status.WITHDRAWN, True),
    ],
)
def test_the_api_lists_the_files_the_reader_may_download(world, role, status, listed):
    attachment = _attached(world, status)
    client = APIClient()
    client.force_login(world.user(role))
    url = reverse("api:input", args=[world.consultation.slug, attachment.input.pk])

    response = client.get(url)

    files = response.json()["attachments"]
    assert bool(files) == listed
    download = client.get(files[0]["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("role", ["government_participant", "partner_participant", "observer"])
def test_another_organisation_cannot_download_a_draft_by_its_address(world, client, role):
    attachment = _attached(world, Input.Status.DRAFT)
    world.session.publishes_inputs = True
    world.session.save()
    client.force_login(world.user(role))

    assert client.get(attachment.get_absolute_url()).status_code == 403


def test_listing_inputs_with_attachments_costs_the_same_for_ten_as_for_one(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = APIClient()
    client.force_login(world.staff)
    url = reverse("api:inputs", args=[world.consultation.slug])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _attached(world)
    one = queries()
    for _ in range(9):
        _attached(world)

    assert queries() == one
