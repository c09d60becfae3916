"""An event in several languages is one event: one pool of seats and one waiting list, kept on the original page;
listings show each event once per language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from icalendar import Calendar

from core.models import Topic
from events import calendars, selectors, services
from events.models import EventCalendarState, Registration
from tests.factories import TopicFactory, UserFactory
from tests.translations import alias, locale, translate

pytestmark = pytest.mark.django_db

Status = Registration.Status


def register(event, person):
    return services.register(event=event, user=person, mode=Registration.Mode.IN_PERSON, consent=True)


def test_an_event_full_in_english_is_full_in_french_and_the_waiting_list_is_shared(make_event, people):
    event = make_event(in_person_capacity=1)
    french = translate(event, "fr", title="Sommet des villes")
    spanish_alias = alias(event, "es")

    first = register(event, people[0])
    second = register(french, people[1])
    third = register(spanish_alias, people[2])

    assert [first.status, second.status, third.status] == [Status.CONFIRMED, Status.WAITLISTED, Status.WAITLISTED]
    assert set(Registration.objects.values_list("event_id", flat=True)) == {event.pk}
    for page in (event, french, spanish_alias):
        [seats] = selectors.availability(page)
        assert (seats.is_full, seats.confirmed, seats.waiting) == (True, 1, 2)
    assert selectors.waitlist_position(third) == 2
    assert selectors.my_registration(people[1], spanish_alias) == second
    assert register(event, people[1]) == second  # already registered, on the French page

    services.cancel(event=french, user=people[0])  # cancelled from the French page: the English seat frees

    second.refresh_from_db()
    assert second.status == Status.CONFIRMED
    assert EventCalendarState.objects.filter(event=event).count() == 1
    assert not EventCalendarState.objects.exclude(event=event).exists()


def test_publishing_a_translation_keeps_the_originals_calendar_sequence(make_event, people):
    event = make_event()
    register(event, people[0])
    event.city = "Busan"  # the place changes: attendees are told, SEQUENCE rises
    event.save_revision().publish()
    french = translate(event, "fr", title="Sommet des villes")
    french.save_revision().publish()

    assert EventCalendarState.objects.get().event_id == event.pk
    assert calendars.event_sequence(french) == calendars.event_sequence(event) == 1
    with translation.override("fr"):
        [listed] = selectors.listed_events(french.get_parent())
    assert listed.pk == french.pk and calendars.event_sequence(listed) == 1


def test_upcoming_events_lists_each_event_once_in_the_readers_language(make_event):
    events = [make_event(title=f"Event {n}") for n in range(3)]
    french = {translate(event, "fr", title=f"Événement {n}").pk for n, event in enumerate(events)}
    korean = {alias(event, "ko").pk for event in events}

    with translation.override("fr"):
        assert {event.pk for event in selectors.upcoming_events(limit=10)} == french
    with translation.override("ko"):
        assert {event.pk for event in selectors.upcoming_events(limit=10)} == korean
    with translation.override("en"):
        assert {event.pk for event in selectors.upcoming_events(limit=10)} == {event.pk for event in events}


def test_my_registrations_link_to_the_event_in_my_language_in_a_fixed_number_of_queries(make_event, people):
    person = people[0]
    french_pages = set()

    def register_for_a_new_event(number):
        event = make_event(title=f"Event {number}")
        french_pages.add(translate(event, "fr", title=f"Événement {number}").pk)
        register(event, person)

    register_for_a_new_event(1)
    with translation.override("fr"), CaptureQueriesContext(connection) as one:
        selectors.my_registrations(person)
    for number in (2, 3, 4):
        register_for_a_new_event(number)
    with translation.override("fr"), CaptureQueriesContext(connection) as four:
        registrations = selectors.my_registrations(person)

    assert len(four) == len(one)
    assert {registration.shown_event.pk for registration in registrations} == french_pages


def test_the_topic_filter_matches_events_tagged_with_any_translation_of_the_topic(make_event):
    topic = TopicFactory(name="Mobility", slug="mobility")
    french_topic = topic.copy_for_translation(locale("fr"))
    french_topic.name, french_topic.slug = "Mobilité", "mobilite"
    french_topic.save()
    tagged = make_event(title="Mobility forum")
    tagged.topics.set([topic])
    tagged.save_revision().publish()
    french_tagged = translate(tagged, "fr", title="Forum de la mobilité")
    other = translate(make_event(title="Water week"), "fr", title="Semaine de l'eau")
    other.topics.set([french_topic])
    other.save_revision().publish()
    untagged = translate(make_event(title="Open data day"), "fr", title="Journée des données ouvertes")
    events = selectors.listed_events(french_tagged.get_parent())

    with translation.override("fr"):
        assert [topic.name for topic in Topic.objects.for_reader()] == ["Mobilité"]
        matched = {event.pk for event in selectors.filter_events(events, {"topic": "mobilite"})}

    assert matched == {french_tagged.pk, other.pk}
    assert untagged.pk not in matched


def test_an_attendees_emails_and_calendar_file_are_in_their_language_with_links_to_the_translation(
    make_event, outbox, tasks_done
):
    event = make_event(title="Open data workshop", slug="open-data-workshop")
    translate(event, "fr", title="Atelier sur les données ouvertes")
    attendee = UserFactory(preferred_language="fr")
    with tasks_done():
        services.register(event=event, user=attendee, mode=Registration.Mode.IN_PERSON, consent=True)
    (message,) = [message for message in outbox if message.to == [attendee.email]]
    assert "Atelier sur les données ouvertes" in message.subject + message.body
    assert "Open data workshop" not in message.body
    assert "/fr/events/open-data-workshop/" in message.body
    assert "/events/open-data-workshop/" not in message.body.replace("/fr/events/open-data-workshop/", "")
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    summary = str(Calendar.from_ical(attachment[1]).walk("VEVENT")[0]["SUMMARY"])
    assert summary == "Atelier sur les données ouvertes"
