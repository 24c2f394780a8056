"""Exports of a paper's version (DOCX, PDF, Markdown, JSON) and of its inputs (CSV, XLSX).

Each is a plain function to bytes; `services` in positions/exporting.py records them,
runs them as Celery jobs and keeps the files.
"""

from django.template.loader import render_to_string
from django.utils import translation

from consult.models import Input
from positions import selectors, services
from positions.aggregation import draft_structure
from positions.exports.document import PaperDocument, paper_document, references_text
from positions.exports.docx import document_docx
from positions.exports.inputs import inputs_csv, inputs_xlsx
from positions.exports.markdown import document_json, document_markdown
from positions.models import AggregationRun, DraftVersion
from positions.quoting import quotes_privately

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def document_pdf(doc: PaperDocument) -> bytes:
    """WeasyPrint from an HTML template, with the consensus map as inline SVG."""
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    sections = [
        {
            "heading": section.heading,
            "kind": section.kind,
            "edited": section.edited,
            "rows": [(p, references_text(p, doc.labels)) for p in section.paragraphs],
        }
        for section in doc.sections
    ]
    with translation.override(doc.language):
        html = render_to_string(
            "positions/exports/paper.html",
            {
                "doc": doc,
                "sections": sections,
                "version_label": doc.labels["version"] % {"number": doc.number},
            },
        )
    return HTML(string=html).write_pdf()


def aggregation_structure(version: DraftVersion, *, public_only: bool) -> dict | None:
    """The run's key points, recommendations and duplicates with input references; for
    circulation only public inputs are named and a statement from none of them is left out."""
    run = AggregationRun.objects.filter(draft_version=version).first()
    if run is None:
        return None
    consultation = version.paper.consultation
    issues = selectors.aggregation_issues(consultation=consultation)
    results = services.aggregation_results(run=run)
    issues = [issue for issue in issues if issue.code in results]
    ids = {i for r in results.values() for p in r.key_points for i in p.sources}
    ids |= {i for r in results.values() for rec in r.recommendations for i in rec.sources}
    ids |= {i for r in results.values() for g in r.duplicate_groups for i in g.members}
    inputs = (
        Input.objects.filter(pk__in=ids)
        .select_related("session", "organisation")
        .only(
            "pk",
            "reference_year",
            "confidentiality",
            "session__date",
            "organisation__name",
            *(["text"] if public_only else []),
        )
    )
    public = Input.Confidentiality.PUBLIC
    references = {
        i.pk: i.reference for i in inputs if not public_only or i.confidentiality == public
    }
    structure = draft_structure(issues, results, references)
    if public_only:
        # Named (public) sources appear as references, the others as ids.
        texts = {references.get(i.pk, i.pk): i.text for i in inputs}
        organisations = {references.get(i.pk, i.pk): i.organisation.name for i in inputs}
        for issue in structure["issues"]:
            for point in issue["key_points"]:
                _only_named(point, "statement", texts, organisations)
            for rec in issue["recommendations"]:
                _only_named(rec, "text", texts, organisations)
            issue["duplicate_groups"] = []
    structure["manifest"] = run.manifest
    return structure


def _only_named(item: dict, text_field: str, texts: dict, organisations: dict) -> None:
    """Keep the public references and the organisations behind them; blank the text if no
    public input stands behind it or if it quotes a non-public one (a statement is one
    input's sentence)."""
    named = [ref for ref in item["sources"] if isinstance(ref, str)]
    unnamed = [ref for ref in item["sources"] if not isinstance(ref, str)]
    public_texts = [texts.get(ref, "") for ref in named]
    item["unnamed_sources"] = len(unnamed)
    item["sources"] = named
    if "organisations" in item:
        item["organisations"] = sorted({organisations[ref] for ref in named})
    if not named or any(
        quotes_privately(item[text_field], texts.get(ref, ""), public_texts) for ref in unnamed
    ):
        item[text_field] = ""


def version_render(
    version: DraftVersion,
    *,
    format: str,
    language: str | None,
    audience: str,
    classification: str = "",
) -> bytes:
    doc = paper_document(
        version, language=language, audience=audience, classification=classification
    )
    if format == "docx":
        return document_docx(doc)
    if format == "pdf":
        return document_pdf(doc)
    if format == "md":
        return document_markdown(doc)
    if format == "json":
        return document_json(doc, aggregation_structure(version, public_only=audience == "public"))
    raise ValueError(format)


__all__ = [
    "CONTENT_TYPES",
    "document_pdf",
    "inputs_csv",
    "inputs_xlsx",
    "paper_document",
    "version_render",
]
