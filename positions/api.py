"""Aggregation runs and draft versions under /api/v1/consultations/{slug}/."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from common.api import ERRORS
from common.ids import MAX_ID
from consult.api import ConsultationScoped
from positions import exporting, selectors, services
from positions.exports import CONTENT_TYPES
from positions.models import (
    PAPER_LANGUAGES,
    AggregationRun,
    DraftVersion,
    KeyPointDecision,
    PaperExport,
)
from positions.visibility import paragraph_read, reader_for


class RunSerializer(serializers.ModelSerializer):
    percent = serializers.IntegerField(read_only=True)
    draft_version = serializers.IntegerField(source="draft_version.number", allow_null=True)

    class Meta:
        model = AggregationRun
        fields = [
            "id",
            "status",
            "stage",
            "percent",
            "issues_total",
            "issues_done",
            "inputs_processed",
            "paragraphs_written",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "draft_version",
        ]


class RunStartSerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=PAPER_LANGUAGES,
        required=False,
        help_text="The language the paper is written in from this run on (left as it is "
        "when not given).",
    )


class VersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DraftVersion
        fields = ["number", "origin", "note", "created_at"]


class ParagraphSerializer(serializers.Serializer):
    text = serializers.CharField()
    sources = serializers.ListField(child=serializers.IntegerField())
    unnamed_sources = serializers.IntegerField(help_text="Sources the requester may not see.")
    withheld = serializers.BooleanField(
        help_text="The text is withheld: it rests on, quotes or names sources the requester "
        "may not see."
    )


class SectionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    heading = serializers.CharField()
    issue = serializers.IntegerField(source="issue_id", allow_null=True)
    paragraphs = serializers.SerializerMethodField()

    @extend_schema_field(ParagraphSerializer(many=True))
    def get_paragraphs(self, section):
        """Each paragraph as the requester may read it (positions/visibility.py)."""
        reader = reader_for(self.context["request"].user, self.context["consultation"])
        paragraphs = []
        for p in section.paragraphs.all():
            read = paragraph_read(p.text, p.sources.all(), section.kind, reader)
            paragraphs.append(
                {
                    "text": read.text,
                    "sources": [source.pk for source in read.sources],
                    "unnamed_sources": read.unnamed,
                    "withheld": read.withheld,
                }
            )
        return paragraphs


class VersionDetailSerializer(VersionSerializer):
    sections = SectionSerializer(many=True)

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "sections"]


class PaperScoped(ConsultationScoped):
    @property
    def paper(self):
        return selectors.paper_get(consultation=self.consultation)


@extend_schema_view(
    get=extend_schema(responses={200: RunSerializer, **ERRORS}),
    post=extend_schema(
        request=RunStartSerializer, responses={202: RunSerializer, 409: ERRORS[400], **ERRORS}
    ),
)
class RunListStart(PaperScoped, generics.ListAPIView):
    rules = {"GET": "positions.view_paper", "POST": "positions.start_aggregation"}
    serializer_class = RunSerializer

    def get_queryset(self):
        if self.is_schema:
            return AggregationRun.objects.none()
        return selectors.run_list(paper=self.paper)

    def post(self, request, slug):
        start = RunStartSerializer(data=request.data)
        start.is_valid(raise_exception=True)
        if "language" in start.validated_data:
            services.paper_language_set(
                paper=self.paper, language=start.validated_data["language"], user=request.user
            )
        try:
            run = services.aggregation_run_start(paper=self.paper, requested_by=request.user)
        except services.RunInProgress as error:
            body = {"status": 409, "code": "conflict", "message": error.messages[0]}
            return Response({"error": body}, status=status.HTTP_409_CONFLICT)
        run = selectors.run_list(paper=self.paper).get(pk=run.pk)
        return Response(RunSerializer(run).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(get=extend_schema(responses={200: RunSerializer, **ERRORS}))
class RunDetail(PaperScoped, generics.RetrieveAPIView):
    rules = {"GET": "positions.view_paper"}
    serializer_class = RunSerializer

    def get_object(self):
        return get_object_or_404(selectors.run_list(paper=self.paper), pk=self.kwargs["run_pk"])


@extend_schema_view(get=extend_schema(responses={200: VersionSerializer, **ERRORS}))
class DraftList(PaperScoped, generics.ListAPIView):
    rules = {"GET": "positions.view_paper"}
    serializer_class = VersionSerializer

    def get_queryset(self):
        if self.is_schema:
            return DraftVersion.objects.none()
        return self.paper.versions.order_by("-number")


class DraftMixin(PaperScoped):
    def version(self) -> DraftVersion:
        try:
            return selectors.version_get(paper=self.paper, number=self.kwargs["number"])
        except DraftVersion.DoesNotExist:
            raise Http404 from None


@extend_schema_view(get=extend_schema(responses={200: VersionDetailSerializer, **ERRORS}))
class DraftDetail(DraftMixin, generics.RetrieveAPIView):
    """A draft version as structured JSON: sections, paragraphs and their source inputs."""

    rules = {"GET": "positions.view_paper"}
    serializer_class = VersionDetailSerializer

    def get_object(self):
        return self.version()

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "consultation": self.consultation}


class FileRenderer(BaseRenderer):
    """Lets a client ask for the export's own media type; the view answers with the file."""

    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def _renderer(export_format: str) -> type[FileRenderer]:
    media_type = CONTENT_TYPES[export_format].split(";")[0]
    return type(
        f"{export_format.title()}Renderer",
        (FileRenderer,),
        {"media_type": media_type, "format": export_format},
    )


