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
