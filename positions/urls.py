from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("c/<slug:slug>/paper/", views.PaperDetailView.as_view(), name="paper_detail"),
    path("c/<slug:slug>/paper/import/", views.InputImportView.as_view(), name="input_import"),
    path("c/<slug:slug>/paper/runs/", views.RunStartView.as_view(), name="run_start"),
    path(
        "c/<slug:slug>/paper/runs/<int:run_pk>/",
        views.RunStatusView.as_view(),
        name="run_status",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/",
        views.VersionDetailView.as_view(),
        name="version_detail",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/export.docx",
        views.VersionExportView.as_view(),
        name="version_export_docx",
    ),
]
