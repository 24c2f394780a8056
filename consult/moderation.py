"""Staff writes on inputs: tags, hide and restore, status changes — each one audited.

Every function here records an `AuditEvent` in the same transaction as the change it
describes, so the trail never claims a change that was rolled back nor misses one that
was kept. Inputs are locked (`select_for_update`) while they change, so two staff
members hiding and restoring the same input at once are applied one after the other and
the trail's before → after values chain up.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consult.models import AuditEvent, Consultation, Input, InputModeration, InputTag, Tag
from stakeholders.models import Notification
from stakeholders.notifications import notify


def audit_record(
    *,
    consultation: Consultation,
    actor,
    action: str,
    input: Input | None = None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    """Keep one audit event. Other services (participation, imports) call this too."""
    return AuditEvent.objects.create(
        consultation=consultation,
        input=input,
        actor=actor,
        action=action,
        before=before or {},
        after=after or {},
        reason=reason,
    )


def _locked_inputs(*, consultation: Consultation, input_ids: Iterable[int]) -> list[Input]:
    inputs = list(
        Input.objects.select_for_update()
        .filter(session__consultation=consultation, pk__in=list(input_ids))
        .order_by("pk")
    )
    if not inputs:
        raise ValidationError(_("Select at least one input of this consultation."))
    return inputs


def _clean_tag_names(names: Iterable[str]) -> list[str]:
    cleaned = sorted({" ".join(name.split())[:80] for name in names if name and name.strip()})
    if not cleaned:
        raise ValidationError({"tags": _("Name at least one tag.")})
    return cleaned


@transaction.atomic
def inputs_tag(
    *, consultation: Consultation, input_ids: Iterable[int], tag_names: Iterable[str], actor
) -> int:
    """Add tags to many inputs at once; returns how many (input, tag) links were new."""
    names = _clean_tag_names(tag_names)
    inputs = _locked_inputs(consultation=consultation, input_ids=input_ids)
    tags = [Tag.objects.get_or_create(consultation=consultation, name=name)[0] for name in names]
    existing = set(
        InputTag.objects.filter(input__in=inputs, tag__in=tags).values_list("input_id", "tag_id")
    )
    links, events = [], []
    for input in inputs:
        added = [tag for tag in tags if (input.pk, tag.pk) not in existing]
        if not added:
            continue
        links += [InputTag(input=input, tag=tag, tagged_by=actor) for tag in added]
        events.append(
            AuditEvent(
                consultation=consultation,
                input=input,
                actor=actor,
                action=AuditEvent.Action.TAGGED,
                after={"tags": [tag.name for tag in added]},
            )
        )
    InputTag.objects.bulk_create(links)
    AuditEvent.objects.bulk_create(events)
    return len(links)


@transaction.atomic
def inputs_untag(
    *, consultation: Consultation, input_ids: Iterable[int], tag_names: Iterable[str], actor
) -> int:
    """Remove tags from many inputs at once; returns how many links were removed."""
    names = _clean_tag_names(tag_names)
    inputs = _locked_inputs(consultation=consultation, input_ids=input_ids)
    links = InputTag.objects.filter(
        input__in=inputs, tag__consultation=consultation, tag__name__in=names
    ).select_related("tag")
    removed: dict[int, list[str]] = {}
    for link in links:
        removed.setdefault(link.input_id, []).append(link.tag.name)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            consultation=consultation,
            input_id=input_id,
            actor=actor,
            action=AuditEvent.Action.UNTAGGED,
            before={"tags": sorted(names_removed)},
        )
        for input_id, names_removed in removed.items()
    )
    count, _deleted = links.delete()
    return count


def _set_hidden(*, input: Input, hidden: bool, reason: str, actor) -> Input:
    input = Input.objects.select_for_update().select_related("session").get(pk=input.pk)
    moderation = InputModeration.objects.filter(input=input).first()
    was_hidden = bool(moderation and moderation.is_hidden)
    if was_hidden == hidden:
        message = _("This input is already hidden.") if hidden else _("This input is not hidden.")
        raise ValidationError(message)
    if moderation is None:
        moderation = InputModeration(input=input, changed_by=actor)
    moderation.is_hidden = hidden
    moderation.reason = reason
    moderation.changed_by = actor
    moderation.full_clean()
    moderation.save()
    audit_record(
        consultation=input.session.consultation,
        input=input,
        actor=actor,
        action=AuditEvent.Action.HIDDEN if hidden else AuditEvent.Action.RESTORED,
        before={"hidden": was_hidden},
        after={"hidden": hidden},
        reason=reason,
    )
    if hidden and input.author_id:
        notify(
            recipients=[input.author_id],
            kind=Notification.Kind.INPUT_HIDDEN,
            url=input.get_absolute_url(),
            reference=input.reference,
            reason=reason,
        )
    input.moderation = moderation
    return input


@transaction.atomic
def input_hide(*, input: Input, reason: str, actor) -> Input:
    """Hide an input from aggregation and from everyone but staff; a reason is required."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the input is hidden.")})
    return _set_hidden(input=input, hidden=True, reason=reason, actor=actor)


@transaction.atomic
def input_restore(*, input: Input, reason: str = "", actor) -> Input:
    return _set_hidden(input=input, hidden=False, reason=reason.strip(), actor=actor)


STAFF_STATUSES = (Input.Status.SUBMITTED, Input.Status.WITHDRAWN)


@transaction.atomic
def input_status_set(*, input: Input, status: str, actor, reason: str = "") -> Input:
    """Staff withdraw a submitted input (at its organisation's request) or resubmit it."""
    input = Input.objects.select_for_update().select_related("session").get(pk=input.pk)
    if status not in STAFF_STATUSES or input.status == Input.Status.DRAFT:
        raise ValidationError({"status": _("Staff may only withdraw or resubmit a sent input.")})
    if status == input.status:
        return input
    before = input.status
    input.status = status
    if status == Input.Status.SUBMITTED and input.submitted_at is None:
        input.submitted_at = timezone.now()
    input.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_record(
        consultation=input.session.consultation,
        input=input,
        actor=actor,
        action=AuditEvent.Action.STATUS,
        before={"status": before},
        after={"status": status},
        reason=reason.strip(),
    )
    return input
