"""Writes in the consult app: consultations, their issues and sessions, and inputs."""

from functools import partial

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.text import language_of
from consult.models import (
    ATTACHMENT_TYPES,
    AuditEvent,
    Consultation,
    Input,
    InputAttachment,
    InputRevision,
    Session,
    ThematicIssue,
)
from consult.moderation import audit_record
from consult.uploads import attachment_structure_check
from stakeholders.models import Organisation


def consultation_create(
    *, created_by, convener: Organisation, title: str, slug: str, description: str = ""
) -> Consultation:
    if not created_by.has_perm("stakeholders.run_consultations_for", convener):
        raise PermissionDenied(_("You may only open consultations for your own directorate."))
    consultation = Consultation(
        created_by=created_by, convener=convener, title=title, slug=slug, description=description
    )
    consultation.full_clean()
    consultation.save()
    return consultation


def issue_create(
    *,
    consultation: Consultation,
    code: str,
    title: str,
    title_en: str = "",
    description: str = "",
    parent: ThematicIssue | None = None,
) -> ThematicIssue:
    position = consultation.issues.count()
    issue = ThematicIssue(
        consultation=consultation,
        code=code,
        title=title,
        title_en=title_en,
        description=description,
        parent=parent,
        position=position,
    )
    issue.full_clean()
    issue.save()
    return issue


def session_create(
    *,
    consultation: Consultation,
    title: str,
    date,
    venue: str = "",
    agenda: str = "",
    status: str = Session.Status.DRAFT,
    opens_at=None,
    closes_at=None,
    publishes_inputs: bool = False,
) -> Session:
    session = Session(
        consultation=consultation,
        title=title,
        date=date,
        venue=venue,
        agenda=agenda,
        status=status,
        opens_at=opens_at,
        closes_at=closes_at,
        publishes_inputs=publishes_inputs,
    )
    session.full_clean()
    session.save()
    return session


def session_invite(*, session: Session, organisations) -> Session:
    session.invited_organisations.add(*organisations)
    return session


def session_set_status(*, session: Session, status: str) -> Session:
    if status not in session.next_statuses():
        raise ValidationError(
            {
                "status": _("A session cannot go from %(current)s to %(new)s.")
                % {
                    "current": session.get_status_display(),
                    "new": Session.Status(status).label,
                }
            }
        )
    session.status = status
    session.full_clean()
    session.save(update_fields=["status"])
    return session


class LateSubmission(ValidationError):
    """The session stopped taking inputs before the submit (its deadline passed, or staff
    closed it while the participant wrote): the text was kept, as a draft, in `input`."""

    def __init__(self, input: Input, *, changes_of: Input | None = None):
        if changes_of is not None:
            message = _(
                "This session no longer takes changes, so %(ref)s was not changed. Your "
                "new text is kept as a draft, %(draft)s."
            ) % {"ref": changes_of.reference, "draft": input.reference}
        elif not input.session.is_open:
            message = _(
                "This session has been closed, so your input was not submitted. Your text "
                "is kept as a draft."
            )
        elif input.session.opens_at and timezone.now() < input.session.opens_at:
            message = _(
                "This session does not take inputs yet, so your input was not submitted. "
                "Your text is kept as a draft."
            )
        else:
            message = _(
                "The deadline for this session has passed, so your input was not submitted. "
                "Your text is kept as a draft."
            )
        super().__init__(message)
        self.input = input


def _check_input(*, author, organisation: Organisation, session: Session, issue: ThematicIssue):
    if not author.has_perm("stakeholders.speak_for", organisation):
        raise PermissionDenied(_("You can only submit inputs for your own organisation."))
    if issue.consultation_id != session.consultation_id:
        raise ValidationError({"issue": _("This issue is not part of the session's consultation.")})
    # a closed session takes no submit; what was typed is kept as a draft (`LateSubmission`)


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Please write the text of your input.")})
    limit = settings.INPUT_TEXT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            {
                "text": _("The text is %(length)s characters long; the limit is %(limit)s.")
                % {"length": len(text), "limit": limit}
            }
        )
    return text


def _input_for_form(*, form_key, input: Input | None) -> Input | None:
    """The input this form saved before (autosave, a resent POST), locked for the change."""
    if input is not None:
        return Input.objects.select_for_update().get(pk=input.pk)
    if form_key is not None:
        return Input.objects.select_for_update().filter(form_key=form_key).first()
    return None


def _input_sent_before(*, author, organisation, session, issue, kind, text) -> Input | None:
    """The input this author already made of these very words, in this session and issue:
    the browser's Back button brings a form's words back under a new form key, and sending
    them again is the same input, not a second one."""
    return (
        Input.objects.select_for_update()
        .filter(
            author=author,
            organisation=organisation,
            session=session,
            issue=issue,
            kind=kind,
            text=text,
            status__in=(Input.Status.DRAFT, Input.Status.SUBMITTED),
        )
        .order_by("pk")
        .first()
    )


