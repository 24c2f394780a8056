"""API tokens: obtained with a password, throttled, expiring, revocable.

One token per user (rest_framework.authtoken). A token older than API_TOKEN_DAYS is
refused and must be obtained again; signing out of the web pages, or DELETE on the
token endpoint, revokes it; staff can delete any token in the admin. Wrong passwords
count towards the sign-in lockout (django-axes) like those typed on the login page.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from common.api import ERRORS
from common.lockout import lockout_response
from stakeholders.authentication import ExpiringTokenAuthentication, token_expired


class TokenObtainThrottle(AnonRateThrottle):
    """Password tries per address, counted in the shared cache whoever is signed in."""

    scope = "token"

    def get_rate(self):
        return settings.API_THROTTLE_TOKEN

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


TOKEN_BODY = inline_serializer(name="Token", fields={"token": serializers.CharField()})


class TokenObtainRevoke(ObtainAuthToken):
    authentication_classes = [ExpiringTokenAuthentication]
    throttle_classes = [TokenObtainThrottle]

    @extend_schema(
        request=inline_serializer(
            name="TokenRequest",
            fields={"username": serializers.CharField(), "password": serializers.CharField()},
        ),
        responses={200: TOKEN_BODY, **ERRORS},
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            # django-axes marks the request it was given, DRF's wrapper here.
            if getattr(request, "axes_locked_out", False):
                return lockout_response(request._request, None, None)
            raise exceptions.ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        token, _created = Token.objects.get_or_create(user=user)
        if token_expired(token):
            token.delete()
            token = Token.objects.create(user=user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None, **ERRORS})
    def delete(self, request, *args, **kwargs):
        """Revoke the token the request is signed with."""
        if not IsAuthenticated().has_permission(request, self):
            raise exceptions.NotAuthenticated()
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


def _revoke_on_logout(sender, request, user, **kwargs):
    if user is not None:
        Token.objects.filter(user=user).delete()


user_logged_out.connect(_revoke_on_logout, dispatch_uid="api-token-revoke-on-logout")
