"""Invitations: a single-use, expiring link that makes an account and a membership."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from stakeholders.models import Invitation, Membership
from stakeholders.services import invitation_create, invitation_resend, invitation_revoke

pytestmark = pytest.mark.django_db


def _invite(world, django_capture_on_commit_callbacks, email="kontak@migrantcare.example"):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(
            created_by=world.staff, convener=world.directorate, organisation=world.ngo, email=email
        )
    link = re.search(r"https?://\S+/invitations/(\S+)/", mail.outbox[-1].body)
    return invitation, link.group(1)


def _join(client, token, password="Sangat-rahasia-2017"):
    return client.post(
        reverse("stakeholders:invitation_accept", args=[token]),
        {"full_name": "Siti Aminah", "password1": password, "password2": password},
    )


def test_the_link_makes_an_account_and_a_membership_once(
    client, world, django_capture_on_commit_callbacks
):
    invitation, token = _invite(world, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["kontak@migrantcare.example"]
    assert invitation.token_hash != token  # only a hash is stored

    response = _join(client, token)

    assert response.status_code == 302
    membership = Membership.objects.get(user__username="kontak@migrantcare.example")
    assert (membership.organisation, membership.role) == (world.ngo, Membership.Role.PARTICIPANT)
    client.logout()
    reused = _join(client, token)
    assert reused.status_code == 410
    assert "sudah dipakai" in reused.content.decode()


def test_an_expired_link_is_refused(client, world, django_capture_on_commit_callbacks):
    invitation, token = _invite(world, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))

    response = client.get(reverse("stakeholders:invitation_accept", args=[token]))

    assert response.status_code == 410
    assert "kedaluwarsa" in response.content.decode()
    assert not Membership.objects.filter(user__username=invitation.email).exists()


def test_an_unknown_token_is_refused(client, world):
    response = client.get(reverse("stakeholders:invitation_accept", args=["made-up"]))
    assert response.status_code == 410


def test_resending_replaces_the_link_and_revoking_stops_it(
    client, world, django_capture_on_commit_callbacks
):
    invitation, old = _invite(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=invitation)
    new = re.search(r"/invitations/(\S+)/", mail.outbox[-1].body).group(1)

    assert _join(client, old).status_code == 410
    invitation_revoke(invitation=invitation)
    assert _join(client, new).status_code == 410


def test_a_weak_password_is_refused_and_the_link_still_works(
    client, world, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(world, django_capture_on_commit_callbacks)

    response = _join(client, token, password="123")

    assert response.status_code == 400
    assert "password1" in response.context["form"].errors
    assert _join(client, token).status_code == 302


def test_staff_see_who_was_invited_joined_and_submitted(
    login, world, django_capture_on_commit_callbacks
):
    client = login(world.staff)
    url = reverse("consult:invitation_list", args=[world.consultation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"organisation": world.ngo.pk, "email": "a@ngo.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1

    page = client.get(url).content.decode()
    assert "a@ngo.example" in page
    invitation = Invitation.objects.get()
    resend = reverse(
        "consult:invitation_action", args=[world.consultation.slug, invitation.pk, "resend"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend).status_code == 302
    assert len(mail.outbox) == 2


def test_staff_cannot_invite_to_an_organisation_outside_the_consultation(login, world):
    client = login(world.staff)
    url = reverse("consult:invitation_list", args=[world.consultation.slug])

    response = client.post(url, {"organisation": world.uninvited.pk, "email": "x@y.example"})

    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_signed_in_person_joins_with_their_account_by_the_link(
    client, world, django_capture_on_commit_callbacks
):
    # Someone who already has an account (here the ministry's participant) is signed in
    # and opens the link sent to their organisation's address.
    _invitation, token = _invite(world, django_capture_on_commit_callbacks)
    client.force_login(world.government_participant)

    response = client.post(reverse("stakeholders:invitation_accept", args=[token]), {})

    assert response.status_code == 302
    assert Membership.objects.filter(
        user=world.government_participant, organisation=world.ngo
    ).exists()
    assert _join(client, token).status_code == 410


def test_a_signed_out_person_with_an_incomplete_form_is_asked_again(
    client, world, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(world, django_capture_on_commit_callbacks)

    response = client.post(
        reverse("stakeholders:invitation_accept", args=[token]), {"full_name": "Siti"}
    )

    assert response.status_code == 400
    assert not Membership.objects.filter(user__username="kontak@migrantcare.example").exists()
