from django.db import connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found

from config.celery_app import app as celery_app


def _broker_status() -> str:
    if celery_app.conf.task_always_eager:
        return "eager"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # any failure to reach the broker means "down", nothing more
        return "down"
    return "ok"


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers, 503 when not; says whether the broker does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # the database being down is the answer, not an error
        database = "down"
    status = 200 if database == "ok" else 503
    body = {"status": "ok" if status == 200 else "fail", "database": database}
    body["broker"] = _broker_status()
    return JsonResponse(body, status=status)


def not_found(request, exception):
    """An unknown address under /api/ is answered in the API's error body, not a page."""
    if request.path.startswith("/api/"):
        body = {"status": 404, "code": "not_found", "message": _("Not found.")}
        return JsonResponse({"error": body}, status=404)
    return page_not_found(request, exception)
