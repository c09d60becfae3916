"""The issuer's public Open Badges documents, at /credentials/ (outside the language prefixes: they are
identifiers, the same address in every language)."""

from django.urls import path

from . import credential_views as views

app_name = "credentials"

urlpatterns = [
    path("issuer/", views.issuer_profile, name="issuer"),
    path("issuer/jwks.json", views.issuer_jwks, name="jwks"),
    path("achievements/<int:page_id>/", views.achievement, name="achievement"),
    path("status/revocation/", views.status_list, name="status_list"),
]
