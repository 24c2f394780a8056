import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation


class Consultation(models.Model):
    """The process of consulting stakeholders for one national position."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("short name for links"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    convener = models.ForeignKey(
        Organisation,
        verbose_name=_("convening organisation"),
        on_delete=models.PROTECT,
        related_name="convened_consultations",
        help_text=_("Its staff and director run the consultation."),
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partnered_consultations",
        help_text=_("Co-hosts and facilitators: they submit inputs and read drafts."),
    )
    draft_readers = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations that clear drafts"),
        blank=True,
        related_name="clearing_consultations",
        help_text=_(
            "Line ministries and agencies whose participants read draft versions and "
            "comment on their sections before the position goes to a delegation."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consult:consultation_detail", kwargs={"slug": self.slug})


class ThematicIssue(models.Model):
    """A topic the consultation asks about; sub-themes nest under their issue."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="issues")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent issue"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_("A short reference such as 1 or 2.1.")
    )
    title = models.CharField(_("title"), max_length=250)
    # an English paper names the issue in English where staff gave it a title in English
    title_en = models.CharField(
        _("title in English"),
        max_length=250,
        blank=True,
        help_text=_("Used by papers written in English; the title above otherwise."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["consultation", "position", "code"]
        verbose_name = _("thematic issue")
        verbose_name_plural = _("thematic issues")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "code"], name="issue_code_unique")
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"

    def clean(self):
        if self.parent_id and self.parent.consultation_id != self.consultation_id:
            raise ValidationError(
                {"parent": _("The parent issue belongs to another consultation.")}
            )


class Session(models.Model):
    """A meeting (or an online round) of the consultation, with its invitees."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for inputs")
        CLOSED = "closed", _("Closed")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    speakers = models.ManyToManyField(
        Organisation,
        verbose_name=_("speakers"),
        blank=True,
        related_name="sessions_spoken_at",
    )
    invited_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("invited organisations"),
        blank=True,
        related_name="invited_sessions",
    )
    opens_at = models.DateTimeField(
        _("accepts inputs from"),
        null=True,
        blank=True,
        help_text=_("Asia/Jakarta time. Empty: as soon as the session is open."),
    )
    closes_at = models.DateTimeField(
        _("deadline for inputs"),
        null=True,
        blank=True,
        help_text=_("Asia/Jakarta time. Later submissions are kept as drafts."),
    )
    publishes_inputs = models.BooleanField(
        _("publish submitted inputs"),
        default=False,
        help_text=_("Invitees may read each other's submitted inputs, as each input allows."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "date", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse(
            "consult:session_detail",
            kwargs={"slug": self.consultation.slug, "session_pk": self.pk},
        )

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def state_display(self) -> str:
        """The status as a participant needs it now: an open session past its deadline,
        or before its opening time, does not take inputs, whatever its status says."""
        if self.status == self.Status.OPEN and not self.accepts_inputs():
            if self.closes_at and timezone.now() >= self.closes_at:
                return _("Deadline passed")
            return _("Not yet open for inputs")
        return self.get_status_display()

    def accepts_inputs(self, now=None) -> bool:
        """Open, and within its open/close times: the server's clock decides, not the form."""
        now = now or timezone.now()
        if not self.is_open:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    def next_statuses(self) -> list[str]:
        return SESSION_TRANSITIONS[self.status]


# A session opens once and closes; a closed session may be reopened (a deadline
# extended), but never goes back to draft once participants have seen it.
SESSION_TRANSITIONS = {
    Session.Status.DRAFT: [Session.Status.OPEN],
    Session.Status.OPEN: [Session.Status.CLOSED],
    Session.Status.CLOSED: [Session.Status.OPEN],
}


