"""The input list's filters, shared by the staff page and the API.

Every filter is a plain GET parameter, so the URL of a filtered, sorted list is a view
staff can bookmark and send to a colleague.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consult.models import Input, Session, Tag, ThematicIssue
from consult.search import input_search
from stakeholders.models import Organisation


class InputFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    session = django_filters.ModelChoiceFilter(queryset=Session.objects.none(), label=_("Session"))
    issue = django_filters.ModelChoiceFilter(
        queryset=ThematicIssue.objects.none(), label=_("Thematic issue")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    organisation_kind = django_filters.ChoiceFilter(
        field_name="organisation__kind",
        choices=Organisation.Kind.choices,
        label=_("Organisation kind"),
    )
    language = django_filters.ChoiceFilter(choices=Input.Language.choices, label=_("Language"))
    kind = django_filters.ChoiceFilter(choices=Input.Kind.choices, label=_("Kind"))
    stance = django_filters.ChoiceFilter(
        choices=[c for c in Input.Stance.choices if c[0]], label=_("Stance")
    )
    status = django_filters.ChoiceFilter(choices=Input.Status.choices, label=_("Status"))
    submitted = django_filters.DateFromToRangeFilter(
        field_name="submitted_at__date", label=_("Submitted between")
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags", queryset=Tag.objects.none(), label=_("Tag")
    )
    hidden = django_filters.ChoiceFilter(
        method="filter_hidden",
        choices=[("no", _("Visible only")), ("yes", _("Hidden only"))],
        label=_("Moderation"),
    )
    o = django_filters.OrderingFilter(
        fields=[
            ("pk", "id"),
            ("submitted_at", "submitted"),
            ("organisation__name", "organisation"),
            ("issue__code", "issue"),
            ("kind", "kind"),
            ("language", "language"),
            ("status", "status"),
        ],
        label=_("Sort by"),
    )

    class Meta:
        model = Input
        fields = []

    def __init__(self, *args, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if consultation is not None:
            self.filters["session"].queryset = consultation.sessions.all()
            self.filters["issue"].queryset = consultation.issues.all()
            self.filters["tag"].queryset = consultation.tags.all()

    def search(self, queryset, name, value):
        return input_search(queryset, value)

    def filter_hidden(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(moderation__is_hidden=True)
        if value == "no":
            return queryset.filter(Q(moderation__isnull=True) | Q(moderation__is_hidden=False))
        return queryset
