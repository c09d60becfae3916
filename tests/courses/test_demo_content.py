"""The demo courses: the stated effort is what the lessons add up to, and runs are facilitated by the course's own
instructors."""

import pytest

from courses.models import CohortRun, CoursePage

pytestmark = pytest.mark.django_db


def test_seeded_courses_state_the_effort_of_their_lessons_and_runs_have_their_own_facilitators(client, demo_site):
    courses = list(CoursePage.objects.live().filter(locale__language_code="en"))
    assert len(courses) >= 6
    for course in courses:
        minutes = sum(course.required_lessons().values_list("estimated_minutes", flat=True))
        # Rounded to the nearest hour: never more than half an hour off.
        assert course.effort_hours >= 1 and abs(course.effort_hours * 60 - minutes) <= 30, (course.slug, minutes)
        assert course.instructors.exists(), course.slug

    runs = list(CohortRun.objects.select_related("course", "facilitator"))
    assert runs
    for run in runs:
        assert run.facilitator is not None
        assert run.facilitator in run.course.instructors.all(), (run.course.slug, run.facilitator.name)

    strategy = CoursePage.objects.get(locale__language_code="en", slug="smart-city-strategy")
    page = client.get(strategy.url).content.decode()
    assert f"About {strategy.effort_hours} hours" in page


def test_the_demo_has_a_year_of_learning_recorded_as_the_services_would_have(demo_site):
    """The charts show a year, not one day: completions in most of the last 12 months, each with every required lesson
    done before it and a certificate dated from it (and signed for that date)."""
    from core import charts
    from courses import demo_history
    from courses.credentials import verify_certificate
    from courses.models import Enrollment
    from courses.selectors import progress_for
    from courses.services import completion_date

    months = charts.last_months(12)
    completed = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED)
    per_month = charts.per_month(completed, "completed_at", months)
    assert sum(1 for count in per_month if count) >= 8, per_month

    history = list(
        Enrollment.objects.filter(course__slug__in=demo_history.COURSES).select_related("user", "course", "certificate")
    )
    assert len(history) >= 20
    assert not any(enrollment.user.email in demo_history.KEEP_AS_THEY_ARE for enrollment in history)
    progress = progress_for(history)
    for enrollment in history:
        lessons = enrollment.lesson_progress.all()
        assert all(enrollment.enrolled_at < done.completed_at for done in lessons)
        if enrollment.status == Enrollment.Status.COMPLETED:
            assert progress[enrollment.id].is_complete
            assert all(done.completed_at <= enrollment.completed_at for done in lessons)
            certificate = enrollment.certificate
            assert certificate.issued_on == completion_date(enrollment.user, enrollment.completed_at)
            verification = verify_certificate(certificate=certificate)
            assert verification.is_valid and verification.signed_on == certificate.issued_on
        else:
            assert not progress[enrollment.id].is_complete and enrollment.completed_at is None
