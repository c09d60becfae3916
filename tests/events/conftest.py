import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage
from tests.factories import EventPageFactory, OrganisationFactory, UserFactory, make_member


@pytest.fixture
def events_index(site_tree):
    return site_tree["events"]


@pytest.fixture
def make_event(events_index):
    """A live event under /events/; registration open now unless the fields say otherwise."""

    def make(**fields):
        fields.setdefault("format", EventPage.Format.IN_PERSON)
        fields.setdefault("start", (timezone.now() + dt.timedelta(days=10)).replace(second=0, microsecond=0))
        fields.setdefault("end", fields["start"] + dt.timedelta(hours=3))
        return EventPageFactory(parent=events_index, **fields)

    return make


@pytest.fixture
def people(db):
    """Five verified people without an organisation."""
    return [UserFactory() for _ in range(5)]


@pytest.fixture
def city(db):
    return OrganisationFactory(name="City of Seoul", city="Seoul")


@pytest.fixture
def city_staff(city):
    return [make_member(city) for _ in range(4)]


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox
