"""Draft versions as stored: one whole version at once, its sections, paragraphs and
their provenance. Services (a run's result) and editing (a section rewritten) both make
versions through here, so neither needs the other."""

import io
from collections.abc import Collection

from django.db import transaction
from django.db.models import Max

from positions.aggregation import SectionDraft
from positions.models import DraftVersion, Paragraph, ParagraphSource, PositionPaper, Section


def section_keys(sections) -> list[str]:
    """The key each section is matched by across versions (see `Section.key`)."""
    counts: dict[str, int] = {}
    keys = []
    for section in sections:
        if section.issue_id:
            keys.append(f"issue:{section.issue_id}")
        else:
            n = counts.get(section.kind, 0)
            counts[section.kind] = n + 1
            keys.append(f"{section.kind}:{n}")
    return keys


@transaction.atomic
def draft_version_create(
    *,
    paper: PositionPaper,
    sections: list[SectionDraft],
    created_by,
    origin: str,
    note: str = "",
    edited: Collection[int] = (),
    based_on: DraftVersion | None = None,
) -> DraftVersion:
    """Store a whole draft version at once: its sections, paragraphs and provenance.

    `edited` holds the positions of the sections written by hand. The paper row is
    locked so two versions written at the same moment get distinct, consecutive numbers.
    """
    PositionPaper.objects.select_for_update().get(pk=paper.pk)
    number = (paper.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DraftVersion.objects.create(
        paper=paper,
        number=number,
        origin=origin,
        note=note,
        created_by=created_by,
        based_on=based_on,
    )
    section_rows = Section.objects.bulk_create(
        Section(
            version=version,
            position=position,
            kind=draft.kind,
            heading=draft.heading,
            issue_id=draft.issue_id,
            key=key,
            edited=position in edited,
        )
        for position, (draft, key) in enumerate(zip(sections, section_keys(sections), strict=True))
    )
    paragraph_rows = Paragraph.objects.bulk_create(
        Paragraph(section=section_row, position=position, text=paragraph.text)
        for section_row, draft in zip(section_rows, sections, strict=True)
        for position, paragraph in enumerate(draft.paragraphs)
    )
    drafts = (paragraph for draft in sections for paragraph in draft.paragraphs)
    _sources_insert(
        (row.pk, input_id)
        for row, paragraph in zip(paragraph_rows, drafts, strict=True)
        for input_id in paragraph.source_ids
    )
    return version


def _sources_insert(pairs) -> None:
    """Provenance rows, by COPY on PostgreSQL: a draft of 100,000 inputs cites each of
    them at least once, and `bulk_create` spent most of the write building model objects.
    """
    connection = transaction.get_connection()
    table = ParagraphSource._meta.db_table
    if connection.vendor != "postgresql":
        ParagraphSource.objects.bulk_create(
            (ParagraphSource(paragraph_id=p, input_id=i) for p, i in pairs), batch_size=5000
        )
        return
    buffer = io.StringIO("".join(f"{p}\t{i}\n" for p, i in pairs))
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} (paragraph_id, input_id) FROM STDIN", buffer)
