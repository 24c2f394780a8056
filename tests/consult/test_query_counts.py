"""Participant pages cost the same number of queries with 3 inputs as with 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


def _inputs(world, n):
    for _ in range(n):
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=world.ngo,
            author=world.ngo_participant,
            confidentiality="public",
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "page",
    [
        lambda w: reverse("consult:my_inputs"),
        lambda w: reverse("consult:published_inputs", args=[w.consultation.slug, w.session.pk]),
        lambda w: w.session.get_absolute_url(),
        lambda w: reverse("consult:input_create", args=[w.consultation.slug, w.session.pk]),
    ],
    ids=["my inputs", "published inputs", "session", "input form"],
)
def test_participant_pages_do_not_grow_with_inputs(
    login, world, page, django_assert_max_num_queries
):
    world.session.publishes_inputs = True
    world.session.save()
    client = login(world.ngo_participant)
    url = page(world)
    _inputs(world, 3)
    few = _queries(client, url)

    _inputs(world, 60)

    with django_assert_max_num_queries(few):
        client.get(url)


def test_the_receipt_page_has_a_fixed_cost(login, world, django_assert_max_num_queries):
    _inputs(world, 1)
    input = world.ngo.inputs.get()
    client = login(world.ngo_participant)

    with django_assert_max_num_queries(14):
        assert client.get(input.get_absolute_url()).status_code == 200
