"""Import inputs from a CSV or JSON file: `manage.py import_inputs` and the upload page.

Columns (CSV header or JSON object keys): external_id, organisation, organisation_kind,
issue, kind, stance, language, text, submitted_at; language, stance and submitted_at
may be empty, and an optional issue_title (and issue_title_en, its title in English) names
an issue the import creates.

The whole file is validated before anything is written, and then written in one
transaction: a file with a bad row is rejected whole, with every bad row reported by
its line (CSV) or item number (JSON). Re-importing is idempotent: an input is
identified by its consultation and external_id; a row whose content changed *updates*
the input (and keeps the new text as a revision, as an edit in the browser would), an
unchanged row is skipped.
"""

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from common.text import language_detect, normalise, words
from consult.models import Consultation, Input, InputRevision, Session, ThematicIssue
from stakeholders.models import Organisation

COLUMNS = (
    "external_id",
    "organisation",
    "organisation_kind",
    "issue",
    "kind",
    "stance",
    "language",
    "text",
    "submitted_at",
)
REQUIRED = ("external_id", "organisation", "issue", "kind", "text")
# the session of imported inputs: titled in the workspace's language (a paper's background
# names it); found again by its title in any language, or the English one of older imports
SESSION_TITLE = gettext_noop("Imported inputs")
IMPORT_USERNAME = "import"
DEFAULT_CONVENER = "Imported"
FIELDS = ("organisation_id", "issue_id", "kind", "stance", "language", "text", "submitted_at")


class ImportRejected(ValidationError):
    """The file was rejected whole; `problems` lists (line, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        super().__init__(
            [
                _("Line %(line)s: %(problem)s") % {"line": line, "problem": problem}
                for line, problem in problems
            ]
        )


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: list[str] = field(default_factory=list)
    issues_created: list[str] = field(default_factory=list)
    consultation_created: bool = False


@dataclass
class Row:
    line: int
    values: dict


def rows_read(content: bytes | str, *, name: str = "") -> list[Row]:
    """The file's rows with their line numbers; JSON if it looks like JSON, else CSV."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRejected([(0, _("The file is not UTF-8 text."))]) from None
    if name.lower().endswith(".json") or content.lstrip().startswith(("[", "{")):
        return _json_rows(content)
    return _csv_rows(content)


def _json_rows(content: str) -> list[Row]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise ImportRejected([(error.lineno, _("The file is not valid JSON."))]) from None
    if isinstance(data, dict):
        data = data.get("inputs", [])
    if not isinstance(data, list):
        raise ImportRejected([(1, _("Expected a list of inputs."))])
    rows = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ImportRejected([(number, _("Expected an object with the input's columns."))])
        rows.append(Row(number, {k: "" if v is None else str(v) for k, v in item.items()}))
    return rows


