"""A request sent twice, or two at once, stores one input; the API sets the tier."""

import uuid

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consult import services
from consult.models import Input

pytestmark = pytest.mark.django_db


def _new_input(world, **extra):
    return {
        "session": world.session.pk,
        "issue": world.issue.pk,
        "kind": "recommendation",
        "text": "Buka jalur migrasi yang aman dan murah.",
        "language": "id",
        "submit": True,
        **extra,
    }


def _client(user):
    client = APIClient()
    client.force_login(user)
    return client


def test_the_same_api_request_sent_twice_with_one_key_makes_one_input(world):
    client = _client(world.ngo_participant)
    url = reverse("api:inputs", args=[world.consultation.slug])

    first = client.post(url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="retry-1")
    again = client.post(url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="retry-1")

    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Input.objects.count() == 1


def test_two_requests_with_different_keys_make_two_inputs(world):
    client = _client(world.ngo_participant)
    url = reverse("api:inputs", args=[world.consultation.slug])

    client.post(url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="a")
    client.post(url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="b")

    assert Input.objects.count() == 2


def test_one_users_key_does_not_reach_another_users_input(world):
    url = reverse("api:inputs", args=[world.consultation.slug])
    _client(world.ngo_participant).post(
        url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="same"
    )

    response = _client(world.government_participant).post(
        url, _new_input(world), format="json", HTTP_IDEMPOTENCY_KEY="same"
    )

    assert response.status_code == 201
    assert Input.objects.count() == 2


def test_a_form_sent_twice_at_once_saves_once_instead_of_failing(world, monkeypatch):
    # The race: both requests look for the form's input before either has stored it.
    # Here the second lookup is made to miss the row the first request stored, as it
    # does when both run at the same moment.
    key = uuid.uuid4()
    fields = {
        "author": world.ngo_participant,
        "organisation": world.ngo,
        "session": world.session,
        "issue": world.issue,
        "kind": "concern",
        "text": "Biaya penempatan masih dibebankan kepada pekerja.",
        "form_key": key,
        "submit": True,
    }
    first = services.input_save(**fields)
    real_lookup = services._input_for_form
    misses = iter([True])
    monkeypatch.setattr(
        services,
        "_input_for_form",
        lambda **kw: None if next(misses, False) else real_lookup(**kw),
    )

    second = services.input_save(**fields)

    assert second.pk == first.pk
    assert Input.objects.count() == 1


def test_the_api_sets_the_confidentiality_tier_as_the_form_does(world):
    client = _client(world.ngo_participant)
    url = reverse("api:inputs", args=[world.consultation.slug])

    response = client.post(url, _new_input(world, confidentiality="directorate"), format="json")

    assert response.status_code == 201
    assert Input.objects.get().confidentiality == Input.Confidentiality.DIRECTORATE
