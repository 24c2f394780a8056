"""Writes in the stakeholders app: invitations and the memberships they turn into."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stakeholders.models import Invitation, Membership, Organisation


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _token_hash(token)
    invitation.sent_at = timezone.now()
    invitation.expires_at = invitation.sent_at + timedelta(days=settings.INVITATION_EXPIRY_DAYS)
    return token


def _send_invitation(*, invitation: Invitation, token: str, site_url: str) -> None:
    link = site_url.rstrip("/") + reverse("stakeholders:invitation_accept", args=[token])
    context = {
        "organisation": invitation.organisation.name,
        "convener": invitation.convener.name,
        "link": link,
        "days": settings.INVITATION_EXPIRY_DAYS,
    }
    # The contact has no language preference yet: the email says it in both languages.
    bodies = []
    for language in ("id", "en"):
        with translation.override(language):
            bodies.append(
                _(
                    "%(convener)s invites you to take part in its consultations on behalf of "
                    "%(organisation)s.\n\nOpen this link to set your password and join "
                    "(it works once, for %(days)s days):\n%(link)s\n"
                )
                % context
            )
    with translation.override("id"):
        subject = _("Invitation to the GCM consultation") + " / Invitation to the GCM consultation"
    message = "\n----\n\n".join(bodies)
    transaction.on_commit(
        lambda: send_mail(subject, message, None, [invitation.email], fail_silently=False)
    )


@transaction.atomic
def invitation_create(
    *, created_by, convener: Organisation, organisation: Organisation, email: str, name: str = ""
) -> Invitation:
    """Invite one contact of `organisation`; the email goes out when the transaction commits."""
    invitation = Invitation(
        created_by=created_by,
        convener=convener,
        organisation=organisation,
        email=email.strip().lower(),
        name=name.strip(),
    )
    token = _new_token(invitation)
    invitation.full_clean()
    invitation.save()
    _send_invitation(invitation=invitation, token=token, site_url=_site_url())
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """A fresh token and expiry; the link sent before stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    token = _new_token(invitation)
    invitation.revoked_at = None
    invitation.save()
    _send_invitation(invitation=invitation, token=token, site_url=_site_url())
    return invitation


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def invitation_for_token(token: str, *, lock: bool = False) -> Invitation:
    """The pending invitation behind a token, or a ValidationError that says why not."""
    queryset = Invitation.objects.select_related("organisation")
    if lock:
        queryset = queryset.select_for_update()
    invitation = queryset.filter(token_hash=_token_hash(token)).first()
    if invitation is None or invitation.revoked_at:
        raise ValidationError(
            _("This invitation link is not valid. Ask the directorate for a new one.")
        )
    if invitation.accepted_at:
        raise ValidationError(
            _("This invitation link has already been used. Log in with your password instead.")
        )
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation link has expired. Ask the directorate to send it again.")
        )
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user=None, full_name: str = "", password: str = ""):
    """Use the token once: make (or take) the account and join the organisation.

    The invitation row is locked, so two clicks on the same link cannot both succeed.
    Returns the user who joined.
    """
    invitation = invitation_for_token(token, lock=True)
    if user is None or not user.is_authenticated:
        User = get_user_model()
        if User.objects.filter(username__iexact=invitation.email).exists():
            raise ValidationError(
                _("An account with this email exists already. Log in, then open the link again.")
            )
        first, _sep, last = full_name.strip().partition(" ")
        user = User(username=invitation.email, email=invitation.email, first_name=first)
        user.last_name = last
        user.set_password(password)
        user.full_clean()
        user.save()
    Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": Membership.Role.PARTICIPANT},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def _site_url() -> str:
    return settings.SITE_URL
