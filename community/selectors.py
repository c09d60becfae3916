"""Reads of the peers feature: finding a peer, a person's conversations. Each a fixed number of queries."""

from django.db.models import F, Q

from core.models import Topic
from members.models import Organisation

from .models import Conversation, PeerProfile

MAX_QUERY_WORDS = 5


def reader_topics():
    """The topics a reader chooses from, in their language (one query)."""
    return list(Topic.objects.for_reader().order_by("name"))


def cities_with_peers():
    """(id, name) of the organisations with at least one visible profile, for the filter (one query)."""
    visible = PeerProfile.objects.visible().values("user_id")
    organisations = Organisation.objects.filter(memberships__user_id__in=visible).distinct().order_by("name")
    return list(organisations.values_list("id", "name"))


def find_peers(*, query="", topic=None, region="", organisation_id=None, language=""):
    """Visible profiles matching every word of ``query`` (in the name, job title, department or bio; bounded: a few
    words of a short query, a plain ``icontains`` each) and the filters, by name. One query (and one for the topics
    of a page of them: ``prefetch_related``)."""
    profiles = PeerProfile.objects.visible()
    for word in query.split()[:MAX_QUERY_WORDS]:
        profiles = profiles.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__job_title__icontains=word)
            | Q(user__department__icontains=word)
            | Q(bio__icontains=word)
        )
    if topic is not None:
        tagged = PeerProfile.topics.through.objects.filter(topic__translation_key=topic.translation_key)
        profiles = profiles.filter(id__in=tagged.values("peerprofile_id"))
    if region:
        profiles = profiles.filter(user__membership__organisation__region=region)
    if organisation_id:
        profiles = profiles.filter(user__membership__organisation_id=organisation_id)
    if language:
        profiles = profiles.filter(languages__contains=f",{language},")
    return (
        profiles.select_related("user", "user__membership__organisation")
        .prefetch_related("topics")
        .order_by("user__first_name", "user__last_name", "pk")
    )


def with_topic_names(profiles, topics):
    """Give each profile ``topic_names``: its topics in the reader's language (by translation key; no query once the
    page's topics are prefetched)."""
    names = {topic.translation_key: topic.name for topic in topics}
    for profile in profiles:
        profile.topic_names = sorted({names.get(topic.translation_key, topic.name) for topic in profile.topics.all()})
    return profiles


def visible_profile(profile_id):
    """One visible profile with what its page shows, or None."""
    return (
        PeerProfile.objects.visible()
        .select_related("user", "user__membership__organisation")
        .prefetch_related("topics")
        .filter(pk=profile_id)
        .first()
    )


# --- Messages ------------------------------------------------------------------------------------


def conversations_of(user):
    """The person's conversations, the latest activity first, with what the list shows (one query)."""
    return Conversation.objects.of(user).select_related("starter", "recipient").order_by("-last_message_at", "-pk")


def unread_filter(user):
    started_unread = Q(starter=user) & (Q(starter_read_at__isnull=True) | Q(starter_read_at__lt=F("last_message_at")))
    received_unread = Q(recipient=user) & (
        Q(recipient_read_at__isnull=True) | Q(recipient_read_at__lt=F("last_message_at"))
    )
    return started_unread | received_unread


def unread_count(user):
    return Conversation.objects.filter(unread_filter(user)).count()


def messages_of(conversation):
    return list(conversation.messages.select_related("sender"))
