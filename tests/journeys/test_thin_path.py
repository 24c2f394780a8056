"""The four journeys of the foundation, end to end through Django's test client."""

import io

import docx
import pytest
from django.urls import reverse

from consult.models import Input, Session
from positions.models import AggregationRun, DraftVersion

pytestmark = pytest.mark.django_db


def test_staff_create_consultation_with_issues_and_a_session_and_invite(login, world):
    client = login(world.staff)

    response = client.post(
        reverse("consult:consultation_create"),
        {"title": "Posisi Indonesia 2018", "slug": "posisi-2018", "convener": world.directorate.pk},
    )
    assert response.status_code == 302
    detail = response["Location"]
    assert detail == "/c/posisi-2018/"

    for code, title in [("1", "Kontribusi pekerja migran"), ("2", "Kejahatan dalam migrasi")]:
        response = client.post(
            reverse("consult:issue_create", args=["posisi-2018"]), {"code": code, "title": title}
        )
        assert response.status_code == 302
    response = client.post(
        reverse("consult:session_create", args=["posisi-2018"]),
        {"title": "Konsultasi", "date": "2017-11-14", "venue": "Jakarta", "status": "open"},
    )
    assert response.status_code == 302
    session = Session.objects.get(consultation__slug="posisi-2018")
    response = client.post(
        reverse("consult:session_invite", args=["posisi-2018", session.pk]),
        {"organisations": [world.ngo.pk, world.ministry.pk]},
    )
    assert response.status_code == 302

    page = client.get(detail).content.decode()
    assert "Kontribusi pekerja migran" in page
    assert "Kejahatan dalam migrasi" in page
    assert set(session.invited_organisations.all()) == {world.ngo, world.ministry}
    # The invited NGO now sees the consultation among its own.
    ngo_home = login(world.ngo_participant).get(reverse("consult:home")).content.decode()
    assert "Posisi Indonesia 2018" in ngo_home


def test_ngo_participant_submits_an_input_on_a_thematic_issue(login, world):
    client = login(world.ngo_participant)
    url = reverse("consult:input_create", args=[world.consultation.slug, world.session.pk])

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "issue": world.issue.pk,
            "kind": "recommendation",
            "text": "Perkuat perlindungan pekerja migran di negara penerima.",
            "language": "id",
            "submit": "1",
        },
    )

    assert response.status_code == 302
    input = Input.objects.get()
    assert (input.organisation, input.author, input.status) == (
        world.ngo,
        world.ngo_participant,
        Input.Status.SUBMITTED,
    )
    assert input.revisions.count() == 1
    assert input.reference in client.get(reverse("consult:my_inputs")).content.decode()


def test_draft_saved_then_submitted_keeps_every_revision(login, world):
    client = login(world.ngo_participant)
    url = reverse("consult:input_create", args=[world.consultation.slug, world.session.pk])
    data = {"issue": world.issue.pk, "kind": "concern", "text": "Versi pertama.", "language": "id"}
    response = client.post(url, {**data, "save": "1"})
    input = Input.objects.get()
    assert response["Location"] == reverse("consult:input_edit", args=[input.pk])
    assert input.status == Input.Status.DRAFT

    client.post(response["Location"], {**data, "text": "Versi kedua.", "submit": "1"})

    input.refresh_from_db()
    assert input.status == Input.Status.SUBMITTED
    assert list(input.revisions.values_list("text", flat=True)) == [
        "Versi pertama.",
        "Versi kedua.",
    ]


def _submit(world, text, issue=None, organisation=None, author=None):
    from consult.services import input_save

    return input_save(
        author=author or world.ngo_participant,
        organisation=organisation or world.ngo,
        session=world.session,
        issue=issue or world.issue,
        kind="recommendation",
        text=text,
        language="id",
        submit=True,
    )


def test_staff_start_aggregation_and_get_a_draft_citing_its_inputs(
    login, world, django_capture_on_commit_callbacks
):
    first = _submit(world, "Perkuat perlindungan pekerja migran.")
    second = _submit(
        world,
        "Buka jalur migrasi yang aman.",
        issue=world.other_issue,
        organisation=world.ministry,
        author=world.government_participant,
    )
    client = login(world.staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("positions:run_start", args=[world.consultation.slug]))

    assert response.status_code == 302
    run = AggregationRun.objects.get()
    assert run.status == AggregationRun.Status.SUCCEEDED, run.error
    assert (run.issues_done, run.issues_total, run.inputs_processed) == (2, 2, 2)
    version = run.draft_version
    issue_sections = {
        section.issue_id: section for section in version.sections.filter(kind="issue")
    }
    cited = {
        section_issue: {input.pk for p in section.paragraphs.all() for input in p.sources.all()}
        for section_issue, section in issue_sections.items()
    }
    assert cited == {world.issue.pk: {first.pk}, world.other_issue.pk: {second.pk}}
    page = client.get(reverse("positions:paper_detail", args=[world.consultation.slug]))
    assert "Perkuat perlindungan pekerja migran." in page.content.decode()


def _export_docx(client, world, number, capture, language=None):
    """Ask for a DOCX on the version's export form, then download the recorded file."""
    from positions.models import PaperExport

    language = language or world.consultation.paper.language
    with capture(execute=True):
        client.post(
            reverse("positions:exports", args=[world.consultation.slug]),
            {"version": number, "format": "docx", "language": language, "audience": "directorate"},
        )
    export = PaperExport.objects.latest("pk")
    response = client.get(
        reverse("positions:export_download", args=[world.consultation.slug, export.pk])
    )
    return response, b"".join(response.streaming_content)


def test_staff_export_the_draft_as_docx(login, world, django_capture_on_commit_callbacks):
    input = _submit(world, "Perkuat perlindungan pekerja migran.")
    client = login(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("positions:run_start", args=[world.consultation.slug]))
    version = DraftVersion.objects.get()

    response, content = _export_docx(
        client, world, version.number, django_capture_on_commit_callbacks, "en"
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Perkuat perlindungan pekerja migran." in text
    assert f"[{input.reference}]" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Kontribusi pekerja migran" in headings
    assert "NOT FOR CIRCULATION" in document.sections[0].header.paragraphs[0].text


def test_the_docx_headings_follow_the_papers_language_by_default(
    login, world, django_capture_on_commit_callbacks
):
    _submit(world, "Perkuat perlindungan pekerja migran.")
    client = login(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("positions:run_start", args=[world.consultation.slug]))

    _response, content = _export_docx(client, world, 1, django_capture_on_commit_callbacks)

    document = docx.Document(io.BytesIO(content))
    assert "DRAF — TIDAK UNTUK DIEDARKAN" in document.sections[0].header.paragraphs[0].text
    assert "Latar belakang" in [p.text for p in document.paragraphs]
