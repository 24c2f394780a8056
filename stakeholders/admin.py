from django.contrib import admin

from stakeholders.models import Invitation, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["parent"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are sent, re-sent and revoked from the staff pages."""

    list_display = [
        "email",
        "organisation",
        "convener",
        "sent_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["organisation__kind", "convener"]
    search_fields = ["email", "name", "organisation__name"]
    list_select_related = ["organisation", "convener"]
    readonly_fields = [
        field.name for field in Invitation._meta.fields if field.name != "token_hash"
    ]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False
