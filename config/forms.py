"""Form rendering shared by every form of the workspace, Django's own included."""

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


class AccessibleBoundField(BoundField):
    """Points a field with errors at its error message, so screen readers announce it.

    Django already links help text (`<id>_helptext`) and sets `aria-invalid`; the error
    paragraph that `templates/_form.html` renders as `<id>_error` is added here.
    """

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        error_id = f"{self.auto_id}_error"
        described = attrs.get("aria-describedby", "").split()
        if self.errors and self.auto_id and error_id not in described:
            attrs["aria-describedby"] = " ".join([*described, error_id])
        return attrs


class FormRenderer(DjangoTemplates):
    bound_field_class = AccessibleBoundField
