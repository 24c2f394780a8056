"""Directorate-only text stays in the directorate, on every page and in the API.

Each tier's input carries a marker word; every response every role gets is searched for
the markers of the tiers above it.
"""

import pytest
from django.urls import reverse

from consult.models import Input
from positions import review
from positions.aggregation import ParagraphDraft, SectionDraft
from positions.editing import SuggestionDraft, suggestions_store
from positions.services import draft_version_create, paper_get_or_create
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db

DIRECTORATE = "Zamruddirektorat"
PARTICIPANTS = "Zamrudpeserta"
PUBLIC = "Zamrudpublik"


@pytest.fixture
def paper(world):
    def input(organisation, tier, text):
        return InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=organisation,
            confidentiality=tier,
            text=text,
        )

    secret = input(
        world.ministry,
        Input.Confidentiality.DIRECTORATE,
        f"{DIRECTORATE}: kuota penempatan ke Timur Tengah akan dibuka kembali tahun depan.",
    )
    shared = input(
        world.ministry,
        Input.Confidentiality.PARTICIPANTS,
        f"{PARTICIPANTS}: pelatihan pra-keberangkatan perlu diperpanjang menjadi dua bulan.",
    )
    public = input(
        world.ngo,
        Input.Confidentiality.PUBLIC,
        f"{PUBLIC}: biaya penempatan tidak boleh dibebankan kepada pekerja migran.",
    )
    paper = paper_get_or_create(consultation=world.consultation)
    paragraphs = (
        # a key point worded by the directorate-only input, also cited for the NGO's
        ParagraphDraft(secret.text, (secret.pk, public.pk)),
        ParagraphDraft(shared.text, (shared.pk,)),
        ParagraphDraft(public.text, (public.pk,)),
    )

    def version(extra=()):
        section = SectionDraft("issue", "Perlindungan", paragraphs + extra, world.issue.pk)
        return draft_version_create(
            paper=paper, sections=[section], created_by=world.staff, origin="aggregation"
        )

    version()
    second = version((ParagraphDraft(f"{DIRECTORATE} lagi: {secret.text}", (secret.pk,)),))
    suggestions_store(
        version=second,
        suggestions=[
            SuggestionDraft(f"issue:{world.issue.pk}", 0, secret.text, (secret.pk,), (secret.pk,))
        ],
    )
    review.version_transition(version=second, move="submit", actor=world.staff)
    review.version_transition(version=second, move="approve", actor=world.director)
    return paper


def _responses(client, world):
    slug = world.consultation.slug
    urls = [
        reverse("positions:paper_detail", args=[slug]),
        f"/c/{slug}/paper/versions/2/",
        f"/c/{slug}/paper/versions/1/",
        reverse("positions:compare", args=[slug]) + "?a=1&b=2",
        reverse("positions:feedback", args=[slug]),
        reverse("api:draft", args=[slug, 2]),
        reverse("api:draft", args=[slug, 1]),
    ]
    return {url: client.get(url) for url in urls}


@pytest.mark.parametrize(
    ("role", "hidden", "seen"),
    [
        ("staff", [], [DIRECTORATE, PARTICIPANTS, PUBLIC]),
        ("director", [], [DIRECTORATE, PARTICIPANTS, PUBLIC]),
        ("partner_participant", [DIRECTORATE], [PARTICIPANTS, PUBLIC]),
        ("ngo_participant", [DIRECTORATE], []),
        ("government_participant", [], []),  # the ministry wrote the directorate-only input
        ("observer", [DIRECTORATE, PARTICIPANTS], []),
    ],
)
def test_no_reader_sees_text_beyond_their_tier(world, client, paper, role, hidden, seen):
    client.force_login(world.user(role))

    responses = _responses(client, world)

    readable = {url: r for url, r in responses.items() if r.status_code == 200}
    for url, response in readable.items():
        body = response.content.decode()
        for marker in hidden:
            assert marker not in body, f"{role} reads {marker} on {url}"
    pages = "".join(r.content.decode() for r in readable.values())
    for marker in seen:
        assert marker in pages, f"{role} should read {marker}"


def test_the_withheld_paragraph_says_so_to_a_partner(world, client, paper):
    client.force_login(world.partner_participant)

    page = client.get(reverse("positions:paper_detail", args=[world.consultation.slug]))
    draft = client.get(reverse("api:draft", args=[world.consultation.slug, 2])).json()

    assert "Teks ditahan" in page.content.decode()
    first = draft["sections"][0]["paragraphs"][0]
    assert first["withheld"] is True
    assert first["unnamed_sources"] == 1
