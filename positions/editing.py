"""Editing a paper by hand: a section rewritten in Markdown, suggestions from a new run.

Every change makes a new immutable version (`versions.draft_version_create`) from the
paper's latest one. A section changed by hand is marked `edited`; a later aggregation
run keeps such a section as it is and offers the engine's new text beside it as
`Suggestion`s (`aggregation_merge`, called from the run's store step).
"""

import difflib
import re
from dataclasses import dataclass, field
from html import escape as html_escape

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from common.ids import MAX_ID
from consult.models import Input
from positions.aggregation import ParagraphDraft, SectionDraft
from positions.citations import cited_ids, cited_references
from positions.models import (
    DraftVersion,
    Paragraph,
    ParagraphSource,
    PositionPaper,
    Suggestion,
)
from positions.versions import draft_version_create, section_keys

# A rewritten paragraph this close to one it replaces still speaks for the same inputs.
CARRY_RATIO = 0.6
BLANK_LINE = re.compile(r"\n\s*\n")
ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "code", "br", "h4"}


def markdown_render(text: str) -> SafeString:
    """Markdown to HTML, sanitised: what an editor typed can never run as script.

    Markup written as text stays text: a participant's "<ILO C189>" or "<b>" quoted in a
    paragraph is shown as typed, where HTML passed through Markdown would be a tag the
    sanitiser then removes with the words in it.
    """
    html = markdown.markdown(html_escape(text or "", quote=False), extensions=["sane_lists"])
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}))  # noqa: S308


def paragraphs_split(text: str) -> list[str]:
    """One paragraph per block of text separated by a blank line."""
    blocks = BLANK_LINE.split(text.replace("\r\n", "\n").strip())
    return [block.strip() for block in blocks if block.strip()]


@dataclass
class StoredSection:
    key: str
    kind: str
    heading: str
    issue_id: int | None
    edited: bool
    paragraphs: list[ParagraphDraft] = field(default_factory=list)

    def draft(self) -> SectionDraft:
        return SectionDraft(self.kind, self.heading, tuple(self.paragraphs), self.issue_id)

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)


def version_sections(version: DraftVersion) -> list[StoredSection]:
    """A stored version as plain sections with each paragraph's source ids (3 queries)."""
    sections = {
        section.pk: StoredSection(
            section.key, section.kind, section.heading, section.issue_id, section.edited
        )
        for section in version.sections.order_by("position")
    }
    paragraphs = list(
        Paragraph.objects.filter(section__version=version)
        .order_by("section__position", "position")
        .values_list("pk", "section_id", "text")
    )
    sources: dict[int, list[int]] = {}
    for paragraph_id, input_id in (
        ParagraphSource.objects.filter(paragraph__section__version=version)
        .order_by("input_id")
        .values_list("paragraph_id", "input_id")
    ):
        sources.setdefault(paragraph_id, []).append(input_id)
    for pk, section_id, text in paragraphs:
        sections[section_id].paragraphs.append(ParagraphDraft(text, tuple(sources.get(pk, ()))))
    return list(sections.values())


def latest_version(paper: PositionPaper) -> DraftVersion | None:
    return paper.versions.order_by("-number").first()


class EditConflict(ValidationError):
    """Someone saved the same section since the editor opened it."""

    def __init__(self, message, *, latest: DraftVersion, theirs: str):
        super().__init__(message)
        self.latest = latest
        self.theirs = theirs


def _carry_sources(new_texts: list[str], old: list[ParagraphDraft]) -> list[ParagraphDraft]:
    """Keep each paragraph's provenance: the same text keeps its sources, and so does a
    rewrite close to an old paragraph (CARRY_RATIO); a new paragraph has none."""
    by_text = {paragraph.text: paragraph.source_ids for paragraph in old}
    result = []
    for text in new_texts:
        if text in by_text:
            result.append(ParagraphDraft(text, by_text[text]))
            continue
        best, best_ratio = (), 0.0
        for paragraph in old:
            ratio = difflib.SequenceMatcher(None, text, paragraph.text).ratio()
            if ratio > best_ratio:
                best, best_ratio = paragraph.source_ids, ratio
        result.append(ParagraphDraft(text, best if best_ratio >= CARRY_RATIO else ()))
    return result


