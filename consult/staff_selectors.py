"""Reads for the staff workspace: the input list, an input's trail, the dashboard.

Each returns a queryset or a dict whose number of queries does not depend on how many
inputs the consultation holds: relations are joined or prefetched, counts are grouped
in the database.
"""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncWeek

from consult.models import AuditEvent, Consultation, Input, Session, Tag


def workspace_inputs(*, consultation: Consultation) -> QuerySet[Input]:
    """Every input of the consultation (hidden ones included), newest first."""
    return (
        Input.objects.filter(session__consultation=consultation)
        .select_related("session", "issue", "organisation", "author", "moderation")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by("-submitted_at", "-pk")
    )


def input_audit_trail(*, input: Input) -> QuerySet[AuditEvent]:
    return input.audit_events.select_related("actor").order_by("-created_at", "-pk")


def consultation_audit_trail(*, consultation: Consultation) -> QuerySet[AuditEvent]:
    return consultation.audit_events.select_related(
        "actor", "input__organisation", "input__session"
    ).order_by("-created_at", "-pk")


def consultation_dashboard(*, consultation: Consultation) -> dict:
    """Sessions, invited and active organisations, inputs per issue and per kind over time."""
    inputs = Input.objects.filter(session__consultation=consultation)
    sessions = list(
        Session.objects.filter(consultation=consultation)
        .annotate(
            invited_count=Count("invited_organisations", distinct=True),
            input_count=Count(
                "inputs", filter=Q(inputs__status=Input.Status.SUBMITTED), distinct=True
            ),
        )
        .order_by("date", "pk")
    )
    invited = (
        Session.invited_organisations.through.objects.filter(session__consultation=consultation)
        .values("organisation_id")
        .distinct()
        .count()
    )
    # what the consultation holds now: a withdrawn input is no longer among them, as in
    # the per-issue counts and the paper
    sent = inputs.filter(status=Input.Status.SUBMITTED)
    active = sent.values("organisation_id").distinct().count()
    hidden = inputs.filter(moderation__is_hidden=True).count()
    by_issue = list(
        consultation.issues.annotate(
            submitted=Count("inputs", filter=Q(inputs__status=Input.Status.SUBMITTED)),
            drafts=Count("inputs", filter=Q(inputs__status=Input.Status.DRAFT)),
        ).order_by("position", "code")
    )
    weekly = list(
        sent.filter(submitted_at__isnull=False)
        .annotate(week=TruncWeek("submitted_at"))
        .values("week", "organisation__kind")
        .annotate(n=Count("pk"))
        .order_by("week", "organisation__kind")
    )
    return {
        "sessions": sessions,
        "invited_organisations": invited,
        "active_organisations": active,
        "hidden_inputs": hidden,
        "by_issue": by_issue,
        "weekly": weekly,
        "total_sent": sum(row["n"] for row in weekly),
    }
