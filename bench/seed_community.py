"""Member profiles at scale for `make bench` (issue 22): every approved member of the bench shows a profile to other
members, with a topic of expertise and two languages, so that Find a peer lists and filters all of them."""

import sys
import time


def seed(memberships):
    from community.models import PeerProfile
    from core.models import Topic
    from members.models import Membership

    started = time.monotonic()
    people = [m.user for m in memberships if m.status == Membership.Status.APPROVED]
    languages = [",en,fr,", ",en,ko,", ",es,en,", ",ar,fr,"]
    profiles = PeerProfile.objects.bulk_create(
        PeerProfile(
            user=person,
            is_published=True,
            languages=languages[number % len(languages)],
            bio="Works on open data, digital permits and the city's smart mobility pilots.",
        )
        for number, person in enumerate(people)
    )
    topics = list(Topic.objects.filter(locale__language_code="en").order_by("pk")[:4])
    PeerProfile.topics.through.objects.bulk_create(
        PeerProfile.topics.through(peerprofile_id=profile.pk, topic_id=topics[number % len(topics)].pk)
        for number, profile in enumerate(profiles)
    )
    sys.stdout.write(f"  peer profiles: {len(profiles)} ({time.monotonic() - started:.1f} s)\n")
    return topics[0].slug


def topic_from_database():
    from community.models import PeerProfile

    profile = PeerProfile.objects.filter(is_published=True).prefetch_related("topics").order_by("pk").first()
    topic = profile.topics.first() if profile else None
    return topic.slug if topic else ""
