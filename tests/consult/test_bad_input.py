"""Bad input gets a clear message beside its field, keeps what was typed, never a 500."""

import re

import pytest
from django.urls import reverse

from consult.models import Consultation, Input

pytestmark = pytest.mark.django_db


@pytest.fixture
def input_url(world):
    return reverse("consult:input_create", args=[world.consultation.slug, world.session.pk])


def test_blank_text_is_refused_and_everything_typed_is_kept(login, world, input_url):
    client = login(world.ngo_participant)

    response = client.post(
        input_url,
        {
            "issue": world.other_issue.pk,
            "kind": "concern",
            "proposal": "Draf paragraf 12 tentang perlindungan",
            "text": "   \n  ",
            "language": "id",
            "submit": "1",
        },
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert "text" in form.errors
    page = response.content.decode()
    assert 'id="id_text_error"' in page
    assert re.search(r'aria-describedby="[^"]*\bid_text_error"', page)  # announced with it
    assert 'href="#id_text"' in page  # the error summary links to the field
    assert "Draf paragraf 12 tentang perlindungan" in page
    assert f'<option value="{world.other_issue.pk}" selected>' in page
    assert not Input.objects.exists()


def test_the_error_is_in_the_users_language(login, world, input_url):
    client = login(world.ngo_participant)
    data = {"issue": world.issue.pk, "kind": "concern", "text": " ", "language": "id"}

    indonesian = client.post(input_url, data, HTTP_ACCEPT_LANGUAGE="id")
    client.cookies["django_language"] = "en"
    english = client.post(input_url, data)

    assert "Please write the text of your input." in english.content.decode()
    assert "Silakan tulis teks masukan Anda." in indonesian.content.decode()


def test_an_issue_of_another_consultation_is_forbidden(login, world, input_url):
    from tests.factories import ThematicIssueFactory

    foreign = ThematicIssueFactory()
    client = login(world.ngo_participant)

    response = client.post(
        input_url,
        {"issue": foreign.pk, "kind": "concern", "text": "Teks.", "language": "id", "submit": "1"},
    )

    assert response.status_code == 403
    assert not Input.objects.exists()


def test_a_forged_organisation_in_the_post_is_ignored(login, world, input_url):
    client = login(world.ngo_participant)

    client.post(
        input_url,
        {
            "issue": world.issue.pk,
            "kind": "concern",
            "text": "Teks.",
            "language": "id",
            "organisation": world.ministry.pk,
            "submit": "1",
        },
    )

    assert Input.objects.get().organisation == world.ngo


def test_a_closed_session_refuses_inputs_and_keeps_what_was_typed(login, world, input_url):
    world.session.status = "closed"
    world.session.save()
    client = login(world.ngo_participant)
    data = {"issue": world.issue.pk, "kind": "concern", "text": "Teks.", "language": "id"}

    response = client.post(input_url, {**data, "submit": "1"})
    client.post(input_url, {**data, "text": "Teks kedua.", "save": "1"})

    assert response.status_code == 302
    assert not Input.objects.filter(status=Input.Status.SUBMITTED).exists()
    kept = sorted(Input.objects.values_list("text", "status"))
    assert kept == [("Teks kedua.", "draft"), ("Teks.", "draft")]
    assert client.get(response.url).status_code == 200  # the draft, to read


def test_a_withdrawn_input_cannot_be_edited_through_a_resent_form(login, world):
    from tests.factories import InputFactory

    input = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        text="Asli.",
        status=Input.Status.WITHDRAWN,
    )
    client = login(world.ngo_participant)

    response = client.post(
        reverse("consult:input_edit", args=[input.pk]),
        {"issue": world.issue.pk, "kind": "concern", "text": "Diubah.", "language": "id"},
    )

    assert response.status_code == 403
    input.refresh_from_db()
    assert input.text == "Asli."


@pytest.mark.parametrize(
    "url",
    [
        "/c/no-such-consultation/",
        "/c/gcm-2017/sessions/999999/",
        "/c/gcm-2017/sessions/999999/inputs/new/",
        "/inputs/999999/edit/",
        "/c/no-such-consultation/paper/",
        "/c/gcm-2017/paper/versions/99/",
        "/c/gcm-2017/paper/runs/99999/",
    ],
)
def test_unknown_ids_are_404(login, world, url):
    assert login(world.staff).get(url).status_code == 404


def test_a_duplicate_consultation_slug_is_shown_beside_the_field(login, world):
    client = login(world.staff)

    response = client.post(
        reverse("consult:consultation_create"),
        {"title": "Again", "slug": world.consultation.slug, "convener": world.directorate.pk},
    )

    assert response.status_code == 400
    assert "slug" in response.context["form"].errors
    assert "Again" in response.content.decode()
    assert Consultation.objects.count() == 1


def test_a_consultation_for_someone_elses_directorate_is_refused(login, world):
    client = login(world.stranger_staff)

    response = client.post(
        reverse("consult:consultation_create"),
        {"title": "Hijack", "slug": "hijack", "convener": world.directorate.pk},
    )

    assert response.status_code == 400
    assert "convener" in response.context["form"].errors
    assert not Consultation.objects.filter(slug="hijack").exists()


def test_a_session_with_a_bad_date_keeps_the_title(login, world):
    client = login(world.staff)

    response = client.post(
        reverse("consult:session_create", args=[world.consultation.slug]),
        {"title": "Putaran kedua", "date": "14/13/2017", "status": "draft"},
    )

    assert response.status_code == 400
    assert "date" in response.context["session_form"].errors
    assert "Putaran kedua" in response.content.decode()


def test_a_duplicate_issue_code_is_refused_with_a_message(login, world):
    client = login(world.staff)

    response = client.post(
        reverse("consult:issue_create", args=[world.consultation.slug]),
        {"code": world.issue.code, "title": "Duplicate"},
    )

    assert response.status_code == 400
    assert response.context["issue_form"].errors
    assert world.consultation.issues.count() == 2
