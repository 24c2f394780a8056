"""Pages of a consultation. Each view parses, calls one service or selector, renders."""

import uuid

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from common.ids import id_read
from consult import selectors, services
from consult.forms import (
    ConfirmStatementForm,
    ConsultationForm,
    InputForm,
    InvitationForm,
    InviteForm,
    SessionForm,
    SessionStatusForm,
    StatementForm,
    ThematicIssueForm,
    WithdrawForm,
)
from consult.models import Input, InputAttachment, InputModeration
from stakeholders import services as stakeholder_services
from stakeholders.predicates import speaking_organisations
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
        return selectors.consultation_get(slug=self.kwargs["slug"])

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
            "may_read_published": request.user.has_perm("consult.view_published_inputs", session),
            "may_record": may_manage,
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
    """A participant writes an input for their organisation: save as draft or submit.

    Autosave (htmx, `InputAutosaveView`) posts the same form; the hidden `form_key` makes
    every save of one form land on one input.
    """

    permission_required = "consult.add_input"
    # a POST from a form whose session closed while the participant wrote still reaches
    # the service, which keeps the text as a draft and says why it was not sent
    keep_permission = "consult.keep_input_text"
    template_name = "consult/input_form.html"

    def has_permission(self):
        if super().has_permission():
            return True
        return self.request.method == "POST" and self.request.user.has_perm(
            self.keep_permission, self.get_permission_object()
        )

    def get_permission_denied_message(self):
        if self.request.user.has_perm(self.keep_permission, self.get_permission_object()):
            return _("This session is closed: it no longer takes inputs or changes.")
        return super().get_permission_denied_message()

    @cached_property
    def organisation(self):
        return participant_organisation(self.request.user)

    def existing_input(self):
        return None

    def form(self, data=None, files=None, instance=None):
        initial = {} if instance else {"form_key": uuid.uuid4()}
        return InputForm(data, files, instance=instance, session=self.session, initial=initial)

    def get(self, request, **kwargs):
        return self.render(request, self.form(instance=self.existing_input()))

    def render(self, request, form, status=200):
        input = self.existing_input()
        context = {
            "consultation": self.consultation,
            "session": self.session,
            "organisation": self.organisation,
            "form": form,
            "input": input,
            "attachments": input.attachments.all() if input else [],
            "autosave": input is None or input.status == Input.Status.DRAFT,
        }
        return render(request, self.template_name, context, status=status)

    def refuse_foreign_issue(self, request):
        """An issue id from outside this consultation is a forged form: 403, not a 400."""
        issue = id_read(request.POST.get("issue", ""))
        if issue is not None and not self.consultation.issues.filter(pk=issue).exists():
            raise PermissionDenied(_("This thematic issue is not part of the session."))

    def save(self, request, form, submit):
        data = dict(form.cleaned_data)
        return services.input_save(
            author=request.user,
            organisation=self.organisation,
            session=self.session,
            submit=submit,
            input=self.existing_input(),
            form_key=data.pop("form_key"),
            attachment=data.pop("attachment"),
            same_words_same_input=True,
            **data,
        )

    def post(self, request, **kwargs):
        self.refuse_foreign_issue(request)
        form = self.form(request.POST, request.FILES, instance=self.existing_input())
        if not form.is_valid():
            return self.render(request, form, status=400)
        submit = "submit" in request.POST
        existing = self.existing_input()
        was_sent = existing is not None and existing.status == Input.Status.SUBMITTED
        try:
            input = self.save(request, form, submit)
        except services.LateSubmission as late:
            messages.error(request, late.messages[0])
            if request.user.has_perm("consult.change_input", late.input):
                return redirect("consult:input_edit", pk=late.input.pk)
            return redirect(late.input)  # the session is closed: the draft, to read
        except ValidationError as error:
            form_errors_to_form(form, error)
            return self.render(request, form, status=400)
        if submit:
            sent = (
                _("Your changes to input %(ref)s were saved.")
                if was_sent
                else _("Your input %(ref)s was submitted.")
            )
            messages.success(request, sent % {"ref": input.reference})
            return redirect(input)
        messages.success(request, _("Saved."))
        if not request.user.has_perm("consult.change_input", input):
            return redirect(input)  # a closed session's draft: to read, not to change
        return redirect("consult:input_edit", pk=input.pk)


class InputAutosaveView(InputCreateView):
    """Saves the form as a draft while the participant types; answers a status line."""

    def post(self, request, **kwargs):
        self.refuse_foreign_issue(request)
        form = self.form(request.POST, instance=self.existing_input())
        context = {"saved": False}
        if form.is_valid():
            try:
                input = self.save(request, form, submit=False)
            except ValidationError:
                pass
            else:
                context = {"saved": True, "input": input, "at": timezone.localtime()}
        # the session stopped taking inputs while they wrote: say so now, not at the submit
        context["closed"] = not self.session.accepts_inputs()
        return render(request, "consult/_autosave_status.html", context)


