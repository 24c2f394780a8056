"""The position paper's pages: its versions, aggregation runs and exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from common.ids import id_read, ids_read
from consult.importing import ImportRejected, inputs_import, rows_read
from consult.models import Input
from consult.views import ConsultationMixin
from positions import circulation, editing, exporting, review, selectors, services
from positions.compare import versions_compare
from positions.exports import CONTENT_TYPES
from positions.forms import (
    CommentForm,
    DraftReadersForm,
    ExportForm,
    InputImportForm,
    InputsExportForm,
    NoteForm,
    SectionEditForm,
)
from positions.models import (
    KEY_POINT_LABELS,
    PAPER_LANGUAGES,
    AggregationRun,
    DraftVersion,
    KeyPointDecision,
    PaperExport,
    Suggestion,
)
from positions.visibility import reader_for
from stakeholders.models import Organisation


class PaperMixin(ConsultationMixin):
    @cached_property
    def paper(self):
        return selectors.paper_get(consultation=self.consultation)


class PaperDetailView(PaperMixin, View):
    permission_required = "positions.view_paper"

    def get(self, request, slug):
        paper = self.paper
        versions = list(selectors.version_list(paper=paper))
        shown, newer = selectors.version_to_read(versions)
        latest = selectors.version_get(paper=paper, number=shown.number) if shown else None
        runs = list(selectors.run_list(paper=paper)[:10])
        context = {
            "consultation": self.consultation,
            "paper": paper,
            "versions": versions,
            "version": latest,
            "newer": newer,
            "map": selectors.consensus_map(version=latest) if latest else None,
            "runs": runs,
            "active_run": next((run for run in runs if run.is_active), None),
            "may_aggregate": request.user.has_perm(
                "positions.start_aggregation", self.consultation
            ),
            "paper_languages": PAPER_LANGUAGES,
            "may_export": request.user.has_perm("positions.export_paper", self.consultation),
            "may_import": request.user.has_perm("consult.import_inputs", self.consultation),
            "readers_form": DraftReadersForm(consultation=self.consultation)
            if request.user.has_perm("positions.ask_clearance", self.consultation)
            else None,
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
        language = request.POST.get("language", "")
        if language:
            try:
                services.paper_language_set(paper=self.paper, language=language, user=request.user)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect(self.paper)
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


# Above this many key points in all, the review shows one issue at a time: each key
# point's form lists the others of its issue, so one page of every issue grows with
# the square of the key points (4.5 MB for 261 key points of 3,000 inputs).
REVIEW_PAGE_POINTS = 60


def _review_url(slug: str, run_pk: int, issue_pk: int | None = None) -> str:
    url = reverse("positions:run_review", args=[slug, run_pk])
    return f"{url}?issue={issue_pk}#issue-{issue_pk}" if issue_pk else url


class RunReviewView(PaperMixin, View):
    """A run's grouping for the directorate to check and correct: each issue's key points
    with their members, and the decisions that change them (`services.key_point_decide`)."""

    permission_required = "positions.decide_grouping"

    def get(self, request, slug, run_pk):
        run = get_object_or_404(self.paper.runs.select_related("draft_version", "paper"), pk=run_pk)
        query = request.GET.get("q", "").strip()[:200]
        review = selectors.run_review(run=run)
        if query:
            review = selectors.run_review_filter(review, query)
        kind_names = dict(Organisation.Kind.choices)
        for item in review:
            for entry in item["points"]:
                # a label reads right only beside the kinds behind the point
                entry["kinds"] = ", ".join(
                    f"{n} {kind_names.get(kind, kind)}" for kind, n in entry["point"].kinds.items()
                )
        newer = self.paper.runs.filter(pk__gt=run.pk, draft_version__isnull=False).first()
        # one issue at a time where every issue at once would be too large a page
        issues = [(item["issue"], len(item["points"])) for item in review]
        if len(review) > 1 and sum(n for _issue, n in issues) > REVIEW_PAGE_POINTS:
            chosen = id_read(request.GET.get("issue", ""))
            review = [item for item in review if item["issue"].pk == chosen] or review[:1]
        else:
            issues = []  # every issue on the page; "?issue=" only scrolls to its section
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "run": run,
            "newer": newer,
            "issues": issues,
            "shown": review[0]["issue"].pk if issues and review else None,
            "query": query,
            "review": review,
            "kinds": [c for c in KeyPointDecision.Kind.choices if "campaign" not in c[0]],
            "campaign_kinds": [c for c in KeyPointDecision.Kind.choices if "campaign" in c[0]],
            "labels": list(KEY_POINT_LABELS.items()),
        }
        return render(request, "positions/run_review.html", context)


class DecisionView(PaperMixin, View):
    """Take one decision on the grouping of an issue; a run then writes the version."""

    permission_required = "positions.decide_grouping"

    def after(self, run, issue_pk: int | None = None):
        """The new run's review, at the issue decided on, once its version is written (at
        once where Celery runs in the request), else the paper page, which shows the
        run's progress."""
        run.refresh_from_db()
        if run.draft_version_id:
            return redirect(_review_url(self.consultation.slug, run.pk, issue_pk))
        return redirect(self.paper)

    def post(self, request, slug):
        issue_id = id_read(request.POST.get("issue", ""))
        if issue_id is None:
            raise Http404
        issue = get_object_or_404(self.consultation.issues, pk=issue_id)
        kind = request.POST.get("kind", "")
        anchors = ids_read(request.POST.getlist("anchors"))
        targets = ids_read(request.POST.getlist("targets"))
        if kind in (KeyPointDecision.Kind.MERGE, KeyPointDecision.Kind.JOIN_CAMPAIGNS):
            # this key point's (or campaign's) input and the other's
            anchors, targets = anchors[:1] + targets, []
        try:
            if not anchors:  # the form's words, where the service speaks of any caller
                raise ValidationError(
                    _(
                        "Tick the inputs the decision is about: for a name, a label or the "
                        "statement, one input of the key point."
                    )
                )
            _decision, run = services.key_point_decide(
                consultation=self.consultation,
                issue=issue,
                kind=kind,
                anchors=anchors,
                targets=targets,
                name_id=request.POST.get("name_id", ""),
                name_en=request.POST.get("name_en", ""),
                label=request.POST.get("label", ""),
                reason=request.POST.get("reason", ""),
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            back = id_read(request.POST.get("run", ""))
            if back is not None:
                return redirect(_review_url(slug, back, issue.pk))
            return redirect(self.paper)
        messages.success(request, _("Decision recorded; the draft is being written again."))
        return self.after(run, issue.pk)


class DecisionRetractView(DecisionView):
    """Take back a decision on the grouping; a run writes the version without it."""

    permission_required = "positions.decide_grouping"

    def post(self, request, slug, pk):
        decision = get_object_or_404(self.consultation.key_point_decisions, pk=pk)
        try:
            run = services.key_point_decision_retract(decision=decision, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(self.paper)
        messages.success(request, _("Decision taken back; the draft is being written again."))
        return self.after(run, decision.issue_id)


class RunStatusView(PaperMixin, View):
    """The progress of one run, as a fragment the paper page polls with htmx."""

    permission_required = "positions.view_paper"

    def get(self, request, slug, run_pk):
        run = get_object_or_404(self.paper.runs.select_related("draft_version"), pk=run_pk)
        response = render(request, "positions/_run_status.html", {"run": run, "paper": self.paper})
        if request.htmx and not run.is_active:
            response["HX-Refresh"] = "true"
        return response


class VersionDetailView(PaperMixin, View):
    permission_required = "positions.view_paper"

    def get(self, request, slug, number):
        version = self.version(number)
        user, consultation = request.user, self.consultation
        latest = editing.latest_version(self.paper)
        sections = selectors.version_sections_reviewed(
            version=version, with_suggestions=latest == version
        )
        may_edit = user.has_perm("positions.edit_paper", consultation)
        may_read_trail = user.has_perm("positions.view_review_trail", consultation)
        context = {
            "consultation": consultation,
            "paper": self.paper,
            "version": version,
            "is_latest": latest is not None and latest.pk == version.pk,
            "map": selectors.consensus_map(version=version),
            "may_export": user.has_perm("positions.export_paper", consultation),
            "may_edit": may_edit,
            # what this version's review state allows (an approved version is locked)
            "may_comment": user.has_perm("positions.comment_version", version),
            "may_submit": user.has_perm("positions.submit_version", version),
            "may_approve": user.has_perm("positions.approve_version", version),
            "may_decide_suggestions": user.has_perm("positions.decide_suggestions", version),
            "may_ask_clearance": user.has_perm("positions.ask_clearance_version", version),
            "may_read_trail": may_read_trail,
            "transitions": version.transitions.select_related("actor") if may_read_trail else [],
            "sections": sections,
            "to_translate": selectors.paragraphs_to_translate(sections) if may_edit else [],
            "previous": version.based_on
            or self.paper.versions.filter(number__lt=version.number).order_by("-number").first(),
            "export_form": ExportForm(initial={"language": self.paper.language}),
            "circulation": selectors.circulation_preview(version=version)
            if user.has_perm("positions.export_paper", consultation)
            else None,
            "note_form": NoteForm(),
            "comment_form": CommentForm(),
        }
        return render(request, "positions/version_detail.html", context)

    def version(self, number) -> DraftVersion:
        try:
            return selectors.version_get(paper=self.paper, number=number)
        except DraftVersion.DoesNotExist:
            raise Http404 from None


class SectionEditView(PaperMixin, View):
    """Rewrite one section in Markdown, with a preview; saving makes a new version."""

    permission_required = "positions.edit_paper"

    def get(self, request, slug, number, key):
        version = self.version(number)
        section = self.section(version, key)
        form = SectionEditForm(
            initial={"base": version.number, "heading": section.heading, "text": section.text}
        )
        return self.page(version, section, form)

    def post(self, request, slug, number, key):
        version = self.version(number)
        section = self.section(version, key)
        form = SectionEditForm(request.POST)
        if not form.is_valid():
            return self.page(version, section, form, status=400)
        data = form.cleaned_data
        if "preview" in request.POST:
            return self.page(version, section, form, preview=editing.markdown_render(data["text"]))
        try:
            new = editing.section_edit(
                paper=self.paper,
                base_number=data["base"],
                key=key,
                heading=data["heading"],
                text=data["text"],
                note=data["note"],
                user=request.user,
            )
        except editing.EditConflict as conflict:
            return self.page(version, section, form, conflict=conflict, status=409)
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(version, section, form, status=400)
        messages.success(request, _("Saved as version %(number)s.") % {"number": new.number})
        return redirect(new)

    def version(self, number):
        try:
            return self.paper.versions.get(number=number)
        except DraftVersion.DoesNotExist:
            raise Http404 from None

    def section(self, version, key):
        for section in editing.version_sections(version):
            if section.key == key:
                return section
        raise Http404

    def page(self, version, section, form, preview=None, conflict=None, status=200):
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "version": version,
            "section": section,
            "form": form,
            "preview": preview,
            "conflict": conflict,
        }
        return render(self.request, "positions/section_edit.html", context, status=status)


class CompareView(PaperMixin, View):
    """Two versions side by side, word by word, section by section."""

    permission_required = "positions.view_paper"

    def get(self, request, slug):
        versions = list(self.paper.versions.order_by("-number"))
        numbers = [v.number for v in versions]
        try:
            a = int(request.GET.get("a", numbers[1] if len(numbers) > 1 else 0))
            b = int(request.GET.get("b", numbers[0] if numbers else 0))
        except ValueError:
            raise Http404 from None
        by_number = {v.number: v for v in versions}
        if a not in by_number or b not in by_number:
            raise Http404
        a, b = min(a, b), max(a, b)  # what changed reads from the older to the newer
        reader = reader_for(request.user, self.consultation)
        diffs = versions_compare(by_number[a], by_number[b], reader)
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "versions": versions,
            "a": by_number[a],
            "b": by_number[b],
            "diffs": diffs,
            "changed": [d for d in diffs if d.changed],
            # why key points moved: the directorate's own deliberation, as the review trail
            "decisions": selectors.decisions_between(older=by_number[a], newer=by_number[b])
            if request.user.has_perm("positions.view_review_trail", self.consultation)
            else [],
        }
        return render(request, "positions/compare.html", context)


