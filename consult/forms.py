from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consult.models import Consultation, Input, Session, ThematicIssue
from stakeholders.models import Organisation

DATETIME = "%Y-%m-%dT%H:%M"


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["title", "slug", "description", "convener"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, conveners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convener"].queryset = conveners
        self.fields["convener"].empty_label = None


class ThematicIssueForm(forms.ModelForm):
    class Meta:
        model = ThematicIssue
        fields = ["code", "title", "title_en", "description", "parent"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.consultation = consultation
        self.fields["parent"].queryset = consultation.issues.all()


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "title",
            "date",
            "venue",
            "agenda",
            "status",
            "opens_at",
            "closes_at",
            "publishes_inputs",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME),
            "agenda": forms.Textarea(attrs={"rows": 3}),
        }


class InviteForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations to invite"),
        queryset=Organisation.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )


class SessionStatusForm(forms.Form):
    """The statuses a session may move to from where it is."""

    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, Session.Status(status).label) for status in session.next_statuses()
        ]


class InputForm(forms.ModelForm):
    """A participant's input on one thematic issue of a session's consultation.

    `form_key` travels with the form from its first rendering: autosave, the save button
    and a resent submit all carry it, so they all land on the same input.
    """

    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect automatically")), *Input.Language.choices],
        help_text=_("Left on automatic, the language is detected from the text."),
    )
    attachment = forms.FileField(
        label=_("Attach a file (optional)"),
        required=False,
        help_text=_("PDF, DOCX or ODT."),
    )
    form_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Input
        fields = [
            "issue",
            "kind",
            "stance",
            "proposal",
            "text",
            "language",
            "confidentiality",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "confidentiality": forms.RadioSelect,
        }
        error_messages = {"text": {"required": _("Please write the text of your input.")}}
        help_texts = {
            "stance": _("Only if your input is for or against a named proposal."),
            "confidentiality": _("Staff of the directorate always read every input."),
        }

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = session.consultation.issues.all()
        self.fields["stance"].required = False
        self.fields["proposal"].required = False
        self.fields["confidentiality"].required = False
        self.fields["text"].help_text = _("At most %(limit)s characters.") % {
            "limit": settings.INPUT_TEXT_MAX_CHARS
        }

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Please write the text of your input."))
        return text

    def clean_confidentiality(self):
        return self.cleaned_data["confidentiality"] or Input.Confidentiality.PARTICIPANTS


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw this input?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please say why you withdraw this input.")},
    )


class ConfirmStatementForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the statement"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Correct the text if staff did not record it as your delegation said it."),
    )


class StatementForm(forms.ModelForm):
    """Staff record what a delegation said in the session."""

    language = InputForm.base_fields["language"]

    class Meta:
        model = Input
        fields = [
            "organisation",
            "issue",
            "kind",
            "stance",
            "proposal",
            "text",
            "language",
            "confidentiality",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = session.invited_organisations.all()
        self.fields["issue"].queryset = session.consultation.issues.all()
        self.fields["stance"].required = False
        self.fields["proposal"].required = False


class InvitationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    email = forms.EmailField(label=_("Email of the contact"))
    name = forms.CharField(label=_("Name of the contact"), required=False, max_length=200)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