class Input(models.Model):
    """What one organisation says on one thematic issue.

    The text a participant typed is never overwritten: every saved change is kept as an
    `InputRevision`, and the current text is the newest revision's.
    """

    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Statement")
        RECOMMENDATION = "recommendation", _("Recommendation")
        CONCERN = "concern", _("Concern")
        EVIDENCE = "evidence", _("Evidence")

    class Stance(models.TextChoices):
        NONE = "", _("No stance")
        SUPPORT = "support", _("Support")
        OPPOSE = "oppose", _("Oppose")
        NEUTRAL = "neutral", _("Neutral")

    class Language(models.TextChoices):
        INDONESIAN = "id", _("Bahasa Indonesia")
        ENGLISH = "en", _("English")
        # neither: kept, shown as such, never stemmed as either language
        OTHER = "other", _("Another language")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Confidentiality(models.TextChoices):
        PUBLIC = "public", _("Public: anyone the session publishes to")
        PARTICIPANTS = "participants", _("Participants of the consultation")
        DIRECTORATE = "directorate", _("The directorate only")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="inputs"
    )
    issue = models.ForeignKey(
        ThematicIssue,
        verbose_name=_("thematic issue"),
        on_delete=models.PROTECT,
        related_name="inputs",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="inputs",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="inputs",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    stance = models.CharField(
        _("stance"), max_length=10, choices=Stance.choices, blank=True, default=Stance.NONE
    )
    proposal = models.CharField(_("proposal the stance is on"), max_length=250, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    confidentiality = models.CharField(
        _("who may read it"),
        max_length=15,
        choices=Confidentiality.choices,
        default=Confidentiality.PARTICIPANTS,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawing"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by staff"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set when staff recorded what a delegation said in the session."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    form_key = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The key of the form that made it: a resent form finds this input again."),
    )
    reference_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The id an imported input had in the file it came from."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session", "issue", "pk"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        indexes = [
            models.Index(fields=["issue", "status"], name="input_issue_status"),
            # The staff list's default order, newest first (consult.staff_selectors).
            models.Index(fields=["-submitted_at", "-id"], name="input_submitted_newest"),
        ]

    def __str__(self):
        return f"{self.reference} — {self.organisation.short_name}"

    def save(self, *args, **kwargs):
        if self.reference_year is None and self.session_id:
            self.reference_year = self.session.date.year
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consult:input_detail", kwargs={"pk": self.pk})

    @property
    def reference(self):
        """`GCM-2017-0042`: the session's year and the input's number, quoted in receipts."""
        if not self.pk:
            return "GCM-new"
        year = self.reference_year or self.session.date.year
        return f"GCM-{year}-{self.pk:04d}"

    @property
    def is_hidden(self) -> bool:
        """Hidden by staff (consult.moderation). Templates ask this, not
        `input.moderation.is_hidden`: for an input never moderated that lookup fails, and
        the template engine then runs `dir()` on the input, on every row of a list."""
        try:
            return self.moderation.is_hidden
        except InputModeration.DoesNotExist:
            return False

    @property
    def is_recorded_by_staff(self):
        return self.recorded_by_id is not None

    @property
    def awaits_confirmation(self):
        return self.is_recorded_by_staff and self.confirmed_at is None

    def revision(self, *, number: int, author) -> "InputRevision":
        """An unsaved revision holding the input's current state."""
        return InputRevision(
            input=self,
            number=number,
            text=self.text,
            kind=self.kind,
            stance=self.stance,
            language=self.language,
            status=self.status,
            author=author,
        )


class InputRevision(models.Model):
    """One saved state of an input's text, kept forever."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Input.Kind.choices)
    stance = models.CharField(max_length=10, choices=Input.Stance.choices, blank=True)
    language = models.CharField(max_length=5, choices=Input.Language.choices)
    status = models.CharField(max_length=10, choices=Input.Status.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["input", "number"]
        verbose_name = _("input revision")
        verbose_name_plural = _("input revisions")
        constraints = [
            models.UniqueConstraint(fields=["input", "number"], name="revision_number_unique")
        ]

    def __str__(self):
        return f"{self.input.reference} r{self.number}"


def attachment_path(attachment, filename):
    # The stored name is generated: the name the participant gave is kept as data
    # (`original_name`) and never becomes a path.
    return f"attachments/{attachment.input_id}/{uuid.uuid4().hex}{attachment.extension}"


class InputAttachment(models.Model):
    """A PDF, DOCX or ODT file attached to an input, its type checked from its content."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="attachments")
    # The address of the download: not the row's sequential id, which would let anyone
    # count through every file (the download still checks who asks).
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["input", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("consult:attachment_download", kwargs={"public_id": self.public_id})

    @property
    def extension(self):
        return ATTACHMENT_TYPES.get(self.content_type, "")


ATTACHMENT_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}


# --- Staff workspace: tags, moderation and the audit trail ------------------------------
# Kept beside Input, not on it, so that moderating or tagging never rewrites what a
# participant said, and so the Input model stays the participants' own.


class Tag(models.Model):
    """A sub-theme label staff attach to inputs of one consultation."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("name"), max_length=80)
    inputs = models.ManyToManyField(Input, through="InputTag", related_name="tags", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "name"], name="tag_name_unique")
        ]

    def __str__(self):
        return self.name


class InputTag(models.Model):
    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    tagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["input", "tag"], name="input_tag_once")]

    def __str__(self):
        return f"{self.input_id} #{self.tag_id}"


class InputModeration(models.Model):
    """Whether staff hid an input, and why. No row means never moderated (visible)."""

    input = models.OneToOneField(Input, on_delete=models.CASCADE, related_name="moderation")
    is_hidden = models.BooleanField(_("hidden"), default=False, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("input moderation")
        verbose_name_plural = _("input moderations")

    def __str__(self):
        return f"{self.input_id} hidden={self.is_hidden}"


class AuditEvent(models.Model):
    """Who changed what about an input, when, from what to what. Never edited."""

    class Action(models.TextChoices):
        HIDDEN = "hidden", _("Hidden")
        RESTORED = "restored", _("Restored")
        TAGGED = "tagged", _("Tag added")
        UNTAGGED = "untagged", _("Tag removed")
        STATUS = "status", _("Status changed")
        CONFIDENTIALITY = "confidentiality", _("Confidentiality changed")
        GROUPING = "grouping", _("Grouping decided")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="audit_events"
    )
    input = models.ForeignKey(
        Input, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_events"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["consultation", "-created_at"], name="audit_consultation_time"),
            models.Index(fields=["input", "-created_at"], name="audit_input_time"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.input_id} by {self.actor_id}"

    @staticmethod
    def _describe(values: dict) -> str:
        """The recorded values in words: "Hidden", "Status: Submitted", "Tags: a, b"."""
        return "; ".join(AuditEvent._describe_one(key, value) for key, value in values.items())

    @staticmethod
    def _describe_one(key: str, value) -> str:
        if key == "hidden":
            return str(_("Hidden") if value else _("Shown"))
        labels = {
            "status": (_("Status"), Input.Status),
            "confidentiality": (_("Who may read it"), Input.Confidentiality),
        }
        if key in labels:
            label, choices = labels[key]
            try:
                return f"{label}: {choices(value).label}"
            except ValueError:
                return f"{label}: {value}"
        names = {"tags": _("Tags"), "inputs": _("Inputs"), "grouping": _("Decision")}
        if key == "grouping":  # recorded as the label's source text
            return f"{names[key]}: {gettext(str(value))}"
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        return f"{names.get(key, key)}: {text}"

    @property
    def before_text(self) -> str:
        return self._describe(self.before)

    @property
    def after_text(self) -> str:
        return self._describe(self.after)