class CiteSearchView(PaperMixin, View):
    """The editor's citation search: inputs by reference or words, as a list of buttons
    that insert "[GCM-2017-0021]" into the text (static/js/cite.js)."""

    permission_required = "positions.edit_paper"

    def get(self, request, slug):
        inputs = selectors.inputs_to_cite(
            consultation=self.consultation, query=request.GET.get("q", "")[:200]
        )
        return render(
            request,
            "positions/_cite_results.html",
            {"inputs": inputs, "query": request.GET.get("q", "")},
        )


class VersionMoveView(SectionEditView):
    """Send for review, approve or send back: one view per permission."""

    move = ""

    def post(self, request, slug, number):
        version = self.version(number)
        form = NoteForm(request.POST)
        form.is_valid()
        try:
            review.version_transition(
                version=version,
                move=self.move,
                actor=request.user,
                note=form.cleaned_data.get("note", ""),
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("Version %(number)s was %(move)s.")
                % {"number": version.number, "move": review.move_label(self.move)},
            )
        return redirect(version)


class AskView(SectionEditView):
    """Ask people something about a version (`ask` returns how many) and say so."""

    def ask(self, version) -> int:
        raise NotImplementedError

    def told(self, count: int, version) -> str:
        raise NotImplementedError

    def post(self, request, slug, number):
        version = self.version(number)
        try:
            asked = self.ask(version)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, self.told(asked, version))
        return redirect(version)