class InputEditMixin:
    permission_required = "consult.change_input"
    keep_permission = "consult.keep_input_change"

    @cached_property
    def input(self):
        return get_object_or_404(
            Input.objects.select_related(
                "session__consultation__convener", "organisation", "issue"
            ),
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


class InputEditView(InputEditMixin, InputCreateView):
    """The same form over a draft or submitted input of the participant's organisation."""


class InputEditAutosaveView(InputEditMixin, InputAutosaveView):
    pass


class InputDetailView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The receipt after a submit, and the input's page: text, files, revisions for staff."""

    permission_required = "consult.view_input"

    @cached_property
    def input(self):
        return selectors.input_get_for_page(pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.input

    def get(self, request, pk):
        input = self.input
        user = request.user
        context = {
            "input": input,
            "may_change": user.has_perm("consult.change_input", input),
            "may_withdraw": user.has_perm("consult.withdraw_input", input),
            "may_confirm": user.has_perm("consult.confirm_input", input),
            "may_publish": user.has_perm("consult.consent_publication", input),
            # its own organisation is told that, and why, the input was hidden
            "hidden": InputModeration.objects.filter(input=input, is_hidden=True).first(),
            "shows_revisions": user.has_perm("consult.change_consultation", input),
        }
        return render(request, "consult/input_detail.html", context)


class InputWithdrawView(InputEditMixin, LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "consult.withdraw_input"

    def get(self, request, pk):
        return self.render(request, WithdrawForm())

    def post(self, request, pk):
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.input_withdraw(
                    input=self.input, user=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(request, _("The input was withdrawn."))
                return redirect(self.input)
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        context = {"input": self.input, "form": form}
        return render(request, "consult/input_withdraw.html", context, status=status)


class InputPublishView(InputEditMixin, LoginRequiredMixin, PermissionRequiredMixin, View):
    """The input's organisation lets the directorate publish it."""

    permission_required = "consult.consent_publication"

    def post(self, request, pk):
        services.input_publication_consent(input=self.input, user=request.user)
        messages.success(
            request, _("Thank you: the input may now be named and quoted in public copies.")
        )
        return redirect(self.input)


class InputConfirmView(InputEditMixin, LoginRequiredMixin, PermissionRequiredMixin, View):
    """A member confirms, or corrects and confirms, a statement staff recorded."""

    permission_required = "consult.confirm_input"

    def get(self, request, pk):
        return self.render(request, ConfirmStatementForm(initial={"text": self.input.text}))

    def post(self, request, pk):
        form = ConfirmStatementForm(request.POST)
        if form.is_valid():
            try:
                services.input_confirm(
                    input=self.input, user=request.user, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(request, _("Thank you: the statement is confirmed."))
                return redirect(self.input)
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        context = {"input": self.input, "form": form}
        return render(request, "consult/input_confirm.html", context, status=status)


class AttachmentDownloadView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """The file, to whoever may read its input (consult.download_attachment), as a download.

    Always `Content-Disposition: attachment` with the type read from the content when it
    was uploaded, never cached; the web server never serves these files itself.
    """

    permission_required = "consult.download_attachment"

    @cached_property
    def attachment(self):
        return get_object_or_404(
            InputAttachment.objects.select_related(
                "input__session__consultation", "input__moderation"
            ),
            public_id=self.kwargs["public_id"],
        )

    def get_permission_object(self):
        return self.attachment

    def get(self, request, public_id):
        attachment = self.attachment
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class MyInputsView(LoginRequiredMixin, View):
    def get(self, request):
        inputs = selectors.input_list_for_user(user=request.user)
        page = Paginator(inputs, 50).get_page(request.GET.get("page"))
        # an observer follows consultations and sends nothing: the empty list says so
        speaks = bool(speaking_organisations(request.user))
        context = {"inputs": page, "page": page, "speaks": speaks}
        return render(request, "consult/my_inputs.html", context)


class PublishedInputsView(SessionMixin, View):
    """Other organisations' submitted inputs, where the session publishes them."""

    permission_required = "consult.view_published_inputs"

    def get(self, request, **kwargs):
        inputs = selectors.input_list_published(session=self.session, user=request.user)
        page = Paginator(inputs, 50).get_page(request.GET.get("page"))
        context = {"consultation": self.consultation, "session": self.session, "page": page}
        return render(request, "consult/published_inputs.html", context)


class StatementRecordView(SessionMixin, View):
    """Staff record what a delegation said during the session, on its behalf."""

    permission_required = "consult.record_statement"

    def form(self, data=None):
        return StatementForm(data, session=self.session)

    def get(self, request, **kwargs):
        return self.render(request, self.form())

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                input = services.input_record_statement(
                    recorded_by=request.user, session=self.session, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(
                    request, _("Statement %(ref)s recorded.") % {"ref": input.reference}
                )
                return redirect(input)
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        context = {"consultation": self.consultation, "session": self.session, "form": form}
        return render(request, "consult/statement_form.html", context, status=status)


class InvitationListView(ConsultationMixin, View):
    """Staff invite contacts of invited organisations, and see who joined and submitted."""

    permission_required = "consult.manage_invitations"

    def form(self, data=None):
        organisations = selectors.session_invited_organisations(consultation=self.consultation)
        return InvitationForm(data, organisations=organisations)

    def get(self, request, slug):
        return self.render(request, self.form())

    def post(self, request, slug):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                stakeholder_services.invitation_create(
                    created_by=request.user,
                    convener=self.consultation.convener,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form_errors_to_form(form, error)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect("consult:invitation_list", slug=slug)
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        invitations = selectors.invitation_list_for_consultation(consultation=self.consultation)
        context = {
            "consultation": self.consultation,
            "invitations": invitations,
            "form": form,
            "now": timezone.now(),
        }
        return render(request, "consult/invitation_list.html", context, status=status)


class InvitationActionView(ConsultationMixin, View):
    """Re-send (new token, new expiry) or revoke one invitation."""

    permission_required = "consult.manage_invitations"
    actions = {
        "resend": (stakeholder_services.invitation_resend, gettext_lazy("Invitation sent again.")),
        "revoke": (stakeholder_services.invitation_revoke, gettext_lazy("Invitation revoked.")),
    }

    def post(self, request, slug, pk, action):
        if action not in self.actions:
            raise Http404
        invitation = get_object_or_404(
            selectors.invitation_list_for_consultation(consultation=self.consultation), pk=pk
        )
        service, message = self.actions[action]
        try:
            service(invitation=invitation)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, message)
        return redirect("consult:invitation_list", slug=slug)
