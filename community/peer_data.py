"""The person's profile and messages in "Download my data" and "Delete my account" (members.personal_data)."""

from django.db.models import Q

from .models import Block, Conversation, Message, PeerProfile


def _iso(value):
    return value.isoformat() if value else None


def export(user):
    profile = PeerProfile.objects.filter(user=user).prefetch_related("topics").first()
    conversations = Conversation.objects.of(user).select_related("starter", "recipient", "page").order_by("created_at")
    thread = {}
    for message in Message.objects.filter(conversation__in=conversations).order_by("created_at", "pk"):
        thread.setdefault(message.conversation_id, []).append(message)
    return {
        "profile": profile
        and {
            "shown_to_members": profile.is_published,
            "topics": [topic.name for topic in profile.topics.all()],
            "languages": profile.language_codes,
            "bio": profile.bio,
            "updated_at": _iso(profile.updated_at),
        },
        "conversations": [
            {
                "subject": conversation.subject,
                "with": conversation.other_party_name(user),
                "started_by_me": conversation.starter_id == user.pk,
                "started_at": _iso(conversation.created_at),
                "messages": [
                    {"from_me": message.sender_id == user.pk, "sent_at": _iso(message.created_at), "text": message.body}
                    for message in thread.get(conversation.pk, [])
                ],
            }
            for conversation in conversations
        ],
        "blocked_people": [
            str(block.blocked) for block in Block.objects.filter(blocker=user).select_related("blocked")
        ],
    }


def forget(user):
    """The profile goes; the text of every message the person wrote is erased (the other person's copy shows
    "This message was deleted"); their blocks go. Conversations stay for the other person, with their own words."""
    PeerProfile.objects.filter(user=user).delete()
    Message.objects.filter(sender=user).update(body="")
    Conversation.objects.filter(starter=user).update(subject="")  # their words too; pages say "(no subject)"
    Block.objects.filter(Q(blocker=user)).delete()
