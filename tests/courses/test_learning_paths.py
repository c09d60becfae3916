"""Learning paths: completing the last course completes the path and issues one path certificate; the path page, the
catalogue and /me/ show progress; the verification page and the PDF of a path certificate."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from courses import services
from courses.models import Certificate, LearningPathPage, PathCompletion, PathCourse
from courses.path_selectors import paths_progress
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def make_path(index, courses, title="Digital government essentials", **fields):
    path = LearningPathPage(title=title, slug=title.lower().replace(" ", "-"), summary="Three courses in order.")
    for field_name, value in fields.items():
        setattr(path, field_name, value)
    path.path_courses = [PathCourse(course=course, sort_order=number) for number, course in enumerate(courses)]
    index.add_child(instance=path)
    path.save_revision().publish()
    return LearningPathPage.objects.get(pk=path.pk)


def finish(person, course, lessons):
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)


@pytest.fixture
def courses(site_tree):
    index = site_tree["courses"]
    return [
        make_course(index, title=title, modules=1, effort_hours=hours)
        for title, hours in (("E-government foundations", 3), ("Open data for cities", 4), ("Participation", 2))
    ]


@pytest.fixture
def path(site_tree, courses):
    return make_path(site_tree["courses"], [course for course, _ in courses])


def test_completing_the_last_course_completes_the_path_with_one_certificate(member, courses, path):
    for course, lessons in courses[:2]:
        finish(member, course, lessons)
    assert not PathCompletion.objects.exists()
    finish(member, *courses[2])
    completion = PathCompletion.objects.get()
    assert (completion.user, completion.path) == (member, path)
    certificate = Certificate.objects.get(path_completion=completion)
    assert certificate.course_title == "Digital government essentials"
    assert certificate.hours == 3 + 4 + 2
    assert certificate.name == "Mina Park"
    assert certificate.issued_on == completion.completed_at.date()  # the learner's zone: UTC here
    assert certificate.holder == member and certificate.holder_id == member.pk

    # A double click, or the last course completed again: still one completion and one certificate.
    assert services.complete_paths(user=member, course=courses[2][0]) == [completion]
    services.complete_paths(user=member, course=courses[2][0])
    assert services.issue_path_certificate(completion=completion, hours=9) == certificate
    assert PathCompletion.objects.count() == 1
    assert Certificate.objects.filter(path_completion__isnull=False).count() == 1
    assert Certificate.objects.filter(enrollment__isnull=False).count() == 3  # the courses' own


def test_a_path_without_a_certificate_is_completed_without_one(member, site_tree, courses):
    make_path(site_tree["courses"], [course for course, _ in courses[:2]], title="Short path", awards_certificate=False)
    for course, lessons in courses[:2]:
        finish(member, course, lessons)
    assert PathCompletion.objects.count() == 1
    assert not Certificate.objects.filter(path_completion__isnull=False).exists()


def test_an_unpublished_path_is_not_completed(member, courses, path):
    path.unpublish()
    for course, lessons in courses:
        finish(member, course, lessons)
    assert not PathCompletion.objects.exists()


def test_publishing_a_path_completes_it_for_those_who_had_finished_its_courses(member, site_tree, courses, tasks_done):
    """They would otherwise never get it: a path is completed when its last course is, and they have none left."""
    for course, lessons in courses:
        finish(member, course, lessons)
    halfway = UserFactory()
    finish(halfway, *courses[0])
    last_course_done = max(enrollment.completed_at for enrollment in member.enrollments.all())
    assert not PathCompletion.objects.exists()

    with tasks_done():
        path = make_path(site_tree["courses"], [course for course, _ in courses])
    completion = PathCompletion.objects.get()
    assert (completion.user, completion.path) == (member, path)
    assert completion.completed_at == last_course_done  # when they did complete it, not when the path appeared
    certificate = Certificate.objects.get(path_completion=completion)
    assert (certificate.course_title, certificate.hours) == ("Digital government essentials", 9)
    assert certificate.credential  # signed as any certificate is

    with tasks_done():  # published again: nothing twice
        path.save_revision().publish()
    assert PathCompletion.objects.count() == 1
    assert Certificate.objects.filter(path_completion__isnull=False).count() == 1


def test_the_path_page_shows_each_course_state_and_the_overall_progress(client, member, courses, path):
    first, second, third = courses
    third[0].prerequisites.set([second[0]])
    third[0].save_revision().publish()
    finish(member, *first)
    services.enroll(user=member, course=second[0])
    services.mark_lesson_complete(user=member, course=second[0], lesson=second[1][0])

    client.force_login(member)
    page = client.get(path.url).content.decode()
    listed = page.split('id="path-courses-heading"')[1]
    order = [listed.index(title) for title in ("E-government foundations", "Open data for cities", "Participation")]
    assert order == sorted(order)
    assert "1 of 3 courses completed" in page
    assert "In progress: 50%" in page
    assert "Not started" in page
    requires = page.split('class="path-requires"')[1].split("</p>")[0]
    assert "Open data for cities" in requires and second[0].url in requires
    assert "4 hours" in page and "9 hours" in page
    assert "Next:" in page

    other = UserFactory()
    client.force_login(other)
    page = client.get(path.url).content.decode()
    assert "0 of 3 courses completed" in page and "In progress" not in page  # never another learner's progress


def test_the_path_page_of_a_visitor_is_cacheable_and_personal_nothing(client, courses, path):
    response = client.get(path.url)
    page = response.content.decode()
    assert "E-government foundations" in page and "Your progress" not in page
    assert not response.cookies


def test_the_path_certificate_shows_on_the_page_and_on_my_hub(client, member, courses, path):
    for course, lessons in courses:
        finish(member, course, lessons)
    certificate = Certificate.objects.get(path_completion__isnull=False)
    client.force_login(member)
    page = client.get(path.url).content.decode()
    assert "You completed this learning path." in page
    assert certificate.get_absolute_url() in page
    me = client.get("/me/").content.decode()
    assert "My learning paths" in me and "3 of 3 courses completed" in me
    assert certificate.get_absolute_url() in me
    assert reverse("transcript") in me


def test_my_hub_shows_the_next_course_of_a_path_begun(client, member, courses, path):
    finish(member, *courses[0])
    client.force_login(member)
    me = client.get("/me/").content.decode()
    assert "1 of 3 courses completed" in me
    assert "Next course: Open data for cities" in me and courses[1][0].url in me
    stranger = UserFactory()
    client.force_login(stranger)
    me = client.get("/me/").content.decode()
    assert "Digital government essentials" not in me
    assert "You have not started a learning path yet." in me


def test_the_catalogue_lists_the_paths(client, site_tree, path):
    response = client.get(site_tree["courses"].url)
    page = response.content.decode()
    assert "Learning paths" in page and path.url in page and "3 courses" in page
    assert not response.cookies


def test_anyone_verifies_a_path_certificate_and_its_holder_downloads_the_pdf(client, member, courses, path):
    for course, lessons in courses:
        finish(member, course, lessons)
    certificate = Certificate.objects.get(path_completion__isnull=False)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "This certificate is valid" in page
    assert "Learning path" in page and "Digital government essentials" in page and "Mina Park" in page

    assert client.get(certificate.pdf_url).status_code == 302  # sign in first
    client.force_login(UserFactory())
    assert client.get(certificate.pdf_url).status_code == 403  # not theirs
    client.force_login(member)
    response = client.get(certificate.pdf_url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "has completed the learning path" in text
    assert "Digital government essentials" in text and "9 hours" in text


def test_my_certificates_and_my_data_include_the_path_certificate(client, member, courses, path):
    for course, lessons in courses:
        finish(member, course, lessons)
    client.force_login(member)
    data = client.get(reverse("members:my_data")).json()
    kinds = sorted(item["kind"] for item in data["certificates"])
    assert kinds == ["course", "course", "course", "learning_path"]
    assert data["learning_paths_completed"][0]["path"] == "Digital government essentials"


def test_the_admin_lists_path_certificates(admin_client, member, courses, path):
    for course, lessons in courses:
        finish(member, course, lessons)
    response = admin_client.get(reverse("wagtailsnippets_courses_certificate:list"))
    assert response.status_code == 200
    assert "Digital government essentials" in response.content.decode()


def test_path_progress_is_a_fixed_number_of_queries(member, site_tree, django_assert_num_queries):
    index = site_tree["courses"]

    def path_of(count, name):
        made = [make_course(index, title=f"{name} {n}", modules=1, lessons_per_module=1) for n in range(count)]
        for course, _lessons in made[:-1]:
            services.enroll(user=member, course=course)
        made[-1][0].prerequisites.set([made[0][0]])
        made[-1][0].save_revision().publish()
        return make_path(index, [course for course, _ in made], title=f"Path {name}")

    small, large = path_of(2, "Small"), path_of(6, "Large")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        (progress,) = paths_progress(member, [small])
    assert progress.total == 2
    with django_assert_num_queries(len(few)):
        (progress,) = paths_progress(member, [large])
    assert progress.total == 6 and progress.steps[-1].requires


def test_the_demo_path_is_coherent_and_seeding_twice_changes_nothing(client, demo_site):
    from core.seeding import Progress
    from courses import demo_paths
    from courses.models import CoursePage, Enrollment
    from members.models import User

    path = LearningPathPage.objects.get(slug=demo_paths.PATH_SLUG, locale__language_code="en")
    slugs = list(path.path_courses.order_by("sort_order").values_list("course__slug", flat=True))
    assert slugs == list(demo_paths.PATH_COURSES)
    participation = CoursePage.objects.get(slug="citizen-participation", locale__language_code="en")
    assert list(participation.prerequisites.values_list("slug", flat=True)) == ["e-government-foundations"]

    jiho = User.objects.get(email=demo_paths.LEARNER)
    (progress,) = paths_progress(jiho, [path])
    assert [step.state for step in progress.steps] == ["in_progress", "completed", "not_started"]
    assert [course.slug for course in progress.steps[2].requires] == ["e-government-foundations"]
    # The graduates' journeys still hold: they completed open data, which requires nothing.
    assert Enrollment.objects.filter(course__slug="open-data-for-cities", completed_at__isnull=False).count() >= 2

    counts = (LearningPathPage.objects.count(), Enrollment.objects.count(), PathCourse.objects.count())
    demo_paths.seed(Progress(io.StringIO()))
    assert (LearningPathPage.objects.count(), Enrollment.objects.count(), PathCourse.objects.count()) == counts

    client.force_login(jiho)
    page = client.get(path.url).content.decode()
    assert "1 of 3 courses completed" in page and "Requires:" in page
