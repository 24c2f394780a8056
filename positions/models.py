from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consult.models import Consultation, Input, ThematicIssue

# A paper is written in one of the workspace's two languages.
PAPER_LANGUAGES = [
    (Input.Language.INDONESIAN, Input.Language.INDONESIAN.label),
    (Input.Language.ENGLISH, Input.Language.ENGLISH.label),
]


class PositionPaper(models.Model):
    """The national position a consultation produces; its text lives in draft versions."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="paper"
    )
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(
        _("language of the paper"),
        max_length=5,
        choices=PAPER_LANGUAGES,
        default=Input.Language.INDONESIAN,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("position paper")
        verbose_name_plural = _("position papers")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("positions:paper_detail", kwargs={"slug": self.consultation.slug})


class ImmutableModel(models.Model):
    """A record that may be created and deleted with its parent, never changed."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A saved draft version cannot be changed."))
        super().save(*args, **kwargs)


class DraftVersion(ImmutableModel):
    """One numbered, immutable state of a position paper's text.

    The text never changes; only `status` moves (draft → in review → approved, or back
    to draft), by a queryset update in `positions.review`, each move kept as a
    `VersionTransition`. An approved version is locked: work goes on in a new version.
    """

    class Origin(models.TextChoices):
        AGGREGATION = "aggregation", _("Aggregation run")
        EDITOR = "editor", _("Edited by staff")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")

    paper = models.ForeignKey(PositionPaper, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    note = models.CharField(_("change note"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paper", "-number"]
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="version_number_unique")
        ]

    def __str__(self):
        return f"{self.paper} v{self.number}"

    def get_absolute_url(self):
        return reverse(
            "positions:version_detail",
            kwargs={"slug": self.paper.consultation.slug, "number": self.number},
        )

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class Section(ImmutableModel):
    """A part of a draft version: the background, one per thematic issue, an annex."""

    class Kind(models.TextChoices):
        BACKGROUND = "background", _("Background")
        SUMMARY = "summary", _("Summary")
        ISSUE = "issue", _("Thematic issue")
        ANNEX = "annex", _("Annex")

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    heading = models.CharField(max_length=300)
    issue = models.ForeignKey(
        ThematicIssue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The same part of the paper from one version to the next: "issue:<id>" for an
    # issue's section, "<kind>:<n>" for the n-th background or annex section.
    key = models.CharField(max_length=40, blank=True)
    # Written or changed by hand in this version or one it descends from: a new
    # aggregation run keeps it and offers the engine's text as suggestions.
    edited = models.BooleanField(_("edited by hand"), default=False)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="section_position_unique")
        ]

    def __str__(self):
        return self.heading

    # Sections without an issue are lettered: the background A, the summary B, the annex C
    LETTERS = {"background": "A", "summary": "B", "annex": "C"}

    @property
    def label(self) -> str:
        """What the paper numbers this section's paragraphs by: the issue's code, as its
        heading says ("1.1. Tata kelola ..."), else the section's letter."""
        if self.issue_id:
            return self.issue.code
        letter = self.LETTERS.get(self.kind, "X")
        n = int(self.key.rsplit(":", 1)[-1]) if self.key[-1:].isdigit() else 0
        return letter if n == 0 else f"{letter}{n + 1}"

    def paragraph_number(self, position: int) -> str:
        """A paragraph's number as the paper prints it: "1.1 ¶3" (position from 0)."""
        return f"{self.label} ¶{position + 1}"


