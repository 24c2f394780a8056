"""Request-wide behaviour that belongs to no app."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# The session records the last request at most this often, so reading pages does not
# write the session row on every request.
_TOUCH_EVERY_SECONDS = 60


class IdleSessionTimeoutMiddleware:
    """Signs out a session left idle for SESSION_IDLE_MINUTES.

    A shared office computer left signed in should not keep a directorate's drafts open
    for the cookie's whole life. The last request's time is kept in the session; a
    request that comes later than the idle limit finds the session ended, as if its
    owner had signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get("last_request_at")
            idle_limit = settings.SESSION_IDLE_MINUTES * 60
            if last is not None and now - last > idle_limit:
                logout(request)
            elif last is None or now - last >= _TOUCH_EVERY_SECONDS:
                request.session["last_request_at"] = now
        return self.get_response(request)


def _session_start(sender, request, user, **kwargs):
    # Signing in starts the idle clock, so the first page after it writes nothing.
    if request is not None and hasattr(request, "session"):
        request.session["last_request_at"] = int(time.time())


user_logged_in.connect(_session_start, dispatch_uid="idle-session-start")


class PrivatePagesMiddleware:
    """Pages and API answers for a signed-in person are never stored by a cache.

    They carry drafts, inputs beyond the public tier and names: a shared proxy or the
    browser's disk cache on a shared office computer must not keep them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        return response


class WorkspaceLanguageMiddleware(LocaleMiddleware):
    """The interface speaks the workspace's language (LANGUAGE_CODE) until a person picks
    another with the header's buttons (a cookie); a browser's Accept-Language does not
    choose for them, unless LANGUAGE_FROM_BROWSER says it may. The API, whose clients
    carry no cookie, keeps to Accept-Language."""

    def process_request(self, request):
        if settings.LANGUAGE_FROM_BROWSER or request.path.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or settings.LANGUAGE_CODE
        try:
            language = translation.get_supported_language_variant(chosen)
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
