"""What every export of a version says, before any format: `paper_document`.

The renderers (DOCX, PDF, Markdown, JSON) only lay this out, so they all name the same
sources and withhold the same text. The audience decides the sources: the directorate's
own copy names every input; a copy for circulation names only public inputs, counts the
others, and leaves out the text of a paragraph that only non-public inputs stand behind
(such a paragraph may paraphrase them) or that quotes a non-public input verbatim (see
`quoting.py`); the neutral sentence in its place counts the inputs.
"""

from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consult.models import Input
from positions import selectors
from positions.aggregation.phrases import phrases_for
from positions.exports.quoting import quotes_privately
from positions.models import DraftVersion, PaperExport

PUBLIC = Input.Confidentiality.PUBLIC


@dataclass
class DocParagraph:
    number: str
    text: str
    references: list[str]
    unnamed: int = 0  # sources the audience may not see, counted only
    withheld: bool = False


@dataclass
class DocSection:
    heading: str
    kind: str
    edited: bool
    paragraphs: list[DocParagraph] = field(default_factory=list)


@dataclass
class PaperDocument:
    title: str
    consultation: str
    number: int
    status: str
    status_label: str
    approved: bool
    date: str
    language: str
    audience: str
    sections: list[DocSection]
    labels: dict
    audience_label: str = ""
    map: dict | None = None

    @property
    def mark(self) -> str:
        return "" if self.approved else self.labels["draft_mark"]

    @property
    def running_head(self) -> str:
        return " — ".join(
            part
            for part in (
                self.title,
                self.labels["version"] % {"number": self.number},
                self.status_label,
                self.mark,
            )
            if part
        )


def labels() -> dict:
    """The export's own words, in the active language."""
    return {
        "draft_mark": _("DRAFT — NOT FOR CIRCULATION"),
        "version": _("Version %(number)s"),
        "status": _("Status"),
        "date": _("Date"),
        "consultation": _("Consultation"),
        "sources": _("Sources"),
        "unnamed": _("%(count)s other inputs not named"),
        "withheld": _("[Text withheld: it rests on %(count)s inputs not for circulation.]"),
        "audience": _("Prepared for"),
        "map": _("Consensus map"),
        "number": _("No."),
        "text": _("Text"),
        "annex_note": _("Organisations that took part and the inputs they sent."),
    }


def paper_document(
    version: DraftVersion, *, language: str | None = None, audience: str = "directorate"
) -> PaperDocument:
    """The version as a document in `language` (the paper's if None) for `audience`.

    `version` is read again through `selectors.version_get` (sections, paragraphs and
    sources in three queries).
    """
    paper = version.paper
    language = language or paper.language
    version = selectors.version_get(paper=paper, number=version.number)
    public_only = audience == PaperExport.Audience.PUBLIC
    words = phrases_for(language)
    with translation.override(language):
        texts = labels()
        sections = []
        for s_number, section in enumerate(version.sections.all(), start=1):
            heading = section.heading
            if not section.edited and section.kind in ("background", "annex"):
                heading = words[section.kind]  # the engine's heading, in the export's language
            doc_section = DocSection(heading, section.kind, section.edited)
            for p_number, paragraph in enumerate(section.paragraphs.all(), start=1):
                doc_section.paragraphs.append(
                    _paragraph(f"{s_number}.{p_number}", paragraph, section.kind, public_only)
                )
            sections.append(doc_section)
        status_label = DraftVersion.Status(version.status).label
        return PaperDocument(
            title=paper.title,
            consultation=paper.consultation.title,
            number=version.number,
            status=version.status,
            status_label=str(status_label),
            approved=version.is_approved,
            date=timezone.localtime(version.created_at).strftime("%d-%m-%Y"),
            language=language,
            audience=audience,
            sections=sections,
            labels=texts,
            audience_label=str(PaperExport.Audience(audience).label),
            map=selectors.consensus_map(version=version),
        )


def _paragraph(number, paragraph, kind, public_only) -> DocParagraph:
    sources = list(paragraph.sources.all())
    if not public_only:
        return DocParagraph(number, paragraph.text, [s.reference for s in sources])
    public = [s for s in sources if s.confidentiality == PUBLIC]
    private = [s for s in sources if s.confidentiality != PUBLIC]
    named = [s.reference for s in public]
    if kind == "annex":
        # The annex names organisations and counts inputs, quoting none, so it stays.
        return DocParagraph(number, paragraph.text, named, len(private))
    if sources and not named:
        # Resting only on non-public inputs, it may paraphrase them: withheld.
        text = _("[Text withheld: it rests on %(count)s inputs not for circulation.]")
        return DocParagraph(number, text % {"count": len(private)}, [], len(private), True)
    public_texts = [s.text for s in public]
    quoted = [s for s in private if quotes_privately(paragraph.text, s.text, public_texts)]
    if quoted:
        # Its words are a non-public input's (a key point is one input's sentence).
        text = _("[Text withheld: it quotes %(count)s inputs not for circulation.]")
        return DocParagraph(number, text % {"count": len(quoted)}, named, len(private), True)
    if _names_private_organisations(paragraph.text, public, private):
        # "Supported by …: A, B" would tell readers who stands behind a non-public input.
        text = _(
            "[Text withheld: it names the organisations behind %(count)s inputs not for "
            "circulation.]"
        )
        return DocParagraph(number, text % {"count": len(private)}, named, len(private), True)
    return DocParagraph(number, paragraph.text, named, len(private))


def _names_private_organisations(text, public, private) -> bool:
    """Whether `text` names an organisation that, in this paragraph, stands only behind
    non-public inputs (one that also has a public input here is named openly anyway)."""
    open_organisations = {s.organisation_id for s in public}
    return any(
        name and name in text
        for s in private
        if s.organisation_id not in open_organisations
        for name in (s.organisation.name, s.organisation.acronym)
    )


def references_text(paragraph: DocParagraph, texts: dict) -> str:
    """`[GCM-2017-0001, GCM-2017-0002; 2 other inputs not named]`, or ''."""
    parts = []
    if paragraph.references:
        parts.append(", ".join(paragraph.references))
    # A paragraph withheld for resting only on non-public inputs counts them already.
    if paragraph.unnamed and (paragraph.references or not paragraph.withheld):
        parts.append(texts["unnamed"] % {"count": paragraph.unnamed})
    return f"[{'; '.join(parts)}]" if parts else ""
