"""Every role against every page of the staff workspace: only the directorate gets in."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db

RUNS = {"staff", "director"}


def _input(w):
    return InputFactory(session=w.session, issue=w.issue, organisation=w.ngo)


def _url(name, *extra):
    return lambda w: reverse(name, args=[w.consultation.slug, *[e(w) for e in extra]])


def _pk(w):
    return _input(w).pk


PAGES = [
    ("dashboard", "get", _url("staff:dashboard"), None, RUNS, 200),
    ("input list", "get", _url("staff:inputs"), None, RUNS, 200),
    (
        "bulk tag",
        "post",
        lambda w: reverse("staff:inputs_tag", args=[w.consultation.slug]),
        lambda w: {"inputs": [_pk(w)], "tags": "t", "action": "add"},
        RUNS,
        302,
    ),
    ("input page", "get", _url("staff:input", _pk), None, RUNS, 200),
    ("hide", "post", _url("staff:input_hide", _pk), lambda w: {"reason": "spam"}, RUNS, 302),
    (
        "status",
        "post",
        _url("staff:input_status", _pk),
        lambda w: {"status": "withdrawn"},
        RUNS,
        302,
    ),
    ("audit trail", "get", _url("staff:audit"), None, RUNS, 200),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), PAGES, ids=[p[0] for p in PAGES]
)
def test_role_may_or_may_not(client, world, role, name, method, url, data, allowed, status):
    target = url(world)
    client.force_login(world.user(role))

    response = getattr(client, method)(target, data(world) if data else None)

    assert response.status_code == (status if role in allowed else 403), f"{role} on {name}"


@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), PAGES, ids=[p[0] for p in PAGES]
)
def test_anonymous_is_sent_to_login(client, world, name, method, url, data, allowed, status):
    response = getattr(client, method)(url(world), data(world) if data else None)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
def test_restore(world, client, role):
    from consult.moderation import input_hide

    input = _input(world)
    input_hide(input=input, reason="spam", actor=world.staff)
    client.force_login(world.user(role))

    response = client.post(
        reverse("staff:input_restore", args=[world.consultation.slug, input.pk]), {}
    )

    assert response.status_code == (302 if role in RUNS else 403), role
