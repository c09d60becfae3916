import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize(
    "path",
    # And right to left, in Arabic: the same pages mirrored.
    [
        *("/", "/accounts/login/", "/accounts/signup/", "/members/", "/courses/", "/cases/"),
        *("/ar/", "/ar/accounts/signup/", "/ar/courses/", "/ar/members/"),
    ],
)
@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_no_serious_or_critical_accessibility_violations(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == [], results.generate_report()


def test_a_form_with_errors_stays_accessible(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("not-an-email@")
    page.get_by_label("Password:", exact=True).fill("short")
    page.get_by_label("Password (again)").fill("short")
    page.get_by_label("Email").evaluate("element => element.removeAttribute('type')")  # let the server judge
    page.get_by_role("button", name="Join WeGo Hub").click()
    results = Axe().run(page)
    assert [v for v in results.response["violations"] if v["impact"] in SERIOUS] == []


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_my_hub_and_the_dashboard_are_accessible(page, width):
    from members import services
    from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_member

    city = OrganisationFactory(name="City of Kigali")
    focal_point = make_member(city, role="focal_point")
    services.request_membership(user=UserFactory(first_name="Applicant"), organisation=city)
    services.invite(organisation=city, addresses=["new@kigali.example"], by=focal_point)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(focal_point.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/me/")
    for path in ["/me/", f"/members/{city.slug}/dashboard/"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_course_and_lesson_pages_are_accessible(page, site, width):
    from tests.factories import make_course

    course, lessons = make_course(site["courses"], title="Open data for cities")
    page.set_viewport_size({"width": width, "height": 900})
    for path in [course.url, lessons[0].url, "/courses/?level=introductory&q=open"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
@pytest.mark.expected_statuses(400)  # the registration form sent with its errors, on purpose
def test_event_pages_are_accessible(page, site, width):
    import datetime as dt

    from django.utils import timezone

    from events.models import RegistrationQuestion
    from tests.factories import PASSWORD, EventPageFactory, UserFactory

    start = timezone.now().replace(day=12, hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days=31)
    event = EventPageFactory(parent=site["events"], title="Smart cities summit", start=start, format="hybrid")
    RegistrationQuestion.objects.create(event=event, label="Study visit?", kind="yes_no")
    EventPageFactory(parent=site["events"], title="Last year's webinar", start=start - dt.timedelta(days=400))
    person = UserFactory()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/me/")
    calendar = f"/events/calendar/{start.year}/{start.month}/"
    for path in ["/events/", "/events/past/", calendar, event.url, event.url + "register/"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"
    page.goto(event.url + "register/")
    page.get_by_role("button", name="Register").click()  # errors: no mode, no consent
    results = Axe().run(page)
    assert [v for v in results.response["violations"] if v["impact"] in SERIOUS] == []

    # Registered: the event page with the attendee's panel, and the question before cancelling.
    from events import services
    from events.models import Registration

    services.register(event=event, user=person, mode=Registration.Mode.ONLINE, consent=True)
    for path in [event.url, event.url + "cancel/"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_toolkit_pages_are_accessible(page, site, width, tmp_path):
    from django.test import override_settings

    from tests.factories import ToolkitPageFactory
    from tests.toolkits.conftest import publish_releases

    with override_settings(MEDIA_ROOT=tmp_path):
        toolkit = ToolkitPageFactory(parent=site["toolkits"], title="Open-data policy kit", audience="members")
        publish_releases(
            toolkit,
            [
                ("1.0", 90, [("policy.pdf", b"%PDF-1", "en")]),
                ("1.1", 2, [("policy.pdf", b"%PDF-2", "en"), ("politica.pdf", b"%PDF-2", "es")]),
            ],
        )
        page.set_viewport_size({"width": width, "height": 900})
        for path in ["/toolkits/", "/toolkits/?language=es&audience=members", toolkit.url]:
            page.goto(path)
            results = Axe().run(page)
            serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
            assert serious == [], f"{path}\n{results.generate_report()}"


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
@pytest.mark.expected_statuses(404)  # an unknown certificate code, on purpose
def test_quiz_and_certificate_pages_are_accessible(page, site, width):
    from courses import services
    from courses.models import Certificate
    from tests.browser.helpers import sign_in
    from tests.courses.test_quizzes import answers, make_quiz
    from tests.factories import UserFactory, make_course

    course, lessons = make_course(site["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    quiz_lesson = lessons[0]
    quiz_lesson.quiz = make_quiz()
    quiz_lesson.save_revision().publish()
    person = UserFactory()
    services.enroll(user=person, course=course)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, person.email)
    page.goto(quiz_lesson.url)
    results = Axe().run(page)
    assert [v for v in results.response["violations"] if v["impact"] in SERIOUS] == [], results.generate_report()
    services.submit_quiz(
        user=person, course=course, lesson=quiz_lesson, answers=answers(quiz_lesson.quiz, "CC BY 4.0", "CSV", "JSON")
    )
    certificate = Certificate.objects.get()
    for path in [quiz_lesson.url, "/me/", certificate.get_absolute_url(), "/certificates/NOT-A-CODE/"]:
        page.goto(path)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        assert serious == [], f"{path}\n{results.generate_report()}"
