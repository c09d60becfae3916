"""Members-only courses: everyone finds the course page (marked, counted) and is told how to join; only staff of
member cities open the lessons. Wagtail privacy sits on the course's modules, never on the course page."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from courses.models import CoursePage, Enrollment, ModulePage
from members import services as member_services
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    OrganisationFactory,
    UserFactory,
    make_course,
    make_member,
)

pytestmark = pytest.mark.django_db
SECRET = "The members' own roadmap template, paragraph by paragraph"


@pytest.fixture
def members_course(site_tree):
    course, lessons = make_course(
        site_tree["courses"],
        title="Smart-city strategy",
        audience=CoursePage.Audience.MEMBERS,
        level=CoursePage.Level.ADVANCED,
        effort_hours=10,
        summary="From a vision to a funded roadmap.",
        learning_outcomes="Write a smart-city vision\nBuild a roadmap with indicators",
    )
    for lesson in lessons:
        lesson.body = [("paragraph", RichText(f"<p>{SECRET}</p>"))]
        lesson.save_revision().publish()
    return course, lessons


def members_restricted(page):
    return PageViewRestriction.objects.filter(
        page=page, restriction_type="groups", groups__name=member_services.MEMBERS_GROUP
    ).exists()


def lesson_links(html, lessons):
    return [lesson.title for lesson in lessons if f'href="{lesson.url}"' in html]


# --- Where the privacy sits ------------------------------------------------------------------------------------


def test_the_course_page_is_public_and_its_modules_are_for_members(members_course):
    course, lessons = members_course
    assert not course.get_view_restrictions().exists()
    modules = list(ModulePage.objects.child_of(course))
    assert len(modules) == 2 and all(members_restricted(module) for module in modules)
    assert CoursePage.objects.live().public().filter(pk=course.pk).exists()
    assert all(lesson.get_view_restrictions().exists() for lesson in lessons)  # inherited from the module


def test_a_module_added_or_moved_later_takes_its_courses_audience(site_tree, members_course):
    course, _ = members_course
    added = ModulePageFactory(parent=course, title="Added later")
    assert members_restricted(added)
    public_course, _ = make_course(site_tree["courses"], title="Open data basics")
    added.move(public_course, pos="last-child")
    assert not members_restricted(added)
    public_module = ModulePage.objects.child_of(public_course).first()
    public_module.move(course, pos="last-child")
    assert members_restricted(public_module)


def test_changing_the_audience_on_publish_moves_the_privacy_but_a_draft_does_not(members_course):
    course, _ = members_course
    course.audience = CoursePage.Audience.PUBLIC
    course.save_revision()  # a draft: the live course is still members-only
    assert all(members_restricted(module) for module in ModulePage.objects.child_of(course))
    course.save_revision().publish()
    assert not PageViewRestriction.objects.exists()
    course.refresh_from_db()
    course.audience = CoursePage.Audience.MEMBERS
    course.save_revision().publish()
    assert all(members_restricted(module) for module in ModulePage.objects.child_of(course))
    assert not course.get_view_restrictions().exists()


def test_saving_a_course_lifts_the_old_restriction_on_the_course_page(members_course):
    """Databases from before this change restricted the course page itself (and so hid it from the catalogue)."""
    course, _ = members_course
    member_services.restrict_page_to_members(course)
    course.save()
    assert not course.view_restrictions.exists()
    assert all(members_restricted(module) for module in ModulePage.objects.child_of(course))


# --- The catalogue -----------------------------------------------------------------------------------------------


def test_everyone_finds_members_only_courses_in_the_catalogue_marked_and_counted(client, site_tree, members_course):
    make_course(site_tree["courses"], title="Open data basics")
    index = site_tree["courses"]
    for who in (None, UserFactory(), make_member(OrganisationFactory())):
        if who is not None:
            client.force_login(who)
        html = client.get(index.url).content.decode()
        assert "Smart-city strategy" in html and "Open data basics" in html
        assert "2 courses" in html
        assert html.count("Members only</span>") == 1
        assert "Advanced (1)" in html and "Members only (1)" in html and "Everyone (1)" in html
    html = client.get(index.url, {"audience": "members"}).content.decode()
    assert "Smart-city strategy" in html and "Open data basics" not in html and "1 course" in html


def test_a_cohort_members_only_course_counts_in_the_format_facet(client, site_tree):
    CoursePageFactory(parent=site_tree["courses"], title="Strategy cohort", format="cohort", audience="members")
    html = client.get(site_tree["courses"].url).content.decode()
    assert "Strategy cohort" in html and "Cohort (1)" in html


def test_the_catalogue_query_count_does_not_grow_with_members_only_courses(
    client, site_tree, django_assert_num_queries
):
    index = site_tree["courses"]
    client.force_login(make_member(OrganisationFactory()))
    for number in range(4):
        make_course(index, title=f"Course {number}", audience="members" if number % 2 else "public", modules=1)
    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(index.url, {"audience": "members"})
    for number in range(4, 30):
        make_course(index, title=f"Course {number}", audience="members" if number % 2 else "public", modules=1)
    with django_assert_num_queries(len(few)):
        html = client.get(index.url, {"audience": "members"}).content.decode()
    assert "15 courses" in html


# --- The course page -------------------------------------------------------------------------------------------


def test_a_visitor_sees_what_the_course_is_and_how_to_join_without_the_lessons(client, members_course):
    course, lessons = members_course
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Smart-city strategy", "From a vision to a funded roadmap.", "Write a smart-city vision"):
        assert text in html
    assert "Advanced" in html and "10 hours" in html and "Members only" in html
    assert all(lesson.title in html for lesson in lessons) and "module 2" in html
    assert lesson_links(html, lessons) == []
    assert SECRET not in html
    back = quote(course.url, safe="")
    assert f'href="/accounts/login/?next={back}"' in html
    assert f'href="/accounts/signup/?next={back}"' in html
    assert "Membership goes through your city" in html
    assert 'action="/learning/' not in html  # no enrol form for someone who cannot enrol


@pytest.mark.with_page_cache  # what a visitor's page sends when it may be kept in the page cache and by a CDN
def test_the_signed_out_page_of_a_course_carries_nothing_personal_and_sets_no_cookie(client, site_tree, members_course):
    public_course, _ = make_course(site_tree["courses"], title="Open data basics")
    for course in (members_course[0], public_course):
        response = client.get(course.url)
        assert response.status_code == 200
        assert not response.cookies, course.title
        assert "csrfmiddlewaretoken" not in response.content.decode()
        cache_control = response.get("Cache-Control", "")
        assert "private" not in cache_control and "no-cache" not in cache_control


def test_a_visitor_to_a_public_course_is_offered_sign_in_that_comes_back(client, site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics")
    html = client.get(course.url).content.decode()
    assert f'href="/accounts/login/?next={quote(course.url, safe="")}"' in html and "Sign in to enrol" in html
    assert lesson_links(html, lessons) == [lesson.title for lesson in lessons]  # public lessons open for anyone


def test_a_member_enrols_and_takes_the_course(client, members_course):
    course, lessons = members_course
    member = make_member(OrganisationFactory())
    client.force_login(member)
    html = client.get(course.url).content.decode()
    assert "Enrol</button>" in html and "Membership goes through your city" not in html
    assert lesson_links(html, lessons) == [lesson.title for lesson in lessons]
    response = client.post(reverse("courses:enroll", args=[course.id]))
    assert response.status_code == 302 and Enrollment.objects.filter(user=member, course=course).exists()
    lesson = client.get(lessons[0].url)
    assert lesson.status_code == 200 and SECRET in lesson.content.decode()
    response = client.post(reverse("courses:complete", args=[course.id, lessons[0].id]))
    assert response.status_code == 302


def test_a_signed_in_non_member_is_told_how_to_ask_to_join(client, members_course):
    course, lessons = members_course
    client.force_login(UserFactory())
    html = client.get(course.url).content.decode()
    assert "Your account is not linked to an approved member city yet." in html
    assert f'href="{reverse("members:me")}#membership-heading"' in html and "Ask to join your city" in html
    assert f'href="{reverse("members:directory")}"' in html
    assert lesson_links(html, lessons) == [] and SECRET not in html
    assert "Enrol</button>" not in html


def test_a_person_waiting_for_approval_is_told_so(client, members_course):
    course, _ = members_course
    city = OrganisationFactory(name="City of Ulaanbaatar")
    applicant = UserFactory()
    member_services.request_membership(user=applicant, organisation=city)
    client.force_login(applicant)
    html = client.get(course.url).content.decode()
    assert "Your request to join City of Ulaanbaatar is waiting for approval" in html
    assert "Enrol</button>" not in html


# --- The lessons ---------------------------------------------------------------------------------------------


def test_a_signed_in_non_member_opening_a_lesson_gets_an_explanation_not_the_lesson(client, members_course):
    course, lessons = members_course
    client.force_login(UserFactory())
    response = client.get(lessons[0].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "for staff of member organisations" in html and f'href="{course.url}"' in html
    assert SECRET not in html
    assert "no-cache" in response["Cache-Control"]
    module = ModulePage.objects.child_of(course).first()
    assert client.get(module.url).status_code == 403


def test_a_visitor_opening_a_lesson_is_sent_to_sign_in_and_back(client, members_course):
    _, lessons = members_course
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={lessons[0].url}"
    assert SECRET not in response.content.decode()


def test_a_lesson_added_later_to_a_members_only_course_stays_closed(client, members_course):
    course, _ = members_course
    module = ModulePage.objects.child_of(course).first()
    late = LessonPageFactory(parent=module, title="Late lesson", body=[("paragraph", RichText(f"<p>{SECRET}</p>"))])
    client.force_login(UserFactory())
    assert client.get(late.url).status_code == 403
    client.force_login(make_member(OrganisationFactory()))
    assert SECRET in client.get(late.url).content.decode()


def test_the_home_page_lists_members_only_courses_marked(client, members_course):
    html = client.get("/").content.decode()
    latest = html[html.index("Latest courses") :]
    assert "Smart-city strategy" in latest and "Members only" in latest
