from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from config.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("help/", TemplateView.as_view(template_name="help.html"), name="help"),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # Swagger UI and Redoc style their widgets inline and Redoc starts from an inline
    # script and a worker: these two pages, and no other, allow that.
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api_schema")
        ),
        name="api_docs",
    ),
    path(
        "api/redoc/",
        csp_update(
            {
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
                "worker-src": ["blob:"],
            }
        )(SpectacularRedocView.as_view(url_name="api_schema")),
        name="api_redoc",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("stakeholders.urls")),
    path("", include("config.staff_urls")),
    path("", include("positions.urls")),
    path("", include("consult.urls")),
]

handler404 = "config.views.not_found"
