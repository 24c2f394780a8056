"""Writes in the consult app: consultations, their issues and sessions, and inputs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consult.models import Consultation, Input, InputRevision, Session, ThematicIssue
from stakeholders.models import Membership, Organisation
from stakeholders.selectors import organisations_where


def consultation_create(
    *, created_by, convener: Organisation, title: str, slug: str, description: str = ""
) -> Consultation:
    if convener.pk not in organisations_where(
        created_by, Membership.Role.STAFF, Membership.Role.DIRECTOR
    ):
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
    description: str = "",
    parent: ThematicIssue | None = None,
) -> ThematicIssue:
    position = consultation.issues.count()
    issue = ThematicIssue(
        consultation=consultation,
        code=code,
        title=title,
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
) -> Session:
    session = Session(
        consultation=consultation,
        title=title,
        date=date,
        venue=venue,
        agenda=agenda,
        status=status,
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


def _check_input(*, author, organisation: Organisation, session: Session, issue: ThematicIssue):
    if organisation.pk not in organisations_where(author, Membership.Role.PARTICIPANT):
        raise PermissionDenied(_("You can only submit inputs for your own organisation."))
    if issue.consultation_id != session.consultation_id:
        raise ValidationError({"issue": _("This issue is not part of the session's consultation.")})
    if not session.is_open:
        raise ValidationError(_("This session is not open for inputs."))


@transaction.atomic
def input_save(
    *,
    author,
    organisation: Organisation,
    session: Session,
    issue: ThematicIssue,
    kind: str,
    text: str,
    language: str,
    stance: str = "",
    proposal: str = "",
    submit: bool = False,
    input: Input | None = None,
) -> Input:
    """Create or update an input, keep the new text as a revision, and submit it if asked.

    The input row is locked while it changes so two saves of the same input (two tabs,
    a resent form) are applied one after the other and both revisions are kept.
    """
    _check_input(author=author, organisation=organisation, session=session, issue=issue)
    if input is None:
        input = Input(session=session, organisation=organisation, author=author)
    else:
        input = Input.objects.select_for_update().get(pk=input.pk)
        if input.status != Input.Status.DRAFT:
            raise ValidationError(_("A submitted input can no longer be changed here."))
    input.issue = issue
    input.kind = kind
    input.stance = stance
    input.proposal = proposal
    input.text = text.strip()
    input.language = language
    if submit:
        input.status = Input.Status.SUBMITTED
        input.submitted_at = timezone.now()
    input.full_clean()
    input.save()
    _revision_add(input=input, author=author)
    return input


def _revision_add(*, input: Input, author) -> InputRevision:
    number = input.revisions.count() + 1
    return InputRevision.objects.create(
        input=input,
        number=number,
        text=input.text,
        kind=input.kind,
        stance=input.stance,
        language=input.language,
        status=input.status,
        author=author,
    )
