"""Demo hosts: each seeded event held in a member city is hosted by that city's organisation (found by the event's
city and country), so the city's profile lists it. Online events have no host city. Only empty hosts are filled."""

from members.models import Organisation

from .demo import EVENTS
from .models import EventPage

# When a city has several organisations (Seoul: the city government and the secretariat), the city's own comes first.
KIND_PREFERENCE = [
    Organisation.Kind.MEMBER_CITY,
    Organisation.Kind.ASSOCIATE_MEMBER,
    Organisation.Kind.PARTNER,
    Organisation.Kind.SECRETARIAT,
]


def host_by_place():
    """{(city, country code): organisation}, the preferred kind winning; one query."""
    hosts = {}
    organisations = Organisation.objects.active().only("city", "country", "kind")
    for organisation in sorted(organisations, key=lambda o: KIND_PREFERENCE.index(o.kind)):
        hosts.setdefault((organisation.city, organisation.country.code), organisation)
    return hosts


def seed(progress):
    hosts = host_by_place()
    slugs = [item.slug for item in EVENTS]
    events = EventPage.objects.filter(slug__in=slugs, host_organisation__isnull=True).exclude(city="")
    for event in progress.iterate(list(events), "event hosts"):
        host = hosts.get((event.city, event.country.code if event.country else ""))
        if host is None:
            progress.record(False)
            continue
        event.host_organisation = host
        # Through a revision, so the admin's editor (which opens the latest revision) shows the host too.
        revision = event.save_revision(log_action=False)
        if event.live:
            revision.publish(log_action=False)
        progress.record(True)
