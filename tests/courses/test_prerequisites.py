"""Prerequisites are required: enrolling is refused, writing nothing, until every required course is completed; the
course page names and links what is missing and offers no enrol button."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.exceptions import PrerequisitesMissing
from courses.models import CohortRun, CoursePage, Enrollment
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(site_tree):
    """ "Open data basics" requires "E-government foundations" and "Data protection"."""
    index = site_tree["courses"]
    foundations, foundation_lessons = make_course(index, title="E-government foundations", modules=1)
    protection, protection_lessons = make_course(index, title="Data protection", modules=1)
    course, lessons = make_course(index, title="Open data basics", modules=1)
    course.prerequisites.set([foundations, protection])
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    return {
        "course": course,
        "lessons": lessons,
        "foundations": (foundations, foundation_lessons),
        "protection": (protection, protection_lessons),
    }


def finish(person, course, lessons):
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)


def test_enrolling_is_refused_naming_the_missing_courses_and_nothing_is_written(member, chain):
    with pytest.raises(PrerequisitesMissing) as refused:
        services.enroll(user=member, course=chain["course"])
    assert "“E-government foundations”" in refused.value.message
    assert "“Data protection”" in refused.value.message
    assert refused.value.status == 403
    assert not Enrollment.objects.filter(course=chain["course"]).exists()

    finish(member, *chain["foundations"])
    with pytest.raises(PrerequisitesMissing) as refused:
        services.enroll(user=member, course=chain["course"])
    assert "Data protection" in refused.value.message and "E-government" not in refused.value.message
    assert not Enrollment.objects.filter(course=chain["course"]).exists()


def test_enrolling_is_allowed_once_every_required_course_is_completed(member, chain):
    finish(member, *chain["foundations"])
    finish(member, *chain["protection"])
    enrollment = services.enroll(user=member, course=chain["course"])
    assert enrollment.course_id == chain["course"].pk and enrollment.status == Enrollment.Status.ACTIVE


def test_a_required_course_completed_then_left_still_counts(member, chain):
    finish(member, *chain["foundations"])
    finish(member, *chain["protection"])
    services.unenroll(user=member, course=chain["protection"][0])
    assert services.enroll(user=member, course=chain["course"]).status == Enrollment.Status.ACTIVE


def test_someone_enrolled_before_a_requirement_was_added_may_come_back(member, site_tree):
    index = site_tree["courses"]
    required, _ = make_course(index, title="E-government foundations", modules=1)
    course, _ = make_course(index, title="Open data basics", modules=1)
    services.enroll(user=member, course=course)
    services.unenroll(user=member, course=course)
    course.prerequisites.set([required])
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    assert services.enroll(user=member, course=course).status == Enrollment.Status.ACTIVE
    with pytest.raises(PrerequisitesMissing):
        services.enroll(user=UserFactory(), course=course)


def test_a_cohort_course_refuses_too_and_keeps_its_seats(member, chain):
    course = chain["course"]
    course.format = CoursePage.Format.COHORT
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    today = timezone.localdate()
    run = CohortRun.objects.create(
        course=course, starts_on=today + dt.timedelta(days=5), ends_on=today + dt.timedelta(days=40), seats=2
    )
    with pytest.raises(PrerequisitesMissing):
        services.enroll(user=member, course=course, run=run)
    assert not Enrollment.objects.filter(run=run).exists()


def test_the_enrol_view_refuses_with_the_message(member_client, member, chain):
    response = member_client.post(reverse("courses:enroll", args=[chain["course"].id]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Before this course, complete:" in page and "Data protection" in page
    assert not Enrollment.objects.filter(course=chain["course"]).exists()


def test_the_course_page_links_what_is_missing_and_hides_the_enrol_button(member_client, member, chain):
    foundations = chain["foundations"][0]
    protection = chain["protection"][0]
    finish(member, *chain["foundations"])
    page = member_client.get(chain["course"].url).content.decode()
    assert 'data-testid="prerequisites-missing"' in page
    missing = page.split('data-testid="prerequisites-missing"')[1].split("</div>")[0]
    assert f'href="{protection.url}"' in missing and "Data protection" in missing
    assert foundations.url not in missing  # completed: not missing
    assert "You can enrol once you have completed them." in page
    assert reverse("courses:enroll", args=[chain["course"].id]) not in page

    finish(member, *chain["protection"])
    page = member_client.get(chain["course"].url).content.decode()
    assert 'data-testid="prerequisites-missing"' not in page
    assert reverse("courses:enroll", args=[chain["course"].id]) in page


def test_visitors_see_the_requirements_and_the_page_stays_cacheable(client, chain):
    response = client.get(chain["course"].url)
    page = response.content.decode()
    assert "Before this course, complete:" in page
    assert "E-government foundations" in page and "Data protection" in page
    assert "Sign in to enrol" in page
    assert "You can enrol once" not in page
    assert not response.cookies


def test_a_requirement_picked_as_a_translation_is_met_by_the_original(member, chain, site_tree):
    """Editors may pick any translation of a course: requirements are compared by translation key."""
    from wagtail.models import Locale

    french = Locale.objects.get_or_create(language_code="fr")[0]
    foundations, lessons = chain["foundations"]
    french_foundations = foundations.copy_for_translation(french, copy_parents=True)
    french_foundations.save_revision().publish()
    course = chain["course"]
    course.prerequisites.set([french_foundations, chain["protection"][0]])
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    finish(member, foundations, lessons)
    finish(member, *chain["protection"])
    assert services.enroll(user=member, course=course).status == Enrollment.Status.ACTIVE