class ClearanceAskView(AskView):
    """Ask the line ministries and agencies set for the consultation to clear a version."""

    permission_required = "positions.ask_clearance"

    def ask(self, version) -> int:
        return review.clearance_ask(version=version, actor=self.request.user)

    def told(self, count, version) -> str:
        return ngettext(
            "%(count)s person was asked to clear version %(number)s.",
            "%(count)s people were asked to clear version %(number)s.",
            count,
        ) % {"count": count, "number": version.number}


class PublicationAskView(AskView):
    """Ask the organisations behind what a circulation copy would withhold."""

    permission_required = "positions.export_paper"

    def ask(self, version) -> int:
        return circulation.publication_ask(version=version, actor=self.request.user)

    def told(self, count, version) -> str:
        return ngettext(
            "%(count)s person was asked whether their inputs may be public.",
            "%(count)s people were asked whether their inputs may be public.",
            count,
        ) % {"count": count}


class DraftReadersView(PaperMixin, View):
    """Which organisations clear the consultation's drafts: a setting staff change."""

    permission_required = "positions.ask_clearance"

    def post(self, request, slug):
        form = DraftReadersForm(request.POST, consultation=self.consultation)
        if form.is_valid():
            self.consultation.draft_readers.set(form.cleaned_data["organisations"])
            messages.success(request, _("The organisations that clear drafts were saved."))
        else:
            messages.error(request, _("Choose organisations from the list."))
        return redirect("positions:paper_detail", slug=slug)


