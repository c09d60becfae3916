import pytest

from courses import services
from courses.exceptions import LessonNotAvailable, LessonNotInCourse, MembersOnlyCourse, NotEnrolled
from courses.models import Enrollment, LessonProgress
from courses.selectors import progress_for
from tests.factories import LessonPageFactory, OrganisationFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_and_lessons(site_tree):
    return make_course(site_tree["courses"], optional_last=True)


def progress(enrollment):
    return progress_for([enrollment])[enrollment.id]


def test_enrolling_twice_gives_one_enrollment(member, course_and_lessons):
    course, _ = course_and_lessons
    first = services.enroll(user=member, course=course)
    second = services.enroll(user=member, course=course)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=member, course=course).count() == 1


def test_completing_every_required_lesson_completes_the_course(member, course_and_lessons):
    course, lessons = course_and_lessons
    enrollment = services.enroll(user=member, course=course)
    required = [lesson for lesson in lessons if not lesson.optional]
    assert progress(enrollment).total == 3
    for number, lesson in enumerate(required, start=1):
        enrollment = services.mark_lesson_complete(user=member, course=course, lesson=lesson)
        assert progress(enrollment).done == number
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None
    assert progress(enrollment).percent == 100


def test_marking_a_lesson_twice_records_it_once(member, course_and_lessons):
    course, lessons = course_and_lessons
    services.enroll(user=member, course=course)
    services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    assert LessonProgress.objects.count() == 1


def test_progress_follows_lessons_added_and_unpublished_later(member, course_and_lessons):
    course, lessons = course_and_lessons
    enrollment = services.enroll(user=member, course=course)
    for lesson in lessons[:3]:
        services.mark_lesson_complete(user=member, course=course, lesson=lesson)
    enrollment.refresh_from_db()
    assert progress(enrollment).is_complete
    module = lessons[0].get_parent()
    new_lesson = LessonPageFactory(parent=module, title="A new required lesson")
    assert (progress(enrollment).done, progress(enrollment).total) == (3, 4)
    new_lesson.unpublish()
    assert (progress(enrollment).done, progress(enrollment).total) == (3, 3)


def test_not_enrolled_cannot_complete_and_nothing_is_written(member, course_and_lessons):
    course, lessons = course_and_lessons
    with pytest.raises(NotEnrolled):
        services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    assert not LessonProgress.objects.exists()


def test_an_unpublished_lesson_cannot_be_completed(member, course_and_lessons):
    course, lessons = course_and_lessons
    services.enroll(user=member, course=course)
    lessons[0].unpublish()
    lessons[0].refresh_from_db()
    with pytest.raises(LessonNotAvailable):
        services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    assert not LessonProgress.objects.exists()


def test_a_lesson_of_another_course_is_refused(member, site_tree, course_and_lessons):
    course, _ = course_and_lessons
    _, other_lessons = make_course(site_tree["courses"], title="Another course")
    services.enroll(user=member, course=course)
    with pytest.raises(LessonNotInCourse):
        services.mark_lesson_complete(user=member, course=course, lesson=other_lessons[0])
    assert not LessonProgress.objects.exists()


def test_members_only_courses_refuse_non_members_with_a_reason(site_tree):
    course, _ = make_course(site_tree["courses"], title="Smart-city strategy", audience="members")
    outsider = UserFactory()
    with pytest.raises(MembersOnlyCourse) as error:
        services.enroll(user=outsider, course=course)
    assert "member organisations" in str(error.value.message)
    assert not Enrollment.objects.exists()
    member = make_member(OrganisationFactory())
    assert services.enroll(user=member, course=course).status == Enrollment.Status.ACTIVE


def test_unenrolling_keeps_progress_for_a_return(member, course_and_lessons):
    course, lessons = course_and_lessons
    services.enroll(user=member, course=course)
    services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    services.unenroll(user=member, course=course)
    services.unenroll(user=member, course=course)
    assert Enrollment.objects.get().status == Enrollment.Status.WITHDRAWN
    enrollment = services.enroll(user=member, course=course)
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert progress(enrollment).done == 1


def test_members_only_audience_sets_wagtail_privacy_on_the_lessons_not_the_course_page(site_tree, client):
    course, lessons = make_course(site_tree["courses"], title="Members course", audience="members")
    assert client.get(course.url).status_code == 200  # the page says what it is: test_members_only_courses.py
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    course.audience = "public"
    course.save()
    assert client.get(lessons[0].url).status_code == 200
