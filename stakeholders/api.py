"""Organisations through the API: a read-only directory for any signed-in user."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from common.api import ERRORS, RulesPermission
from stakeholders.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "kind", "parent"]


@extend_schema_view(get=extend_schema(responses={200: OrganisationSerializer, **ERRORS}))
class OrganisationList(generics.ListAPIView):
    permission_classes = [RulesPermission]
    serializer_class = OrganisationSerializer
    queryset = Organisation.objects.order_by("name", "pk")


@extend_schema_view(get=extend_schema(responses={200: OrganisationSerializer, **ERRORS}))
class OrganisationDetail(generics.RetrieveAPIView):
    permission_classes = [RulesPermission]
    serializer_class = OrganisationSerializer
    queryset = Organisation.objects.all()
