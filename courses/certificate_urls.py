from django.urls import path

from . import certificate_views as views
from . import credential_views

app_name = "certificates"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("verify-credential/", credential_views.verify_given_credential, name="verify_credential"),
    path("<str:code>/", views.verify, name="verify"),
    path("<str:code>/certificate.pdf", views.pdf, name="pdf"),
    path("<str:code>/credential.json", credential_views.credential_json, name="credential"),
    path("<str:code>/badge.png", credential_views.badge_png, name="badge"),
]