def _with_citations(paper: PositionPaper, paragraphs: list[ParagraphDraft]):
    """Each paragraph's sources with the inputs its text cites ("[GCM-2017-0021]"); a
    citation of anything but a submitted input of this consultation is refused."""
    written = {
        ref: pk for paragraph in paragraphs for ref, pk in cited_references(paragraph.text).items()
    }
    if not written:
        return paragraphs
    known = {
        input.pk: input.reference
        for input in Input.objects.filter(
            pk__in=[pk for pk in written.values() if pk <= MAX_ID],  # past it: no input
            session__consultation=paper.consultation,
            status=Input.Status.SUBMITTED,
        ).select_related("session")
    }
    unknown = sorted(ref for ref, pk in written.items() if known.get(pk) != ref)
    if unknown:
        raise ValidationError(
            _("No submitted input of this consultation has the reference %(refs)s.")
            % {"refs": ", ".join(unknown)}
        )
    return [
        ParagraphDraft(
            paragraph.text,
            tuple(sorted({*paragraph.source_ids, *cited_ids(paragraph.text)})),
        )
        for paragraph in paragraphs
    ]


def _section(sections: list[StoredSection], key: str) -> StoredSection:
    for section in sections:
        if section.key == key:
            return section
    raise ValidationError(_("This section is not in the paper any more."))


@transaction.atomic
def section_edit(
    *,
    paper: PositionPaper,
    base_number: int,
    key: str,
    heading: str,
    text: str,
    note: str,
    user,
) -> DraftVersion:
    """Save one section as rewritten by `user`, starting from version `base_number`.

    Optimistic concurrency: the paper row is locked, then if the section changed in any
    version saved after `base_number`, nothing is written and `EditConflict` carries the
    other text so the form can show both and keep the editor's. Otherwise the new
    version is the latest one with this section replaced, so edits of other sections
    saved in between are kept.
    """
    PositionPaper.objects.select_for_update().get(pk=paper.pk)
    latest = latest_version(paper)
    base = paper.versions.filter(number=base_number).first()
    if latest is None or base is None:
        raise ValidationError(_("There is no such version to edit."))
    current = version_sections(latest)
    theirs = _section(current, key)
    if latest.number != base.number:
        mine_before = _section(version_sections(base), key)
        if (theirs.heading, theirs.text) != (mine_before.heading, mine_before.text):
            raise EditConflict(
                _(
                    "Someone saved this section in version %(number)s while you were "
                    "editing. Your text is kept below; compare it with theirs and save again."
                )
                % {"number": latest.number},
                latest=latest,
                theirs=theirs.text,
            )
    if not heading.strip() or not paragraphs_split(text):
        raise ValidationError(_("A section needs a heading and at least one paragraph."))
    theirs.heading = heading.strip()
    paragraphs = _carry_sources(paragraphs_split(text), theirs.paragraphs)
    theirs.paragraphs = _with_citations(paper, paragraphs)
    theirs.edited = True
    return _version_from(paper, current, latest, user, note or _("Section edited"))


def _version_from(paper, sections: list[StoredSection], based_on, user, note) -> DraftVersion:

    return draft_version_create(
        paper=paper,
        sections=[section.draft() for section in sections],
        created_by=user,
        origin=DraftVersion.Origin.EDITOR,
        note=note[:250],
        edited={n for n, section in enumerate(sections) if section.edited},
        based_on=based_on,
    )


@dataclass(frozen=True)
class SuggestionDraft:
    section_key: str
    position: int
    text: str
    source_ids: tuple[int, ...]
    new_source_ids: tuple[int, ...]


def aggregation_merge(
    *, paper: PositionPaper, sections: list[SectionDraft]
) -> tuple[list[SectionDraft], set[int], list[SuggestionDraft]]:
    """The engine's sections with the previous version's hand-edited sections kept.

    Returns the sections to store, the positions of those kept as edited, and for each
    kept section the engine paragraphs it does not already contain, as suggestions
    naming the inputs behind them that the previous version did not cite.
    """

    previous = latest_version(paper)
    # nothing written by hand: the engine's sections stand, and the previous version's
    # paragraphs and sources (hundreds of thousands in a large consultation) stay unread
    if previous is None or not previous.sections.filter(edited=True).exists():
        return sections, set(), []
    stored = {section.key: section for section in version_sections(previous)}
    cited = {i for s in stored.values() for p in s.paragraphs for i in p.source_ids}
    merged, edited, suggestions = [], set(), []
    for position, (draft, key) in enumerate(zip(sections, section_keys(sections), strict=True)):
        kept = stored.get(key)
        if kept is None or not kept.edited:
            merged.append(draft)
            continue
        merged.append(kept.draft())
        edited.add(position)
        suggestions += _suggestions(key, draft, kept, cited)
    return merged, edited, suggestions


MATCH_SOURCES = 0.5  # share of sources in common for an engine paragraph to be "that one"


