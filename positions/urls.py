from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("c/<slug:slug>/paper/", views.PaperDetailView.as_view(), name="paper_detail"),
    path("c/<slug:slug>/paper/import/", views.InputImportView.as_view(), name="input_import"),
    path("c/<slug:slug>/paper/runs/", views.RunStartView.as_view(), name="run_start"),
    path(
        "c/<slug:slug>/paper/runs/<int:run_pk>/review/",
        views.RunReviewView.as_view(),
        name="run_review",
    ),
    path("c/<slug:slug>/paper/decisions/", views.DecisionView.as_view(), name="decision"),
    path(
        "c/<slug:slug>/paper/decisions/<int:pk>/retract/",
        views.DecisionRetractView.as_view(),
        name="decision_retract",
    ),
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
]

urlpatterns += [
    path("c/<slug:slug>/paper/compare/", views.CompareView.as_view(), name="compare"),
    path("c/<slug:slug>/paper/cite/", views.CiteSearchView.as_view(), name="cite_search"),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/sections/<str:key>/edit/",
        views.SectionEditView.as_view(),
        name="section_edit",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/sections/<str:key>/comments/",
        views.CommentView.as_view(),
        name="comment_add",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/submit/",
        views.SubmitForReviewView.as_view(),
        name="version_submit",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/approve/",
        views.ApproveView.as_view(),
        name="version_approve",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/request-changes/",
        views.RequestChangesView.as_view(),
        name="version_request_changes",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/clearance/",
        views.ClearanceAskView.as_view(),
        name="clearance_ask",
    ),
    path(
        "c/<slug:slug>/paper/versions/<int:number>/publication/",
        views.PublicationAskView.as_view(),
        name="publication_ask",
    ),
    path("c/<slug:slug>/paper/clearance/", views.DraftReadersView.as_view(), name="draft_readers"),
    path(
        "c/<slug:slug>/paper/suggestions/<int:pk>/<str:decision>/",
        views.SuggestionDecideView.as_view(),
        name="suggestion_decide",
    ),
    path("c/<slug:slug>/paper/exports/", views.ExportListView.as_view(), name="exports"),
    path(
        "c/<slug:slug>/paper/exports/<int:pk>/download/",
        views.ExportDownloadView.as_view(),
        name="export_download",
    ),
    path("c/<slug:slug>/paper/feedback/", views.FeedbackView.as_view(), name="feedback"),
]
