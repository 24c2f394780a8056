"""The paper as Markdown, and as the structured JSON."""

import json

from positions.exports.document import PaperDocument, references_text


def document_markdown(doc: PaperDocument) -> bytes:
    texts = doc.labels
    lines = [f"# {doc.title}", ""]
    if doc.mark:
        lines += [f"**{doc.mark}**", ""]
    lines += [
        f"- {texts['consultation']}: {doc.consultation}",
        f"- {texts['version'] % {'number': doc.number}}",
        f"- {texts['status']}: {doc.status_label}",
        f"- {texts['date']}: {doc.date}",
        f"- {texts['audience']}: {doc.audience_label}",
        "",
    ]
    for section in doc.sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            refs = references_text(paragraph, texts)
            lines += [f"**{paragraph.number}** {paragraph.text}" + (f" {refs}" if refs else ""), ""]
    return "\n".join(lines).encode()


def document_json(doc: PaperDocument, structure: dict | None = None) -> bytes:
    """The document's sections and sources; with the run's key points when given."""
    data = {
        "title": doc.title,
        "consultation": doc.consultation,
        "version": doc.number,
        "status": doc.status,
        "approved": doc.approved,
        "date": doc.date,
        "language": doc.language,
        "audience": doc.audience,
        "sections": [
            {
                "heading": section.heading,
                "kind": section.kind,
                "edited": section.edited,
                "paragraphs": [
                    {
                        "number": p.number,
                        "text": p.text,
                        "sources": p.references,
                        "unnamed_sources": p.unnamed,
                        "withheld": p.withheld,
                    }
                    for p in section.paragraphs
                ],
            }
            for section in doc.sections
        ],
    }
    if structure is not None:
        data["aggregation"] = structure
    return json.dumps(data, ensure_ascii=False, indent=2).encode()