def input_save(**fields) -> Input:
    """Create or update an input (see `_input_save`), once however often its form is sent.

    Two requests of one form arriving together (a double click, a client's retry) both
    find no input with their `form_key` and both insert one; the database refuses the
    second (the key is unique), and that request then saves onto the input the first
    one made, as if it had come a moment later.
    """
    try:
        return _input_save(**fields)
    except IntegrityError:
        if fields.get("form_key") is None or fields.get("input") is not None:
            raise
        return _input_save(**fields)


def _input_save(
    *,
    author,
    organisation: Organisation,
    session: Session,
    issue: ThematicIssue,
    kind: str,
    text: str,
    language: str = "",
    stance: str = "",
    proposal: str = "",
    confidentiality: str = Input.Confidentiality.PARTICIPANTS,
    submit: bool = False,
    input: Input | None = None,
    form_key=None,
    attachment=None,
    same_words_same_input: bool = False,
) -> Input:
    """Create or update an input, keep the new text as a revision, and submit it if asked.

    The input row is locked while it changes, so two saves of the same input (two tabs,
    autosave racing the save button) apply one after the other and both revisions are
    kept. `form_key` names the form the text came from: a second POST of the same form
    (a double click, a resent request) finds the input the first one made instead of
    making another, and a repeated submit of an input already submitted changes nothing.
    With `same_words_same_input` (the web form, whose words the browser's Back button
    brings back under a new key) the same words again are the input they made; an API
    client says what is a retry with its Idempotency-Key instead.

    A submit after the session's deadline or once staff closed it still saves the text,
    as a draft, and then raises `LateSubmission` (outside the transaction, so the draft
    stays); so does a change to a submitted input then, as a new draft.
    """
    late = False
    changes_of = None  # a submitted input whose changes came too late: kept as a new draft
    with transaction.atomic():
        _check_input(author=author, organisation=organisation, session=session, issue=issue)
        text = _check_text(text)
        input = _input_for_form(form_key=form_key, input=input)
        if input is None and same_words_same_input:
            input = _input_sent_before(
                author=author,
                organisation=organisation,
                session=session,
                issue=issue,
                kind=kind,
                text=text,
            )
        if input is None:
            input = Input(session=session, organisation=organisation, author=author)
            input.form_key = form_key
        elif input.organisation_id != organisation.pk or input.session_id != session.pk:
            raise PermissionDenied(_("This input belongs to another organisation or session."))
        elif input.status == Input.Status.WITHDRAWN:
            raise ValidationError(_("A withdrawn input can no longer be changed."))
        unchanged = input.pk and (input.text, input.issue_id, input.kind) == (text, issue.pk, kind)
        if input.status == Input.Status.SUBMITTED:
            if submit and unchanged and attachment is None:
                return input  # the same submit again (double click, resent POST): no change
            if not session.accepts_inputs():
                was = (input.stance, input.proposal, input.confidentiality)
                same = was == (stance, proposal, confidentiality)
                if unchanged and same and attachment is None:
                    return input  # nothing new to keep
                # submitted inputs are final now; the changes are not lost: a new draft
                changes_of = input
                input = Input(session=session, organisation=organisation, author=author)
                unchanged, submit, late = False, False, True
        input.issue = issue
        input.kind = kind
        input.stance = stance
        input.proposal = proposal
        input.text = text
        input.language = language or language_of(text)
        input.confidentiality = confidentiality
        was_submitted = False
        if submit and input.status == Input.Status.DRAFT:
            if session.accepts_inputs():
                input.status = Input.Status.SUBMITTED
                input.submitted_at = timezone.now()
                was_submitted = True
            else:
                late = True
        # the form key's uniqueness is the database's to enforce (see `input_save`)
        input.full_clean(exclude=["form_key"])
        input.save()
        if was_submitted:
            _audit_status(input=input, actor=author, before=Input.Status.DRAFT)
        if input.status == Input.Status.SUBMITTED and submit and not late:
            transaction.on_commit(partial(_send_receipt, input.pk))
        if attachment is not None:
            attachment_add(input=input, file=attachment, user=author)
        if not unchanged or submit:
            _revision_add(input=input, author=author)
    if late:
        raise LateSubmission(input, changes_of=changes_of)
    return input


def attachment_check(file) -> str:
    """The content type of an uploaded file, read from its bytes, or a ValidationError.

    The name (and the type the browser claims) are not trusted: a renamed executable
    is refused, and so is a PDF named `.docx`.
    """
    limit = settings.INPUT_ATTACHMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            {
                "attachment": _("The file is larger than %(limit)s MB.")
                % {"limit": round(limit / 1024 / 1024, 1)}
            }
        )
    file.seek(0)
    kind = filetype.guess(file.read(8192))
    file.seek(0)
    if kind is None or kind.mime not in ATTACHMENT_TYPES:
        raise ValidationError({"attachment": _("Attach a PDF, DOCX or ODT file.")})
    if not file.name.lower().endswith(ATTACHMENT_TYPES[kind.mime]):
        raise ValidationError(
            {
                "attachment": _("The file's name does not match its content (%(type)s).")
                % {"type": ATTACHMENT_TYPES[kind.mime]}
            }
        )
    attachment_structure_check(file, kind.mime)
    return kind.mime


