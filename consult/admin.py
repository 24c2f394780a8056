from django.contrib import admin

from consult.models import (
    Consultation,
    Input,
    InputAttachment,
    InputRevision,
    Session,
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
