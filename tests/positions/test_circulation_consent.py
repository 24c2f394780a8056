"""Before a copy for circulation: staff see what it would withhold and ask the owners;
an owner's consent makes the input public, is audited, and the copy then quotes it."""

import io

import docx
import pytest
from django.core import mail
from django.urls import reverse

from consult.models import AuditEvent, Input
from positions import selectors
from positions.exports import version_render
from stakeholders.models import Notification
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db

TEXT = "Perlindungan pekerja migran harus dimulai sejak di desa asal."


def _participants_only_draft(world):
    inputs = inputs_for(world, text=TEXT, confidentiality=Input.Confidentiality.PARTICIPANTS)
    Input.objects.filter(organisation=world.ngo).update(author=world.ngo_participant)
    return inputs, aggregate(world)


def test_staff_see_how_many_paragraphs_a_circulation_copy_withholds_and_whose(world, login):
    inputs, version = _participants_only_draft(world)

    preview = selectors.circulation_preview(version=version)
    assert preview["withheld"]
    assert preview["inputs"] == len(inputs)
    assert {e["organisation"] for e in preview["organisations"]} == {
        world.ngo,
        world.ministry,
        world.partner,
    }
    page = login(world.staff).get(version.get_absolute_url()).content.decode()
    assert 'id="circulation"' in page
    assert inputs[0].reference in page
    assert (
        'id="circulation"'
        not in login(world.partner_participant).get(version.get_absolute_url()).content.decode()
    )


def test_owners_are_asked_consent_and_the_copy_then_quotes_their_input(
    world, login, django_capture_on_commit_callbacks
):
    inputs, version = _participants_only_draft(world)
    ngo_input = next(i for i in inputs if i.organisation == world.ngo)

    with django_capture_on_commit_callbacks(execute=True):
        login(world.staff).post(
            reverse("positions:publication_ask", args=[world.consultation.slug, version.number])
        )
    asked = Notification.objects.filter(recipient=world.ngo_participant, kind="publication_asked")
    assert asked.count() == 1
    assert asked.get().url == ngo_input.get_absolute_url()
    assert world.ngo_participant.email in {to for m in mail.outbox for to in m.to}

    owner = login(world.ngo_participant)
    publish = reverse("consult:input_publish", args=[ngo_input.pk])
    assert f'action="{publish}"' in owner.get(ngo_input.get_absolute_url()).content.decode()
    response = owner.post(publish)
    assert response.status_code == 302
    ngo_input.refresh_from_db()
    assert ngo_input.confidentiality == Input.Confidentiality.PUBLIC
    event = AuditEvent.objects.get(action=AuditEvent.Action.CONFIDENTIALITY)
    assert event.actor == world.ngo_participant
    assert event.before == {"confidentiality": "participants"}

    public = docx.Document(
        io.BytesIO(version_render(version, format="docx", language="id", audience="public"))
    )
    text = "\n".join(p.text for p in public.paragraphs)
    assert ngo_input.reference in text


def test_only_the_inputs_own_organisation_may_consent(world, login):
    inputs, _version = _participants_only_draft(world)
    ngo_input = next(i for i in inputs if i.organisation == world.ngo)

    for user in (world.staff, world.partner_participant, world.government_participant):
        response = login(user).post(reverse("consult:input_publish", args=[ngo_input.pk]))
        assert response.status_code == 403, user
    ngo_input.refresh_from_db()
    assert ngo_input.confidentiality == Input.Confidentiality.PARTICIPANTS


def test_the_preview_reads_a_fetched_version_without_a_query(world, django_assert_num_queries):
    _inputs, version = _participants_only_draft(world)
    fetched = selectors.version_get(paper=version.paper, number=version.number)

    with django_assert_num_queries(0):
        preview = selectors.circulation_preview(version=fetched)
    assert preview["withheld"]
    assert selectors.circulation_preview(version=version)["withheld"] == preview["withheld"]