class SubmitForReviewView(VersionMoveView):
    permission_required = "positions.request_review"
    move = "submit"


class ApproveView(VersionMoveView):
    permission_required = "positions.approve_paper"
    move = "approve"


class RequestChangesView(VersionMoveView):
    permission_required = "positions.request_changes"
    move = "request_changes"


class CommentView(SectionEditView):
    permission_required = "positions.comment_paper"

    def post(self, request, slug, number, key):
        version = self.version(number)
        section = get_object_or_404(version.sections, key=key)
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                review.review_comment_add(
                    version=version,
                    section=section,
                    author=request.user,
                    text=form.cleaned_data["text"],
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
        else:
            messages.error(request, _("A comment cannot be empty."))
        return redirect(version)


class SuggestionDecideView(PaperMixin, View):
    permission_required = "positions.edit_paper"

    def post(self, request, slug, pk, decision):
        if decision not in ("accept", "dismiss"):
            raise Http404
        suggestion = get_object_or_404(
            Suggestion.objects.select_related("version__paper__consultation"),
            pk=pk,
            version__paper=self.paper,
        )
        if not request.user.has_perm("positions.decide_suggestions", suggestion.version):
            raise PermissionDenied(_("This version is approved and locked."))
        try:
            if decision == "accept":
                version = editing.suggestion_accept(
                    paper=self.paper, suggestion_id=pk, user=request.user
                )
                messages.success(
                    request,
                    _("Suggestion accepted: version %(number)s.") % {"number": version.number},
                )
                return redirect(version)
            editing.suggestion_dismiss(paper=self.paper, suggestion_id=pk, user=request.user)
            messages.info(request, _("Suggestion dismissed."))
        except ValidationError as error:
            messages.error(request, error.messages[0])
        latest = editing.latest_version(self.paper)
        return redirect(latest or self.paper)


class ExportListView(PaperMixin, View):
    """The paper's exports: ask for one, watch its progress, download it again."""

    permission_required = "positions.export_paper"

    def get(self, request, slug):
        exports = list(selectors.export_list(paper=self.paper)[:50])
        filterset = exporting.InputFilter(
            request.GET or None, queryset=Input.objects.none(), consultation=self.consultation
        )
        context = {
            "consultation": self.consultation,
            "paper": self.paper,
            "exports": exports,
            "active": any(export.is_active for export in exports),
            "filter_form": filterset.form,
            "inputs_form": InputsExportForm(initial={"query": request.GET.urlencode()}),
        }
        template = "positions/_exports.html" if request.htmx else "positions/exports.html"
        return render(request, template, context)

    def post(self, request, slug):
        if request.POST.get("format") in exporting.INPUT_FORMATS:
            form = InputsExportForm(request.POST)
            version = None
        else:
            form = ExportForm(request.POST)
            version = get_object_or_404(self.paper.versions, number=request.POST.get("version"))
        if not form.is_valid():
            messages.error(request, _("Choose a format, a language and an audience."))
            return redirect("positions:exports", slug=slug)
        data = form.cleaned_data
        filters = QueryDict(data.get("query", "")).dict() if version is None else {}
        export = exporting.export_request(
            paper=self.paper,
            user=request.user,
            format=data["format"],
            language=data.get("language", self.paper.language),
            audience=data.get("audience", PaperExport.Audience.DIRECTORATE),
            version=version,
            filters=filters,
            classification=data.get("classification", ""),
        )
        messages.info(request, _("Export %(pk)s requested.") % {"pk": export.pk})
        return redirect("positions:exports", slug=slug)


class ExportDownloadView(PaperMixin, View):
    permission_required = "positions.export_paper"

    def get(self, request, slug, pk):
        export = get_object_or_404(self.paper.exports, pk=pk, status=PaperExport.Status.DONE)
        response = FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=export.filename,
            content_type=CONTENT_TYPES[export.format],
        )
        return response


class FeedbackView(PaperMixin, View):
    """For a participant: which paragraphs of the approved version cite each input of
    their organisation, or that none does."""

    permission_required = "positions.view_feedback"

    def get(self, request, slug):
        feedback = selectors.feedback_for(paper=self.paper, user=request.user)
        context = {"consultation": self.consultation, "paper": self.paper, **feedback}
        return render(request, "positions/feedback.html", context)
