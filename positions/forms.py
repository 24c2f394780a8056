from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD = 20 * 1024 * 1024


class InputImportForm(forms.Form):
    file = forms.FileField(
        label=_("File of inputs"),
        help_text=_(
            "CSV or JSON with the columns external_id, organisation, organisation_kind, "
            "issue, kind, stance, language, text, submitted_at. A file with a bad row is "
            "rejected whole; importing it again updates changed inputs."
        ),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return file
