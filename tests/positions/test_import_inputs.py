"""manage.py import_inputs and the upload page: bad rows, atomicity, idempotency, roles."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from consult.importing import ImportRejected, inputs_import, rows_read
from consult.models import Consultation, Input, InputRevision, ThematicIssue
from stakeholders.models import Organisation
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


HEADER = "external_id,organisation,organisation_kind,issue,kind,stance,language,text,submitted_at\n"
GOOD = (
    HEADER
    + "A-1,Migrant Care,ngo,1,statement,support,en,Protect migrant workers abroad.,2017-11-14\n"
    + 'A-2,Serikat Buruh Migran,ngo,1,recommendation,,,"Pekerja migran perlu dilindungi, '
    + 'di mana pun mereka bekerja.",\n'
    + "A-3,Kemnaker,ministry,2,concern,oppose,id,Perdagangan orang harus ditindak.,"
    + "2017-11-14T10:30:00\n"
)


def _import(content, slug="gcm-2017", **options):
    return inputs_import(
        rows=rows_read(content, name="inputs.csv"), consultation_slug=slug, **options
    )


def test_a_csv_file_imports_its_inputs_with_new_organisations(world):
    _consultation, report = _import(GOOD)

    assert report.created == 3
    assert report.organisations_created == ["Serikat Buruh Migran"]
    inputs = Input.objects.filter(external_id__startswith="A-").order_by("external_id")
    assert [i.status for i in inputs] == ["submitted"] * 3
    assert inputs[1].language == "id"  # detected: the file left it empty
    # titled in the workspace's language, which a paper's background names it in
    assert inputs[0].session.title == "Masukan hasil impor"
    assert inputs[0].author.username == "import"
    assert not inputs[0].author.has_usable_password()
    assert InputRevision.objects.filter(input__in=inputs).count() == 3


def test_importing_the_same_file_again_skips_unchanged_and_updates_changed_rows(world):
    _import(GOOD)
    _consultation, again = _import(GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    _consultation, changed = _import(GOOD.replace("Protect migrant", "Always protect migrant"))

    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 2)
    updated = Input.objects.get(external_id="A-1")
    assert updated.text.startswith("Always protect")
    assert list(updated.revisions.values_list("number", flat=True)) == [1, 2]
    assert Input.objects.filter(external_id__startswith="A-").count() == 3


BAD_ROWS = [
    ("A-9,Migrant Care,ngo,1,statement,,en,,", "text is empty"),
    (",Migrant Care,ngo,1,statement,,en,Text.,", "external_id is empty"),
    ("A-9,,ngo,1,statement,,en,Text.,", "organisation is empty"),
    ("A-9,Migrant Care,ngo,1,opinion,,en,Text.,", "kind opinion is not one of"),
    ("A-9,Migrant Care,ngo,1,statement,maybe,en,Text.,", "stance maybe is not one of"),
    ("A-9,Migrant Care,ngo,1,statement,,fr,Text.,", "language fr is not one of"),
    ("A-9,New Org,church,1,statement,,en,Text.,", "organisation_kind church is not one of"),
    ("A-9,Migrant Care,ngo,77,statement,,en,Text.,", "no thematic issue 77"),
    ("A-9,Migrant Care,ngo,1,statement,,en,Text.,14/11/2017", "submitted_at 14/11/2017"),
    ("A-1,Migrant Care,ngo,1,statement,,en,Text.,", "external_id A-1 repeats line 2"),
]


@pytest.mark.parametrize(("row", "problem"), BAD_ROWS, ids=[p for _r, p in BAD_ROWS])
def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(world, row, problem):
    before = Input.objects.count(), Organisation.objects.count()

    with pytest.raises(ImportRejected) as rejected:
        _import(GOOD + row + "\n")

    assert [line for line, _p in rejected.value.problems] == [5]
    assert problem in rejected.value.problems[0][1]
    assert (Input.objects.count(), Organisation.objects.count()) == before


def test_every_bad_row_is_reported_not_only_the_first(world):
    content = HEADER + "A-1,X,ngo,1,opinion,,en,Text.,\nA-2,Y,ngo,1,statement,,en,,\n"

    with pytest.raises(ImportRejected) as rejected:
        _import(content)

    assert [line for line, _p in rejected.value.problems] == [2, 3]


def test_a_file_missing_a_column_is_rejected(world):
    with pytest.raises(ImportRejected, match="Missing columns: text"):
        _import("external_id,organisation,issue,kind\nA,B,1,statement\n")


def test_json_with_create_makes_the_consultation_issues_and_convener(db, tmp_path):
    path = tmp_path / "inputs.json"
    rows = [
        {
            "external_id": "J-1",
            "organisation": "IOM",
            "organisation_kind": "international",
            "issue": "1",
            "issue_title": "Remitansi",
            "issue_title_en": "Remittances",
            "kind": "statement",
            "stance": None,
            "language": "en",
            "text": "Remittances matter.",
            "submitted_at": "2017-11-14T10:30:00+07:00",
        },
        {
            "external_id": "J-2",
            "organisation": "IOM",
            "organisation_kind": "international",
            "issue": "2",
            "kind": "concern",
            "text": "Perdagangan orang.",
            "language": "",
        },
    ]
    path.write_text(json.dumps(rows))

    with pytest.raises(CommandError, match="--create needs --convener"):
        call_command("import_inputs", str(path), "--consultation", "new-one", "--create")

    call_command(
        "import_inputs",
        str(path),
        "--consultation",
        "new-one",
        "--create",
        "--convener",
        "Dit. Sosbud",
        "--title",
        "Posisi Indonesia untuk GCM",
    )

    consultation = Consultation.objects.get(slug="new-one")
    assert consultation.convener.name == "Dit. Sosbud"
    assert consultation.title == "Posisi Indonesia untuk GCM"
    # the session of imported inputs is dated by the file, not by the day of the import
    assert [str(s.date) for s in consultation.sessions.all()] == ["2017-11-14"]
    assert list(consultation.issues.values_list("code", "title", "title_en")) == [
        ("1", "Remitansi", "Remittances"),
        ("2", "2", ""),
    ]
    assert Input.objects.filter(session__consultation=consultation).count() == 2


def test_issues_a_file_creates_take_the_order_of_their_codes(db):
    # the first input of a file was on T4: the paper opened with T4, then T1, T2, T3
    rows = "".join(
        f"C-{n},Migrant Care,ngo,{code},statement,,id,Pekerja migran harus dilindungi {n}.,\n"
        for n, code in enumerate(["T4", "T1", "T10", "T2", "T4", "T3"])
    )
    consultation, _report = _import(HEADER + rows, slug="ordered", create=True, convener="Kemlu")

    assert list(consultation.issues.order_by("position").values_list("code", flat=True)) == [
        "T1",
        "T2",
        "T3",
        "T4",
        "T10",
    ]
    # a second file's new issue comes after them; the session of imported inputs is one
    _import(HEADER + rows.replace("T3", "T0").replace("C-", "D-"), slug="ordered", create=True)
    codes = consultation.issues.order_by("position").values_list("code", flat=True)
    assert list(codes)[-1] == "T0"
    assert consultation.sessions.count() == 1


def test_the_command_without_create_refuses_an_unknown_consultation(db, tmp_path):
    path = tmp_path / "inputs.csv"
    path.write_text(GOOD)

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_inputs", str(path), "--consultation", "nowhere")

    assert not Consultation.objects.exists()
    assert not ThematicIssue.objects.exists()


def test_the_command_reports_bad_rows_with_file_and_line(world, tmp_path, capsys):
    path = tmp_path / "inputs.csv"
    path.write_text(GOOD + "A-9,Migrant Care,ngo,1,opinion,,en,Text.,\n")

    with pytest.raises(CommandError):
        call_command("import_inputs", str(path), "--consultation", "gcm-2017")

    assert f"{path}:5: kind opinion" in capsys.readouterr().err


@pytest.mark.parametrize("role", ROLES)
def test_only_the_consultation_staff_may_upload(login, world, role):
    client = login(world.user(role))
    url = reverse("positions:input_import", args=[world.consultation.slug])
    upload = SimpleUploadedFile("inputs.csv", GOOD.encode(), content_type="text/csv")

    response = client.post(url, {"file": upload})

    allowed = role in {"staff", "director"}
    assert response.status_code == (302 if allowed else 403)
    assert Input.objects.filter(external_id="A-1").exists() is allowed


def test_the_upload_page_lists_bad_rows_and_imports_nothing(login, world):
    client = login(world.staff)
    url = reverse("positions:input_import", args=[world.consultation.slug])
    content = GOOD + "A-9,Migrant Care,ngo,1,opinion,,en,Text.,\n"

    response = client.post(url, {"file": SimpleUploadedFile("inputs.csv", content.encode())})

    assert response.status_code == 400
    page = response.content.decode()
    assert "5: kind opinion" in page
    assert not Input.objects.filter(external_id="A-1").exists()
