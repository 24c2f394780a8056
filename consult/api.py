"""Consultations, sessions, issues and inputs under /api/v1/.

Each view names the rules permission per method (`rules`) and the object it is checked
on; querysets are scoped the same way the web pages scope them, so an input the user may
not read is a 404, like an unknown one.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from common.api import ERRORS, RulesPermission
from consult import selectors, services, staff_selectors
from consult.filters import InputFilter
from consult.models import Consultation, Input
from consult.serializers import (
    ConsultationSerializer,
    InputCreateSerializer,
    InputSerializer,
    SessionSerializer,
    ThematicIssueSerializer,
)
from stakeholders.selectors import participant_organisation


class ConsultationFilterBackend(DjangoFilterBackend):
    """The staff list's FilterSet, with its choices scoped to the URL's consultation."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["consultation"] = getattr(view, "consultation", None)
        return kwargs


class ConsultationScoped:
    """A view under /consultations/{slug}/: the consultation is the permission object."""

    permission_classes = [RulesPermission]

    @cached_property
    def consultation(self):
        return selectors.consultation_get(slug=self.kwargs["slug"])

    def get_permission_object(self):
        return self.consultation

    @property
    def is_schema(self):
        return getattr(self, "swagger_fake_view", False)


@extend_schema_view(get=extend_schema(responses={200: ConsultationSerializer, **ERRORS}))
class ConsultationList(generics.ListAPIView):
    permission_classes = [RulesPermission]
    serializer_class = ConsultationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Consultation.objects.none()
        return selectors.consultation_list_for(user=self.request.user)


@extend_schema_view(get=extend_schema(responses={200: ConsultationSerializer, **ERRORS}))
class ConsultationDetail(ConsultationScoped, generics.RetrieveAPIView):
    rules = {"GET": "consult.view_consultation"}
    serializer_class = ConsultationSerializer

    def get_object(self):
        return self.consultation


@extend_schema_view(get=extend_schema(responses={200: SessionSerializer, **ERRORS}))
class SessionList(ConsultationScoped, generics.ListAPIView):
    rules = {"GET": "consult.view_consultation"}
    serializer_class = SessionSerializer

    def get_queryset(self):
        if self.is_schema:
            return Consultation.objects.none()
        return self.consultation.sessions.order_by("date", "pk")


@extend_schema_view(get=extend_schema(responses={200: ThematicIssueSerializer, **ERRORS}))
class IssueList(ConsultationScoped, generics.ListAPIView):
    rules = {"GET": "consult.view_consultation"}
    serializer_class = ThematicIssueSerializer

    def get_queryset(self):
        if self.is_schema:
            return Consultation.objects.none()
        return self.consultation.issues.order_by("position", "code")


class InputScoped(ConsultationScoped):
    def get_queryset(self):
        if self.is_schema:
            return Input.objects.none()
        inputs = staff_selectors.workspace_inputs(consultation=self.consultation)
        # the attachments' rule reads each input's consultation: fetched with the input
        inputs = inputs.select_related("session__consultation").prefetch_related("attachments")
        if self.request.user.has_perm("consult.view_workspace", self.consultation):
            return inputs
        # Everyone else reads the inputs of the organisations they speak for.
        own = selectors.input_list_for_user(user=self.request.user).values("pk")
        return inputs.filter(pk__in=own)


def idempotency_form_key(request) -> uuid.UUID | None:
    """The `Idempotency-Key` header as the key of the form the input comes from.

    A client that sends its request again (a timeout, a retry) with the same key gets the
    input the first request made, not a second one. Keys are the client's own: the same
    key from two users names two inputs.
    """
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return None
    return uuid.uuid5(uuid.NAMESPACE_URL, f"gcm-input:{request.user.pk}:{key[:200]}")


@extend_schema_view(
    get=extend_schema(responses={200: InputSerializer, **ERRORS}),
    post=extend_schema(
        request=InputCreateSerializer,
        responses={201: InputSerializer, **ERRORS},
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                description="Send the request again with the same key (a retry after a "
                "timeout) and get the same input back instead of a second one.",
            )
        ],
    ),
)
class InputListCreate(InputScoped, generics.ListCreateAPIView):
    """Inputs with the staff list's filters and search; participants create their own."""

    rules = {"GET": "consult.view_consultation", "POST": "consult.view_consultation"}
    serializer_class = InputSerializer
    filter_backends = [ConsultationFilterBackend]
    filterset_class = InputFilter

    def create(self, request, *args, **kwargs):
        data = InputCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        session = get_object_or_404(self.consultation.sessions, pk=fields.pop("session"))
        session.consultation = self.consultation
        if not request.user.has_perm("consult.add_input", session):
            raise PermissionDenied(_("You may not add inputs to this session."))
        organisation = participant_organisation(request.user)
        wanted = fields.pop("organisation", None)
        if organisation is None or (wanted is not None and wanted != organisation.pk):
            raise PermissionDenied(_("You can only submit inputs for your own organisation."))
        issue = self.consultation.issues.filter(pk=fields.pop("issue")).first()
        if issue is None:
            raise ValidationError({"issue": [_("This issue is not part of the consultation.")]})
        input = services.input_save(
            author=request.user,
            organisation=organisation,
            session=session,
            issue=issue,
            form_key=idempotency_form_key(request),
            **fields,
        )
        input = self.get_queryset().get(pk=input.pk)
        data = InputSerializer(input, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(responses={200: InputSerializer, **ERRORS}))
class InputDetail(InputScoped, generics.RetrieveAPIView):
    rules = {"GET": "consult.view_consultation"}
    serializer_class = InputSerializer
