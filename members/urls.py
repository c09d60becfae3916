from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/data.json", views.download_my_data, name="my_data"),
    path("me/delete/", views.delete_my_account, name="delete_account"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("members/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("members/<slug:slug>/dashboard/report.csv", views.report_csv, name="report_csv"),
    path("members/<slug:slug>/dashboard/<slug:key>.csv", views.report_table_csv, name="report_table_csv"),
    path("members/<slug:slug>/dashboard/invitations/", views.send_invitations, name="invite"),
    path("members/<slug:slug>/dashboard/contact/", views.set_public_contact, name="public_contact"),
    path(
        "members/<slug:slug>/dashboard/invitations/<int:pk>/resend/",
        views.resend_invitation,
        name="resend_invitation",
    ),
    path(
        "members/<slug:slug>/dashboard/invitations/<int:pk>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("members/<slug:slug>/dashboard/requests/<int:pk>/approve/", views.approve_request, name="approve"),
    path("members/<slug:slug>/dashboard/requests/<int:pk>/reject/", views.reject_request, name="reject"),
    path("members/<slug:slug>/dashboard/staff/<int:pk>/role/", views.change_role, name="change_role"),
    path("members/<slug:slug>/dashboard/staff/<int:pk>/remove/", views.remove_member, name="remove"),
]
