"""Predicates over a user and a consultation object.

Each takes a Consultation, Session, ThematicIssue or Input (or None) and answers for the
consultation it belongs to, so one rule serves every page of a consultation.
"""

import rules
from django.db.models import Q

from common.permissions import Scoped
from stakeholders.predicates import (
    directing_organisations,
    observing_organisations,
    running_organisations,
    speaking_organisations,
)


def consultation_of(obj):
    from consult.models import Consultation

    if obj is None or isinstance(obj, Consultation):
        return obj
    if hasattr(obj, "consultation"):
        return obj.consultation
    if hasattr(obj, "session"):
        return obj.session.consultation
    if hasattr(obj, "paper"):  # a draft version of the consultation's paper
        return obj.paper.consultation
    return None


def _invited_organisation_ids(consultation) -> set[int]:
    cached = getattr(consultation, "_invited_organisation_ids", None)
    if cached is None:
        from consult.models import Session

        cached = set(
            Session.invited_organisations.through.objects.filter(
                session__consultation=consultation
            ).values_list("organisation_id", flat=True)
        )
        consultation._invited_organisation_ids = cached
    return cached


def _partner_ids(consultation) -> set[int]:
    cached = getattr(consultation, "_partner_ids", None)
    if cached is None:
        cached = set(consultation.partners.values_list("pk", flat=True))
        consultation._partner_ids = cached
    return cached


@rules.predicate
def is_consultation_staff(user, obj):
    consultation = consultation_of(obj)
    return consultation is not None and consultation.convener_id in running_organisations(user)


@rules.predicate
def is_consultation_director(user, obj):
    consultation = consultation_of(obj)
    return consultation is not None and consultation.convener_id in directing_organisations(user)


@rules.predicate
def is_partner(user, obj):
    consultation = consultation_of(obj)
    return consultation is not None and bool(
        _partner_ids(consultation) & speaking_organisations(user)
    )


def _draft_reader_ids(consultation) -> set[int]:
    cached = getattr(consultation, "_draft_reader_ids", None)
    if cached is None:
        cached = set(consultation.draft_readers.values_list("pk", flat=True))
        consultation._draft_reader_ids = cached
    return cached


@rules.predicate
def is_clearing(user, obj):
    """Speaks for a line ministry or agency asked to clear the consultation's drafts."""
    consultation = consultation_of(obj)
    return consultation is not None and bool(
        _draft_reader_ids(consultation) & speaking_organisations(user)
    )


@rules.predicate
def is_invited_participant(user, obj):
    """Speaks for an organisation invited to any session of the consultation."""
    consultation = consultation_of(obj)
    return consultation is not None and bool(
        _invited_organisation_ids(consultation) & speaking_organisations(user)
    )


@rules.predicate
def is_invited_observer(user, obj):
    consultation = consultation_of(obj)
    return consultation is not None and bool(
        _invited_organisation_ids(consultation) & observing_organisations(user)
    )


@rules.predicate
def may_speak_in_session(user, session):
    """A participant of an invited organisation, or of a partner organisation."""
    if session is None:
        return False
    speaking = speaking_organisations(user)
    invited = {org.pk for org in session.invited_organisations.all()}
    return bool(speaking & (invited | _partner_ids(session.consultation)))


@rules.predicate
def session_is_open(user, session):
    return session is not None and session.is_open


@rules.predicate
def session_has_opened(user, session):
    """Open now or closed since: a session still being prepared has taken no one's text."""
    return session is not None and session.status != session.Status.DRAFT


@rules.predicate
def is_member_of_input_organisation(user, input):
    return input is not None and input.organisation_id in speaking_organisations(user)


@rules.predicate
def input_is_draft(user, input):
    return input is not None and input.status == input.Status.DRAFT


@rules.predicate
def input_session_is_open(user, input):
    return input is not None and input.session.is_open


@rules.predicate
def input_is_editable(user, input):
    """A draft, or a submitted input the participant wrote (staff records are confirmed)."""
    if input is None:
        return False
    if input.status == input.Status.DRAFT:
        return True
    return input.status == input.Status.SUBMITTED and not input.is_recorded_by_staff


@rules.predicate
def input_is_submitted(user, input):
    return input is not None and input.status == input.Status.SUBMITTED


@rules.predicate
def input_is_not_public(user, input):
    return input is not None and input.confidentiality != input.Confidentiality.PUBLIC


@rules.predicate
def input_awaits_confirmation(user, input):
    return input is not None and input.awaits_confirmation


@rules.predicate
def session_publishes_inputs(user, session):
    return session is not None and session.publishes_inputs


def readable_tiers(user, consultation) -> set[str]:
    """The confidentiality tiers of other organisations' inputs the user may read.

    Staff read everything; participants (invited or partners) read what is public or
    meant for participants; observers read what is public. An organisation always reads
    its own inputs, whatever their tier (see `may_read_input`).
    """
    from consult.models import Input

    tiers = Input.Confidentiality
    if is_consultation_staff(user, consultation):
        return {tiers.PUBLIC, tiers.PARTICIPANTS, tiers.DIRECTORATE}
    if is_partner(user, consultation) or is_invited_participant(user, consultation):
        return {tiers.PUBLIC, tiers.PARTICIPANTS}
    if is_invited_observer(user, consultation):
        return {tiers.PUBLIC}
    return set()


@rules.predicate
def may_read_input(user, input):
    if input is None:
        return False
    if input.organisation_id in speaking_organisations(user):
        return True
    return input.confidentiality in readable_tiers(user, consultation_of(input))


@rules.predicate
def input_is_published(user, input):
    """Submitted, not hidden by staff, in a session that publishes its inputs."""
    return (
        input is not None
        and input.status == input.Status.SUBMITTED
        and input.session.publishes_inputs
        and not input.is_hidden
    )


def _of_input(predicate):
    """The predicate, asked of an attachment's input."""

    @rules.predicate(name=f"{predicate.name}_of_attachment")
    def asked_of_input(user, attachment):
        return attachment is not None and predicate.test(user, attachment.input)

    return asked_of_input


# An attachment is read with its input, never more widely: by the input's organisation
# (a draft's file by no one else), by the convening directorate once the input is sent,
# and by others only once the input is published and its tier is theirs.
may_download_attachment = (
    _of_input(is_member_of_input_organisation)
    | (_of_input(is_consultation_staff) & ~_of_input(input_is_draft))
    | (_of_input(input_is_published) & _of_input(may_read_input))
)


# Who may open a consultation, as a predicate and as a filter of consultations.
consultation_viewers = (
    Scoped(is_consultation_staff, lambda user: Q(convener__in=running_organisations(user)))
    | Scoped(is_partner, lambda user: Q(partners__in=speaking_organisations(user)))
    | Scoped(
        is_invited_participant,
        lambda user: Q(sessions__invited_organisations__in=speaking_organisations(user)),
    )
    | Scoped(
        is_invited_observer,
        lambda user: Q(sessions__invited_organisations__in=observing_organisations(user)),
    )
)
