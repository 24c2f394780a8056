"""The paper as a Word document (python-docx)."""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from positions.exports.document import PaperDocument, references_text
from positions.exports.inline import Block, Run, markdown_blocks

RED = RGBColor(0xB0, 0x00, 0x20)


def document_docx(doc: PaperDocument) -> bytes:
    """Title page, then one heading per section with numbered paragraphs and bracketed
    sources; the annex as a table. The running head (version, status and, unless
    approved, the draft mark) is in the header, so it is on every page."""
    texts = doc.labels
    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.subject = doc.running_head
    document.core_properties.language = LANGUAGE_TAGS.get(doc.language, doc.language)
    _language_set(document, LANGUAGE_TAGS.get(doc.language, doc.language))
    header = document.sections[0].header.paragraphs[0]
    header.text = doc.running_head
    _page_numbers(document.sections[0].footer.paragraphs[0], doc.classification)
    title = document.add_heading(doc.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in (doc.classification, doc.mark):
        if not text:
            continue
        mark = document.add_paragraph().add_run(text)
        mark.bold = True
        mark.font.size = Pt(14)
        mark.font.color.rgb = RED
    for label, value in (
        (texts["consultation"], doc.consultation),
        (texts["version"] % {"number": doc.number}, ""),
        (texts["status"], doc.status_label),
        (texts["date"], doc.date),
        (texts["audience"], doc.audience_label),
    ):
        document.add_paragraph(f"{label}: {value}" if value else label)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for section in doc.sections:
        document.add_heading(section.heading, level=1)
        if section.kind == "annex":
            _annex_table(document, section, texts)
            continue
        for paragraph in section.paragraphs:
            if _lead_in(section, paragraph):
                # "Views held in common:", "Recommendations:" ... a level of the outline
                document.add_heading(f"{paragraph.number} {paragraph.text.rstrip(':')}", level=2)
                continue
            _paragraph(document, paragraph, references_text(paragraph, texts), section.edited)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LIST_STYLES = {"bullet": "List Bullet", "number": "List Number"}
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-GB"}


def _language_set(document, tag: str) -> None:
    """The document's proofing language, on the default run properties every style
    inherits: Word checks Indonesian as Indonesian."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    targets = [document.styles["Normal"].element.get_or_add_rPr()]
    if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
        targets.append(run_defaults.find(qn("w:rPr")))
    for properties in targets:
        for old in properties.findall(qn("w:lang")):
            properties.remove(old)
        lang = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), tag)
        properties.append(lang)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _page_numbers(footer, classification: str) -> None:
    """ "3 / 12" centred at the foot of every page, after the classification mark."""
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if classification:
        footer.add_run(f"{classification} — ").bold = True
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")


def _paragraph(document, paragraph, refs: str, markdown: bool) -> None:
    """A paragraph the directorate wrote (`markdown`: its section was edited by hand) as
    Word formats its Markdown: bold and italic runs, list items in list styles, a link's
    address after its text. The engine's paragraphs quote participants, whose words are
    plain text and shown as written. The number leads, the sources end."""
    if paragraph.withheld or not markdown:
        blocks = [Block(runs=[Run(paragraph.text)])]
    else:
        blocks = markdown_blocks(paragraph.text)
    for n, block in enumerate(blocks):
        line = document.add_paragraph(style=LIST_STYLES.get(block.kind))
        if n == 0:
            line.add_run(f"{paragraph.number} ").bold = True
        for run in block.runs:
            text = run.text
            if run.href and run.href not in text:
                text += f" ({run.href})"
            formatted = line.add_run(text)
            formatted.bold = run.bold or None
            formatted.italic = run.italic or None
            formatted.underline = bool(run.href) or None
        if n == len(blocks) - 1 and refs:
            line.add_run(f" {refs}")


def _lead_in(section, paragraph) -> bool:
    """An engine's lead-in of an issue section ("Pandangan bersama:", "Rekomendasi:"): a
    line of its own that cites nothing and introduces the paragraphs after it."""
    return (
        section.kind == "issue"
        and not section.edited
        and not paragraph.references
        and not paragraph.unnamed
        and not paragraph.withheld
        and paragraph.text.endswith(":")
    )


def _annex_table(document, section, texts) -> None:
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, (texts["number"], texts["text"], texts["sources"]), strict=True
    ):
        cell.text = label
    for paragraph in section.paragraphs:
        cells = table.add_row().cells
        cells[0].text = paragraph.number
        cells[1].text = paragraph.text
        cells[2].text = references_text(paragraph, texts)