def attachment_add(*, input: Input, file, user) -> InputAttachment:
    content_type = attachment_check(file)
    attachment = InputAttachment(
        input=input,
        original_name=file.name[:255],
        content_type=content_type,
        size=file.size,
        uploaded_by=user,
    )
    attachment.file.save(file.name, file, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def input_withdraw(*, input: Input, user, reason: str) -> Input:
    input = Input.objects.select_for_update().get(pk=input.pk)
    if input.status != Input.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted input can be withdrawn."))
    if not reason.strip():
        raise ValidationError({"reason": _("Please say why you withdraw this input.")})
    input.status = Input.Status.WITHDRAWN
    input.withdrawn_at = timezone.now()
    input.withdrawal_reason = reason.strip()
    input.save()
    _revision_add(input=input, author=user)
    _audit_status(
        input=input, actor=user, before=Input.Status.SUBMITTED, reason=input.withdrawal_reason
    )
    return input


@transaction.atomic
def input_publication_consent(*, input: Input, user) -> Input:
    """The input's organisation lets it be public: circulation copies may name and quote
    it. The change of tier is kept in the audit trail, with who gave the consent."""
    input = (
        Input.objects.select_for_update().select_related("session__consultation").get(pk=input.pk)
    )
    if not user.has_perm("consult.consent_publication", input):
        raise PermissionDenied
    before = input.confidentiality
    input.confidentiality = Input.Confidentiality.PUBLIC
    input.save(update_fields=["confidentiality", "updated_at"])
    audit_record(
        consultation=input.session.consultation,
        actor=user,
        action=AuditEvent.Action.CONFIDENTIALITY,
        input=input,
        before={"confidentiality": before},
        after={"confidentiality": input.confidentiality},
        reason=_("Publication allowed by the input's organisation."),
    )
    return input


def _audit_status(*, input: Input, actor, before: str, reason: str = "") -> None:
    """A participant's submit or withdrawal joins staff changes in the audit trail."""
    audit_record(
        consultation=input.session.consultation,
        actor=actor,
        action=AuditEvent.Action.STATUS,
        input=input,
        before={"status": before},
        after={"status": input.status},
        reason=reason,
    )


@transaction.atomic
def input_record_statement(
    *,
    recorded_by,
    session: Session,
    organisation: Organisation,
    issue: ThematicIssue,
    kind: str,
    text: str,
    language: str = "",
    stance: str = "",
    proposal: str = "",
    confidentiality: str = Input.Confidentiality.PARTICIPANTS,
) -> Input:
    """What a delegation said in the meeting, recorded by staff on its behalf.

    It is submitted at once (it feeds the aggregation like any input) and waits for a
    member of the organisation to confirm or correct it.
    """
    if not recorded_by.has_perm("consult.record_statement", session):
        raise PermissionDenied(_("Only the directorate's staff record statements."))
    if issue.consultation_id != session.consultation_id:
        raise ValidationError({"issue": _("This issue is not part of the session's consultation.")})
    if not session.invited_organisations.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("This organisation is not invited to the session.")}
        )
    text = _check_text(text)
    input = Input(
        session=session,
        organisation=organisation,
        author=recorded_by,
        recorded_by=recorded_by,
        issue=issue,
        kind=kind,
        stance=stance,
        proposal=proposal,
        text=text,
        language=language or language_of(text),
        confidentiality=confidentiality,
        status=Input.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    input.full_clean()
    input.save()
    _revision_add(input=input, author=recorded_by)
    return input


@transaction.atomic
def input_confirm(*, input: Input, user, text: str | None = None) -> Input:
    """A member confirms a statement staff recorded, correcting its text if `text` differs."""
    input = Input.objects.select_for_update().get(pk=input.pk)
    if not user.has_perm("stakeholders.speak_for", input.organisation):
        raise PermissionDenied(_("Only a member of the organisation can confirm its statement."))
    if not input.awaits_confirmation:
        raise ValidationError(_("This statement has already been confirmed."))
    if text is not None and text.strip() != input.text:
        input.text = _check_text(text)
    input.confirmed_by = user
    input.confirmed_at = timezone.now()
    input.save()
    _revision_add(input=input, author=user)
    return input


def _send_receipt(input_pk: int) -> None:
    input = Input.objects.select_related("author", "session", "issue", "organisation").get(
        pk=input_pk
    )
    if not input.author.email:
        return
    subject = _("Receipt for your input %(ref)s") % {"ref": input.reference}
    body = _(
        'Thank you. %(organisation)s\'s input %(ref)s on "%(issue)s" (%(session)s) was '
        "received on %(when)s.\n\nA copy of the text:\n\n%(text)s\n"
    ) % {
        "organisation": input.organisation.name,
        "ref": input.reference,
        "issue": input.issue.title,
        "session": input.session.title,
        "when": timezone.localtime(input.submitted_at).strftime("%Y-%m-%d %H:%M %Z"),
        "text": input.text,
    }
    send_mail(subject, body, None, [input.author.email])


def _revision_add(*, input: Input, author) -> InputRevision:
    revision = input.revision(number=input.revisions.count() + 1, author=author)
    revision.save()
    return revision
