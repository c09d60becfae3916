"""The transcript: every completed course (hours, dates, certificate), learning paths and events attended, on a page
and as a PDF (read back with pypdf), only ever the signed-in learner's own, in a fixed number of queries."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation
from pypdf import PdfReader

from courses import services
from courses.models import Certificate
from events.models import Registration
from events.selectors import learning_hours
from tests.factories import EventPageFactory, UserFactory, make_course

pytestmark = pytest.mark.django_db


def finish(person, course, lessons):
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)


def attend(person, event):
    return Registration.objects.create(
        event=event,
        user=person,
        mode=Registration.Mode.IN_PERSON,
        status=Registration.Status.CONFIRMED,
        consent_given_at=timezone.now(),
        attended_at=event.start,
    )


def past_event(index, title, hours=3.0, days_ago=30):
    start = (timezone.now() - dt.timedelta(days=days_ago)).replace(hour=1, minute=0, second=0, microsecond=0)
    return EventPageFactory(parent=index, title=title, start=start, end=start + dt.timedelta(hours=hours))


@pytest.fixture
def record(site_tree, member):
    """Mina completed two courses (one certificate revoked), is half-way through a third, and attended an event."""
    index = site_tree["courses"]
    done = [make_course(index, title=title, modules=1, effort_hours=hours) for title, hours in (("Open data", 6),)]
    done.append(make_course(index, title="Smart-city strategy", modules=1, effort_hours=4))
    for course, lessons in done:
        finish(member, course, lessons)
    course, lessons = make_course(index, title="Still learning", modules=1)
    services.enroll(user=member, course=course)
    services.mark_lesson_complete(user=member, course=course, lesson=lessons[0])
    revoked = Certificate.objects.get(enrollment__course=done[1][0])
    services.revoke_certificate(certificate=revoked, reason="Issued by mistake.")
    attend(member, past_event(site_tree["events"], "Smart City Summit", hours=2.75))
    past_event(site_tree["events"], "An event Mina skipped")
    return {"done": done, "revoked": revoked}


def test_the_transcript_lists_completed_courses_paths_and_events_with_hours(client, member, record):
    client.force_login(member)
    response = client.get(reverse("transcript"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open data" in page and "Smart-city strategy" in page
    assert "Still learning" not in page  # not completed
    assert "Smart City Summit" in page and "An event Mina skipped" not in page
    assert "13 hours of learning: 10 in courses and 3 at events." in page
    certificate = Certificate.objects.get(enrollment__course=record["done"][0][0])
    assert certificate.display_code in page and certificate.get_absolute_url() in page
    assert record["revoked"].display_code in page and "Revoked" in page
    assert reverse("transcript_pdf") in page
    assert "no-store" in response["Cache-Control"]


def test_the_transcript_needs_sign_in(client, record):
    for url in (reverse("transcript"), reverse("transcript_pdf")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_learner_sees_only_their_own(client, member, record):
    client.force_login(UserFactory(first_name="Other"))
    page = client.get(reverse("transcript")).content.decode()
    assert "Open data" not in page and "Smart City Summit" not in page
    assert "No course completed yet." in page
    text = pdf_text(client.get(reverse("transcript_pdf")).content)
    assert "Open data" not in text and "Smart City Summit" not in text


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_has_the_titles_hours_certificates_and_the_event(client, member, record):
    client.force_login(member)
    response = client.get(reverse("transcript_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    assert "Learning transcript" in text and "Mina Park" in text
    assert "Open data" in text and "Smart-city strategy" in text and "Smart City Summit" in text
    assert "Total: 13 hours (courses 10, events 3)" in text
    assert record["revoked"].display_code in text and "(revoked)" in text


def test_the_pdf_is_in_the_learner_language(client, member, record):
    member.preferred_language = "fr"
    member.save()
    client.force_login(member)
    text = pdf_text(client.get(reverse("transcript_pdf")).content)
    assert "Open data" in text
    # Dates as a French reader writes them, whatever the interface strings say.
    with translation.override("fr"):
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert today in text


def test_the_pdf_draws_an_arabic_transcript(client, member, record):
    member.preferred_language = "ar"
    member.save()
    client.force_login(member)
    response = client.get(reverse("transcript_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "Open data" in pdf_text(response.content)


def test_a_completed_path_is_on_the_transcript(client, member, site_tree):
    from tests.courses.test_learning_paths import make_path

    courses = [make_course(site_tree["courses"], title=f"Course {n}", modules=1) for n in range(2)]
    make_path(site_tree["courses"], [course for course, _ in courses])
    for course, lessons in courses:
        finish(member, course, lessons)
    client.force_login(member)
    page = client.get(reverse("transcript")).content.decode()
    assert "Learning paths completed" in page and "Digital government essentials" in page
    text = pdf_text(client.get(reverse("transcript_pdf")).content)
    assert "Digital government essentials" in text


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (dt.timedelta(minutes=50), Decimal("1")),
        (dt.timedelta(minutes=75), Decimal("1.5")),
        (dt.timedelta(minutes=100), Decimal("1.5")),
        (dt.timedelta(hours=10), Decimal("8")),  # one day: at most 8
        (dt.timedelta(days=2, hours=8), Decimal("24")),  # three days: at most 8 each
    ],
)
def test_an_event_counts_for_its_length_to_the_half_hour_at_most_8_hours_a_day(site_tree, length, expected):
    start = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0), timezone.get_fixed_timezone(540))
    event = EventPageFactory(parent=site_tree["events"], start=start, end=start + length, time_zone="Asia/Seoul")
    assert learning_hours(event) == expected


def test_the_transcript_is_a_fixed_number_of_queries(client, member, site_tree, django_assert_num_queries):
    index = site_tree["courses"]

    def learn(count, name):
        for number in range(count):
            finish(member, *make_course(index, title=f"{name} {number}", modules=1, lessons_per_module=1))
            attend(member, past_event(site_tree["events"], f"{name} event {number}", days_ago=number + 10))

    client.force_login(member)
    learn(2, "First")
    client.get(reverse("transcript"))  # the session and the site's caches, read once
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("transcript")).status_code == 200
    with CaptureQueriesContext(connection) as few_pdf:
        assert client.get(reverse("transcript_pdf")).status_code == 200
    learn(4, "More")
    with django_assert_num_queries(len(few)):
        page = client.get(reverse("transcript")).content.decode()
    assert "More 3" in page and "More event 3" in page
    with django_assert_num_queries(len(few_pdf)):
        client.get(reverse("transcript_pdf"))
