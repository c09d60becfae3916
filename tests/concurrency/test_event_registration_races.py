"""Registration never overbooks, through real HTTP requests to a live server on PostgreSQL.

The control run switches the event lock off (the test-only SEAT_LOCKING setting) and must
overbook: that proves these tests can see the race they guard against.
"""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Registration
from tests.background import run_ready_tasks
from tests.concurrency.live_server import post_all_at_once, signed_in_session
from tests.factories import EventPageFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db(transaction=True)

SEATS, CROWD, RUNS = 50, 200, 3
# Without the lock a rush overbooks in about four runs of five here (by 1–5 seats); eight tries make a
# control run that fails by bad luck vanishingly rare (it stops at the first overbooking).
CONTROL_TRIES = 8
FORM = {"mode": Registration.Mode.IN_PERSON, "consent": "on"}


@pytest.fixture
def index(require_postgres):
    return build_site_tree()["events"]


@pytest.fixture
def crowd(require_postgres):
    return [signed_in_session(UserFactory()) for _ in range(CROWD)]


def new_event(index, seats):
    start = timezone.now() + dt.timedelta(days=5)
    return EventPageFactory(
        parent=index, in_person_capacity=seats, start=start, end=start + dt.timedelta(hours=2), format="in_person"
    )


def counts(event):
    registrations = Registration.objects.filter(event=event)
    return registrations.confirmed().count(), registrations.waitlisted().count()


def register_all(live, event, sessions):
    path = event.url + "register/"
    return post_all_at_once(live, [(session, path, FORM) for session in sessions])


def test_200_simultaneous_registrations_for_50_seats_confirm_exactly_50_every_run(live, index, crowd):
    for _ in range(RUNS):
        event = new_event(index, SEATS)
        statuses = register_all(live, event, crowd)
        assert statuses.count(302) == CROWD, sorted(set(statuses))
        assert counts(event) == (SEATS, CROWD - SEATS)


def test_two_requests_for_the_last_seat_never_overbook(live, index, crowd):
    for _ in range(20):
        event = new_event(index, 1)
        statuses = register_all(live, event, crowd[:2])
        assert statuses == [302, 302]
        assert counts(event) == (1, 1)


def test_a_cancel_and_a_register_at_once_leave_consistent_counts(live, index, crowd):
    for _ in range(10):
        event = new_event(index, 1)
        holder, waiting, newcomer = crowd[:3]
        register_all(live, event, [holder])
        register_all(live, event, [waiting])
        cancel = (holder, event.url + "cancel/", {"confirm": "yes"})
        post_all_at_once(live, [cancel, (newcomer, event.url + "register/", FORM)])
        assert counts(event) == (1, 1)
        promoted = Registration.objects.confirmed().get(event=event)
        assert promoted.promoted_at is not None  # the person who waited got the seat, not the newcomer


def test_control_without_the_lock_the_same_rush_overbooks(live, index, crowd, settings):
    settings.SEAT_LOCKING = False
    confirmed_per_run = []
    for _ in range(CONTROL_TRIES):
        event = new_event(index, SEATS)
        register_all(live, event, crowd)
        confirmed_per_run.append(counts(event)[0])
        if confirmed_per_run[-1] > SEATS:
            break
    print(f"confirmed for {SEATS} seats without the lock, per run: {confirmed_per_run}")  # shown with -s
    assert max(confirmed_per_run) > SEATS, f"no overbooking seen without the lock: {confirmed_per_run}"


def test_reminder_runs_at_the_same_time_send_each_reminder_once(index):
    import threading

    from django.core import mail
    from django.db import connection

    from events import services

    event = new_event(index, SEATS)
    type(event).objects.filter(pk=event.pk).update(start=timezone.now() + dt.timedelta(hours=6))
    people = [UserFactory() for _ in range(10)]
    for person in people:
        services.register(event=event, user=person, mode=Registration.Mode.IN_PERSON, consent=True)
    run_ready_tasks()
    mail.outbox.clear()
    barrier = threading.Barrier(4)

    def run():
        barrier.wait(timeout=10)
        services.send_due_reminders()
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    run_ready_tasks()
    reminders = [m.to[0] for m in mail.outbox if m.subject.startswith("Tomorrow")]
    assert sorted(reminders) == sorted(person.email for person in people)