def _suggestions(key, draft: SectionDraft, kept: StoredSection, cited: set[int]):
    """The engine's paragraphs that tell the kept section something new, each placed by
    content: it replaces the kept paragraph resting on the same inputs, or is added at
    the end. Lines without sources (the count, the lead-ins) and rewordings of what the
    section already says from the same inputs are not offered."""
    texts = {paragraph.text for paragraph in kept.paragraphs}
    in_section = {i for paragraph in kept.paragraphs for i in paragraph.source_ids}
    found, added = [], 0
    for paragraph in draft.paragraphs:
        if paragraph.text in texts or not paragraph.source_ids:
            continue
        new = tuple(i for i in paragraph.source_ids if i not in cited)
        match = _matching_paragraph(paragraph, kept.paragraphs)
        if not new and (match is not None or set(paragraph.source_ids) <= in_section):
            continue
        if match is None:
            match = len(kept.paragraphs) + added
            added += 1
        found.append(SuggestionDraft(key, match, paragraph.text, paragraph.source_ids, new))
    return found


def _matching_paragraph(paragraph: ParagraphDraft, kept: list[ParagraphDraft]) -> int | None:
    """The kept paragraph that says the same point: the one sharing most of its sources
    (at least MATCH_SOURCES of the two together), else the closest text (CARRY_RATIO)."""
    theirs = set(paragraph.source_ids)
    best, best_share = None, 0.0
    for n, mine in enumerate(kept):
        union = theirs | set(mine.source_ids)
        share = len(theirs & set(mine.source_ids)) / len(union) if union else 0.0
        if share > best_share:
            best, best_share = n, share
    if best is not None and best_share >= MATCH_SOURCES:
        return best
    for n, mine in enumerate(kept):
        if difflib.SequenceMatcher(None, paragraph.text, mine.text).ratio() >= CARRY_RATIO:
            return n
    return None


def suggestions_store(*, version: DraftVersion, suggestions: list[SuggestionDraft]) -> None:
    """Keep a run's suggestions; those of earlier runs still pending are superseded."""
    paper = version.paper
    paper.suggestions.filter(status=Suggestion.Status.PENDING).update(
        status=Suggestion.Status.SUPERSEDED
    )
    rows = Suggestion.objects.bulk_create(
        Suggestion(
            paper=paper,
            version=version,
            section_key=s.section_key,
            position=s.position,
            text=s.text,
        )
        for s in suggestions
    )
    Sources, NewSources = Suggestion.sources.through, Suggestion.new_sources.through
    Sources.objects.bulk_create(
        Sources(suggestion_id=row.pk, input_id=i)
        for row, s in zip(rows, suggestions, strict=True)
        for i in s.source_ids
    )
    NewSources.objects.bulk_create(
        NewSources(suggestion_id=row.pk, input_id=i)
        for row, s in zip(rows, suggestions, strict=True)
        for i in s.new_source_ids
    )


def _pending(suggestion_id: int, paper: PositionPaper) -> Suggestion:
    suggestion = (
        Suggestion.objects.select_for_update()
        .filter(pk=suggestion_id, paper=paper, status=Suggestion.Status.PENDING)
        .first()
    )
    if suggestion is None:
        raise ValidationError(_("This suggestion has already been decided."))
    return suggestion


@transaction.atomic
def suggestion_accept(*, paper: PositionPaper, suggestion_id: int, user) -> DraftVersion:
    """Put the suggested paragraph in the section at its place: a new version."""
    PositionPaper.objects.select_for_update().get(pk=paper.pk)
    suggestion = _pending(suggestion_id, paper)
    latest = latest_version(paper)
    sections = version_sections(latest)
    section = _section(sections, suggestion.section_key)
    paragraph = ParagraphDraft(
        suggestion.text, tuple(suggestion.sources.order_by("pk").values_list("pk", flat=True))
    )
    # The suggestion replaces the paragraph that stood at its place when it was made,
    # wherever that paragraph is now; gone (edited, or replaced by another suggestion)
    # or never there, the suggestion is added at the end: accepted text never
    # overwrites what an officer wrote or accepted since.
    then = list(
        Paragraph.objects.filter(
            section__version_id=suggestion.version_id, section__key=suggestion.section_key
        )
        .order_by("position")
        .values_list("text", flat=True)
    )
    replaced = then[suggestion.position] if suggestion.position < len(then) else None
    now = [p.text for p in section.paragraphs]
    if replaced is not None and replaced in now:
        section.paragraphs[now.index(replaced)] = paragraph
    else:
        section.paragraphs.append(paragraph)
    section.edited = True
    version = _version_from(paper, sections, latest, user, _("Suggestion accepted"))
    _decide(suggestion, Suggestion.Status.ACCEPTED, user)
    return version


@transaction.atomic
def suggestion_dismiss(*, paper: PositionPaper, suggestion_id: int, user) -> Suggestion:
    suggestion = _pending(suggestion_id, paper)
    _decide(suggestion, Suggestion.Status.DISMISSED, user)
    return suggestion


def _decide(suggestion: Suggestion, status: str, user) -> None:
    suggestion.status = status
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
