"""The consensus map on the draft's page: key points × organisation kinds."""

import re

import pytest
from django.utils import translation

from positions import selectors, services
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(world, django_capture_on_commit_callbacks):
    text = "Migrant workers need access to health services in receiving countries."
    for organisation in (world.ngo, world.ministry, world.partner):
        InputFactory(session=world.session, issue=world.issue, organisation=organisation, text=text)
    paper = services.paper_get_or_create(consultation=world.consultation)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.aggregation_run_start(paper=paper, requested_by=world.staff)
    run.refresh_from_db()
    return run.draft_version


def test_the_map_counts_organisations_by_kind_for_each_key_point(version):
    with translation.override("en"):
        map = selectors.consensus_map(version=version)
        kinds = [str(kind["label"]) for kind in map["kinds"]]

    assert kinds == [
        "Ministry / agency",
        "NGO / CSO",
        "International organisation",
    ]
    assert len(map["rows"]) == 1
    assert [cell["count"] for cell in map["rows"][0]["cells"]] == [1, 1, 1]
    assert map["rows"][0]["label"] == "consensus"


def test_the_page_draws_the_cells_and_a_table_alternative(login, world, version):
    page = login(world.staff).get(version.paper.get_absolute_url()).content.decode()

    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<title" in svg
    assert "<desc" in svg
    assert len(re.findall(r'<rect class="cell"', svg)) == 3
    assert re.findall(r'fill-opacity="([\d.]+)"', svg) == ["1.0", "1.0", "1.0"]
    table = page[page.index('<table class="consensus-table"') :]
    assert re.search(r"<td>1</td><td>1</td><td>1</td>", table)


def test_a_version_written_by_hand_has_no_map(world):
    paper = services.paper_get_or_create(consultation=world.consultation)
    version = services.draft_version_create(
        paper=paper, sections=[], created_by=world.staff, origin="editor"
    )

    assert selectors.consensus_map(version=version) is None


def test_column_labels_wrap_whole_and_the_pdf_map_has_a_legend(version, world, login):
    from io import BytesIO

    from pypdf import PdfReader

    from positions.exports import version_render

    page = login(world.staff).get(version.get_absolute_url()).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "…" not in svg  # no column label cut short
    assert ">Kementerian /</tspan>" in svg
    assert ">lembaga</tspan>" in svg

    pdf = version_render(version, format="pdf", language="id", audience="directorate")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "Kementerian /" in text
    assert "lembaga" in text
    assert "makin gelap" in text  # the legend, in the paper's language
