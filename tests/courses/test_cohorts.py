"""Cohort runs: choose a run, seats counted from the rows, closed runs refused with the reason."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.exceptions import ChooseARun, RunClosed, RunFull
from courses.models import CohortRun, CoursePage, Enrollment, Instructor
from tests.factories import CoursePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site_tree):
    return CoursePageFactory(parent=site_tree["courses"], title="Smart-city strategy", format=CoursePage.Format.COHORT)


def make_run(course, seats=2, starts_in=20, **fields):
    start = timezone.localdate() + dt.timedelta(days=starts_in)
    return CohortRun.objects.create(
        course=course, starts_on=start, ends_on=start + dt.timedelta(days=30), seats=seats, **fields
    )


def test_a_cohort_course_needs_one_of_its_own_runs(course, site_tree):
    other = CoursePageFactory(parent=site_tree["courses"], format=CoursePage.Format.COHORT)
    person = UserFactory()
    with pytest.raises(ChooseARun):
        services.enroll(user=person, course=course)
    with pytest.raises(ChooseARun):
        services.enroll(user=person, course=course, run=make_run(other))
    assert not Enrollment.objects.exists()


def test_seats_fill_and_a_full_run_refuses_with_a_reason(course):
    run = make_run(course, seats=2)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    enrollment = services.enroll(user=first, course=course, run=run)
    assert services.enroll(user=first, course=course, run=run) == enrollment  # a double click
    services.enroll(user=second, course=course, run=run)
    with pytest.raises(RunFull):
        services.enroll(user=third, course=course, run=run)
    services.unenroll(user=second, course=course)  # a seat frees up
    services.enroll(user=third, course=course, run=run)
    assert Enrollment.objects.current().filter(run=run).count() == 2


def test_closed_runs_say_why(course):
    person = UserFactory()
    not_yet = make_run(course, enrollment_opens_at=timezone.now() + dt.timedelta(days=3))
    with pytest.raises(RunClosed, match="has not opened yet"):
        services.enroll(user=person, course=course, run=not_yet)
    started = make_run(course, starts_in=-1)
    with pytest.raises(RunClosed, match="has closed"):
        services.enroll(user=person, course=course, run=started)
    closed = make_run(course, enrollment_closes_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(RunClosed, match="has closed"):
        services.enroll(user=person, course=course, run=closed)


def test_moving_to_another_run_keeps_one_enrolment(course):
    person = UserFactory()
    early, late = make_run(course), make_run(course, starts_in=60)
    services.enroll(user=person, course=course, run=early)
    services.enroll(user=person, course=course, run=late)
    assert Enrollment.objects.get(user=person).run == late


def test_the_course_page_lists_runs_and_enrols_through_the_form(client, course):
    facilitator = Instructor.objects.create(name="Dr. Ana Souza")
    open_run = make_run(course, seats=3, facilitator=facilitator)
    full_run = make_run(course, seats=1, starts_in=40)
    services.enroll(user=UserFactory(), course=course, run=full_run)
    person = UserFactory()
    client.force_login(person)
    page = client.get(course.url).content.decode()
    assert "with Dr. Ana Souza" in page and "3 seats left" in page and "This run is full." in page
    later = make_run(course, starts_in=90)
    earlier = make_run(course, starts_in=5)
    listed = [run.id for run in client.get(course.url).context["runs"]]
    assert listed == [earlier.id, open_run.id, full_run.id, later.id]  # by start date
    enroll = reverse("courses:enroll", args=[course.id])
    assert client.post(enroll, {"run": str(full_run.id)}).status_code == 409
    assert client.post(enroll, {"run": "nonsense"}).status_code == 400
    assert client.post(enroll, {"run": str(open_run.id)}).status_code == 302
    assert "Your run:" in client.get(course.url).content.decode()


def test_the_course_page_query_count_does_not_grow_with_runs(client, course, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_runs(count, offset):
        for number in range(count):
            run = make_run(course, seats=5, starts_in=10 + offset + number)
            services.enroll(user=UserFactory(), course=course, run=run)

    add_runs(1, 0)
    client.get(course.url)
    with CaptureQueriesContext(connection) as one_run:
        client.get(course.url)
        with_one_run = len(one_run.captured_queries)
    add_runs(7, 1)
    client.get(course.url)
    with django_assert_num_queries(with_one_run):
        assert client.get(course.url).status_code == 200
