from django.urls import path

from . import digest_views, follows_views, views

app_name = "community"

urlpatterns = [
    # Following topics and cities, and the digest (issue 22).
    path("following/", follows_views.following, name="following"),
    path("following/cities/<slug:slug>/", follows_views.follow_city, name="follow_city"),
    path("following/cities/<slug:slug>/stop/", follows_views.unfollow_city, name="unfollow_city"),
    path("digest/unsubscribe/<str:token>/", digest_views.unsubscribe, name="unsubscribe"),
    # Peers (profiles, find a peer, messages)
    path("profile/", views.edit_profile, name="profile"),
    path("peers/", views.peers, name="peers"),
    path("peers/<str:profile_id>/", views.peer_detail, name="peer"),
    path("messages/", views.inbox, name="inbox"),
    path("messages/new/", views.new_conversation, name="new_conversation"),
    path("messages/<str:conversation_id>/", views.conversation, name="conversation"),
    path("messages/<str:conversation_id>/report/", views.report, name="report"),
    path("messages/<str:conversation_id>/block/", views.block, name="block"),
    path("reply/<str:token>/", views.contact_reply, name="contact_reply"),
]
