from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A ministry, agency, NGO or other body; every participant acts for one."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry / agency")
        NGO = "ngo", _("NGO / CSO")
        INTERNATIONAL = "international", _("International organisation")
        ACADEMIA = "academia", _("Academia")
        PRIVATE = "private", _("Private sector")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Membership(models.Model):
    """A user's place in an organisation, and so what they may do for it.

    Staff and directors of the organisation that convenes a consultation run it;
    participants speak for their organisation wherever it is invited; observers read.
    """

    class Role(models.TextChoices):
        STAFF = "staff", _("Directorate staff")
        DIRECTOR = "director", _("Director (approver)")
        PARTICIPANT = "participant", _("Participant")
        OBSERVER = "observer", _("Observer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation.short_name} ({self.get_role_display()})"


class Invitation(models.Model):
    """An emailed link that lets one person join an organisation as a participant.

    Only a hash of the token is stored, so a leaked database does not leak usable links.
    A link works once, until it expires; re-sending issues a new token (the old one stops
    working) and revoking stops it for good.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    convener = models.ForeignKey(
        Organisation,
        verbose_name=_("invited by"),
        on_delete=models.CASCADE,
        related_name="sent_invitations",
        help_text=_("The directorate whose staff sent the invitation."),
    )
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("sent at"))
    accepted_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation.short_name}"

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None


class Notification(models.Model):
    """Something a person should know, shown in the workspace (the bell) beside the email.

    Stored as a kind and its values, not as text: the sentence is written when the
    recipient reads it, in the language they read in (`stakeholders/notifications.py`).
    """

    class Kind(models.TextChoices):
        REVIEW_REQUESTED = "review_requested", _("Review requested")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Version approved")
        SECTION_COMMENT = "section_comment", _("Comment on a section")
        CLEARANCE_ASKED = "clearance_asked", _("Clearance asked")
        INPUT_HIDDEN = "input_hidden", _("Input hidden")
        INPUT_CITED = "input_cited", _("Input cited in an approved version")
        PUBLICATION_ASKED = "publication_asked", _("Publication of an input asked")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    values = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.recipient_id}: {self.kind}"
