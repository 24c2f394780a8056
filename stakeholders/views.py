"""Joining through an invitation link (the one page of the workspace open to anyone) and
a person's notifications."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from stakeholders import notifications, services
from stakeholders.forms import AcceptInvitationForm


class InvitationAcceptView(View):
    template_name = "stakeholders/invitation_accept.html"

    def get(self, request, token):
        try:
            invitation = services.invitation_for_token(token)
        except ValidationError as error:
            return self.refused(request, error)
        return self.render(request, invitation, AcceptInvitationForm())

    def post(self, request, token):
        try:
            invitation = services.invitation_for_token(token)
        except ValidationError as error:
            return self.refused(request, error)
        form = AcceptInvitationForm(request.POST)
        if request.user.is_authenticated:
            # A signed-in person joins with the account they have: no name or password
            # to give, so the form is not read at all.
            details = {"full_name": "", "password": ""}
        elif form.is_valid():
            details = {
                "full_name": form.cleaned_data["full_name"],
                "password": form.cleaned_data["password1"],
            }
        else:
            return self.render(request, invitation, form, status=400)
        try:
            user = services.invitation_accept(token=token, user=request.user, **details)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(request, invitation, form, status=400)
        if not request.user.is_authenticated:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome. You now take part on behalf of %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("consult:home")

    def render(self, request, invitation, form, status=200):
        context = {"invitation": invitation, "form": form}
        return render(request, self.template_name, context, status=status)

    def refused(self, request, error):
        # 410 Gone: the link existed once (or never); either way it will not work again.
        context = {"messages_list": error.messages}
        return render(request, "stakeholders/invitation_refused.html", context, status=410)


class NotificationListView(LoginRequiredMixin, View):
    """What the signed-in person was told, newest first; marking them read is a POST."""

    PAGE = 100

    def get(self, request):
        items = list(notifications.notifications_for(request.user)[: self.PAGE])
        rows = [(item, notifications.message(item)) for item in items]
        unread = sum(item.read_at is None for item in items)
        return render(request, "stakeholders/notifications.html", {"rows": rows, "unread": unread})

    def post(self, request):
        notifications.notifications_read(user=request.user)
        return redirect("stakeholders:notifications")
