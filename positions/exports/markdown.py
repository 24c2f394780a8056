"""The paper as Markdown, and as the structured JSON.

Participants' words reach the paper verbatim: a generated paragraph quotes inputs, and
whoever opens the Markdown in a renderer must see `<script>`, `**`, a table or a
`javascript:` link as the characters a participant typed, never as markup. Generated
paragraphs are escaped whole, their lines joined; a section staff edited keeps its
Markdown (emphasis, lists) but never raw HTML or a script link. The JSON says that its
strings are plain text, to be escaped by whatever displays them.
"""

import json
import re

from positions.exports.document import PaperDocument, references_text

# Marks that work inside a line; a paragraph starts with its number, so marks that work
# only at the start of a line (#, -, 1.) never get there.
# `<` where it could open a tag, a comment or an autolink and `&` where it could open
# an entity become entities, which every renderer shows as the characters ("Sosbud &
# OINB" and "< 5 days" stay as written); the others are backslash-escaped, which
# CommonMark and Python-Markdown both honour. A table needs a second line, which a
# one-line paragraph never has.
_SPECIAL = re.compile(r"([\\`*_\[\]!])")
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_SCRIPT_LINK = re.compile(
    r"\]\(\s*(?:javascript|vbscript|data):(?:[^()]|\([^()]*\))*\)", re.IGNORECASE
)


def markdown_literal(text: str) -> str:
    """Text that any Markdown renderer shows as written: one line, every mark escaped."""
    one_line = " ".join(text.split())
    one_line = _TAG_START.sub("&lt;", _ENTITY_START.sub("&amp;", one_line))
    return _SPECIAL.sub(r"\\\1", one_line)


def markdown_staff(text: str) -> str:
    """Staff's Markdown as they wrote it, less raw HTML and script links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SCRIPT_LINK.sub("](#)", text)


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
        lines += [f"## {markdown_literal(section.heading)}", ""]
        as_markdown = markdown_staff if section.edited else markdown_literal
        for paragraph in section.paragraphs:
            refs = references_text(paragraph, texts)
            # a withheld paragraph's text is the workspace's own notice, not a quote
            text = paragraph.text if paragraph.withheld else as_markdown(paragraph.text)
            lines += [f"**{paragraph.number}** {text}" + (f" {refs}" if refs else ""), ""]
    return "\n".join(lines).encode()


def document_json(doc: PaperDocument, structure: dict | None = None) -> bytes:
    """The document's sections and sources; with the run's key points when given."""
    data = {
        # every string below is plain text as written, participants' words included:
        # escape it for the format it is shown in
        "text_format": "plain",
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
