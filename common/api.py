"""What every API view shares: the rules permission, pagination, and error bodies.

Permissions are not written twice: `RulesPermission` looks up the django-rules
permission a view names for the request's method and asks the same predicates the web
pages ask (consult/rules.py, positions/rules.py), on the object the view checks.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.views import exception_handler as drf_exception_handler


class RulesPermission(BasePermission):
    """Maps methods to rules permissions: `view.rules = {"GET": "consult.view_x", ...}`.

    HEAD and OPTIONS are checked as GET. The object is `view.get_permission_object()`,
    the consultation (or session, input) the URL names; a view whose method maps to
    no permission only needs an authenticated user.
    """

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        method = "GET" if request.method in SAFE_METHODS else request.method
        permission = getattr(view, "rules", {}).get(method)
        if permission is None:
            return True
        return request.user.has_perm(permission, view.get_permission_object())


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


ERROR_BODY = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorDetail",
            fields={
                "status": serializers.IntegerField(),
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()), required=False
                ),
            },
        )
    },
)
ERRORS = {
    status: OpenApiResponse(ERROR_BODY, description=description)
    for status, description in [
        (400, "Invalid request"),
        (401, "Not authenticated"),
        (403, "Not allowed"),
        (404, "Not found"),
        (429, "Too many requests"),
    ]
}


def _as_drf(exc):
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return exceptions.ValidationError(detail)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    return exc


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _flatten(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _flatten(value)]
    return [str(detail)]


def exception_handler(exc, context):
    """Every error, from DRF or from a service, as `{"error": {status, code, message, fields}}`."""
    exc = _as_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": "error", "message": ""}
    if isinstance(exc, exceptions.ValidationError):
        body["code"] = "invalid"
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        body["fields"] = {key: _flatten(value) for key, value in detail.items()}
        body["message"] = _flatten(detail)[0] if _flatten(detail) else ""
    elif isinstance(exc, exceptions.APIException):
        body["code"] = exc.default_code if isinstance(exc.detail, dict) else exc.detail.code
        body["message"] = " ".join(_flatten(exc.detail))
    response.data = {"error": body}
    return response
