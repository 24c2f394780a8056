from django import forms
from django.utils.translation import gettext_lazy as _

from consult.models import Consultation, Input, Session, ThematicIssue
from stakeholders.models import Organisation


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
        fields = ["code", "title", "description", "parent"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.consultation = consultation
        self.fields["parent"].queryset = consultation.issues.all()


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["title", "date", "venue", "agenda", "status"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
    """A participant's input on one thematic issue of a session's consultation."""

    class Meta:
        model = Input
        fields = ["issue", "kind", "stance", "proposal", "text", "language"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}
        error_messages = {"text": {"required": _("Please write the text of your input.")}}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = session.consultation.issues.all()
        self.fields["stance"].required = False
        self.fields["proposal"].required = False

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Please write the text of your input."))
        return text
