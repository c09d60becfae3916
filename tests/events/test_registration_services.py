import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.exceptions import (
    ConsentRequired,
    EventCancelled,
    ModeNotOffered,
    NotAllowedToDecide,
    NotConfirmed,
    RegistrationClosed,
    RegistrationNotOpenYet,
    RegistrationsOff,
)
from events.models import EventPage, Registration
from events.selectors import availability, waitlist_position
from members.models import Membership
from tests.factories import OrganisationFactory, make_member

pytestmark = pytest.mark.django_db

IN_PERSON, ONLINE = Registration.Mode.IN_PERSON, Registration.Mode.ONLINE
Status = Registration.Status


def register(event, user, mode=IN_PERSON, **kwargs):
    return services.register(event=event, user=user, mode=mode, consent=True, **kwargs)


def statuses(event):
    return list(Registration.objects.filter(event=event).order_by("id").values_list("status", flat=True))


def test_seats_are_confirmed_then_people_wait_in_order(make_event, people):
    event = make_event(in_person_capacity=2)
    results = [register(event, person) for person in people[:4]]
    assert [r.status for r in results] == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.WAITLISTED]
    assert [waitlist_position(r) for r in results[2:]] == [1, 2]
    [seats] = availability(event)
    assert (seats.capacity, seats.confirmed, seats.waiting, seats.seats_left, seats.is_full) == (2, 2, 2, 0, True)


def test_registering_twice_returns_the_existing_registration(make_event, people):
    event = make_event(in_person_capacity=5)
    first = register(event, people[0])
    second = register(event, people[0], mode=IN_PERSON, dietary_needs="changed")
    assert second.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1
    assert Registration.objects.get().dietary_needs == ""


def test_the_unique_constraint_is_the_backstop_for_active_registrations(make_event, people):
    event = make_event()
    register(event, people[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event, user=people[0], mode=IN_PERSON, status=Status.WAITLISTED, consent_given_at=timezone.now()
        )


def test_after_cancelling_a_person_can_register_again(make_event, people):
    event = make_event(in_person_capacity=5)
    register(event, people[0])
    services.cancel(event=event, user=people[0])
    again = register(event, people[0])
    assert again.status == Status.CONFIRMED
    assert statuses(event) == [Status.CANCELLED, Status.CONFIRMED]


def test_cancelling_a_seat_promotes_the_first_person_waiting_for_that_mode_and_emails_them(
    make_event, people, outbox, tasks_done
):
    event = make_event(format=EventPage.Format.HYBRID, in_person_capacity=1, online_capacity=1)
    with tasks_done():
        seated = register(event, people[0], IN_PERSON)
        online_waiting = register(event, people[1], ONLINE)  # confirmed: online has its own seat
        first_waiting = register(event, people[2], IN_PERSON)
        second_waiting = register(event, people[3], IN_PERSON)
    assert online_waiting.status == Status.CONFIRMED
    outbox.clear()
    with tasks_done():
        services.cancel(event=event, user=seated.user)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED and first_waiting.promoted_at is not None
    assert second_waiting.status == Status.WAITLISTED and waitlist_position(second_waiting) == 1
    subjects = {message.to[0]: message.subject for message in outbox}
    assert subjects[first_waiting.user.email].startswith("A place is yours")
    assert subjects[seated.user.email].startswith("Registration cancelled")
    promoted_mail = next(m for m in outbox if m.to == [first_waiting.user.email])
    assert promoted_mail.attachments and promoted_mail.attachments[0][0].endswith(".ics")


def test_cancelling_twice_changes_nothing(make_event, people):
    event = make_event()
    register(event, people[0])
    assert services.cancel(event=event, user=people[0]) is not None
    assert services.cancel(event=event, user=people[0]) is None
    assert statuses(event) == [Status.CANCELLED]


def test_a_mode_the_event_does_not_offer_is_refused_and_writes_nothing(make_event, people):
    event = make_event(format=EventPage.Format.ONLINE)
    with pytest.raises(ModeNotOffered):
        register(event, people[0], IN_PERSON)
    assert not Registration.objects.exists()


def test_consent_is_required(make_event, people):
    event = make_event()
    with pytest.raises(ConsentRequired):
        services.register(event=event, user=people[0], mode=IN_PERSON, consent=False)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"status": EventPage.Status.CANCELLED}, EventCancelled),
        ({"accepts_registrations": False}, RegistrationsOff),
        ({"registration_opens_at": timezone.now() + dt.timedelta(days=1)}, RegistrationNotOpenYet),
        ({"registration_closes_at": timezone.now() - dt.timedelta(minutes=1)}, RegistrationClosed),
        ({"start": timezone.now() - dt.timedelta(hours=1)}, RegistrationClosed),
    ],
)
def test_events_that_are_not_open_refuse_with_a_reason(make_event, people, fields, error):
    event = make_event(**fields)
    with pytest.raises(error) as refused:
        register(event, people[0])
    assert refused.value.message
    assert not Registration.objects.exists()


