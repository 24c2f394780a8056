"""Forms of the staff workspace: bulk tagging and moderation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consult.models import Input
from consult.moderation import STAFF_STATUSES


class BulkTagForm(forms.Form):
    class Action:
        ADD = "add"
        REMOVE = "remove"

    inputs = forms.TypedMultipleChoiceField(
        label=_("Inputs"), coerce=int, error_messages={"required": _("Select at least one input.")}
    )
    tags = forms.CharField(
        label=_("Tags"), max_length=500, help_text=_("Separate several tags with commas.")
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[(Action.ADD, _("Add tags")), (Action.REMOVE, _("Remove tags"))],
        initial=Action.ADD,
    )

    def __init__(self, *args, input_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inputs"].choices = [(pk, pk) for pk in input_ids]

    def tag_names(self) -> list[str]:
        return [name for name in self.cleaned_data["tags"].split(",") if name.strip()]


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[(s.value, s.label) for s in Input.Status if s in STAFF_STATUSES]
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)
