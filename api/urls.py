from django.urls import path

from . import views

urlpatterns = [
    path("open-data/", views.api_reference, name="api_reference"),
    path("me/api-tokens/", views.api_tokens, name="api_tokens"),
    path("me/api-tokens/<str:token_id>/revoke/", views.revoke, name="api_token_revoke"),
]
