"""Following topics and cities: the reads (selectors) and the writes (services) of /community/following/, the
"Follow this city" button and the digest's unsubscribe link. Every caller goes through these functions."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min

from core.models import Topic
from members.models import Organisation

from .models import CityFollow, DigestFrequency, DigestSettings, TopicFollow


@dataclass(frozen=True)
class Following:
    topic_keys: frozenset  # str(translation_key) of each followed topic
    organisation_ids: frozenset
    frequency: str

    @property
    def is_empty(self):
        return not (self.topic_keys or self.organisation_ids)


# --- Reads -----------------------------------------------------------------------------------------------------


def topics_to_choose():
    """The topics a reader chooses from, in their language (or the original, not translated yet): one query."""
    return list(Topic.objects.for_reader().order_by("name"))


def cities_to_choose():
    """The active organisations a person may follow, by name: one query."""
    return list(Organisation.objects.active().order_by("name").only("pk", "name", "slug", "city", "country"))


def frequency_of(user):
    settings_row = DigestSettings.objects.filter(user=user).values_list("frequency", flat=True).first()
    return settings_row or DigestFrequency.WEEKLY


def following_of(user):
    """What ``user`` follows and how often they want the digest: three queries."""
    topic_keys = TopicFollow.objects.filter(user=user).values_list("topic__translation_key", flat=True)
    organisation_ids = CityFollow.objects.filter(user=user).values_list("organisation_id", flat=True)
    return Following(
        topic_keys=frozenset(str(key) for key in topic_keys),
        organisation_ids=frozenset(organisation_ids),
        frequency=frequency_of(user),
    )


def follows_city(user, organisation):
    return CityFollow.objects.filter(user=user, organisation=organisation).exists()


def _originals(topic_keys):
    """The original topic (the first row of its translation key) of each key: one query."""
    firsts = (
        Topic.objects.filter(translation_key__in=list(topic_keys))
        .values("translation_key")
        .annotate(first=Min("id"))
        .values_list("first", flat=True)
    )
    return set(firsts)


# --- Writes ----------------------------------------------------------------------------------------------------


def set_following(*, user, topic_keys: set, organisation_ids: set, frequency: str) -> Following:
    """Make ``user`` follow exactly these topics (by translation key) and organisations, with this digest frequency.

    Idempotent: saving the same choices twice changes nothing; rows kept keep their "followed since"."""
    with transaction.atomic():
        topic_ids = _originals(topic_keys)
        TopicFollow.objects.filter(user=user).exclude(topic_id__in=topic_ids).delete()
        have = set(TopicFollow.objects.filter(user=user).values_list("topic_id", flat=True))
        TopicFollow.objects.bulk_create(
            [TopicFollow(user=user, topic_id=pk) for pk in topic_ids - have], ignore_conflicts=True
        )
        organisation_ids = set(
            Organisation.objects.active().filter(pk__in=list(organisation_ids)).values_list("pk", flat=True)
        )
        # A suspended city stays followed until the person unticks it; the form only offers active ones.
        kept = set(
            CityFollow.objects.filter(user=user, organisation__status=Organisation.Status.ACTIVE).values_list(
                "organisation_id", flat=True
            )
        )
        CityFollow.objects.filter(user=user, organisation_id__in=kept - organisation_ids).delete()
        CityFollow.objects.bulk_create(
            [CityFollow(user=user, organisation_id=pk) for pk in organisation_ids - kept], ignore_conflicts=True
        )
        set_frequency(user=user, frequency=frequency)
    return following_of(user)


def set_frequency(*, user, frequency: str):
    if frequency not in DigestFrequency.values:
        raise ValueError(f"Unknown digest frequency: {frequency!r}")
    DigestSettings.objects.update_or_create(user=user, defaults={"frequency": frequency})


def follow_city(*, user, organisation) -> bool:
    """Follow one city (the button on its profile). Returns whether it is followed now (always True)."""
    with transaction.atomic():
        CityFollow.objects.get_or_create(user=user, organisation=organisation)
        DigestSettings.objects.get_or_create(user=user)  # weekly, unless they chose otherwise before
    return True


def unfollow_city(*, user, organisation) -> bool:
    CityFollow.objects.filter(user=user, organisation=organisation).delete()
    return False


def turn_digest_off(*, user):
    """The unsubscribe link: no more digests; what they follow stays, for when they turn it on again."""
    set_frequency(user=user, frequency=DigestFrequency.OFF)


# --- Personal data -----------------------------------------------------------------------------------------------


def personal_data(user):
    from .models import DigestSent

    return {
        "digest": frequency_of(user),
        "topics": [
            {"topic": row.topic.name, "since": row.created_at.isoformat()}
            for row in TopicFollow.objects.filter(user=user).select_related("topic").order_by("created_at")
        ],
        "cities": [
            {"city": row.organisation.name, "since": row.created_at.isoformat()}
            for row in CityFollow.objects.filter(user=user).select_related("organisation").order_by("created_at")
        ],
        "digests_sent": [
            {"period": row.period, "sent_at": row.sent_at.isoformat(), "items": len(row.item_keys)}
            for row in DigestSent.objects.filter(user=user).order_by("sent_at")
        ],
    }


def forget(user):
    """Account deletion: everything this app knows about the person."""
    from .models import DigestSent

    TopicFollow.objects.filter(user=user).delete()
    CityFollow.objects.filter(user=user).delete()
    DigestSettings.objects.filter(user=user).delete()
    DigestSent.objects.filter(user=user).delete()
