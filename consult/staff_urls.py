"""The staff workspace's input pages; config/staff_urls.py mounts them as `staff:`."""

from django.urls import path

from consult import staff_views

urlpatterns = [
    path("c/<slug:slug>/staff/inputs/", staff_views.InputListView.as_view(), name="inputs"),
    path(
        "c/<slug:slug>/staff/inputs/tags/",
        staff_views.InputBulkTagView.as_view(),
        name="inputs_tag",
    ),
    path(
        "c/<slug:slug>/staff/inputs/<int:pk>/",
        staff_views.InputDetailView.as_view(),
        name="input",
    ),
    path(
        "c/<slug:slug>/staff/inputs/<int:pk>/hide/",
        staff_views.InputModerateView.as_view(action="hide"),
        name="input_hide",
    ),
    path(
        "c/<slug:slug>/staff/inputs/<int:pk>/restore/",
        staff_views.InputModerateView.as_view(action="restore"),
        name="input_restore",
    ),
    path(
        "c/<slug:slug>/staff/inputs/<int:pk>/status/",
        staff_views.InputModerateView.as_view(action="status"),
        name="input_status",
    ),
    path("c/<slug:slug>/staff/audit/", staff_views.AuditTrailView.as_view(), name="audit"),
]
