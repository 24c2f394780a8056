"""Reads in the consult app, each scoped to what the user may see."""

from django.db.models import Q, QuerySet

from consult.models import Consultation, Input, Session
from consult.predicates import RUNNING_ROLES, SPEAKING_ROLES
from stakeholders.models import Membership
from stakeholders.selectors import organisations_where


def consultation_list_for(*, user) -> QuerySet[Consultation]:
    """Consultations the user may open: the same reach as `consult.view_consultation`."""
    running = organisations_where(user, *RUNNING_ROLES)
    speaking = organisations_where(user, *SPEAKING_ROLES)
    invited = organisations_where(user, *SPEAKING_ROLES, Membership.Role.OBSERVER)
    return (
        Consultation.objects.filter(
            Q(convener__in=running)
            | Q(partners__in=speaking)
            | Q(sessions__invited_organisations__in=invited)
        )
        .distinct()
        .select_related("convener")
        .order_by("-created_at", "pk")
    )


def session_list_for(*, consultation: Consultation) -> QuerySet[Session]:
    return consultation.sessions.prefetch_related("invited_organisations", "speakers")


def input_list_for_user(*, user) -> QuerySet[Input]:
    """The inputs of the organisations the user speaks for, newest first."""
    return (
        Input.objects.filter(organisation__in=organisations_where(user, *SPEAKING_ROLES))
        .select_related("session__consultation", "issue", "organisation")
        .order_by("-updated_at", "-pk")
    )


def input_list_for_consultation(*, consultation: Consultation) -> QuerySet[Input]:
    return (
        Input.objects.filter(session__consultation=consultation)
        .select_related("session", "issue", "organisation", "author")
        .order_by("issue__position", "issue__code", "pk")
    )
