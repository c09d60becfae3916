"""The site's URLs plus views that fail on purpose, for the error-reporting and request-log tests."""

from django.db import DatabaseError
from django.urls import path

from wego_hub.urls import urlpatterns as site_urlpatterns

handler500 = "core.views.server_error"

PERSON_EMAIL = "mina.park@seoul.city.example"


def boom(request):
    email = PERSON_EMAIL  # a local variable an error report would show
    raise RuntimeError(f"Could not notify {email}")


def boom_with_form(request):
    password = request.POST.get("password")  # a copy of the secret under an innocent name
    copied = f"checked {password}"
    raise RuntimeError(f"Form failed: {len(copied)}")


def boom_in_database(request):
    raise DatabaseError("could not connect to server")


urlpatterns = [
    path("boom/", boom),
    path("boom-form/", boom_with_form),
    path("boom-db/", boom_in_database),
    *site_urlpatterns,
]
