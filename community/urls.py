from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
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
