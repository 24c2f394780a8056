"""The input list's filters, shared by the staff page and the API.

Every filter is a plain GET parameter, so the URL of a filtered, sorted list is a view
staff can bookmark and send to a colleague.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from consult.models import Input, Session, Tag, ThematicIssue
from consult.search import input_search
from stakeholders.models import Organisation


class PlainSelect(forms.Select):
    """A select whose options are written in Python, not one template include each.

    The organisation filter lists a few hundred organisations; through Django's option
    template they took a quarter of the input list's rendering time. Same markup.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )


SORTS = [
    ("pk", "id", _("Reference")),
    ("submitted_at", "submitted", _("Submitted")),
    ("organisation__name", "organisation", _("Organisation")),
    ("issue__code", "issue", _("Issue")),
    ("kind", "kind", _("Kind")),
    ("language", "language", _("Language")),
    ("status", "status", _("Status")),
]


def _descending(label) -> str:
    return _("%(column)s (descending)") % {"column": label}


def _sort_labels() -> dict:
    """Labels that stay lazy: django-filter formats its own at import time, in whatever
    language is active then, so the options came out half Indonesian in English."""
    labels = {}
    for field, param, label in SORTS:
        labels[field] = label
        labels[f"-{param}"] = lazy(_descending, str)(label)
    return labels


class LabelledDateRange(django_filters.widgets.DateRangeWidget):
    """Two date fields under one label: each gets its own accessible name ("from",
    "until"), since a <label> names only the first."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"type": "date", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"],
            (_("Submitted from"), _("Submitted until")),
            strict=False,
        ):
            subwidget["attrs"]["aria-label"] = str(label)
        return context


class InputFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    session = django_filters.ModelChoiceFilter(
        widget=PlainSelect, queryset=Session.objects.none(), label=_("Session")
    )
    issue = django_filters.ModelChoiceFilter(
        widget=PlainSelect, queryset=ThematicIssue.objects.none(), label=_("Thematic issue")
    )
    organisation = django_filters.ModelChoiceFilter(
        widget=PlainSelect, queryset=Organisation.objects.all(), label=_("Organisation")
    )
    organisation_kind = django_filters.ChoiceFilter(
        widget=PlainSelect,
        field_name="organisation__kind",
        choices=Organisation.Kind.choices,
        label=_("Organisation kind"),
    )
    language = django_filters.ChoiceFilter(
        widget=PlainSelect, choices=Input.Language.choices, label=_("Language")
    )
    kind = django_filters.ChoiceFilter(
        widget=PlainSelect, choices=Input.Kind.choices, label=_("Kind")
    )
    stance = django_filters.ChoiceFilter(
        widget=PlainSelect, choices=[c for c in Input.Stance.choices if c[0]], label=_("Stance")
    )
    status = django_filters.ChoiceFilter(
        widget=PlainSelect, choices=Input.Status.choices, label=_("Status")
    )
    submitted = django_filters.DateFromToRangeFilter(
        field_name="submitted_at__date", label=_("Submitted between"), widget=LabelledDateRange
    )
    tag = django_filters.ModelChoiceFilter(
        widget=PlainSelect, field_name="tags", queryset=Tag.objects.none(), label=_("Tag")
    )
    hidden = django_filters.ChoiceFilter(
        widget=PlainSelect,
        method="filter_hidden",
        choices=[("no", _("Visible only")), ("yes", _("Hidden only"))],
        label=_("Moderation"),
    )
    o = django_filters.OrderingFilter(
        widget=PlainSelect,
        fields=[(field, param) for field, param, _label in SORTS],
        field_labels=_sort_labels(),
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
            # Only organisations that spoke in this consultation, not every one on file.
            self.filters["organisation"].queryset = Organisation.objects.filter(
                pk__in=Input.objects.filter(session__consultation=consultation).values(
                    "organisation_id"
                )
            ).order_by("name")

    def search(self, queryset, name, value):
        return input_search(queryset, value)

    def filter_hidden(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(moderation__is_hidden=True)
        if value == "no":
            return queryset.filter(Q(moderation__isnull=True) | Q(moderation__is_hidden=False))
        return queryset
