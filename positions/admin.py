from django.contrib import admin

from positions.models import AggregationRun, DraftVersion, GlossaryTerm, PositionPaper, Section


@admin.register(PositionPaper)
class PositionPaperAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "language", "created_at"]
    search_fields = ["title", "consultation__title"]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "kind", "heading", "issue"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DraftVersion)
class DraftVersionAdmin(admin.ModelAdmin):
    """Read-only: versions are immutable once saved."""

    list_display = ["paper", "number", "origin", "created_by", "created_at"]
    list_filter = ["origin", "paper"]
    readonly_fields = ["paper", "number", "origin", "note", "created_by", "created_at"]
    inlines = [SectionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AggregationRun)
class AggregationRunAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "paper",
        "status",
        "stage",
        "issues_done",
        "issues_total",
        "inputs_processed",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "paper"]
    search_fields = ["error", "task_id"]
    readonly_fields = [field.name for field in AggregationRun._meta.fields]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    """Staff extend the bilingual glossary the aggregation groups key points with."""

    list_display = ["indonesian", "english", "created_at"]
    search_fields = ["indonesian", "english"]