class Paragraph(ImmutableModel):
    """A paragraph of a section, with the inputs it was written from."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField()
    text = models.TextField()
    sources = models.ManyToManyField(Input, through="ParagraphSource", related_name="+")

    class Meta:
        ordering = ["section", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "position"], name="paragraph_position_unique"
            )
        ]

    def __str__(self):
        return self.text[:60]


class ParagraphSource(models.Model):
    """Provenance: this paragraph was written from this input."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")
    input = models.ForeignKey(Input, on_delete=models.PROTECT, related_name="citations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["paragraph", "input"], name="source_once")]

    def __str__(self):
        return f"{self.paragraph_id} ← {self.input_id}"


class AggregationRun(models.Model):
    """One request to turn a consultation's inputs into a new draft version."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    paper = models.ForeignKey(PositionPaper, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    stage = models.CharField(_("stage"), max_length=40, blank=True)
    issues_total = models.PositiveIntegerField(default=0)
    issues_done = models.PositiveIntegerField(default=0)
    inputs_processed = models.PositiveIntegerField(default=0)
    paragraphs_written = models.PositiveIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # When the run last moved (begun, an issue stored, writing): a run active with no
    # progress for AGGREGATION_STALE_MINUTES is taken for dead and marked failed.
    progressed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    draft_version = models.OneToOneField(
        DraftVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="run"
    )
    # how much of the engine's grouping staff changed in this run (their decisions)
    inputs_placed_by_staff = models.PositiveIntegerField(default=0)
    key_points_changed_by_staff = models.PositiveIntegerField(default=0)
    # the decision on the grouping this run was started for (its version's change note)
    decision = models.ForeignKey(
        "KeyPointDecision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What explains and reproduces the draft: the pipeline's parameters, the versions of
    # the libraries that shaped it, and a hash of the exact input set.
    manifest = models.JSONField(_("manifest"), default=dict, blank=True)

    class Meta:
        ordering = ["paper", "-created_at", "-pk"]
        verbose_name = _("aggregation run")
        verbose_name_plural = _("aggregation runs")
        constraints = [
            # One run at a time per paper: a second request while one is queued or
            # running fails here, whatever the race between two clicks.
            models.UniqueConstraint(
                fields=["paper"],
                condition=models.Q(status__in=["queued", "running"]),
                name="one_active_run_per_paper",
            )
        ]

    # What staff read for `stage` on the progress line, in their language.
    STAGE_LABELS = {
        "grouping": _("grouping the inputs"),
        "writing": _("writing the draft"),
        "done": _("done"),
    }

    def __str__(self):
        return f"{self.paper} run {self.pk} ({self.get_status_display()})"

    @property
    def stage_label(self) -> str:
        return str(self.STAGE_LABELS.get(self.stage, self.stage))

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    @property
    def percent(self):
        if not self.issues_total:
            return 100 if self.status == self.Status.SUCCEEDED else 0
        return round(100 * self.issues_done / self.issues_total)


class RunInput(models.Model):
    """One input as a run read it: fixed when the run begins, read by every later step.

    An input edited, withdrawn or hidden while the run goes on does not change what the
    run aggregates, so the draft and the manifest's hash describe the same inputs. The
    revision is the input's latest saved state at that moment (none for rows loaded
    without one).
    """

    run = models.ForeignKey("AggregationRun", on_delete=models.CASCADE, related_name="snapshot")
    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "consult.InputRevision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issue_code = models.CharField(max_length=20)
    organisation = models.CharField(max_length=250)
    organisation_kind = models.CharField(max_length=20)
    kind = models.CharField(max_length=20)
    stance = models.CharField(max_length=10, blank=True)
    language = models.CharField(max_length=5, blank=True)
    text = models.TextField()
    external_id = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["run", "issue_code", "input"], name="run_input_issue")]
        constraints = [models.UniqueConstraint(fields=["run", "input"], name="run_input_once")]

    def __str__(self):
        return f"run {self.run_id}: input {self.input_id}"


class AggregationIssueResult(models.Model):
    """One issue's part of a run, stored by its fan-out task until the run joins them.

    Unique per (run, issue) so a retried or redelivered task overwrites its own result.
    """

    run = models.ForeignKey(AggregationRun, on_delete=models.CASCADE, related_name="results")
    code = models.CharField(max_length=20)
    payload = models.JSONField()
    seconds = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "code"], name="one_result_per_issue")]

    def __str__(self):
        return f"run {self.run_id} issue {self.code}"


# A key point's label as readers see it, in their language (the engine's own words are
# the keys): the review page's choices and every page that shows a label.
KEY_POINT_LABELS = {
    "consensus": _("consensus"),
    "divergent": _("divergent"),
    "single-source": _("single source"),
}


class KeyPointDecision(models.Model):
    """A correction of the grouping by the directorate, replayed by every later run.

    Anchored on inputs, not on a key point of one run (key points have no identity from
    one run to the next); see positions/aggregation/decisions.py for what each kind does.
    """

    class Kind(models.TextChoices):
        EXCLUDE = "exclude", _("Exclude from every key point")
        MERGE = "merge", _("Merge key points")
        MOVE = "move", _("Move to another key point")
        SPLIT = "split", _("Split off a key point")
        RENAME = "rename", _("Rename a key point")
        RELABEL = "relabel", _("Set the label")
        REPRESENT = "represent", _("Choose the representative statement")
        CONFIRM_CAMPAIGN = "confirm_campaign", _("Confirm the campaign")
        JOIN_CAMPAIGNS = "join_campaigns", _("Join campaigns")
        LEAVE_CAMPAIGN = "leave_campaign", _("Take letters out of the campaign")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="key_point_decisions"
    )
    issue = models.ForeignKey(ThematicIssue, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("decision"), max_length=20, choices=Kind.choices)
    anchors = models.JSONField(_("inputs"), default=list)
    targets = models.JSONField(default=list, blank=True)
    name_id = models.CharField(_("name in Indonesian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    label = models.CharField(_("label"), max_length=20, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # taken back: kept for the record, no longer replayed
    retracted_at = models.DateTimeField(null=True, blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["consultation", "issue", "pk"]
        verbose_name = _("key point decision")
        verbose_name_plural = _("key point decisions")

    def __str__(self):
        return f"{self.get_kind_display()} {self.anchors}"

    def record(self) -> dict:
        """As the run's manifest keeps it and the core reads it (DecisionRecord)."""
        return {
            "id": self.pk,
            "kind": self.kind,
            "anchors": list(self.anchors),
            "targets": list(self.targets),
            "name_id": self.name_id,
            "name_en": self.name_en,
            "label": self.label,
        }


