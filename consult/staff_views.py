"""The staff workspace's pages: find, tag and moderate a consultation's inputs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views import View

from common.ids import ids_read
from consult import moderation, staff_selectors
from consult.filters import InputFilter
from consult.staff_forms import BulkTagForm, HideForm, RestoreForm, StatusForm
from consult.views import ConsultationMixin

PAGE_SIZE = 50
SORTABLE = [
    ("id", _lazy("Reference")),
    ("organisation", _lazy("Organisation")),
    ("issue", _lazy("Issue")),
    ("kind", _lazy("Kind")),
    ("language", _lazy("Language")),
    ("status", _lazy("Status")),
    ("submitted", _lazy("Submitted")),
]


def sort_columns(query: str, sort: str) -> list[dict]:
    """Column headers whose links sort by them, keeping every filter in the URL."""
    prefix = f"?{query}&" if query else "?"
    columns = []
    for key, label in SORTABLE:
        current = "asc" if sort == key else "desc" if sort == f"-{key}" else None
        target = f"-{key}" if current == "asc" else key
        columns.append({"label": label, "url": f"{prefix}o={target}", "current": current})
    return columns


def _first_error(error: ValidationError) -> str:
    return error.messages[0]


class InputListView(ConsultationMixin, View):
    """Filters, sort, search and pages, all in the query string so a view can be shared."""

    permission_required = "consult.view_workspace"

    def get(self, request, slug):
        return self.render(request)

    def render(self, request, tag_form=None, status=200):
        consultation = self.consultation
        inputs = staff_selectors.workspace_inputs(consultation=consultation)
        filterset = InputFilter(request.GET or None, queryset=inputs, consultation=consultation)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        export_query = query.urlencode()  # the filters and the sort, for the export
        sort = query.pop("o", [""])[0]
        context = {
            "consultation": consultation,
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "columns": sort_columns(query.urlencode(), sort),
            "sort": sort,
            "tag_form": tag_form or BulkTagForm(),
            "full_path": request.get_full_path(),
            "export_query": export_query,
            "may_export": request.user.has_perm("positions.export_paper", consultation),
        }
        return render(request, "consult/staff/input_list.html", context, status=status)


class InputBulkTagView(InputListView):
    permission_required = "consult.tag_input"

    def post(self, request, slug):
        ids = ids_read(request.POST.getlist("inputs"))
        form = BulkTagForm(request.POST, input_ids=ids)
        if form.is_valid():
            service = (
                moderation.inputs_tag
                if form.cleaned_data["action"] == BulkTagForm.Action.ADD
                else moderation.inputs_untag
            )
            try:
                service(
                    consultation=self.consultation,
                    input_ids=form.cleaned_data["inputs"],
                    tag_names=form.tag_names(),
                    actor=request.user,
                )
            except ValidationError as error:
                messages.error(request, _first_error(error))
            else:
                n = len(form.cleaned_data["inputs"])  # what staff chose, not tag × input pairs
                messages.success(
                    request,
                    ngettext(
                        "Tags changed on %(count)s input.", "Tags changed on %(count)s inputs.", n
                    )
                    % {"count": n},
                )
        else:
            for errors in form.errors.values():
                messages.error(request, errors[0])
        back = request.POST.get("next", "")
        list_url = reverse("staff:inputs", args=[self.consultation.slug])
        return redirect(back if back.startswith(list_url) else list_url)


class InputMixin(ConsultationMixin):
    @cached_property
    def input(self):
        return get_object_or_404(
            staff_selectors.workspace_inputs(consultation=self.consultation),
            pk=self.kwargs["pk"],
        )


class InputDetailView(InputMixin, View):
    permission_required = "consult.view_workspace"

    def get(self, request, slug, pk):
        return self.render(request)

    def render(self, request, hide_form=None, restore_form=None, status_form=None, status=200):
        input = self.input
        moderation_row = getattr(input, "moderation", None)
        context = {
            "consultation": self.consultation,
            "input": input,
            "is_hidden": bool(moderation_row and moderation_row.is_hidden),
            "moderation": moderation_row,
            "revisions": input.revisions.select_related("author"),
            "trail": staff_selectors.input_audit_trail(input=input),
            "hide_form": hide_form or HideForm(),
            "restore_form": restore_form or RestoreForm(),
            "status_form": status_form or StatusForm(initial={"status": input.status}),
        }
        return render(request, "consult/staff/input_detail.html", context, status=status)


class InputModerateView(InputDetailView):
    """Hide, restore or change the status of one input (POST only)."""

    permission_required = "consult.moderate_input"
    action = "hide"

    def post(self, request, slug, pk):
        form_class, service, form_name = {
            "hide": (HideForm, moderation.input_hide, "hide_form"),
            "restore": (RestoreForm, moderation.input_restore, "restore_form"),
            "status": (StatusForm, moderation.input_status_set, "status_form"),
        }[self.action]
        form = form_class(request.POST)
        if form.is_valid():
            try:
                service(input=self.input, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Input %(ref)s updated.") % {"ref": self.input.reference}
                )
                return redirect("staff:input", slug=slug, pk=pk)
        return self.render(request, status=400, **{form_name: form})


class AuditTrailView(ConsultationMixin, View):
    permission_required = "consult.view_audit"

    def get(self, request, slug):
        events = staff_selectors.consultation_audit_trail(consultation=self.consultation)
        page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "consult/staff/audit_trail.html",
            {"consultation": self.consultation, "page": page},
        )
