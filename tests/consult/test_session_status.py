import pytest
from django.urls import reverse

from consult.models import Session

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        ("draft", "open", True),
        ("draft", "closed", False),
        ("open", "closed", True),
        ("open", "draft", False),
        ("closed", "open", True),
        ("closed", "draft", False),
    ],
)
def test_a_session_moves_draft_open_closed_and_may_reopen(login, world, current, new, allowed):
    world.session.status = current
    world.session.save()
    url = reverse("consult:session_status", args=[world.consultation.slug, world.session.pk])

    response = login(world.staff).post(url, {"status": new})

    world.session.refresh_from_db()
    assert response.status_code == (302 if allowed else 400)
    assert world.session.status == (new if allowed else current)


def test_the_status_form_offers_only_the_next_steps(login, world):
    world.session.status = Session.Status.DRAFT
    world.session.save()

    page = login(world.staff).get(world.session.get_absolute_url()).content.decode()

    assert '<option value="open"' in page
    assert '<option value="closed"' not in page
