"""A consultation's inputs, filtered as on the staff input list, as CSV or XLSX."""

import csv
import io

from django.db.models import QuerySet
from django.utils.translation import gettext as _

COLUMNS = (
    ("reference", lambda i: i.reference),
    ("session", lambda i: i.session.title),
    ("issue", lambda i: i.issue.code),
    ("organisation", lambda i: i.organisation.name),
    ("organisation_kind", lambda i: i.organisation.kind),
    ("kind", lambda i: i.kind),
    ("stance", lambda i: i.stance),
    ("language", lambda i: i.language),
    ("status", lambda i: i.status),
    ("confidentiality", lambda i: i.confidentiality),
    ("submitted_at", lambda i: i.submitted_at.isoformat() if i.submitted_at else ""),
    ("text", lambda i: i.text),
)


def inputs_rows(inputs: QuerySet, progress=None):
    """Header, then one row per input; `progress(done, total)` every 500 rows."""
    yield [name for name, _value in COLUMNS]
    total = inputs.count()
    for n, input in enumerate(inputs.iterator(chunk_size=2000), start=1):
        yield [value(input) for _name, value in COLUMNS]
        if progress and n % 500 == 0:
            progress(n, total)


def inputs_csv(inputs: QuerySet, progress=None) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(inputs_rows(inputs, progress))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def inputs_xlsx(inputs: QuerySet, progress=None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Inputs")[:31])
    for row in inputs_rows(inputs, progress):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
