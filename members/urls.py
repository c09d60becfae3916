from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.organisation_detail, name="organisation"),
]