def test_the_per_city_limit_holds_and_the_next_colleague_waits(make_event, city_staff, people):
    event = make_event(in_person_capacity=10, city_seat_limit=2)
    results = [register(event, person) for person in city_staff[:3]]
    assert [r.status for r in results] == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    outsider = register(event, people[0])
    assert outsider.status == Status.CONFIRMED  # other people are not held up by one city's limit
    services.cancel(event=event, user=city_staff[0])
    results[2].refresh_from_db()
    assert results[2].status == Status.CONFIRMED  # the colleague takes the city's freed seat


def test_promotion_skips_people_whose_city_is_at_its_limit(make_event, city_staff, people):
    event = make_event(in_person_capacity=2, city_seat_limit=1)
    register(event, city_staff[0])
    register(event, people[0])
    colleague = register(event, city_staff[1])  # waits: both for a seat and for the city's limit
    outsider = register(event, people[1])
    services.cancel(event=event, user=people[0])
    colleague.refresh_from_db()
    outsider.refresh_from_db()
    assert colleague.status == Status.WAITLISTED
    assert outsider.status == Status.CONFIRMED


def test_focal_point_approval_before_taking_a_seat(make_event, city, city_staff, outbox, tasks_done):
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    event = make_event(in_person_capacity=1, requires_focal_point_approval=True)
    with tasks_done():
        first = register(event, city_staff[0])
        second = register(event, city_staff[1])
    assert first.status == second.status == Status.PENDING_APPROVAL
    assert availability(event)[0].confirmed == 0
    with tasks_done():
        approved = services.approve(registration=second, by=focal_point)
        also = services.approve(registration=first, by=focal_point)
    assert approved.status == Status.CONFIRMED  # approved first, seated first
    assert also.status == Status.WAITLISTED
    assert approved.decided_by == focal_point
    assert any(m.subject.startswith("You are registered") and m.to == [city_staff[1].email] for m in outbox)


def test_only_the_citys_focal_point_decides(make_event, city, city_staff):
    other_focal_point = make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT)
    event = make_event(requires_focal_point_approval=True)
    pending = register(event, city_staff[0])
    with pytest.raises(NotAllowedToDecide):
        services.approve(registration=pending, by=other_focal_point)
    with pytest.raises(NotAllowedToDecide):
        services.approve(registration=pending, by=city_staff[1])
    pending.refresh_from_db()
    assert pending.status == Status.PENDING_APPROVAL


def test_declined_registrations_take_no_seat(make_event, city, city_staff):
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    event = make_event(requires_focal_point_approval=True)
    pending = register(event, city_staff[0])
    declined = services.decline(registration=pending, by=focal_point)
    assert declined.status == Status.DECLINED
    assert register(event, city_staff[0]).status == Status.PENDING_APPROVAL  # may ask again


def test_people_without_a_member_city_and_focal_points_do_not_wait_for_approval(make_event, people, city):
    event = make_event(requires_focal_point_approval=True)
    assert register(event, people[0]).status == Status.CONFIRMED
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    assert register(event, focal_point).status == Status.CONFIRMED


def test_check_in_marks_confirmed_attendees_only(make_event, people):
    event = make_event(in_person_capacity=1)
    seated, waiting = register(event, people[0]), register(event, people[1])
    assert services.check_in(registration=seated).attended_at is not None
    assert services.check_in(registration=seated, attended=False).attended_at is None
    with pytest.raises(NotConfirmed):
        services.check_in(registration=waiting)


def test_adding_seats_and_publishing_promotes_the_waiting_list(make_event, people):
    event = make_event(in_person_capacity=1)
    for person in people[:3]:
        register(event, person)
    event.in_person_capacity = 3
    event.save_revision().publish()
    assert statuses(event) == [Status.CONFIRMED] * 3


def test_a_cancelled_event_promotes_nobody(make_event, people):
    event = make_event(in_person_capacity=1)
    register(event, people[0])
    waiting = register(event, people[1])
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()
    services.cancel(event=event, user=people[0])
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


