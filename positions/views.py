"""The position paper's pages: its versions, aggregation runs and exports."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from consult.importing import ImportRejected, inputs_import, rows_read
from consult.views import ConsultationMixin
from positions import selectors, services
from positions.exports import draft_version_docx
from positions.forms import InputImportForm
from positions.models import AggregationRun, DraftVersion


class PaperMixin(ConsultationMixin):
    @cached_property
    def paper(self):
        return services.paper_get_or_create(consultation=self.consultation)


class PaperDetailView(PaperMixin, View):
    permission_required = "positions.view_paper"

    def get(self, request, slug):
        paper = self.paper
        services.aggregation_runs_expire(paper=paper)
        versions = list(selectors.version_list(paper=paper))
        latest = selectors.version_get(paper=paper, number=versions[0].number) if versions else None
        runs = list(selectors.run_list(paper=paper)[:10])
        context = {
            "consultation": self.consultation,
            "paper": paper,
            "versions": versions,
            "version": latest,
            "map": selectors.consensus_map(version=latest) if latest else None,
            "runs": runs,
            "active_run": next((run for run in runs if run.is_active), None),
            "may_aggregate": request.user.has_perm(
                "positions.start_aggregation", self.consultation
            ),
            "may_export": request.user.has_perm("positions.export_paper", self.consultation),
            "may_import": request.user.has_perm("consult.import_inputs", self.consultation),
        }
        return render(request, "positions/paper_detail.html", context)


class InputImportView(PaperMixin, View):
    """Staff upload a file of inputs; the same service as `manage.py import_inputs`."""

    permission_required = "consult.import_inputs"

    def get(self, request, slug):
        return self.page(InputImportForm())

    def post(self, request, slug):
        form = InputImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form, status=400)
        upload = form.cleaned_data["file"]
        try:
            rows = rows_read(upload.read(), name=upload.name)
            _consultation, report = inputs_import(
                rows=rows, consultation_slug=self.consultation.slug
            )
        except ImportRejected as rejected:
            return self.page(form, problems=rejected.messages, status=400)
        messages.success(
            request,
            _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
        return redirect(self.paper)

    def page(self, form, problems=(), status=200):
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "form": form,
            "problems": problems,
        }
        return render(
            request=self.request,
            template_name="positions/import.html",
            context=context,
            status=status,
        )


class RunStartView(PaperMixin, View):
    permission_required = "positions.start_aggregation"

    def post(self, request, slug):
        try:
            run = services.aggregation_run_start(paper=self.paper, requested_by=request.user)
        except services.RunInProgress as error:
            messages.warning(request, error.messages[0])
            return redirect(self.paper)
        if run.status == AggregationRun.Status.FAILED:
            messages.error(request, run.error)
        elif run.status == AggregationRun.Status.SUCCEEDED:
            messages.success(
                request,
                _("Aggregation finished: version %(number)s was written.")
                % {"number": run.draft_version.number},
            )
        else:
            messages.info(request, _("Aggregation started. This page shows its progress."))
        return redirect(self.paper)


class RunStatusView(PaperMixin, View):
    """The progress of one run, as a fragment the paper page polls with htmx."""

    permission_required = "positions.view_paper"

    def get(self, request, slug, run_pk):
        services.aggregation_runs_expire(paper=self.paper)
        run = get_object_or_404(self.paper.runs.select_related("draft_version"), pk=run_pk)
        response = render(request, "positions/_run_status.html", {"run": run, "paper": self.paper})
        if request.htmx and not run.is_active:
            response["HX-Refresh"] = "true"
        return response


class VersionDetailView(PaperMixin, View):
    permission_required = "positions.view_paper"

    def get(self, request, slug, number):
        version = self.version(number)
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "version": version,
            "map": selectors.consensus_map(version=version),
            "may_export": request.user.has_perm("positions.export_paper", self.consultation),
        }
        return render(request, "positions/version_detail.html", context)

    def version(self, number) -> DraftVersion:
        try:
            return selectors.version_get(paper=self.paper, number=number)
        except DraftVersion.DoesNotExist:
            raise Http404 from None


class VersionExportView(VersionDetailView):
    permission_required = "positions.export_paper"

    def get(self, request, slug, number):
        version = self.version(number)
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = None
        content = draft_version_docx(version, language=language)
        filename = f"{self.consultation.slug}-v{version.number}.docx"
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
