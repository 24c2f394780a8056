"""Exports of a draft version. DOCX for now; each export is a plain function to bytes."""

from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from positions.models import DraftVersion


def _sources(paragraph) -> str:
    references = [source.reference for source in paragraph.sources.all()]
    return f" [{', '.join(references)}]" if references else ""


def draft_version_docx(version: DraftVersion, *, language: str | None = None) -> bytes:
    """The version as a Word document: title, numbered paragraphs, bracketed sources.

    `version` should come from `selectors.version_get`, which prefetches what is read
    here. Every page carries the version number and the draft mark, since no version is
    approved yet at this stage.
    """
    paper = version.paper
    with translation.override(language or paper.language):
        document = Document()
        document.core_properties.title = paper.title
        header = document.sections[0].header.paragraphs[0]
        header.text = _("%(title)s — version %(number)s — DRAFT — NOT FOR CIRCULATION") % {
            "title": paper.title,
            "number": version.number,
        }
        title = document.add_heading(paper.title, level=0)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        mark = document.add_paragraph().add_run(_("DRAFT — NOT FOR CIRCULATION"))
        mark.bold = True
        mark.font.size = Pt(14)
        mark.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
        document.add_paragraph(
            _("Version %(number)s, %(date)s")
            % {"number": version.number, "date": version.created_at.strftime("%d-%m-%Y")}
        )
        for section in version.sections.all():
            document.add_heading(section.heading, level=1)
            for paragraph in section.paragraphs.all():
                document.add_paragraph(paragraph.text + _sources(paragraph), style="List Number")
        buffer = BytesIO()
        document.save(buffer)
    return buffer.getvalue()