def test_each_outcome_gets_its_own_email(make_event, people, city, city_staff, outbox, tasks_done):
    event = make_event(in_person_capacity=1)
    approval_event = make_event(requires_focal_point_approval=True)
    with tasks_done():
        register(event, people[0])
        register(event, people[1])
        register(approval_event, city_staff[0])
    subjects = {message.to[0]: message.subject for message in outbox}
    assert subjects[people[0].email] == f"You are registered: {event.title}"
    assert subjects[people[1].email] == f"You are on the waiting list: {event.title}"
    assert subjects[city_staff[0].email] == f"Your registration awaits approval: {approval_event.title}"
    waiting_mail = next(m for m in outbox if m.to == [people[1].email])
    assert "number 1 on the waiting list" in waiting_mail.body and not waiting_mail.attachments


# --- What the emails say (issue 15) ----------------------------------------------------------------


def the_mail_to(outbox, person):
    [message] = [m for m in outbox if m.to == [person.email]]
    return message


def test_the_cancellation_email_says_the_place_went_on_only_when_someone_took_it(
    make_event, people, outbox, tasks_done
):
    nobody_waiting, queue = make_event(in_person_capacity=1), make_event(in_person_capacity=1)
    with tasks_done():
        register(nobody_waiting, people[0])
        register(queue, people[1])
        register(queue, people[2])  # waits for people[1]'s seat
        register(queue, people[3])  # waits behind them
    outbox.clear()
    with tasks_done():
        services.cancel(event=nobody_waiting, user=people[0])
        services.cancel(event=queue, user=people[1])
        services.cancel(event=queue, user=people[3])

    alone = the_mail_to(outbox, people[0])
    assert alone.subject.startswith("Registration cancelled")
    assert "next person" not in alone.body and "offered" not in alone.body
    assert "Your place is free for someone else to take." in alone.body
    assert str(Calendar.from_ical(alone.attachments[0][1])["METHOD"]) == "CANCEL"  # it was in their calendar

    passed_on = the_mail_to(outbox, people[1])
    assert "Your place has gone to the next person on the waiting list." in passed_on.body
    assert the_mail_to(outbox, people[2]).subject.startswith("A place is yours")

    left_queue = the_mail_to(outbox, people[3])
    assert "left the waiting list" in left_queue.body and "next person" not in left_queue.body
    assert not left_queue.attachments  # a waiting place was never in their calendar


def test_people_on_the_waiting_list_are_not_told_of_a_calendar_file_they_do_not_get(
    make_event, people, outbox, tasks_done
):
    event = make_event(in_person_capacity=1, venue="City Hall")
    with tasks_done():
        register(event, people[0])
        register(event, people[1])
        event.save_revision().publish()  # the baseline
    outbox.clear()
    event.venue = "Convention Centre"
    with tasks_done():
        event.save_revision().publish()
    seated, waiting = the_mail_to(outbox, people[0]), the_mail_to(outbox, people[1])
    assert seated.attachments and "attached file" in seated.body
    assert not waiting.attachments and "attached" not in waiting.body and "still on the waiting list" in waiting.body
    outbox.clear()
    event.status = EventPage.Status.CANCELLED
    with tasks_done():
        event.save_revision().publish()
    seated, waiting = the_mail_to(outbox, people[0]), the_mail_to(outbox, people[1])
    assert seated.subject.startswith("Event cancelled") and seated.attachments
    assert waiting.subject.startswith("Event cancelled")
    assert not waiting.attachments and "attached" not in waiting.body


def test_only_online_attendees_are_offered_the_join_link(make_event, people, outbox, tasks_done):
    hybrid = make_event(format=EventPage.Format.HYBRID, online_join_url="https://meet.example.org/secret-room")
    with tasks_done():
        in_person = register(hybrid, people[0], IN_PERSON)
        online = register(hybrid, people[1], ONLINE)
    assert not in_person.can_see_join_link and online.can_see_join_link
    assert "secret-room" not in the_mail_to(outbox, people[0]).body
    assert "Join online" not in the_mail_to(outbox, people[0]).alternatives[0][0]
    assert "secret-room" in the_mail_to(outbox, people[1]).body
    # An in-person event that moves online: everyone attends online now.
    moved = make_event(format=EventPage.Format.IN_PERSON, online_join_url="https://meet.example.org/moved-room")
    attendee = register(moved, people[2], IN_PERSON)
    assert not attendee.can_see_join_link
    moved.format = EventPage.Format.ONLINE
    moved.save_revision().publish()
    attendee.refresh_from_db()
    assert attendee.can_see_join_link
