"""The demo events have their own speakers and a full agenda for every day, in the event's local time."""

import datetime as dt

import pytest

from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_every_seeded_event_has_its_own_speakers_and_an_agenda_for_each_day(client, demo_site):
    events = list(EventPage.objects.live().prefetch_related("speakers", "sessions").order_by("slug"))
    assert len(events) >= 20

    speaker_sets = {}
    for event in events:
        names = [speaker.name for speaker in event.speakers.all()]
        assert 2 <= len(names) <= 5, event.slug
        assert len(set(names)) == len(names), event.slug
        speaker_sets[event.slug] = frozenset(names)

        sessions = list(event.sessions.all())
        first_day, last_day = event.local_start.date(), event.local_end.date()
        days = {first_day + dt.timedelta(days=n) for n in range((last_day - first_day).days + 1)}
        assert days == {session.day for session in sessions}, event.slug
        for session in sessions:
            assert session.title and session.title != event.title
            assert set(session.speakers.split(", ")) <= set(names), (event.slug, session.title)
            # Local time: the agenda sits inside the event's own hours on each day.
            assert event.local_start.time() <= session.starts_at < session.ends_at <= event.local_end.time()
        assert len({session.title for session in sessions}) == len(sessions), event.slug

    assert len(set(speaker_sets.values())) == len(speaker_sets)  # no two events share the same line-up

    summit = next(event for event in events if event.slug == "smart-sustainable-cities-summit")
    page = client.get(summit.url).content.decode()
    assert "Keynote: digital twins for planning and climate adaptation" in page
    assert "Nomvula Dlamini" in page


def test_the_demo_attendance_of_past_events_was_registered_before_them(demo_site):
    """The city's events chart shows registrations in the weeks before each past event, not all on the seeding day."""
    from django.utils import timezone

    from events.models import Registration

    past = list(Registration.objects.filter(event__start__lt=timezone.now(), attended_at__isnull=False))
    assert past
    assert all(registration.created_at < registration.event.start for registration in past)
    assert len({registration.created_at.date() for registration in past}) > 3
