"""Every form the public site accepts, given hostile values by every kind of visitor: never a server error, and
input that is refused changes nothing.

The endpoints are the POST views of the URLconf (members, courses, allauth) and of the routable pages (event
register/cancel/approvals, case sign-off), plus the search forms (GET). Each example posts drawn values as one of
the roles: a visitor, a new account with no membership, an approved member, a focal point, a consultant and the
secretariat. Values mix text with NUL, "²", huge digit strings, other scripts, empty values and lists with the
real ids of the fixture's rows (so some requests get as far as the services). Runs on SQLite and PostgreSQL.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import TaskState, Workflow

from cases import review
from cases.models import CasePage
from courses import services as learning
from courses.models import CohortRun, CoursePage, Enrollment, LessonProgress, QuizAttempt
from events import services as event_services
from events.models import EventPage, Registration, RegistrationQuestion
from members import services as membership
from members.models import Invitation, Membership, User
from tests.factories import CoursePageFactory, EventPageFactory, OrganisationFactory, UserFactory, make_member

EXAMPLES = 20  # drawn per endpoint, one request each as a role drawn from the six; and six fixed ones (checker)

# "@name" stands for the id of one of the fixture's rows (see World.ids), so that valid values are drawn too.
REAL = ["@run", "@question", "@choice", "@registration", "@task_state", "@organisation", "@membership"]
ODD = [
    "",
    " ",
    "²",
    "١٢",
    "9" * 5000,
    str(2**63),
    str(2**63 - 1),
    "-1",
    "0",
    "1e3",
    "\x00",
    "1\x00",
    "a" * 10_000,
    "😀",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "%",
    "approve",
    "reject",
    "decline",
    "yes",
    "on",
    "staff",
    "focal_point",
    "in_person",
    "online",
    "/",
    "//evil.example/",
]
VALUE = st.sampled_from(REAL + ODD) | st.text(max_size=40)
VALUES = VALUE | st.lists(VALUE, min_size=0, max_size=3)
EXTRA_NAME = st.sampled_from(["question-²", "question-@question", "question-9" + "9" * 30, "\x00", "q_²", "zz"])


class World:
    """The rows every endpoint acts on, and the people who act."""

    def __init__(self, site_tree):
        review.ensure_review_workflow(site_tree["cases"])
        self.city = OrganisationFactory(name="City of Seoul", city="Seoul")
        self.focal_point = make_member(self.city, role=Membership.Role.FOCAL_POINT)
        self.member = make_member(self.city)
        consultant = UserFactory(email="consultant@consult.example")
        consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))
        self.roles = {
            "visitor": None,
            "newcomer": UserFactory(),
            "member": self.member,
            "focal_point": self.focal_point,
            "consultant": consultant,
            "secretariat": UserFactory(is_staff=True, is_superuser=True),
        }
        self.applicant = UserFactory()
        pending = membership.request_membership(user=self.applicant, organisation=self.city)
        self.invitation = membership.invite(
            organisation=self.city, addresses=["new@seoul.example"], by=self.focal_point
        )[0]

        from tests.courses.test_quizzes import make_quiz
        from tests.factories import make_course

        self.course, lessons = make_course(site_tree["courses"], modules=1, lessons_per_module=2)
        self.lesson, self.quiz_lesson = lessons
        self.quiz_lesson.quiz = quiz = make_quiz()
        self.quiz_lesson.save_revision().publish()
        learning.enroll(user=self.member, course=self.course)
        self.cohort = CoursePageFactory(parent=site_tree["courses"], format=CoursePage.Format.COHORT)
        start = timezone.localdate() + dt.timedelta(days=20)
        run = CohortRun.objects.create(
            course=self.cohort, starts_on=start, ends_on=start + dt.timedelta(days=9), seats=2
        )

        self.event = EventPageFactory(
            parent=site_tree["events"], format=EventPage.Format.HYBRID, requires_focal_point_approval=True
        )
        RegistrationQuestion.objects.create(event=self.event, label="Lunch?", kind="choice", choices="Yes\nNo")
        registration = event_services.register(
            event=self.event, user=self.member, mode=Registration.Mode.IN_PERSON, consent=True
        )

        case = CasePage(title="Smart crosswalks", summary="Crosswalks.", start_year=2022, live=False)
        case.owner, case.organisation = consultant, self.city
        site_tree["cases"].add_child(instance=case)
        case.save_revision(user=consultant)
        Workflow.objects.get(name=review.WORKFLOW).start(case, consultant)
        task_state = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).get()

        choice = quiz.questions.first().choices.first()
        self.ids = {
            "@run": run.id,
            "@question": choice.question_id,
            "@choice": choice.id,
            "@registration": registration.id,
            "@task_state": task_state.id,
            "@organisation": self.city.id,
            "@membership": pending.id,
        }

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        for name, number in self.ids.items():
            value = value.replace(name, str(number))
        return value

    def fingerprint(self):
        """What a refused request must leave as it was."""
        return (
            list(Enrollment.objects.order_by("id").values_list("id", "status", "run_id")),
            LessonProgress.objects.count(),
            QuizAttempt.objects.count(),
            list(Registration.objects.order_by("id").values_list("id", "status", "mode", "attended_at")),
            list(Membership.objects.order_by("id").values_list("id", "status", "role")),
            list(Invitation.objects.order_by("id").values_list("id", "accepted_at", "revoked_at", "expires_at")),
            list(TaskState.objects.order_by("id").values_list("id", "status")),
            list(User.objects.order_by("id").values_list("id", "first_name", "last_name", "is_active")),
        )


def member_urls(world, suffix):
    return f"/members/{world.city.slug}/dashboard/{suffix}"


# name: (method, url for the world, the form's field names)
ENDPOINTS = {
    "enrol": ("post", lambda w: reverse("courses:enroll", args=[w.cohort.id]), ["run"]),
    "enrol self-paced": ("post", lambda w: reverse("courses:enroll", args=[w.course.id]), ["run"]),
    "unenrol": ("post", lambda w: reverse("courses:unenroll", args=[w.course.id]), []),
    "lesson complete": (
        "post",
        lambda w: reverse("courses:complete", args=[w.course.id, w.lesson.id]),
        ["next"],
    ),
    "quiz": (
        "post",
        lambda w: reverse("courses:submit_quiz", args=[w.course.id, w.quiz_lesson.id]),
        ["question-@question", "question-1"],
    ),
    "event register": (
        "post",
        lambda w: w.event.url + "register/",
        ["mode", "dietary_needs", "accessibility_needs", "consent", "q_1", "q_2"],
    ),
    "event cancel": ("post", lambda w: w.event.url + "cancel/", ["confirm"]),
    "event approvals": ("post", lambda w: "/events/approvals/", ["registration", "decision"]),
    "case sign-off": ("post", lambda w: "/cases/sign-off/", ["task_state", "decision", "comment"]),
    "invitation": ("post", lambda w: reverse("members:invitation", args=[w.invitation.token]), []),
    "invitation token": ("post", lambda w: "/invitations/@task_state²/", []),
    "invitation token with NUL": ("post", lambda w: "/invitations/%00/", []),  # was a 500 on PostgreSQL
    "me profile": (
        "post",
        lambda w: reverse("members:me"),
        [
            "profile-submit",
            "profile-first_name",
            "profile-last_name",
            "profile-job_title",
            "profile-time_zone",
            "profile-preferred_language",
            "profile-department",
        ],
    ),
    "me join": ("post", lambda w: reverse("members:me"), ["join-submit", "join-organisation"]),
    "delete account": ("post", lambda w: reverse("members:delete_account"), ["password", "confirm"]),
    "invite": ("post", lambda w: member_urls(w, "invitations/"), ["addresses", "role"]),
    "resend invitation": ("post", lambda w: member_urls(w, f"invitations/{w.invitation.id}/resend/"), []),
    "approve request": ("post", lambda w: member_urls(w, "requests/@membership/approve/"), []),
    "reject request": ("post", lambda w: member_urls(w, "requests/@membership/reject/"), ["reason"]),
    "change role": ("post", lambda w: member_urls(w, f"staff/{w.member.membership.id}/role/"), ["role"]),
    "sign in": ("post", lambda w: reverse("account_login"), ["login", "password", "remember"]),
    "sign up": (
        "post",
        lambda w: reverse("account_signup"),
        ["email", "password1", "password2", "first_name", "last_name", "organisation"],
    ),
    "password reset": ("post", lambda w: reverse("account_reset_password"), ["email"]),
    "search": ("get", lambda w: "/search/", ["q", "type", "topic", "page"]),
    "suggest": ("get", lambda w: "/search/suggest/", ["q"]),
}


@pytest.fixture
def world(site_tree):
    return World(site_tree)


def form_data(field_names):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(field_names, VALUES)) | st.dictionaries(
        st.sampled_from(field_names) | EXTRA_NAME if field_names else EXTRA_NAME, VALUES, max_size=4
    )


def checker(client, world, endpoint):
    method, url_for, field_names = ENDPOINTS[endpoint]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(role=st.sampled_from(list(world.roles)), data=form_data(field_names))
    def check(role, data):
        url = world.resolve(url_for(world))
        payload = {world.resolve(name): world.resolve(value) for name, value in data.items()}
        client.logout()
        if world.roles[role] is not None:
            client.force_login(world.roles[role])
        before = world.fingerprint()
        response = getattr(client, method)(url, payload)
        assert response.status_code < 500, (endpoint, role, response.status_code)
        if response.status_code >= 400:
            assert world.fingerprint() == before, (endpoint, role, response.status_code)

    # The known culprits in every field, as the roles that get past sign-in and the focal-point checks, every run.
    for role in ("member", "focal_point"):
        for culprit in ("²", "9" * 5000, "\x00"):
            check = example(role=role, data=dict.fromkeys(field_names or ["zz"], culprit))(check)
    return check


@pytest.mark.django_db
def test_no_form_value_causes_a_server_error_or_a_change_when_refused(client, world):
    """One world for every endpoint (building it costs more than the requests); a failure names its endpoint."""
    for endpoint in ENDPOINTS:
        checker(client, world, endpoint)()
