from django.urls import path

from consult import views

app_name = "consult"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("consultations/new/", views.ConsultationCreateView.as_view(), name="consultation_create"),
    path("c/<slug:slug>/", views.ConsultationDetailView.as_view(), name="consultation_detail"),
    path("c/<slug:slug>/issues/new/", views.IssueCreateView.as_view(), name="issue_create"),
    path("c/<slug:slug>/sessions/new/", views.SessionCreateView.as_view(), name="session_create"),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/",
        views.SessionDetailView.as_view(),
        name="session_detail",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/invite/",
        views.SessionInviteView.as_view(),
        name="session_invite",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/status/",
        views.SessionStatusView.as_view(),
        name="session_status",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/inputs/new/",
        views.InputCreateView.as_view(),
        name="input_create",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/inputs/autosave/",
        views.InputAutosaveView.as_view(),
        name="input_autosave",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/published/",
        views.PublishedInputsView.as_view(),
        name="published_inputs",
    ),
    path(
        "c/<slug:slug>/sessions/<int:session_pk>/statements/new/",
        views.StatementRecordView.as_view(),
        name="statement_record",
    ),
    path("c/<slug:slug>/invitations/", views.InvitationListView.as_view(), name="invitation_list"),
    path(
        "c/<slug:slug>/invitations/<int:pk>/<str:action>/",
        views.InvitationActionView.as_view(),
        name="invitation_action",
    ),
    path("inputs/", views.MyInputsView.as_view(), name="my_inputs"),
    path("inputs/<int:pk>/", views.InputDetailView.as_view(), name="input_detail"),
    path("inputs/<int:pk>/edit/", views.InputEditView.as_view(), name="input_edit"),
    path(
        "inputs/<int:pk>/autosave/",
        views.InputEditAutosaveView.as_view(),
        name="input_autosave_edit",
    ),
    path("inputs/<int:pk>/withdraw/", views.InputWithdrawView.as_view(), name="input_withdraw"),
    path("inputs/<int:pk>/confirm/", views.InputConfirmView.as_view(), name="input_confirm"),
    path("inputs/<int:pk>/publish/", views.InputPublishView.as_view(), name="input_publish"),
    path(
        "attachments/<uuid:public_id>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
]
