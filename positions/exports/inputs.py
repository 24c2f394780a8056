"""A consultation's inputs, filtered as on the staff input list, as CSV or XLSX.

What participants typed is data, never a formula: a spreadsheet program opening the
export must not run `=HYPERLINK(...)` or `+cmd|...` from an input. In the CSV a cell that
a spreadsheet would read as a formula is prefixed with an apostrophe (the convention
spreadsheet programs show as plain text); in the XLSX every cell is written as a string.
"""

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


# What spreadsheet programs take as the start of a formula, or strip before one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def cell_text(value) -> str:
    """The value as a CSV cell a spreadsheet shows as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
    csv.writer(buffer).writerows(
        [cell_text(value) for value in row] for row in inputs_rows(inputs, progress)
    )
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def inputs_xlsx(inputs: QuerySet, progress=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Inputs")[:31])

    def string_cell(value):
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", str(value)))
        cell.data_type = "s"  # never "f": a leading "=" stays text
        return cell

    for row in inputs_rows(inputs, progress):
        sheet.append([string_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