class GlossaryTerm(models.Model):
    """A domain term in Indonesian and its English equivalent, added by staff.

    The aggregation treats both as one concept, so a point made in either language is
    grouped as one key point. The built-in glossary is in positions/aggregation/glossary.py.
    """

    indonesian = models.CharField(_("Indonesian term"), max_length=120)
    english = models.CharField(_("English term"), max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indonesian", "english"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(fields=["indonesian", "english"], name="glossary_pair_once")
        ]

    def __str__(self):
        return f"{self.indonesian} = {self.english}"


class VersionTransition(models.Model):
    """A move of a version's status: who, when, from what to what, and why."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=DraftVersion.Status.choices)
    to_status = models.CharField(max_length=20, choices=DraftVersion.Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version", "created_at", "pk"]
        verbose_name = _("version transition")
        verbose_name_plural = _("version transitions")

    def __str__(self):
        return f"{self.version}: {self.from_status} → {self.to_status}"


class ReviewComment(models.Model):
    """A reviewer's comment on one section of a version."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # set when a line ministry or agency comments in clearance: the organisation it is for
    clearing_organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clearance by"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return self.text[:60]


class Suggestion(models.Model):
    """What a re-aggregation would write in a section kept as edited by hand.

    One per paragraph of the engine's new text that the kept section does not already
    say; staff accept it (a new version with the paragraph at `position`) or dismiss it.
    `new_sources` are the inputs behind it that the previous version did not cite.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")
        SUPERSEDED = "superseded", _("Superseded by a later run")

    paper = models.ForeignKey(PositionPaper, on_delete=models.CASCADE, related_name="suggestions")
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="suggestions")
    section_key = models.CharField(max_length=40)
    position = models.PositiveIntegerField()
    text = models.TextField()
    sources = models.ManyToManyField(Input, related_name="+", blank=True)
    new_sources = models.ManyToManyField(Input, related_name="+", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paper", "section_key", "position", "pk"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")

    def __str__(self):
        return self.text[:60]


def export_upload_to(instance, filename):
    return f"exports/{instance.paper.consultation.slug}/{filename}"


class PaperExport(models.Model):
    """One export: who asked, which version (none for the input lists), which format,
    in which language and for whom; the file is kept in Django's storage."""

    class Format(models.TextChoices):
        DOCX = "docx", "DOCX"
        PDF = "pdf", "PDF"
        MARKDOWN = "md", "Markdown"
        JSON = "json", "JSON"
        CSV = "csv", _("Inputs (CSV)")
        XLSX = "xlsx", _("Inputs (XLSX)")

    class Audience(models.TextChoices):
        DIRECTORATE = "directorate", _("The directorate (every source named)")
        PUBLIC = "public", _("Circulation (only public inputs named)")

    class Classification(models.TextChoices):
        # the security classes of Indonesian government correspondence
        NONE = "", _("No classification mark")
        ORDINARY = "biasa", _("BIASA (ordinary)")
        RESTRICTED = "terbatas", _("TERBATAS (restricted)")
        CONFIDENTIAL = "rahasia", _("RAHASIA (confidential)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    paper = models.ForeignKey(PositionPaper, on_delete=models.CASCADE, related_name="exports")
    version = models.ForeignKey(
        DraftVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="exports"
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    language = models.CharField(_("language"), max_length=5, default="id")
    audience = models.CharField(
        _("for"), max_length=20, choices=Audience.choices, default=Audience.DIRECTORATE
    )
    classification = models.CharField(
        _("classification mark"), max_length=10, choices=Classification.choices, blank=True
    )
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to=export_upload_to, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paper", "-created_at", "-pk"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self):
        return f"{self.paper} export {self.pk} ({self.format})"

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
