"""Exports as recorded jobs: who asked for which version, format, language and audience.

`export_request` records the export and sends the Celery task once the transaction
commits; `export_execute` (the task's body, safe to run again) renders the file into
Django's storage and reports progress. Each export stays downloadable from the paper's
exports page.
"""

import logging
from functools import partial

from celery import current_app
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from consult.filters import InputFilter
from consult.staff_selectors import workspace_inputs
from positions.exports import inputs_csv, inputs_xlsx, version_render
from positions.models import DraftVersion, PaperExport, PositionPaper

logger = logging.getLogger(__name__)
VERSION_FORMATS = ("docx", "pdf", "md", "json")
INPUT_FORMATS = ("csv", "xlsx")


def export_request(
    *,
    paper: PositionPaper,
    user,
    format: str,
    language: str = "id",
    audience: str = PaperExport.Audience.DIRECTORATE,
    version: DraftVersion | None = None,
    filters: dict | None = None,
    classification: str = "",
) -> PaperExport:
    if format in VERSION_FORMATS and version is None:
        raise ValidationError(_("Choose the version to export."))
    if format not in VERSION_FORMATS + INPUT_FORMATS:
        raise ValidationError(_("Unknown export format."))
    export = PaperExport(
        paper=paper,
        version=version if format in VERSION_FORMATS else None,
        format=format,
        language=language,
        audience=audience,
        classification=classification if format in VERSION_FORMATS else "",
        filters=filters or {},
        created_by=user,
    )
    export.full_clean(exclude=["file"])
    export.save()
    transaction.on_commit(partial(_enqueue, export.pk))
    return export


def export_now(
    *,
    paper: PositionPaper,
    user,
    version: DraftVersion,
    format: str,
    language: str,
    audience: str = PaperExport.Audience.DIRECTORATE,
) -> PaperExport:
    """Record an export of `version` and render it in this request, without the queue:
    the API's downloads, whose caller waits for the file. Recorded and stored like a
    queued export, so it is listed on the exports page and downloadable again."""
    if format not in VERSION_FORMATS:
        raise ValidationError(_("Unknown export format."))
    export = PaperExport(
        paper=paper,
        version=version,
        format=format,
        language=language,
        audience=audience,
        created_by=user,
    )
    export.full_clean(exclude=["file"])
    export.save()
    return export_execute(export_id=export.pk)


def _enqueue(export_id: int) -> None:
    # By name: the task module calls `export_execute`, so this module does not import it.
    export_paper = current_app.tasks["positions.tasks.export_paper"]
    try:
        export_paper.apply_async(
            (export_id,), retry=True, retry_policy={"max_retries": 1, "interval_start": 0}
        )
    except BrokerError as error:
        logger.warning("Broker unreachable for export %s: %s", export_id, error)
        _fail(export_id, _("The job queue could not be reached; please try again later."))


def _fail(export_id: int, message: str) -> None:
    PaperExport.objects.filter(pk=export_id).update(
        status=PaperExport.Status.FAILED, error=message, finished_at=timezone.now()
    )


def _progress(export_id: int, done: int, total: int) -> None:
    percent = min(99, round(100 * done / total)) if total else 50
    PaperExport.objects.filter(pk=export_id).update(progress=percent)


def export_inputs(*, consultation, filters: dict):
    """The staff input list's queryset under the same filters (`consult.filters`)."""
    filterset = InputFilter(
        filters, queryset=workspace_inputs(consultation=consultation), consultation=consultation
    )
    return filterset.qs


def export_execute(*, export_id: int) -> PaperExport:
    """Render the export into storage. A finished export is left as it is."""
    with transaction.atomic():
        export = PaperExport.objects.select_for_update().get(pk=export_id)
        if not export.is_active:
            return export
        export.status = PaperExport.Status.RUNNING
        export.progress = 5
        export.save(update_fields=["status", "progress"])
    try:
        content = export_content(export)
        name = export_filename(export)
        export.file.save(name, ContentFile(content), save=False)
    except Exception as error:
        logger.exception("Export %s failed", export_id)
        _fail(export_id, _("The export could not be written: %(error)s") % {"error": error})
        export.refresh_from_db()
        return export
    export.status = PaperExport.Status.DONE
    export.progress = 100
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "finished_at"])
    return export


def export_content(export: PaperExport) -> bytes:
    if export.format in VERSION_FORMATS:
        return version_render(
            export.version,
            format=export.format,
            language=export.language,
            audience=export.audience,
            classification=export.classification,
        )
    inputs = export_inputs(consultation=export.paper.consultation, filters=export.filters)
    progress = partial(_progress, export.pk)
    if export.format == "csv":
        return inputs_csv(inputs, progress)
    return inputs_xlsx(inputs, progress)


def export_filename(export: PaperExport) -> str:
    slug = export.paper.consultation.slug
    if export.version is not None:
        return (
            f"{slug}-v{export.version.number}-{export.language}-{export.audience}.{export.format}"
        )
    return f"{slug}-inputs-{export.pk}.{export.format}"
