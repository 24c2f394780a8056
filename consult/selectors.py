"""Reads in the consult app, each scoped to what the user may see."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from consult.models import Consultation, Input, Session
from consult.predicates import consultation_viewers, readable_tiers
from stakeholders.models import Invitation, Organisation
from stakeholders.predicates import speaking_organisations


def consultation_list_for(*, user) -> QuerySet[Consultation]:
    """Consultations the user may open: `consult.view_consultation`, as a filter."""
    return (
        consultation_viewers.filter(user, Consultation.objects.all())
        .select_related("convener")
        .order_by("-created_at", "pk")
    )


def session_list_for(*, consultation: Consultation) -> QuerySet[Session]:
    return consultation.sessions.prefetch_related("invited_organisations", "speakers")


def input_list_for_user(*, user) -> QuerySet[Input]:
    """The inputs of the organisations the user speaks for, newest first."""
    return (
        Input.objects.filter(organisation__in=speaking_organisations(user))
        .select_related("session__consultation", "issue", "organisation")
        .order_by("-updated_at", "-pk")
    )


def input_list_for_consultation(*, consultation: Consultation) -> QuerySet[Input]:
    return (
        Input.objects.filter(session__consultation=consultation)
        .select_related("session", "issue", "organisation", "author")
        .order_by("issue__position", "issue__code", "pk")
    )


def input_list_published(*, session: Session, user) -> QuerySet[Input]:
    """Submitted inputs of the session the user may read, by their confidentiality tier.

    An input staff hid (off topic, abusive, a duplicate) leaves the published page for
    every reader; its organisation still finds it among its own inputs.
    """
    own = speaking_organisations(user)
    tiers = readable_tiers(user, session.consultation)
    return (
        Input.objects.filter(session=session, status=Input.Status.SUBMITTED)
        .exclude(moderation__is_hidden=True)
        .filter(Q(confidentiality__in=tiers) | Q(organisation__in=own))
        .select_related("issue", "organisation")
        .prefetch_related("attachments")
        .order_by("issue__position", "issue__code", "pk")
    )


def input_get_for_page(*, pk: int) -> Input:
    return get_object_or_404(
        Input.objects.select_related(
            "session__consultation__convener", "issue", "organisation", "author", "recorded_by"
        ).prefetch_related("attachments", "revisions__author"),
        pk=pk,
    )


def invitation_list_for_consultation(*, consultation: Consultation) -> QuerySet[Invitation]:
    """Invitations the convener sent to organisations invited to this consultation.

    Each carries `submitted`: how many inputs its organisation has submitted here.
    """
    invited = Session.invited_organisations.through.objects.filter(
        session__consultation=consultation
    ).values("organisation_id")
    submitted = Count(
        "organisation__inputs",
        filter=Q(
            organisation__inputs__session__consultation=consultation,
            organisation__inputs__status=Input.Status.SUBMITTED,
        ),
    )
    return (
        Invitation.objects.filter(convener=consultation.convener, organisation__in=invited)
        .select_related("organisation", "accepted_by")
        .annotate(submitted=submitted)
        .order_by("organisation__name", "-created_at")
    )


def session_invited_organisations(*, consultation: Consultation):
    return Organisation.objects.filter(invited_sessions__consultation=consultation).distinct()


def consultation_get(*, slug: str) -> Consultation:
    """The consultation named in a URL, or 404; the pages and the API check permissions on it."""
    return get_object_or_404(Consultation.objects.select_related("convener"), slug=slug)
