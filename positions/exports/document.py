"""What every export of a version says, before any format: `paper_document`.

The renderers (DOCX, PDF, Markdown, JSON) only lay this out, so they all name the same
sources and withhold the same text. The audience decides the sources: the directorate's
own copy names every input; a copy for circulation names only public inputs, counts the
others, and leaves out the text of a paragraph that only non-public inputs stand behind
(such a paragraph may paraphrase them) or that quotes a non-public input verbatim (see
`positions/quoting.py`); the neutral sentence in its place counts the inputs.
"""

from dataclasses import dataclass, field
from functools import partial

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from positions import selectors
from positions.aggregation.phrases import phrases_for
from positions.models import DraftVersion, PaperExport
from positions.visibility import DIRECTORATE, PUBLIC, paragraph_read


@dataclass
class DocParagraph:
    number: str
    text: str
    references: list[str]
    unnamed: int = 0  # sources the audience may not see, counted only
    withheld: bool = False
    unsourced: bool = False  # written by hand and citing no input: marked for the directorate


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
    classification: str = ""  # the mark printed on every page ("TERBATAS"), or none

    @property
    def mark(self) -> str:
        if self.approved:
            return ""
        # a copy made for circulation is circulated: it says it is a draft, no more
        return self.labels["draft_mark_circulated" if self.audience == "public" else "draft_mark"]

    @property
    def running_head(self) -> str:
        return " — ".join(
            part
            for part in (
                self.classification,
                self.title,
                self.labels["version"] % {"number": self.number},
                # a draft's mark says it is a draft: its status would say it twice
                "" if self.mark and self.status == "draft" else self.status_label,
                self.mark,
            )
            if part
        )


def _unnamed(language: str, count: int, beside_named: bool) -> str:
    """ "2 other inputs not named" beside named sources, "1 input not named" alone."""
    with translation.override(language):
        if beside_named:
            text = ngettext(
                "%(count)s other input not named", "%(count)s other inputs not named", count
            )
        else:
            text = ngettext("%(count)s input not named", "%(count)s inputs not named", count)
    return text % {"count": count}


def labels() -> dict:
    """The export's own words, in the active language."""
    return {
        "draft_mark": _("DRAFT — NOT FOR CIRCULATION"),
        "draft_mark_circulated": _("DRAFT"),
        "version": _("Version %(number)s"),
        "status": _("Status"),
        "date": _("Date"),
        "consultation": _("Consultation"),
        "sources": _("Sources"),
        "unnamed": partial(_unnamed, translation.get_language()),
        "audience": _("Prepared for"),
        "map": _("Consensus map"),
        "map_legend": _(
            "Each row is a key point, each column a kind of organisation. The number in a "
            "cell counts the organisations of that kind behind the point; the darker the "
            "cell, the more of them."
        ),
        "number": _("No."),
        "text": _("Text"),
        "annex_note": _("Organisations that took part and the inputs they sent."),
        "unsourced": _("no source: written by the directorate without citing an input"),
    }


def paper_document(
    version: DraftVersion,
    *,
    language: str | None = None,
    audience: str = "directorate",
    classification: str = "",
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
        for section in version.sections.all():
            heading = section.heading
            if not section.edited and section.kind in ("background", "summary", "annex"):
                # the engine's heading, in the export's language
                heading = words["overview_heading" if section.kind == "summary" else section.kind]
            doc_section = DocSection(heading, section.kind, section.edited)
            for position, paragraph in enumerate(section.paragraphs.all()):
                number = section.paragraph_number(position)
                item = _paragraph(number, paragraph, section.kind, public_only)
                item.unsourced = not public_only and unsourced(section, paragraph)
                doc_section.paragraphs.append(item)
            sections.append(doc_section)
        status_label = DraftVersion.Status(version.status).label
        return PaperDocument(
            title=paper.title,
            consultation=paper.consultation.title,
            number=version.number,
            status=version.status,
            status_label=str(status_label),
            approved=version.is_approved,
            # the language's long form: "3 Desember 2026", "3 December 2026"
            date=date_format(timezone.localtime(version.created_at), "j F Y"),
            language=language,
            audience=audience,
            sections=sections,
            labels=texts,
            audience_label=str(PaperExport.Audience(audience).label),
            map=selectors.consensus_map(version=version),
            classification=classification.upper(),
        )


def _paragraph(number, paragraph, kind, public_only) -> DocParagraph:
    reader = PUBLIC if public_only else DIRECTORATE
    read = paragraph_read(paragraph.text, paragraph.sources.all(), kind, reader)
    references = [s.reference for s in read.sources]
    return DocParagraph(number, read.text, references, read.unnamed, read.withheld)


def unsourced(section, paragraph) -> bool:
    """A paragraph of an issue or the summary, rewritten by hand, that cites no input."""
    return section.edited and section.kind in ("issue", "summary") and not paragraph.sources.all()


def references_text(paragraph: DocParagraph, texts: dict) -> str:
    """`[GCM-2017-0001, GCM-2017-0002; 2 other inputs not named]`, `[no source]` or ''."""
    if paragraph.unsourced:
        return f"[{texts['unsourced']}]"
    parts = []
    if paragraph.references:
        parts.append(", ".join(paragraph.references))
    # A paragraph withheld for resting only on non-public inputs counts them already.
    if paragraph.unnamed and (paragraph.references or not paragraph.withheld):
        parts.append(texts["unnamed"](paragraph.unnamed, bool(paragraph.references)))
    return f"[{'; '.join(parts)}]" if parts else ""
