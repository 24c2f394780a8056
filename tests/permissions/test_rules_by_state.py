"""Rules that depend on a session's or an input's state, for every role."""

import pytest

from consult.models import Input, Session
from tests.conftest import ROLES
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db

SPEAKS = {"ngo_participant", "government_participant", "partner_participant"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", Session.Status.values)
def test_inputs_are_added_only_to_an_open_session_by_those_who_speak(world, role, status):
    world.session.status = status
    world.session.save()

    allowed = world.user(role).has_perm("consult.add_input", world.session)

    assert allowed == (role in SPEAKS and status == Session.Status.OPEN)


def test_an_organisation_invited_to_one_session_cannot_speak_in_another(world):
    other = world.consultation.sessions.create(
        title="Closed round", date="2017-12-01", status="open"
    )
    other.invited_organisations.add(world.ministry)

    assert not world.ngo_participant.has_perm("consult.add_input", other)
    assert world.government_participant.has_perm("consult.add_input", other)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", Input.Status.values)
def test_only_the_organisation_changes_its_own_input_until_withdrawn(world, role, status):
    input = InputFactory(
        session=world.session, issue=world.issue, organisation=world.ngo, status=status
    )

    allowed = world.user(role).has_perm("consult.change_input", input)

    editable = status in (Input.Status.DRAFT, Input.Status.SUBMITTED)
    assert allowed == (role == "ngo_participant" and editable)


@pytest.mark.parametrize("role", ROLES)
def test_an_input_is_read_by_its_organisation_and_the_directorate(world, role):
    input = InputFactory(session=world.session, issue=world.issue, organisation=world.ngo)

    allowed = world.user(role).has_perm("consult.view_input", input)

    assert allowed == (role in {"staff", "director", "ngo_participant"})
