from django.urls import path

from . import certificate_views as views

app_name = "certificates"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("<str:code>/", views.verify, name="verify"),
    path("<str:code>/certificate.pdf", views.pdf, name="pdf"),
]
