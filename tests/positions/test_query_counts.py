"""The paper's pages cost the same number of queries with 5 paragraphs and inputs as
with 50: paper, version, compare, exports and feedback."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions import review
from positions.aggregation import ParagraphDraft, SectionDraft
from positions.models import PaperExport, ReviewComment, Suggestion
from positions.services import draft_version_create, paper_get_or_create
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


def _sections(world, inputs, wording):
    paragraphs = tuple(
        ParagraphDraft(f"Point {k}: {wording} placement fees.", (i.pk, inputs[k - 1].pk))
        for k, i in enumerate(inputs)
    )
    return [
        SectionDraft("background", "Background", (ParagraphDraft("Why we met."),)),
        SectionDraft("issue", world.issue.title, paragraphs, world.issue.pk),
        SectionDraft("annex", "Annex", tuple(ParagraphDraft(f"Org {k}") for k in inputs)),
    ]


def _grow(world, n) -> tuple[int, int]:
    """n more inputs; two versions of n paragraphs each, the newer one approved, with n
    review comments, n pending suggestions and n exports. Returns the two numbers."""
    inputs = [
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=world.ngo,
            author=world.ngo_participant,
            confidentiality="public",
        )
        for _ in range(n)
    ]
    paper = paper_get_or_create(consultation=world.consultation)
    old = draft_version_create(
        paper=paper,
        sections=_sections(world, inputs, "high"),
        created_by=world.staff,
        origin="editor",
    )
    new = draft_version_create(
        paper=paper,
        sections=_sections(world, inputs[::-1], "lower"),
        created_by=world.director,
        origin="editor",
        based_on=old,
    )
    issue_section = new.sections.get(kind="issue")
    for k, i in enumerate(inputs):
        ReviewComment.objects.create(
            version=new, section=issue_section, author=world.staff, text=f"Comment {k}"
        )
        suggestion = Suggestion.objects.create(
            paper=paper, version=new, section_key=issue_section.key, position=k, text=f"S {k}"
        )
        suggestion.sources.set([i])
        suggestion.new_sources.set([i])
        PaperExport.objects.create(
            paper=paper, version=new, format="md", created_by=world.staff, status="done"
        )
    review.version_transition(version=new, move="submit", actor=world.staff)
    review.version_transition(version=new, move="approve", actor=world.director)
    return old.number, new.number


PAGES = {
    "paper": (
        "staff",
        lambda w, a, b: reverse("positions:paper_detail", args=[w.consultation.slug]),
    ),
    "version": (
        "staff",
        lambda w, a, b: reverse("positions:version_detail", args=[w.consultation.slug, b]),
    ),
    "compare": (
        "staff",
        lambda w, a, b: reverse("positions:compare", args=[w.consultation.slug]) + f"?a={a}&b={b}",
    ),
    "exports": ("staff", lambda w, a, b: reverse("positions:exports", args=[w.consultation.slug])),
    "feedback": (
        "ngo_participant",
        lambda w, a, b: reverse("positions:feedback", args=[w.consultation.slug]),
    ),
}


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("page", PAGES)
def test_paper_pages_do_not_grow_with_paragraphs_and_inputs(
    world, login, page, django_assert_max_num_queries
):
    role, url = PAGES[page]
    client = login(world.user(role))
    few = _queries(client, url(world, *_grow(world, 5)))

    many = url(world, *_grow(world, 50))

    with django_assert_max_num_queries(few):
        response = client.get(many)
    assert response.status_code == 200
    if page == "version":
        assert b"Point 49" in response.content
