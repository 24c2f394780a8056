"""What each role may do on a version, by its review state: an approved version is
locked for comments and suggestions; only a draft is sent for review; only a version in
review is approved, by the director."""

import pytest

from positions.models import DraftVersion
from positions.services import draft_version_create, paper_get_or_create
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

DRAFT, IN_REVIEW, APPROVED = DraftVersion.Status.values
STAFF = {"staff", "director"}
TABLE = {
    # permission: {state: roles allowed}
    "positions.comment_version": {DRAFT: STAFF, IN_REVIEW: STAFF, APPROVED: set()},
    "positions.decide_suggestions": {DRAFT: STAFF, IN_REVIEW: STAFF, APPROVED: set()},
    "positions.submit_version": {DRAFT: STAFF, IN_REVIEW: set(), APPROVED: set()},
    "positions.approve_version": {DRAFT: set(), IN_REVIEW: {"director"}, APPROVED: set()},
}


@pytest.mark.parametrize("state", [DRAFT, IN_REVIEW, APPROVED])
@pytest.mark.parametrize("permission", list(TABLE))
def test_role_may_act_on_a_version_in_its_state(world, permission, state):
    paper = paper_get_or_create(consultation=world.consultation)
    version = draft_version_create(
        paper=paper, sections=[], created_by=world.staff, origin="editor"
    )
    DraftVersion.objects.filter(pk=version.pk).update(status=state)
    version.refresh_from_db()

    allowed = {role for role in ROLES if world.user(role).has_perm(permission, version)}

    assert allowed == TABLE[permission][state]


@pytest.mark.parametrize(("state", "offered"), [(DRAFT, True), (APPROVED, False)])
def test_a_versions_page_offers_comments_and_review_only_while_it_is_open(
    world, client, state, offered
):
    from positions.aggregation import ParagraphDraft, SectionDraft

    paper = paper_get_or_create(consultation=world.consultation)
    section = SectionDraft("issue", "Perlindungan", (ParagraphDraft("Teks."),), world.issue.pk)
    version = draft_version_create(
        paper=paper, sections=[section], created_by=world.staff, origin="editor"
    )
    DraftVersion.objects.filter(pk=version.pk).update(status=state)
    client.force_login(world.staff)

    page = client.get(version.get_absolute_url()).content.decode()

    assert ("/comments/" in page) == offered
    assert (f"/versions/{version.number}/submit/" in page) == offered
