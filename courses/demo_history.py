"""A year of demo learning: staff of member cities enrolled in three self-paced courses over the last twelve months,
and most of them finished, so that the charts (the city's learning per month, the hub's courses completed per month)
show a year rather than one day.

The rows are what the services would have written at the time: the enrolment, one completion per required lesson
on the days the learner did them, and, for a finished course, the status, the completion date and the certificate
(issued through ``services.issue_certificate``, dated and signed from that completion date). Only courses without
quizzes are used, so no quiz attempt is missing from the record.
"""

import datetime as dt

from django.utils import timezone

from core.i18n import in_default_language
from members.models import Membership, Organisation

from . import services
from .models import CoursePage, Enrollment, LessonProgress

COURSES = ("smart-city-strategy", "iot-for-urban-services", "data-driven-transport")
# The people whose own journeys the demo tells (a graduate, the learner part way through a path) keep their story.
KEEP_AS_THEY_ARE = {"jiho.kim@seoul.city.example", "lena.fischer@hamburg.city.example"}


def _learners():
    memberships = (
        Membership.objects.filter(status=Membership.Status.APPROVED, organisation__kind=Organisation.Kind.MEMBER_CITY)
        .exclude(user__email__in=KEEP_AS_THEY_ARE)
        .select_related("user")
        .order_by("user_id")
    )
    return [membership.user for membership in memberships]


def plan(learner_count, course_count, today):
    """(learner index, course index, enrolled on, days to finish or None): spread over the last 12 months, every
    third one still in progress. Deterministic, so a second seed plans the same."""
    rows = []
    for person in range(learner_count):
        for course in range(course_count):
            if (person + course) % 3 == 2:
                continue  # nobody takes every course
            months_ago = (person * 5 + course * 7) % 12
            enrolled_on = today - dt.timedelta(days=30 * months_ago + (person * 3 + course) % 25)
            days_to_finish = None if (person + 2 * course) % 3 == 0 else 10 + (person * 11 + course * 13) % 40
            if days_to_finish is not None and enrolled_on + dt.timedelta(days=days_to_finish) >= today:
                days_to_finish = None  # would finish in the future: still in progress
            rows.append((person, course, enrolled_on, days_to_finish))
    return rows


def ensure_a_year_of_learning(progress):
    courses = [
        in_default_language(CoursePage.objects.filter(slug=slug, live=True)).order_by("pk").first() for slug in COURSES
    ]
    courses = [course for course in courses if course is not None]
    learners = _learners()
    if not courses or not learners:
        return
    zone = timezone.get_current_timezone()
    for person, course_index, enrolled_on, days_to_finish in plan(len(learners), len(courses), timezone.localdate()):
        user, course = learners[person], courses[course_index]
        if Enrollment.objects.filter(user=user, course=course).exists():
            progress.record(False)
            continue
        enrolled_at = dt.datetime.combine(enrolled_on, dt.time(9, 30), tzinfo=zone)
        lessons = course.required_lessons()
        finished_at = enrolled_at + dt.timedelta(days=days_to_finish) if days_to_finish is not None else None
        done = len(lessons) if finished_at else len(lessons) // 2
        enrollment = Enrollment.objects.create(
            user=user,
            course=course,
            enrolled_at=enrolled_at,
            status=Enrollment.Status.COMPLETED if finished_at else Enrollment.Status.ACTIVE,
            completed_at=finished_at,
        )
        step = (finished_at - enrolled_at) / max(done, 1) if finished_at else dt.timedelta(days=2)
        LessonProgress.objects.bulk_create(
            LessonProgress(enrollment=enrollment, lesson=lesson, completed_at=enrolled_at + step * (number + 1))
            for number, lesson in enumerate(lessons[:done])
        )
        if finished_at and course.awards_certificate:
            services.issue_certificate(enrollment=enrollment)
        progress.record(True)
