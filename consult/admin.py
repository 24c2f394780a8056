from django.contrib import admin

from consult.models import (
    AuditEvent,
    Consultation,
    Input,
    InputAttachment,
    InputModeration,
    InputRevision,
    Session,
    Tag,
    ThematicIssue,
)


class ThematicIssueInline(admin.TabularInline):
    model = ThematicIssue
    extra = 0
    fields = ["code", "title", "parent", "position"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "convener", "created_at"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["convener", "partners", "created_by"]
    inlines = [ThematicIssueInline]


@admin.register(ThematicIssue)
class ThematicIssueAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "consultation", "parent"]
    list_filter = ["consultation"]
    search_fields = ["code", "title"]
    list_select_related = ["consultation", "parent"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "date", "venue", "status"]
    list_filter = ["status", "consultation"]
    search_fields = ["title", "venue"]
    date_hierarchy = "date"
    filter_horizontal = ["speakers", "invited_organisations"]


class InputRevisionInline(admin.TabularInline):
    model = InputRevision
    extra = 0
    can_delete = False
    readonly_fields = [
        "number",
        "text",
        "kind",
        "stance",
        "language",
        "status",
        "author",
        "created_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


class InputAttachmentInline(admin.TabularInline):
    model = InputAttachment
    extra = 0
    can_delete = False
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Input)
class InputAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "organisation",
        "issue",
        "kind",
        "stance",
        "language",
        "status",
        "submitted_at",
    ]
    list_filter = [
        "status",
        "kind",
        "stance",
        "language",
        "organisation__kind",
        "session__consultation",
    ]
    search_fields = ["text", "organisation__name", "organisation__acronym"]
    list_select_related = ["organisation", "issue"]
    raw_id_fields = ["session", "issue", "organisation", "author"]
    date_hierarchy = "submitted_at"
    inlines = [InputRevisionInline, InputAttachmentInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "consultation", "created_at"]
    list_filter = ["consultation"]
    search_fields = ["name"]
    list_select_related = ["consultation"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never changed here: moderation and the trail change only through
    consult.moderation, which keeps the two consistent."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InputModeration)
class InputModerationAdmin(ReadOnlyAdmin):
    list_display = ["input", "is_hidden", "reason", "changed_by", "changed_at"]
    list_filter = ["is_hidden", "input__session__consultation"]
    search_fields = ["reason", "changed_by__username"]
    list_select_related = ["input__session", "input__organisation", "changed_by"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "consultation", "input", "actor", "action", "reason"]
    list_filter = ["action", "consultation"]
    search_fields = ["reason", "actor__username"]
    date_hierarchy = "created_at"
    list_select_related = ["consultation", "input__session", "input__organisation", "actor"]
