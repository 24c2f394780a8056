"""Participants' inputs: every bad-input case of issue 3, deadlines, receipts, drafts."""

import io
import uuid
import zipfile
from datetime import timedelta

import docx
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consult.models import Input, InputAttachment
from tests.files import PDF

pytestmark = pytest.mark.django_db


def _docx_bytes():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def _odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture
def url(world):
    return reverse("consult:input_create", args=[world.consultation.slug, world.session.pk])


@pytest.fixture
def data(world):
    return {
        "issue": world.issue.pk,
        "kind": "recommendation",
        "text": "Lindungi pekerja migran di negara penerima.",
        "language": "id",
        "confidentiality": "participants",
        "form_key": str(uuid.uuid4()),
    }


def test_text_over_the_limit_is_refused_and_kept(login, world, url, data, settings):
    settings.INPUT_TEXT_MAX_CHARS = 50
    data["text"] = "panjang " * 20

    response = login(world.ngo_participant).post(url, {**data, "submit": "1"})

    assert response.status_code == 400
    assert "text" in response.context["form"].errors
    assert "panjang panjang" in response.content.decode()
    assert not Input.objects.exists()


def test_html_in_text_and_file_names_is_stored_as_typed_and_shown_escaped(login, world, url, data):
    data["text"] = "<script>alert('x')</script> <b>tebal</b>"
    name = "<img src=x onerror=alert(1)>.docx"
    data["attachment"] = SimpleUploadedFile(name, _docx_bytes())
    client = login(world.ngo_participant)

    response = client.post(url, {**data, "submit": "1"})

    input = Input.objects.get()
    assert input.text == data["text"]
    assert input.attachments.get().original_name == name
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<img src=x" not in page


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 200),  # a Windows program named .pdf
        ("report.docx", b"%PDF-1.4\n%\xe2\xe3\n"),  # a PDF named .docx
        ("notes.odt", b"just some text, no document"),
    ],
)
def test_a_file_whose_name_lies_about_its_content_is_refused(
    login, world, url, data, name, content
):
    data["attachment"] = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = login(world.ngo_participant).post(url, {**data, "save": "1"})

    assert response.status_code == 400
    assert "attachment" in response.context["form"].errors
    assert data["text"] in response.content.decode()
    assert not InputAttachment.objects.exists()


@pytest.mark.parametrize(("name", "content"), [("a.docx", _docx_bytes()), ("b.odt", _odt_bytes())])
def test_docx_and_odt_are_stored_through_the_storage_api(login, world, url, data, name, content):
    data["attachment"] = SimpleUploadedFile(name, content)
    client = login(world.ngo_participant)

    client.post(url, {**data, "save": "1"})

    attachment = InputAttachment.objects.get()
    assert attachment.file.storage.exists(attachment.file.name)
    assert attachment.file.name.endswith(name[name.index(".") :])
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


def test_an_oversized_file_is_refused(login, world, url, data, settings):
    settings.INPUT_ATTACHMENT_MAX_BYTES = 1000
    data["attachment"] = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)

    response = login(world.ngo_participant).post(url, {**data, "save": "1"})

    assert response.status_code == 400
    assert "attachment" in response.context["form"].errors
    assert not InputAttachment.objects.exists()


def test_a_submit_after_the_deadline_keeps_the_text_as_a_draft(login, world, url, data):
    world.session.closes_at = timezone.now() - timedelta(minutes=1)
    world.session.save()
    client = login(world.ngo_participant)

    response = client.post(url, {**data, "submit": "1"}, follow=True)

    input = Input.objects.get()
    assert (input.status, input.text) == (Input.Status.DRAFT, data["text"])
    assert "Batas waktu sesi ini telah lewat" in response.content.decode()
    assert not mail.outbox


