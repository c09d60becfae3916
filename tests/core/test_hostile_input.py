"""Odd input gets a clear 400, never a server error: ids that ``str.isdigit()`` accepted but ``int()`` or the
database refuse ("²", 5,000 digits, past bigint), and NUL characters, which PostgreSQL refuses in any text lookup."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import review
from core.forms import MAX_ID, parse_id
from courses.models import CohortRun, CoursePage, Enrollment, QuizAttempt
from events import services as event_services
from events.models import Registration
from members.models import Membership
from tests.factories import (
    CoursePageFactory,
    EventPageFactory,
    LessonPageFactory,
    ModulePageFactory,
    OrganisationFactory,
    UserFactory,
    make_member,
)

pytestmark = pytest.mark.django_db

BAD_IDS = ["²", "٣", "1²", "9" * 5000, str(MAX_ID + 1), "-1", " 1", "1\n", "0x1", "1.0", "0", ""]
PLAIN_400 = "We could not read that request"


@pytest.mark.parametrize("value", BAD_IDS)
def test_parse_id_refuses_anything_but_ascii_digits_in_the_bigint_range(value):
    assert parse_id(value) is None


@pytest.mark.parametrize("value, number", [("1", 1), ("0042", 42), (str(MAX_ID), MAX_ID)])
def test_parse_id_reads_ids(value, number):
    assert parse_id(value) == number


def test_parse_id_refuses_what_is_not_text():
    assert parse_id(None) is None and parse_id(["1"]) is None and parse_id(1) is None


# --- The views that used str.isdigit() -------------------------------------------------------------------------

ODD = ["²", "9" * 5000, str(MAX_ID + 1)]


@pytest.mark.parametrize("value", ODD)
def test_enrolling_with_an_odd_run_asks_for_a_run(client, site_tree, value):
    course = CoursePageFactory(parent=site_tree["courses"], format=CoursePage.Format.COHORT)
    start = timezone.localdate() + dt.timedelta(days=20)
    CohortRun.objects.create(course=course, starts_on=start, ends_on=start + dt.timedelta(days=30), seats=5)
    client.force_login(UserFactory())
    response = client.post(reverse("courses:enroll", args=[course.id]), {"run": value})
    assert response.status_code == 400
    assert not Enrollment.objects.exists()


@pytest.fixture
def quiz_lesson(site_tree):
    from tests.courses.test_quizzes import make_quiz

    course = CoursePageFactory(parent=site_tree["courses"])
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course))
    lesson.quiz = make_quiz()
    lesson.save_revision().publish()
    person = UserFactory()
    from courses import services

    services.enroll(user=person, course=course)
    return course, lesson, person


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize("where", ["name", "value"])
def test_a_quiz_with_odd_question_or_choice_ids_is_refused(client, quiz_lesson, value, where):
    course, lesson, person = quiz_lesson
    client.force_login(person)
    data = {f"question-{value}": "1"} if where == "name" else {"question-1": value}
    response = client.post(reverse("courses:submit_quiz", args=[course.id, lesson.id]), data)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize("value", ODD)
def test_signing_off_an_odd_task_state_is_refused(client, site_tree, value):
    review.ensure_review_workflow(site_tree["cases"])
    client.force_login(make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT))
    response = client.post("/cases/sign-off/", {"task_state": value, "decision": "approve"})
    assert response.status_code == 400


@pytest.fixture
def pending_registration(site_tree):
    city = OrganisationFactory()
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    event = EventPageFactory(parent=site_tree["events"], requires_focal_point_approval=True)
    registration = event_services.register(
        event=event, user=make_member(city), mode=Registration.Mode.IN_PERSON, consent=True
    )
    return event, registration, focal_point


@pytest.mark.parametrize("value", ODD)
def test_approving_an_odd_registration_is_refused(client, pending_registration, value):
    _, registration, focal_point = pending_registration
    client.force_login(focal_point)
    response = client.post("/events/approvals/", {"registration": value, "decision": "approve"})
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING_APPROVAL


@pytest.mark.parametrize("value", ODD)
def test_checking_in_an_odd_registration_says_it_was_not_understood(admin_client, pending_registration, value):
    event, registration, _ = pending_registration
    url = reverse("events_registrations", args=[event.id])
    response = admin_client.post(url, {"registration": value, "attended": "1"}, follow=True)
    assert response.status_code == 200
    assert "That request was not understood." in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended_at is None


# --- NUL anywhere the client controls ---------------------------------------------------------------------------


def assert_plain_400(response):
    assert response.status_code == 400
    assert PLAIN_400 in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/invitations/%00/",  # a token lookup
        "/about%00/",  # Wagtail's page serving
        "/members/%00/",
        "/certificates/%00/",
        "/search/?q=%00",
        "/search/suggest/?q=a%00",
        "/courses/?%00=1",  # in a name, too
        "/cases/?topic=%00&topic=water",
        "/accounts/password/reset/key/%00-set-password/",
        "/documents/1/%00.pdf",
        "/static/%00.css",
    ],
)
def test_a_nul_in_the_path_or_query_gets_a_plain_400(client, site_tree, path):
    assert_plain_400(client.get(path))


def test_a_nul_in_a_form_gets_a_plain_400(client, site_tree):
    assert_plain_400(client.post("/accounts/login/", {"login": "mina\x00@seoul.example", "password": "x"}))
    assert_plain_400(client.post("/accounts/signup/", {"email": "a@b.example", "password1": "\x00"}))


def test_a_nul_in_a_cookie_gets_a_plain_400(client, site_tree):
    client.cookies["sessionid"] = "\x00abcdefghijklmnop"
    assert_plain_400(client.get("/"))


def test_the_admin_is_covered_too(admin_client, site_tree):
    assert_plain_400(admin_client.get("/admin/pages/search/", {"q": "Seoul\x00"}))
    assert_plain_400(admin_client.get("/admin/users/", {"q": "\x00"}))


def test_the_400_page_is_in_the_visitors_language(client, site_tree):
    response = client.get("/invitations/%00/", headers={"accept-language": "ko"})
    assert response.status_code == 400 and '<html lang="ko"' in response.content.decode()


def test_ordinary_requests_pass(client, site_tree):
    assert client.get("/search/", {"q": "open data ²"}).status_code == 200
