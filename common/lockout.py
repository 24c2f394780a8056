"""What a locked-out sign-in gets back, as django-axes calls it (AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response, credentials):
    minutes = round(settings.AXES_COOLOFF_TIME * 60) if settings.AXES_COOLOFF_TIME else 0
    if request.path.startswith("/api/"):
        message = _(
            "Too many failed sign-ins for this account or from this address; "
            "try again in %(minutes)s minutes."
        ) % {"minutes": minutes}
        body = {"status": 429, "code": "locked_out", "message": message}
        return JsonResponse({"error": body}, status=429)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


def client_address(request) -> str:
    """The address a request came from, as django-axes and the API throttles count it.

    Behind TRUSTED_PROXY_HOPS reverse proxies the client is the address the outermost of
    them saw, that many entries from the right of X-Forwarded-For; entries further left
    are whatever the client chose to send. With no proxy, REMOTE_ADDR.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if hops <= 0 or not forwarded:
        return remote
    return forwarded[-min(hops, len(forwarded))]
