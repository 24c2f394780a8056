"""Finding one's way: a help page in both languages, and breadcrumbs from the list of
consultations down to the page."""

import pytest
from django.urls import reverse

from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def test_the_help_page_explains_roles_tiers_and_the_draft_in_both_languages(client):
    indonesian = client.get(reverse("help")).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(reverse("help")).content.decode()

    assert "Siapa melakukan apa" in indonesian
    assert "Who does what" in english
    assert "GCM-2017-0042" in english
    assert f'href="{reverse("help")}"' in english  # linked from every page's header


def test_a_version_page_says_where_it_is(world, login):
    inputs_for(world)
    version = aggregate(world)
    client = login(world.staff)
    client.cookies["django_language"] = "en"

    content = client.get(version.get_absolute_url()).content.decode()

    crumbs = content[content.index('class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert reverse("consult:home") in crumbs
    assert world.consultation.get_absolute_url() in crumbs
    assert version.paper.get_absolute_url() in crumbs
    assert '<li aria-current="page">Version 1</li>' in crumbs
