"""Pages of a consultation. Each view parses, calls one service or selector, renders."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from consult import selectors, services
from consult.forms import (
    ConsultationForm,
    InputForm,
    InviteForm,
    SessionForm,
    SessionStatusForm,
    ThematicIssueForm,
)
from consult.models import Consultation, Input
from stakeholders.selectors import convening_organisations, participant_organisation


def form_errors_to_form(form, error: ValidationError):
    """Put a service's ValidationError on the form, beside the field it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class HomeView(LoginRequiredMixin, View):
    def get(self, request):
        consultations = selectors.consultation_list_for(user=request.user)
        may_create = request.user.has_perm("consult.add_consultation")
        return render(
            request,
            "consult/home.html",
            {"consultations": consultations, "may_create": may_create},
        )


class ConsultationCreateView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "consult.add_consultation"

    def form(self, data=None):
        return ConsultationForm(data, conveners=convening_organisations(self.request.user))

    def get(self, request):
        return render(request, "consult/consultation_form.html", {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                consultation = services.consultation_create(
                    created_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(request, _("Consultation created."))
                return redirect(consultation)
        return render(request, "consult/consultation_form.html", {"form": form}, status=400)


class ConsultationMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Loads the consultation named in the URL (404 if unknown) and checks the permission."""

    @cached_property
    def consultation(self):
        return get_object_or_404(
            Consultation.objects.select_related("convener"), slug=self.kwargs["slug"]
        )

    def get_permission_object(self):
        return self.consultation


class SessionMixin(ConsultationMixin):
    @cached_property
    def session(self):
        return get_object_or_404(
            self.consultation.sessions.prefetch_related("invited_organisations"),
            pk=self.kwargs["session_pk"],
        )

    def get_permission_object(self):
        self.session.consultation = self.consultation
        return self.session


class ConsultationDetailView(ConsultationMixin, View):
    permission_required = "consult.view_consultation"

    def get(self, request, slug):
        return self.render(request)

    def render(self, request, issue_form=None, session_form=None, status=200):
        consultation = self.consultation
        user = request.user
        may_manage = user.has_perm("consult.change_consultation", consultation)
        context = {
            "consultation": consultation,
            "issues": consultation.issues.select_related("parent"),
            "sessions": selectors.session_list_for(consultation=consultation),
            "may_manage": may_manage,
            "may_view_paper": user.has_perm("positions.view_paper", consultation),
        }
        if may_manage:
            context["issue_form"] = issue_form or ThematicIssueForm(consultation=consultation)
            context["session_form"] = session_form or SessionForm()
        return render(request, "consult/consultation_detail.html", context, status=status)


class IssueCreateView(ConsultationDetailView):
    permission_required = "consult.change_consultation"

    def post(self, request, slug):
        form = ThematicIssueForm(request.POST, consultation=self.consultation)
        if form.is_valid():
            try:
                services.issue_create(consultation=self.consultation, **form.cleaned_data)
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(request, _("Thematic issue added."))
                return redirect(self.consultation)
        return self.render(request, issue_form=form, status=400)


class SessionCreateView(ConsultationDetailView):
    permission_required = "consult.change_consultation"

    def post(self, request, slug):
        form = SessionForm(request.POST)
        if form.is_valid():
            session = services.session_create(consultation=self.consultation, **form.cleaned_data)
            messages.success(request, _("Session added. Now invite organisations to it."))
            return redirect(session)
        return self.render(request, session_form=form, status=400)


class SessionDetailView(SessionMixin, View):
    permission_required = "consult.view_session"

    def get(self, request, slug, session_pk):
        return self.render(request)

    def render(self, request, invite_form=None, status_form=None, status=200):
        session = self.session
        may_manage = request.user.has_perm("consult.change_consultation", self.consultation)
        context = {
            "consultation": self.consultation,
            "session": session,
            "may_manage": may_manage,
            "may_add_input": request.user.has_perm("consult.add_input", session),
        }
        if may_manage:
            invited = [org.pk for org in session.invited_organisations.all()]
            context["invite_form"] = invite_form or InviteForm(initial={"organisations": invited})
            context["status_form"] = status_form or SessionStatusForm(session=session)
        return render(request, "consult/session_detail.html", context, status=status)


class SessionInviteView(SessionDetailView):
    permission_required = "consult.change_consultation"

    def get_permission_object(self):
        return self.consultation

    def post(self, request, slug, session_pk):
        form = InviteForm(request.POST)
        if not form.is_valid():
            return self.render(request, invite_form=form, status=400)
        services.session_invite(
            session=self.session, organisations=form.cleaned_data["organisations"]
        )
        messages.success(request, _("Invitations saved."))
        return redirect(self.session)


class SessionStatusView(SessionDetailView):
    permission_required = "consult.change_consultation"

    def get_permission_object(self):
        return self.consultation

    def post(self, request, slug, session_pk):
        form = SessionStatusForm(request.POST, session=self.session)
        if form.is_valid():
            services.session_set_status(session=self.session, status=form.cleaned_data["status"])
            messages.success(request, _("Session status changed."))
            return redirect(self.session)
        return self.render(request, status_form=form, status=400)


class InputCreateView(SessionMixin, View):
    """A participant writes an input for their organisation: save as draft or submit."""

    permission_required = "consult.add_input"
    template_name = "consult/input_form.html"

    @cached_property
    def organisation(self):
        return participant_organisation(self.request.user)

    def form(self, data=None, instance=None):
        initial = {} if instance else {"language": get_language()[:2]}
        return InputForm(data, instance=instance, session=self.session, initial=initial)

    def get(self, request, **kwargs):
        return self.render(request, self.form())

    def render(self, request, form, status=200):
        context = {
            "consultation": self.consultation,
            "session": self.session,
            "organisation": self.organisation,
            "form": form,
            "input": form.instance if form.instance.pk else None,
        }
        return render(request, self.template_name, context, status=status)

    def post(self, request, **kwargs):
        form = self.form(request.POST, instance=self.existing_input())
        if not form.is_valid():
            return self.render(request, form, status=400)
        submit = "submit" in request.POST
        try:
            input = services.input_save(
                author=request.user,
                organisation=self.organisation,
                session=self.session,
                submit=submit,
                input=self.existing_input(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_errors_to_form(form, error)
            return self.render(request, form, status=400)
        if submit:
            messages.success(
                request, _("Your input %(ref)s was submitted.") % {"ref": input.reference}
            )
            return redirect("consult:my_inputs")
        messages.success(request, _("Draft saved."))
        return redirect("consult:input_edit", pk=input.pk)

    def existing_input(self):
        return None


class InputEditView(InputCreateView):
    """The same form over a draft input of the participant's organisation."""

    permission_required = "consult.change_input"

    @cached_property
    def input(self):
        return get_object_or_404(
            Input.objects.select_related("session__consultation__convener", "organisation"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def consultation(self):
        return self.input.session.consultation

    @cached_property
    def session(self):
        return self.input.session

    @cached_property
    def organisation(self):
        return self.input.organisation

    def get_permission_object(self):
        return self.input

    def existing_input(self):
        return self.input

    def get(self, request, **kwargs):
        return self.render(request, self.form(instance=self.input))


class MyInputsView(LoginRequiredMixin, View):
    def get(self, request):
        inputs = selectors.input_list_for_user(user=request.user)
        return render(request, "consult/my_inputs.html", {"inputs": inputs})
