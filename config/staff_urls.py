"""The staff workspace, mounted under the `staff:` namespace."""

from django.urls import path

from consult.staff_urls import urlpatterns as input_urlpatterns
from positions.dashboard import DashboardView

app_name = "staff"

urlpatterns = [
    path("c/<slug:slug>/staff/", DashboardView.as_view(), name="dashboard"),
    *input_urlpatterns,
]
