"""Whether an attachment's bytes are the document they claim to be, read safely.

`filetype` reads the first bytes only; a file can start as a PDF and end as a ZIP (a
polyglot), and a small DOCX can unpack to gigabytes (a zip bomb) when the aggregation,
an antivirus or Word opens it. Here the structure is checked without unpacking anything:
a PDF has its header, a cross-reference and its end-of-file mark and is not also a ZIP;
a DOCX or ODT is a ZIP whose directory holds the parts its format requires, with a
bounded number of entries, total unpacked size and compression ratio.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

MAX_ENTRIES = 2000
# Text compresses well (10-20x); XML of a real document rarely beyond 100x.
MAX_RATIO = 200


def _refuse() -> ValidationError:
    return ValidationError(
        {"attachment": _("The file is damaged or is not a plain PDF, DOCX or ODT document.")}
    )


def _pdf_check(file) -> None:
    file.seek(0)
    head = file.read(1024)
    file.seek(max(0, file.size - 2048))
    tail = file.read()
    file.seek(0)
    if not head.startswith(b"%PDF-1.") and not head.startswith(b"%PDF-2."):
        raise _refuse()
    if b"%%EOF" not in tail or b"startxref" not in tail:
        raise _refuse()
    if zipfile.is_zipfile(file):  # a PDF that is also an archive
        file.seek(0)
        raise _refuse()
    file.seek(0)


def _zip_check(file, required: tuple[str, ...]) -> None:
    limit = settings.INPUT_ATTACHMENT_MAX_UNPACKED_BYTES
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            unpacked = sum(entry.file_size for entry in entries)
            ratios = (
                entry.file_size / max(entry.compress_size, 1)
                for entry in entries
                if entry.file_size > 1024 * 1024
            )
            if (
                len(entries) > MAX_ENTRIES
                or unpacked > limit
                or any(ratio > MAX_RATIO for ratio in ratios)
                or not all(name in names for name in required)
                or any(entry.flag_bits & 0x1 for entry in entries)  # encrypted
            ):
                raise _refuse()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _refuse() from error
    finally:
        file.seek(0)


def attachment_structure_check(file, content_type: str) -> None:
    """Raise a ValidationError unless the file's structure is its type's."""
    if content_type == PDF:
        _pdf_check(file)
    elif content_type == DOCX:
        _zip_check(file, ("[Content_Types].xml", "word/document.xml"))
    elif content_type == ODT:
        _zip_check(file, ("mimetype", "content.xml"))