RENDERERS = {fmt: _renderer(fmt) for fmt in exporting.VERSION_FORMATS}
AUDIENCES = [value for value, _label in PaperExport.Audience.choices]


def _export_schema(export_format: str):
    media_type = CONTENT_TYPES[export_format].split(";")[0]
    body = OpenApiTypes.OBJECT if export_format == "json" else OpenApiTypes.BINARY
    return extend_schema_view(
        get=extend_schema(
            summary=f"The version as {export_format.upper()}",
            parameters=[
                OpenApiParameter(
                    "language",
                    str,
                    enum=[code for code, _name in settings.LANGUAGES],
                    description="Language of the headings; the paper's language if absent.",
                ),
                OpenApiParameter(
                    "audience",
                    str,
                    enum=AUDIENCES,
                    description="`directorate` (default) names every source; `public` is "
                    "for circulation: only public inputs named, the others counted, and "
                    "no text quoted from them.",
                ),
            ],
            responses={(200, media_type): body, **ERRORS},
        )
    )


class DraftExport(DraftMixin, generics.GenericAPIView):
    """A version rendered as a file by the same functions as the exports page, and
    recorded there like any other export (who, version, format, language, audience)."""

    rules = {"GET": "positions.export_paper"}
    export_format = "docx"

    def get_renderers(self):
        return [JSONRenderer(), RENDERERS[self.export_format]()]

    def handle_exception(self, exc):
        # Errors are JSON bodies like everywhere else, whatever the client accepts.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def get(self, request, slug, number):
        version = self.version()
        language = request.query_params.get("language")
        if language not in dict(settings.LANGUAGES):
            language = self.paper.language
        audience = request.query_params.get("audience") or PaperExport.Audience.DIRECTORATE
        if audience not in AUDIENCES:
            message = _("Choose one of: %(choices)s.") % {"choices": ", ".join(AUDIENCES)}
            raise serializers.ValidationError({"audience": [message]})
        export = exporting.export_now(
            paper=self.paper,
            user=request.user,
            version=version,
            format=self.export_format,
            language=language,
            audience=audience,
        )
        if export.status != PaperExport.Status.DONE:
            raise APIException(export.error)
        with export.file.open("rb") as file:
            response = HttpResponse(file.read(), content_type=CONTENT_TYPES[self.export_format])
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response


@_export_schema("docx")
class DraftExportDocx(DraftExport):
    export_format = "docx"


@_export_schema("pdf")
class DraftExportPdf(DraftExport):
    export_format = "pdf"


@_export_schema("md")
class DraftExportMarkdown(DraftExport):
    export_format = "md"


@_export_schema("json")
class DraftExportJson(DraftExport):
    export_format = "json"


class DecisionSerializer(serializers.ModelSerializer):
    """A decision on the grouping of a thematic issue (positions/aggregation/decisions.py):
    `anchors` and `targets` are input ids of that issue."""

    anchors = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), allow_empty=False
    )
    targets = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False
    )
    run = serializers.IntegerField(read_only=True, help_text="the run that writes the version")

    class Meta:
        model = KeyPointDecision
        fields = [
            "id", "kind", "anchors", "targets", "name_id", "name_en", "label", "reason",
            "created_at", "run",
        ]  # fmt: skip
        read_only_fields = ["id", "created_at", "run"]


@extend_schema_view(
    get=extend_schema(responses={200: DecisionSerializer(many=True), **ERRORS}),
    post=extend_schema(request=DecisionSerializer, responses={201: DecisionSerializer, **ERRORS}),
)
class DecisionListCreate(PaperScoped, generics.ListAPIView):
    """`/consultations/<slug>/issues/<code>/key-points/decisions/`: the directorate's
    decisions on an issue's grouping, and a new one (which starts the run that shows it)."""

    rules = {"GET": "positions.decide_grouping", "POST": "positions.decide_grouping"}
    serializer_class = DecisionSerializer
    pagination_class = None

    @property
    def issue(self):
        return get_object_or_404(self.consultation.issues, code=self.kwargs["code"])

    def get_queryset(self):
        if self.is_schema:
            return KeyPointDecision.objects.none()
        return KeyPointDecision.objects.filter(consultation=self.consultation, issue=self.issue)

    def post(self, request, slug, code):
        incoming = DecisionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        decision, run = services.key_point_decide(
            consultation=self.consultation,
            issue=self.issue,
            kind=data["kind"],
            anchors=data["anchors"],
            targets=data.get("targets", []),
            name_id=data.get("name_id", ""),
            name_en=data.get("name_en", ""),
            label=data.get("label", ""),
            reason=data.get("reason", ""),
            user=request.user,
        )
        body = DecisionSerializer(decision).data | {"run": run.pk}
        return Response(body, status=status.HTTP_201_CREATED)
