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
