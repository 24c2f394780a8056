from django import forms
from django.utils.translation import gettext_lazy as _

from positions.models import PaperExport
from stakeholders.models import Organisation

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


class SectionEditForm(forms.Form):
    """One section in Markdown; `base` is the version the editor started from."""

    base = forms.IntegerField(widget=forms.HiddenInput)
    heading = forms.CharField(label=_("Heading"), max_length=300)
    text = forms.CharField(
        label=_("Text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("One paragraph per block; leave a blank line between paragraphs."),
    )
    note = forms.CharField(label=_("Change note"), max_length=250, required=False)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


LANGUAGE_CHOICES = [("id", "Bahasa Indonesia"), ("en", "English")]


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("docx", "DOCX"), ("pdf", "PDF"), ("md", "Markdown"), ("json", "JSON")],
    )
    language = forms.ChoiceField(label=_("Headings in"), choices=LANGUAGE_CHOICES)
    audience = forms.ChoiceField(
        label=_("For"),
        choices=[
            ("directorate", _("The directorate (every source named)")),
            ("public", _("Circulation (only public inputs named)")),
        ],
    )
    classification = forms.ChoiceField(
        label=_("Classification mark"),
        choices=PaperExport.Classification.choices,
        required=False,
        help_text=_("Printed on every page of the DOCX and PDF."),
    )


class InputsExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    query = forms.CharField(widget=forms.HiddenInput, required=False)


class DraftReadersForm(forms.Form):
    """The line ministries and agencies that read drafts and comment on them."""

    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations that clear drafts"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Their participants read every draft version and comment on its sections; "
            "they do not edit. Partners read drafts already."
        ),
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        field.queryset = Organisation.objects.exclude(pk=consultation.convener_id).order_by(
            "kind", "name"
        )
        field.initial = list(consultation.draft_readers.values_list("pk", flat=True))
