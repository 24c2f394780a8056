"""The staff input list's "Export these inputs": one click exports exactly what it lists."""

import csv
import html
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from positions.models import PaperExport
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


def _inputs(world):
    shown = [
        InputFactory(
            session=world.session, issue=world.issue, organisation=world.ngo, kind="concern"
        )
        for _ in range(3)
    ]
    InputFactory(session=world.session, issue=world.issue, organisation=world.ngo, kind="statement")
    InputFactory(
        session=world.session, issue=world.issue, organisation=world.ministry, kind="concern"
    )
    InputFactory(
        session=world.session, issue=world.other_issue, organisation=world.ngo, kind="concern"
    )
    return shown


def _export_form(page: str) -> tuple[str, str]:
    form = re.search(
        r'<form method="post" action="([^"]+)" class="inline" id="export-inputs"', page
    )
    query = re.search(r'name="query" value="([^"]*)"', page[form.start() :])
    return form.group(1), html.unescape(query.group(1))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_holds_exactly_the_filtered_inputs_in_the_lists_order(
    world, login, fmt, django_capture_on_commit_callbacks
):
    shown = _inputs(world)
    client = login(world.staff)
    params = {"kind": "concern", "organisation_kind": "ngo", "issue": world.issue.pk, "o": "-id"}
    page = client.get(reverse("staff:inputs", args=[world.consultation.slug]), params)
    listed = re.findall(r"GCM-\d{4}-\d{4}", page.content.decode())
    action, query = _export_form(page.content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, {"format": fmt, "query": query})

    assert response.status_code == 302
    export = PaperExport.objects.get()
    assert (export.format, export.created_by, export.status) == (fmt, world.staff, "done")
    content = export.file.open("rb").read()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(content)).active.values)
    references = [row[0] for row in rows[1:]]
    expected = [i.reference for i in sorted(shown, key=lambda i: -i.pk)]
    assert references == expected
    assert list(dict.fromkeys(listed)) == expected


def test_the_control_is_on_the_list_for_staff_only_and_keeps_no_page_number(world, login):
    _inputs(world)
    url = reverse("staff:inputs", args=[world.consultation.slug])

    page = login(world.staff).get(url, {"kind": "concern", "page": "1"}).content.decode()

    assert _export_form(page) == (
        reverse("positions:exports", args=[world.consultation.slug]),
        "kind=concern",
    )
