import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import CoursePage, Enrollment, LessonProgress
from members.models import Membership
from tests.factories import CoursePageFactory, OrganisationFactory, TopicFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db


def with_topic(page, topic):
    page.topics.set([topic])  # a ParentalManyToManyField is written when the page is saved
    page.save()
    return page


def complete_url(course, lesson):
    return reverse("courses:complete", args=[course.id, lesson.id])


@pytest.fixture
def course_and_lessons(site_tree):
    return make_course(site_tree["courses"], title="Open data for cities")


def test_enrolling_needs_sign_in_and_comes_back_to_the_course(client, course_and_lessons):
    course, _ = course_and_lessons
    response = client.post(reverse("courses:enroll", args=[course.id]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=" + course.url.replace("/", "%2F"))
    assert not Enrollment.objects.exists()


def test_enroll_then_complete_lessons_through_the_pages(member_client, member, course_and_lessons):
    course, lessons = course_and_lessons
    page = member_client.get(course.url).content.decode()
    assert "Enrol" in page and "0 of 4" not in page
    member_client.post(reverse("courses:enroll", args=[course.id]))
    page = member_client.get(course.url).content.decode()
    assert "0 of 4 required lessons" in page
    assert "Start the first lesson" in page and lessons[0].title in page

    response = member_client.post(complete_url(course, lessons[0]), {"next": lessons[1].url})
    assert response.status_code == 302 and response["Location"] == lessons[1].url
    page = member_client.get(course.url).content.decode()
    assert "1 of 4 required lessons" in page
    assert "Resume</a>" not in page and "Resume: " + lessons[1].title in page

    for lesson in lessons[1:]:
        response = member_client.post(complete_url(course, lesson))
    assert response["Location"] == course.url
    page = member_client.get(course.url).content.decode()
    assert "You completed this course." in page


def test_double_click_on_complete_records_one_row(member_client, member, course_and_lessons):
    course, lessons = course_and_lessons
    services.enroll(user=member, course=course)
    member_client.post(complete_url(course, lessons[0]))
    member_client.post(complete_url(course, lessons[0]))
    assert LessonProgress.objects.count() == 1


def test_bad_completions_get_a_4xx_with_a_message_and_write_nothing(
    member_client, member, site_tree, course_and_lessons
):
    course, lessons = course_and_lessons
    _, other_lessons = make_course(site_tree["courses"], title="Another course")
    response = member_client.post(complete_url(course, lessons[0]))
    assert response.status_code == 403 and "Enrol in the course first" in response.content.decode()

    services.enroll(user=member, course=course)
    response = member_client.post(complete_url(course, other_lessons[0]))
    assert response.status_code == 400 and "does not belong to that course" in response.content.decode()

    lessons[1].unpublish()
    response = member_client.post(complete_url(course, lessons[1]))
    assert response.status_code == 404 and "not published" in response.content.decode()

    assert member_client.post(complete_url(course, type("L", (), {"id": 999999})())).status_code == 404
    assert member_client.get(complete_url(course, lessons[0])).status_code == 405
    assert not LessonProgress.objects.exists()


def test_a_visitor_reads_a_public_lesson_and_is_told_how_to_enrol(client, course_and_lessons):
    _, lessons = course_and_lessons
    response = client.get(lessons[1].url)
    html = response.content.decode()
    assert "sign in and enrol" in html
    assert f'href="/accounts/login/?next={lessons[1].url.replace("/", "%2F")}"' in html
    assert "Mark as complete" not in html
    assert lessons[0].title in html and lessons[2].title in html  # previous and next
    # A signed-out lesson carries no form, no token and sets no cookie, so it can be cached.
    assert "csrfmiddlewaretoken" not in html and not response.cookies


def test_a_signed_in_learner_not_yet_enrolled_enrols_from_the_lesson(member_client, course_and_lessons):
    _, lessons = course_and_lessons
    html = member_client.get(lessons[1].url).content.decode()
    assert "enrol first" in html and "Enrol in the course" in html


def test_non_member_enrolling_in_a_members_only_course_is_refused_with_a_reason(client, site_tree):
    course, _ = make_course(site_tree["courses"], title="Smart-city strategy", audience="members")
    client.force_login(UserFactory())
    response = client.post(reverse("courses:enroll", args=[course.id]))
    assert response.status_code == 403
    assert "for staff of member organisations" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_catalogue_filters_combine_and_show_counts(client, site_tree):
    index = site_tree["courses"]
    open_data = TopicFactory(name="Open data")
    with_topic(
        CoursePageFactory(parent=index, title="Open data basics", level="introductory", language="en"), open_data
    )
    with_topic(CoursePageFactory(parent=index, title="Open data advanced", level="advanced", language="en"), open_data)
    CoursePageFactory(parent=index, title="Gouvernement numérique", level="introductory", language="fr")
    html = client.get(index.url, {"topic": "open-data", "level": "introductory"}).content.decode()
    assert "Open data basics" in html
    assert "Open data advanced" not in html and "Gouvernement numérique" not in html
    assert "1 course" in html
    assert "Advanced (1)" in html  # the count under the other filters (topic = open data)
    html = client.get(index.url, {"q": "gouvernement"}).content.decode()
    assert "Gouvernement numérique" in html and "Open data basics" not in html


@pytest.mark.parametrize("params", [{"level": "expert"}, {"topic": "nope"}, {"page": "x"}, {"q": "\x01" + "a" * 5000}])
def test_catalogue_ignores_bad_filters_without_an_error(client, site_tree, params):
    CoursePageFactory(parent=site_tree["courses"])
    assert client.get(site_tree["courses"].url, params).status_code == 200


def test_catalogue_query_count_is_the_same_for_5_and_50_courses(client, site_tree, django_assert_num_queries):
    index = site_tree["courses"]
    topic = TopicFactory(name="E-government")
    for _ in range(5):
        with_topic(CoursePageFactory(parent=index), topic)
    client.get(index.url)
    with CaptureQueriesContext(connection) as five:
        client.get(index.url, {"level": "introductory"})
    for _ in range(45):
        with_topic(CoursePageFactory(parent=index), topic)
    assert CoursePage.objects.count() == 50
    with django_assert_num_queries(len(five)):
        client.get(index.url, {"level": "introductory"})


def test_my_hub_shows_my_learning_with_progress_and_a_resume_link(member_client, member, course_and_lessons):
    course, lessons = course_and_lessons
    services.enroll(user=member, course=course)
    services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    html = member_client.get(reverse("members:me")).content.decode()
    assert "My learning" in html and course.title in html
    assert "1 of 4 required lessons" in html
    assert f'href="{lessons[1].url}"' in html


def test_focal_point_dashboard_and_csv_show_each_staff_members_progress(client, site_tree, course_and_lessons):
    course, lessons = course_and_lessons
    city = OrganisationFactory()
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    learner = make_member(city, email="learner@city.example")
    services.enroll(user=learner, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=learner, course=course, lesson=lesson)
    client.force_login(focal_point)
    html = client.get(reverse("members:dashboard", args=[city.slug])).content.decode()
    assert "Courses completed" in html
    rows = list(csv.reader(io.StringIO(client.get(reverse("members:report_csv", args=[city.slug])).content.decode())))
    header, learner_row = rows[0], next(row for row in rows if row[1] == "learner@city.example")
    assert learner_row[header.index("Courses: Courses enrolled")] == "1"
    assert learner_row[header.index("Courses: Courses completed")] == "1"
    assert learner_row[header.index("Courses: Average progress (%)")] == "100"
