"""People told inside the workspace: a notification per person, shown behind the bell.

Services call `notify` with the people, the kind and the values the sentence needs;
the sentence is written in the reader's language when the list is shown (`message`).
Email stays where it was sent before; this is the workspace's own record of what each
person should look at.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from stakeholders.models import Notification

Kind = Notification.Kind


def notices(*, recipients: Iterable, kind: str, url: str = "", **values) -> list[Notification]:
    """One unsaved notification for each distinct recipient (users or user ids)."""
    ids = sorted({getattr(r, "pk", r) for r in recipients if r is not None})
    return [Notification(recipient_id=pk, kind=kind, url=url, values=values) for pk in ids]


def notify_all(items: Iterable[Notification]) -> int:
    """Store many notifications in one insert (per thousand); how many."""
    items = list(items)
    Notification.objects.bulk_create(items, batch_size=1000)
    return len(items)


def addresses(user_ids: Iterable[int]) -> list[str]:
    """The e-mail addresses of these people, sorted; those without one are left out."""
    users = get_user_model().objects.filter(pk__in=list(user_ids)).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def notify(*, recipients: Iterable, kind: str, url: str = "", **values) -> int:
    """One notification for each distinct recipient; how many people were told."""
    return notify_all(notices(recipients=recipients, kind=kind, url=url, **values))


def message(notification: Notification) -> str:
    """The notification's sentence in the active language."""
    values = {key: str(value) for key, value in notification.values.items()}
    texts = {
        Kind.REVIEW_REQUESTED: _("%(actor)s asks you to review version %(number)s of %(paper)s."),
        Kind.CHANGES_REQUESTED: _("%(actor)s sent version %(number)s of %(paper)s back: %(note)s"),
        Kind.APPROVED: _("%(actor)s approved version %(number)s of %(paper)s."),
        Kind.SECTION_COMMENT: _(
            "%(actor)s commented on “%(section)s” in version %(number)s of %(paper)s."
        ),
        Kind.CLEARANCE_ASKED: _(
            "%(actor)s asks %(organisation)s to clear version %(number)s of %(paper)s."
        ),
        Kind.INPUT_HIDDEN: _("Your input %(reference)s was hidden by the directorate: %(reason)s"),
        Kind.PUBLICATION_ASKED: _(
            "%(actor)s asks whether your input %(reference)s may be public, so that copies "
            "of %(paper)s for circulation may quote it."
        ),
        Kind.INPUT_CITED: _(
            "Your input %(reference)s is cited in the approved version %(number)s of %(paper)s."
        ),
    }
    try:
        return texts[notification.kind] % values
    except (KeyError, ValueError):
        return str(Notification.Kind(notification.kind).label)


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_read(*, user) -> int:
    """Mark every unread notification of `user` read; how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
