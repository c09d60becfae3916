from django.urls import path

from . import digest_views, follows_views

app_name = "community"

urlpatterns = [
    # Following topics and cities, and the digest (issue 22).
    path("following/", follows_views.following, name="following"),
    path("following/cities/<slug:slug>/", follows_views.follow_city, name="follow_city"),
    path("following/cities/<slug:slug>/stop/", follows_views.unfollow_city, name="unfollow_city"),
    path("digest/unsubscribe/<str:token>/", digest_views.unsubscribe, name="unsubscribe"),
]
