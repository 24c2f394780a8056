"""The API's exports of a draft: every format opened, recorded, in either audience."""

import io
import json

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from consult.models import Input
from positions.models import PaperExport
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _get(world, name, **params):
    client = APIClient()
    client.force_login(world.staff)
    return client.get(reverse(f"api:{name}", args=[world.consultation.slug, 1]), params)


@pytest.mark.parametrize(
    ("name", "fmt", "content_type"),
    [
        ("draft_export", "docx", "application/vnd.openxmlformats"),
        ("draft_export_pdf", "pdf", "application/pdf"),
        ("draft_export_md", "md", "text/markdown"),
        ("draft_export_json", "json", "application/json"),
    ],
)
def test_each_format_is_served_and_recorded(world, name, fmt, content_type):
    cited = inputs_for(world)
    aggregate(world)

    response = _get(world, name, language="en")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert f'filename="gcm-2017-v1-en-directorate.{fmt}"' in response["Content-Disposition"]
    content = response.content
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    elif fmt == "pdf":
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    else:
        text = content.decode()
    assert "Version 1" in text or json.loads(content)["version"] == 1
    assert cited[0].reference in text
    export = PaperExport.objects.get()
    assert (export.format, export.language, export.audience, export.created_by) == (
        fmt,
        "en",
        "directorate",
        world.staff,
    )
    assert export.status == PaperExport.Status.DONE
    assert export.file.open("rb").read() == content


def test_circulation_audience_leaves_out_directorate_only_inputs(world):
    inputs_for(world, orgs=[world.ngo])
    private = inputs_for(
        world, orgs=[world.ministry], confidentiality=Input.Confidentiality.DIRECTORATE
    )[0]
    aggregate(world)

    public = _get(world, "draft_export_md", language="en", audience="public").content.decode()
    internal = _get(world, "draft_export_md", language="en").content.decode()

    assert private.reference not in public
    assert private.reference in internal
    assert "Circulation" in public


def test_an_unknown_audience_is_a_400_with_an_error_body(world):
    inputs_for(world)
    aggregate(world)

    response = _get(world, "draft_export_json", audience="everyone")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["audience"]
    assert not PaperExport.objects.exists()