def _csv_rows(content: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = [column for column in REQUIRED if column not in (reader.fieldnames or ())]
    if missing:
        raise ImportRejected(
            [(1, _("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})]
        )
    rows = []
    line = 1
    for values in reader:
        rows.append(Row(line + 1, {k: (v or "") for k, v in values.items() if k}))
        line = reader.line_num
    return rows


def inputs_import(
    *,
    rows: list[Row],
    consultation_slug: str,
    create: bool = False,
    convener: str = DEFAULT_CONVENER,
    title: str = "",
) -> tuple[Consultation, ImportReport]:
    """Validate every row, then write them all in one transaction, or nothing.

    The consultation row is locked while importing, so two imports of the same file at
    once are applied one after the other and the second finds the first's inputs.
    """
    report = ImportReport()
    with transaction.atomic():
        consultation = _consultation(consultation_slug, create, convener, title, report)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        issues = {issue.code: issue for issue in consultation.issues.all()}
        organisations = {
            org.name: org
            for org in Organisation.objects.filter(
                name__in={row.values.get("organisation", "").strip() for row in rows}
            )
        }
        cleaned = _validate(rows, issues, organisations, create)
        _issues_create(consultation, cleaned, issues, report)
        _organisations_create(cleaned, organisations, report)
        _inputs_write(consultation, cleaned, issues, organisations, report)
    return consultation, report


def _consultation(slug, create, convener, title, report) -> Consultation:
    consultation = Consultation.objects.filter(slug=slug).first()
    if consultation:
        return consultation
    if not create:
        raise ImportRejected(
            [(0, _("No consultation %(slug)s; use --create to create it.") % {"slug": slug})]
        )
    if slug != slugify(slug):
        raise ImportRejected([(0, _("%(slug)s is not a valid short name.") % {"slug": slug})])
    organisation, _created = Organisation.objects.get_or_create(
        name=convener, defaults={"kind": Organisation.Kind.MINISTRY}
    )
    report.consultation_created = True
    return Consultation.objects.create(
        title=title or slug, slug=slug, convener=organisation, created_by=import_user()
    )


def import_user():
    """The system user imported inputs are authored by; it cannot log in."""
    user, created = get_user_model().objects.get_or_create(username=IMPORT_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _validate(rows, issues, organisations, create) -> list[tuple[Row, dict]]:
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    new_kinds: dict[str, str] = {}
    cleaned = []
    for row in rows:
        values = {
            k: row.values.get(k, "").strip() for k in (*COLUMNS, "issue_title", "issue_title_en")
        }
        errors = _row_errors(values, issues, organisations, create)
        external_id = values["external_id"]
        if external_id in seen:
            errors.append(
                _("external_id %(id)s repeats line %(line)s")
                % {"id": external_id, "line": seen[external_id]}
            )
        seen.setdefault(external_id, row.line)
        name, kind = values["organisation"], values["organisation_kind"]
        if name not in organisations and kind and new_kinds.setdefault(name, kind) != kind:
            errors.append(
                _("organisation %(name)s was given kind %(kind)s on an earlier line")
                % {"name": name, "kind": new_kinds[name]}
            )
        problems.extend((row.line, message) for message in errors)
        if not errors:
            values["submitted_at"] = _moment(values["submitted_at"])
            cleaned.append((row, values))
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ImportRejected([(1, _("The file has no inputs."))])
    return cleaned


def _row_errors(values, issues, organisations, create) -> list[str]:
    errors = [
        _("%(column)s is empty") % {"column": column} for column in REQUIRED if not values[column]
    ]
    checks = [
        ("kind", Input.Kind.values),
        ("stance", Input.Stance.values),
        ("language", [*Input.Language.values, ""]),
    ]
    for column, allowed in checks:
        if values[column] and values[column] not in allowed:
            errors.append(
                _("%(column)s %(value)s is not one of %(allowed)s")
                % {
                    "column": column,
                    "value": values[column],
                    "allowed": ", ".join(filter(None, allowed)),
                }
            )
    if values["organisation"] and values["organisation"] not in organisations:
        kind = values["organisation_kind"]
        if kind not in Organisation.Kind.values:
            errors.append(
                _("organisation_kind %(value)s is not one of %(allowed)s")
                % {"value": kind, "allowed": ", ".join(Organisation.Kind.values)}
            )
    if len(values["organisation"]) > 200 or len(values["external_id"]) > 100:
        errors.append(_("organisation or external_id is too long"))
    if values["issue"] and values["issue"] not in issues and not create:
        errors.append(_("no thematic issue %(code)s") % {"code": values["issue"]})
    if len(values["issue"]) > 20:
        errors.append(_("issue code %(code)s is too long") % {"code": values["issue"]})
    if values["submitted_at"] and _moment(values["submitted_at"]) is None:
        errors.append(
            _("submitted_at %(value)s is not a date or date and time")
            % {"value": values["submitted_at"]}
        )
    return errors


def _moment(value: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)):
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _issues_create(consultation, cleaned, issues, report) -> None:
    """The issues the file names that the consultation lacks, after its own, in the order
    of their codes ("T2" before "T10"), not of the first input on each: a paper takes
    its issues in this order."""
    position = max((issue.position for issue in issues.values()), default=0)
    first = {}
    for _row, values in cleaned:
        first.setdefault(values["issue"], values)
    for code in sorted(first, key=_code_order):
        values = first[code]
        if code not in issues:
            position += 1
            issues[code] = ThematicIssue.objects.create(
                consultation=consultation,
                code=code,
                title=values["issue_title"] or code,
                title_en=values["issue_title_en"],
                position=position,
            )
            report.issues_created.append(code)


def _code_order(code: str) -> list:
    """A natural order of issue codes: "2" before "10", "T2" before "T10"."""
    parts = re.split(r"(\d+)", code)
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts]


def _organisations_create(cleaned, organisations, report) -> None:
    for _row, values in cleaned:
        name = values["organisation"]
        if name not in organisations:
            organisations[name] = Organisation.objects.create(
                name=name, kind=values["organisation_kind"]
            )
            report.organisations_created.append(name)


def _inputs_write(consultation, cleaned, issues, organisations, report) -> None:
    dates = [values["submitted_at"] for _row, values in cleaned if values["submitted_at"]]
    session = _session(consultation, timezone.localdate(min(dates)) if dates else None)
    author = import_user()
    existing = {
        input.external_id: input
        for input in Input.objects.filter(
            session__consultation=consultation,
            external_id__in=[values["external_id"] for _row, values in cleaned],
        )
    }
    now = timezone.now()
    new, changed = [], []
    for _row, values in cleaned:
        wanted = {
            "organisation_id": organisations[values["organisation"]].pk,
            "issue_id": issues[values["issue"]].pk,
            "kind": values["kind"],
            "stance": values["stance"],
            "language": values["language"] or _language(values["text"]),
            "text": values["text"],
            "submitted_at": values["submitted_at"] or now,
        }
        input = existing.get(values["external_id"])
        if input is None:
            new.append(
                Input(
                    session=session,
                    author=author,
                    external_id=values["external_id"],
                    status=Input.Status.SUBMITTED,
                    # bulk_create skips Input.save(), which would set it
                    reference_year=session.date.year,
                    **wanted,
                )
            )
            continue
        if not values["submitted_at"]:
            wanted["submitted_at"] = input.submitted_at or now
        if all(getattr(input, name) == value for name, value in wanted.items()):
            report.unchanged += 1
            continue
        for name, value in wanted.items():
            setattr(input, name, value)
        input.status = Input.Status.SUBMITTED
        changed.append(input)
    Input.objects.bulk_create(new, batch_size=2000)
    Input.objects.bulk_update(changed, [*FIELDS, "status", "updated_at"], batch_size=2000)
    _revisions_add(new, changed, author)
    report.created, report.updated = len(new), len(changed)


def _revisions_add(new, changed, author) -> None:
    numbers = {}
    if changed:
        numbers = dict(
            InputRevision.objects.filter(input__in=changed)
            .values("input")
            .annotate(last=Max("number"))
            .values_list("input", "last")
        )
    InputRevision.objects.bulk_create(
        (
            input.revision(number=numbers.get(input.pk, 0) + 1, author=author)
            for input in [*new, *changed]
        ),
        batch_size=2000,
    )


def _session(consultation, date=None) -> Session:
    """The consultation's session of imported inputs, dated by the first input the file
    says was submitted (else today)."""
    titles = {SESSION_TITLE}
    for language, _name in settings.LANGUAGES:
        with override(language):
            titles.add(_(SESSION_TITLE))
    session = consultation.sessions.filter(title__in=titles).order_by("pk").first()
    if session is None:
        with override(settings.LANGUAGE_CODE):
            title = _(SESSION_TITLE)
        session = Session.objects.create(
            consultation=consultation,
            title=title,
            date=date or timezone.localdate(),
            status=Session.Status.CLOSED,
        )
    return session


def _language(text: str) -> str:
    return language_detect(words(normalise(text)))


def inputs_import_file(*, path: str | Path, **options) -> tuple[Consultation, ImportReport]:
    path = Path(path)
    return inputs_import(rows=rows_read(path.read_bytes(), name=path.name), **options)
