"""/api/v1/: the REST API; its schema is at /api/schema/ and its docs at /api/docs/."""

from django.urls import path

from consult import api as consult_api
from positions import api as positions_api
from stakeholders import api as stakeholders_api
from stakeholders.tokens import TokenObtainRevoke

app_name = "api"

C = "consultations/<slug:slug>/"

urlpatterns = [
    path("auth/token/", TokenObtainRevoke.as_view(), name="token"),
    path("organisations/", stakeholders_api.OrganisationList.as_view(), name="organisations"),
    path(
        "organisations/<int:pk>/",
        stakeholders_api.OrganisationDetail.as_view(),
        name="organisation",
    ),
    path("consultations/", consult_api.ConsultationList.as_view(), name="consultations"),
    path(C, consult_api.ConsultationDetail.as_view(), name="consultation"),
    path(C + "sessions/", consult_api.SessionList.as_view(), name="sessions"),
    path(C + "issues/", consult_api.IssueList.as_view(), name="issues"),
    path(C + "inputs/", consult_api.InputListCreate.as_view(), name="inputs"),
    path(C + "inputs/<int:pk>/", consult_api.InputDetail.as_view(), name="input"),
    path(C + "runs/", positions_api.RunListStart.as_view(), name="runs"),
    path(
        C + "issues/<str:code>/key-points/decisions/",
        positions_api.DecisionListCreate.as_view(),
        name="decisions",
    ),
    path(C + "runs/<int:run_pk>/", positions_api.RunDetail.as_view(), name="run"),
    path(C + "drafts/", positions_api.DraftList.as_view(), name="drafts"),
    path(C + "drafts/<int:number>/", positions_api.DraftDetail.as_view(), name="draft"),
    path(
        C + "drafts/<int:number>/export.docx",
        positions_api.DraftExportDocx.as_view(),
        name="draft_export",
    ),
    path(
        C + "drafts/<int:number>/export.pdf",
        positions_api.DraftExportPdf.as_view(),
        name="draft_export_pdf",
    ),
    path(
        C + "drafts/<int:number>/export.md",
        positions_api.DraftExportMarkdown.as_view(),
        name="draft_export_md",
    ),
    path(
        C + "drafts/<int:number>/export.json",
        positions_api.DraftExportJson.as_view(),
        name="draft_export_json",
    ),
]