def test_a_session_closed_while_writing_keeps_the_text_and_says_so(login, world, url, data):
    client = login(world.ngo_participant)
    world.session.status = "closed"  # staff close it while the participant writes
    world.session.save()

    response = client.post(url, {**data, "submit": "1"}, follow=True)

    input = Input.objects.get()
    assert (input.status, input.text) == (Input.Status.DRAFT, data["text"])
    page = response.content.decode()
    assert "Sesi ini telah ditutup, jadi masukan Anda tidak terkirim" in page
    assert data["text"] in page  # the draft, to read and copy
    assert not mail.outbox


def test_a_change_after_the_session_closed_is_kept_as_a_new_draft(login, world, url, data):
    client = login(world.ngo_participant)
    client.post(url, {**data, "submit": "1"})
    sent = Input.objects.get()
    world.session.status = "closed"
    world.session.save()
    edit = reverse("consult:input_edit", args=[sent.pk])

    response = client.post(
        edit, {**data, "text": "Teks yang diperbaiki.", "submit": "1"}, follow=True
    )

    sent.refresh_from_db()
    assert (sent.status, sent.text) == (Input.Status.SUBMITTED, data["text"])  # final
    draft = Input.objects.exclude(pk=sent.pk).get()
    assert (draft.status, draft.text) == (Input.Status.DRAFT, "Teks yang diperbaiki.")
    assert draft.revisions.count() == 1
    assert f"{sent.reference} tidak diubah" in response.content.decode()


def test_a_closed_sessions_form_says_the_session_is_closed(login, world, url, data):
    world.session.status = "closed"
    world.session.save()
    client = login(world.ngo_participant)

    response = client.get(url)
    assert response.status_code == 403
    assert "Sesi ini sudah ditutup" in response.content.decode()

    autosave = reverse("consult:input_autosave", args=[world.consultation.slug, world.session.pk])
    status = client.post(autosave, data).content.decode()
    assert "tidak dapat diajukan" in status
    assert Input.objects.get().status == Input.Status.DRAFT


def test_the_same_words_sent_again_from_a_fresh_form_are_one_input(
    login, world, url, data, django_capture_on_commit_callbacks
):
    # Back brings the typed words into a form with a new key; sending it again
    client = login(world.ngo_participant)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {**data, "submit": "1"})
        again = client.post(url, {**data, "form_key": str(uuid.uuid4()), "submit": "1"})

    input = Input.objects.get()
    assert first.url == again.url == input.get_absolute_url()
    assert len(mail.outbox) == 1  # one receipt

    other = client.post(
        url, {**data, "form_key": str(uuid.uuid4()), "text": "Lain.", "submit": "1"}
    )
    assert other.status_code == 302
    assert Input.objects.count() == 2  # other words are another input


def test_before_the_session_opens_a_submit_is_kept_as_a_draft(login, world, url, data):
    world.session.opens_at = timezone.now() + timedelta(days=1)
    world.session.save()

    response = login(world.ngo_participant).post(url, {**data, "submit": "1"}, follow=True)

    assert Input.objects.get().status == Input.Status.DRAFT
    assert "belum menerima masukan" in response.content.decode()  # not "deadline passed"


def test_a_session_still_being_prepared_takes_no_ones_text(login, world, url, data):
    world.session.status = "draft"
    world.session.save()

    response = login(world.ngo_participant).post(url, {**data, "submit": "1"})

    assert response.status_code == 403
    assert not Input.objects.exists()


def test_a_session_the_organisation_is_not_invited_to_is_forbidden(login, world, data):
    other = world.consultation.sessions.create(title="Lain", date="2017-12-01", status="open")
    url = reverse("consult:input_create", args=[world.consultation.slug, other.pk])

    response = login(world.ngo_participant).post(url, {**data, "submit": "1"})

    assert response.status_code == 403
    assert not Input.objects.exists()


def test_a_forged_organisation_id_is_ignored(login, world, url, data):
    login(world.ngo_participant).post(url, {**data, "organisation": world.ministry.pk})

    assert Input.objects.get().organisation == world.ngo


