"""Cohort seats never over-enrol: simultaneous enrolments through a live server on PostgreSQL.

The control run switches the run's lock off (the test-only SEAT_LOCKING setting) and must over-enrol, which
proves the test can see the race it guards against (the events' rule, tests/concurrency/test_event_…).
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import CohortRun, CoursePage, Enrollment
from tests.concurrency.live_server import post_all_at_once, signed_in_session
from tests.factories import CoursePageFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db(transaction=True)

SEATS, CROWD, RUNS, CONTROL_TRIES = 20, 80, 3, 8


@pytest.fixture
def course(require_postgres):
    index = build_site_tree()["courses"]
    return CoursePageFactory(parent=index, title="Smart-city strategy", format=CoursePage.Format.COHORT)


@pytest.fixture
def crowd(require_postgres):
    return [signed_in_session(UserFactory()) for _ in range(CROWD)]


def new_run(course, seats):
    start = timezone.localdate() + dt.timedelta(days=20)
    return CohortRun.objects.create(course=course, starts_on=start, ends_on=start + dt.timedelta(days=30), seats=seats)


def enrol_all(live, course, run, sessions):
    path = reverse("courses:enroll", args=[course.id])
    return post_all_at_once(live, [(session, path, {"run": str(run.id)}) for session in sessions])


def test_80_simultaneous_enrolments_for_20_seats_enrol_exactly_20_every_run(live, course, crowd):
    for _ in range(RUNS):
        Enrollment.objects.filter(course=course).delete()
        run = new_run(course, SEATS)
        statuses = enrol_all(live, course, run, crowd)
        assert statuses.count(302) == SEATS and statuses.count(409) == CROWD - SEATS, sorted(set(statuses))
        assert Enrollment.objects.filter(run=run).count() == SEATS


def test_control_without_the_lock_the_same_rush_over_enrols(live, course, crowd, settings):
    settings.SEAT_LOCKING = False
    enrolled_per_run = []
    for _ in range(CONTROL_TRIES):
        Enrollment.objects.filter(course=course).delete()
        run = new_run(course, SEATS)
        enrol_all(live, course, run, crowd)
        enrolled_per_run.append(Enrollment.objects.filter(run=run).count())
        if enrolled_per_run[-1] > SEATS:
            break
    print(f"enrolled for {SEATS} seats without the lock, per run: {enrolled_per_run}")  # shown with -s
    assert max(enrolled_per_run) > SEATS, f"no over-enrolment seen without the lock: {enrolled_per_run}"
