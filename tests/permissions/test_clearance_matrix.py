"""Clearance: with the ministry set to clear the consultation's drafts, its participants
read draft versions and comment on sections — on pages and in the API, by the same rule —
and do nothing else a partner or the directorate does. Every role against every row."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from positions.aggregation import ParagraphDraft, SectionDraft
from positions.models import ReviewComment
from positions.services import draft_version_create, paper_get_or_create
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

RUNS = {"staff", "director"}
CLEARS = {"government_participant"}  # speaks for the ministry, set to clear drafts
READS_PAPER = RUNS | {"partner_participant"} | CLEARS


def _cleared(world):
    """The ministry set to clear drafts, and version 1 with a background section."""
    world.consultation.draft_readers.add(world.ministry)
    paper = paper_get_or_create(consultation=world.consultation)
    section = SectionDraft("background", "Latar belakang", (ParagraphDraft("Teks."),))
    return draft_version_create(
        paper=paper, sections=[section], created_by=world.staff, origin="editor"
    )


def _url(name, *args):
    return lambda w: reverse(f"positions:{name}", args=[w.consultation.slug, *args])


ROWS = [
    ("paper", "get", _url("paper_detail"), None, READS_PAPER, 200),
    ("version", "get", _url("version_detail", 1), None, READS_PAPER, 200),
    (
        "comment on a section",
        "post",
        _url("comment_add", 1, "background:0"),
        {"text": "Kemnaker: mohon rujuk UU 18/2017 pasal 30."},
        RUNS | CLEARS,
        302,
    ),
    ("edit a section", "get", _url("section_edit", 1, "background:0"), None, RUNS, 200),
    ("ask for clearance", "post", _url("clearance_ask", 1), None, RUNS, 302),
    ("set who clears", "post", _url("draft_readers"), {"organisations": []}, RUNS, 302),
    ("exports", "get", _url("exports"), None, RUNS, 200),
    ("cite search", "get", _url("cite_search"), None, RUNS, 200),
    ("API drafts", "get", lambda w: reverse("api:drafts", args=[w.consultation.slug]), None,
     READS_PAPER, 200),
]  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), ROWS, ids=[r[0] for r in ROWS]
)
def test_role_with_the_ministry_clearing(
    world, role, name, method, url, data, allowed, status, django_capture_on_commit_callbacks
):
    _cleared(world)
    client = APIClient()
    client.force_login(world.user(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(url(world), data)

    expected = status if role in allowed else 403
    assert response.status_code == expected, f"{role} on {name}"


def test_without_the_setting_the_ministry_reads_no_draft(world, client):
    paper = paper_get_or_create(consultation=world.consultation)
    draft_version_create(paper=paper, sections=[], created_by=world.staff, origin="editor")
    client.force_login(world.government_participant)

    url = reverse("positions:paper_detail", args=[world.consultation.slug])
    assert client.get(url).status_code == 403


def test_a_clearance_comment_names_its_ministry_and_reaches_the_writer(world, login):
    from stakeholders.models import Notification

    version = _cleared(world)
    url = reverse("positions:comment_add", args=[world.consultation.slug, 1, "background:0"])
    login(world.government_participant).post(url, {"text": "Mohon rujuk pasal 30."})

    comment = ReviewComment.objects.get()
    assert comment.clearing_organisation == world.ministry
    page = login(world.director).get(version.get_absolute_url()).content.decode()
    assert "Mohon rujuk pasal 30." in page
    assert world.ministry.short_name in page
    assert Notification.objects.filter(recipient=world.staff, kind="section_comment").exists()


def test_staff_ask_the_ministry_to_clear_and_its_people_are_told(world, login):
    from stakeholders.models import Notification

    version = _cleared(world)
    url = reverse("positions:clearance_ask", args=[world.consultation.slug, version.number])
    login(world.staff).post(url)

    told = Notification.objects.filter(kind="clearance_asked")
    assert list(told.values_list("recipient", flat=True)) == [world.government_participant.pk]


def test_asking_many_ministries_to_clear_costs_no_query_per_ministry(
    world, django_assert_max_num_queries
):
    from positions import review
    from tests.factories import MembershipFactory, OrganisationFactory

    version = _cleared(world)
    few = len(_queries(lambda: review.clearance_ask(version=version, actor=world.staff)))
    for _ in range(5):
        ministry = OrganisationFactory(kind="ministry")
        MembershipFactory(organisation=ministry, role="participant")
        world.consultation.draft_readers.add(ministry)

    with django_assert_max_num_queries(few):
        asked = review.clearance_ask(version=version, actor=world.staff)
    assert asked == 6


def _queries(call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call()
    return queries.captured_queries