def test_submitting_twice_creates_one_input_and_one_receipt(
    login, world, url, data, django_capture_on_commit_callbacks
):
    client = login(world.ngo_participant)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {**data, "submit": "1"})
        second = client.post(url, {**data, "submit": "1"})

    input = Input.objects.get()
    assert first["Location"] == second["Location"] == input.get_absolute_url()
    assert len(mail.outbox) == 1
    assert input.reference in mail.outbox[0].subject
    assert data["text"] in mail.outbox[0].body


def test_autosave_then_submit_is_one_input_with_its_revisions(login, world, data, url):
    client = login(world.ngo_participant)
    autosave = reverse("consult:input_autosave", args=[world.consultation.slug, world.session.pk])

    saved = client.post(autosave, {**data, "text": "Awal"}, HTTP_HX_REQUEST="true")
    client.post(autosave, {**data, "text": "Awal kalimat"}, HTTP_HX_REQUEST="true")
    client.post(url, {**data, "submit": "1"})

    assert saved.status_code == 200
    assert "Awal" not in saved.content.decode()  # a status line, not the text echoed back
    input = Input.objects.get()
    assert input.status == Input.Status.SUBMITTED
    assert [r.text for r in input.revisions.all()] == ["Awal", "Awal kalimat", data["text"]]


def test_autosave_of_empty_text_saves_nothing(login, world, data):
    autosave = reverse("consult:input_autosave", args=[world.consultation.slug, world.session.pk])

    response = login(world.ngo_participant).post(autosave, {**data, "text": "  "})

    assert response.status_code == 200
    assert not Input.objects.exists()


def test_the_receipt_shows_the_reference_and_a_copy_of_the_text(login, world, url, data):
    client = login(world.ngo_participant)

    response = client.post(url, {**data, "submit": "1"}, follow=True)

    input = Input.objects.get()
    assert input.reference == f"GCM-2017-{input.pk:04d}"
    page = response.content.decode()
    assert input.reference in page
    assert data["text"] in page


def test_the_language_is_detected_when_left_on_automatic(login, world, url, data):
    data.update(language="", text="We urge the government to protect migrant workers abroad.")

    login(world.ngo_participant).post(url, data)

    assert Input.objects.get().language == "en"


def test_edit_after_submit_keeps_revisions_and_staff_see_them(login, world, url, data):
    client = login(world.ngo_participant)
    client.post(url, {**data, "submit": "1"})
    input = Input.objects.get()

    edit = reverse("consult:input_edit", args=[input.pk])
    response = client.post(edit, {**data, "text": "Teks yang diperbaiki.", "submit": "1"})

    assert response.status_code == 302
    input.refresh_from_db()
    assert (input.status, input.text) == (Input.Status.SUBMITTED, "Teks yang diperbaiki.")
    staff_page = login(world.staff).get(input.get_absolute_url()).content.decode()
    assert data["text"] in staff_page  # the first revision is shown to staff
    # a correction of a sent input is said to be saved, not submitted again
    told = [str(m) for m in response.wsgi_request._messages]
    assert any("were saved" in m or "disimpan" in m for m in told), told


def test_editing_stops_when_the_session_closes(login, world, url, data):
    client = login(world.ngo_participant)
    client.post(url, {**data, "submit": "1"})
    world.session.status = "closed"
    world.session.save()

    response = client.get(reverse("consult:input_edit", args=[Input.objects.get().pk]))

    assert response.status_code == 403


def test_withdraw_needs_a_reason(login, world, url, data):
    client = login(world.ngo_participant)
    client.post(url, {**data, "submit": "1"})
    input = Input.objects.get()
    withdraw = reverse("consult:input_withdraw", args=[input.pk])

    refused = client.post(withdraw, {"reason": "   "})
    done = client.post(withdraw, {"reason": "Digabung dengan masukan lain."})

    assert refused.status_code == 400
    assert done.status_code == 302
    input.refresh_from_db()
    assert input.status == Input.Status.WITHDRAWN
    assert input.withdrawal_reason == "Digabung dengan masukan lain."


def test_staff_record_a_statement_and_a_member_corrects_it(login, world):
    record = reverse("consult:statement_record", args=[world.consultation.slug, world.session.pk])
    response = login(world.staff).post(
        record,
        {
            "organisation": world.ngo.pk,
            "issue": world.issue.pk,
            "kind": "statement",
            "text": "Migrant Care menyampaikan perlunya perlindungan.",
            "language": "id",
            "confidentiality": "public",
        },
    )
    assert response.status_code == 302
    input = Input.objects.get()
    assert input.recorded_by == world.staff
    assert input.status == Input.Status.SUBMITTED  # feeds the aggregation like any input

    client = login(world.ngo_participant)
    assert client.post(reverse("consult:input_edit", args=[input.pk]), {}).status_code == 403
    confirm = reverse("consult:input_confirm", args=[input.pk])
    corrected = "Migrant Care menyampaikan perlunya perlindungan hukum dan konsuler."
    assert client.post(confirm, {"text": corrected}).status_code == 302

    input.refresh_from_db()
    assert (input.text, input.confirmed_by) == (corrected, world.ngo_participant)
    assert input.revisions.count() == 2
    assert client.post(confirm, {"text": corrected}).status_code == 403


def test_staff_cannot_record_for_an_uninvited_organisation(login, world):
    record = reverse("consult:statement_record", args=[world.consultation.slug, world.session.pk])

    response = login(world.staff).post(
        record,
        {
            "organisation": world.uninvited.pk,
            "issue": world.issue.pk,
            "kind": "statement",
            "text": "Teks.",
            "language": "id",
            "confidentiality": "public",
        },
    )

    assert response.status_code == 400
    assert not Input.objects.exists()


def _zip_bomb_docx() -> bytes:
    # A real DOCX's parts plus one entry that unpacks 1000x: 200 MB of zeros in a few
    # hundred kilobytes.
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_docx_bytes())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for entry in source.infolist():
            archive.writestr(entry, source.read(entry))
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(block)
    return buffer.getvalue()


def _pdf_zip_polyglot() -> bytes:
    buffer = io.BytesIO(PDF)
    buffer.seek(0, io.SEEK_END)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("payload.html", "<script>alert(1)</script>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bomb.docx", _zip_bomb_docx()),
        ("polyglot.pdf", _pdf_zip_polyglot()),
        ("truncated.pdf", PDF[:60]),
        ("empty.docx", b"PK\x05\x06" + b"\0" * 18),
    ],
    ids=["zip-bomb", "pdf-zip-polyglot", "truncated-pdf", "empty-zip"],
)
def test_a_document_with_a_dangerous_or_broken_structure_is_refused_and_the_text_kept(
    login, world, url, data, name, content
):
    data["attachment"] = SimpleUploadedFile(name, content)

    response = login(world.ngo_participant).post(url, {**data, "save": "1"})

    assert response.status_code == 400
    assert "attachment" in response.context["form"].errors
    assert data["text"] in response.content.decode()
    assert not InputAttachment.objects.exists()


def test_a_well_formed_pdf_is_accepted(login, world, url, data):
    data["attachment"] = SimpleUploadedFile("laporan.pdf", PDF)

    login(world.ngo_participant).post(url, {**data, "save": "1"})

    assert InputAttachment.objects.get().content_type == "application/pdf"


def test_a_session_past_its_deadline_does_not_say_it_is_open(login, world, url):
    world.session.closes_at = timezone.now() - timedelta(hours=1)
    world.session.save()
    client = login(world.ngo_participant)

    session_page = client.get(world.session.get_absolute_url()).content.decode()
    assert "Batas waktu lewat" in session_page
    assert "Terbuka untuk masukan" not in session_page
    assert "tidak dapat diajukan" in session_page
    assert "tidak dapat diajukan" in client.get(url).content.decode()
    overview = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "Batas waktu lewat" in overview
