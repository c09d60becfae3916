"""One configured public address (settings.PUBLIC_URL) drives every absolute link we send or print.

The test settings make it https://hub.example.org while the test client calls the site as "testserver", so a link
built from the request's host instead shows up. tests/conftest.py also checks every email of every test.
"""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader
from wagtail.models import Site

from core.public_url import sync_default_site
from courses import services as learning
from courses.models import Certificate
from events.models import EventPage
from tests.background import run_ready_tasks
from tests.conftest import LINK, links_to_this_site_elsewhere
from tests.factories import EventPageFactory, UserFactory, make_course

pytestmark = pytest.mark.django_db

PUBLIC = "https://hub.example.org"


def links(text):
    return LINK.findall(text)


def test_the_default_site_follows_the_public_url_and_has_a_name(site_tree, settings):
    site = Site.objects.get(is_default_site=True)
    assert (site.root_url, site.site_name) == (PUBLIC, "WeGo Hub")
    assert site_tree["courses"].full_url == f"{PUBLIC}/courses/"

    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"  # make run PORT=8123
    sync_default_site()
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    assert site_tree["courses"].get_parent().specific.full_url == "http://127.0.0.1:8123/"


def test_allauth_emails_carry_the_site_name_and_links_on_the_public_address(client, site_tree):
    client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@city.example",
            "password1": "seoul-digital-city-2026",
            "password2": "seoul-digital-city-2026",
            "first_name": "New",
            "last_name": "Comer",
        },
    )
    UserFactory(email="known@city.example")
    client.post(reverse("account_reset_password"), {"email": "known@city.example"})
    client.post(reverse("account_reset_password"), {"email": "nobody@city.example"})
    run_ready_tasks()
    # The worker runs the three emails' tasks in the order the queue gives them, not always the order they were sent.
    [confirm] = [message for message in mail.outbox if "newcomer@city.example" in message.to]
    [reset] = [message for message in mail.outbox if "known@city.example" in message.to]
    [unknown] = [message for message in mail.outbox if "nobody@city.example" in message.to]
    for message in (confirm, reset, unknown):
        assert "Hello from WeGo Hub!" in message.body
        assert "testserver" not in message.body
        assert message.subject.startswith("[WeGo Hub]")
    assert re.search(rf"{PUBLIC}/accounts/confirm-email/\S+/", confirm.body)
    assert re.search(rf"{PUBLIC}/accounts/password/reset/key/\S+/", reset.body)
    assert f"{PUBLIC}/accounts/signup/" in unknown.body


def test_a_certificate_pdf_prints_and_encodes_the_public_address(client, site_tree):
    person = UserFactory()
    course, lessons = make_course(site_tree["courses"], title="Open data basics")
    learning.enroll(user=person, course=course)
    for lesson in lessons:
        learning.mark_lesson_complete(user=person, course=course, lesson=lesson)
    certificate = Certificate.objects.get()
    client.force_login(person)
    text = PdfReader(io.BytesIO(client.get(certificate.pdf_url).content)).pages[0].extract_text()
    printed = links(text.replace("\n", ""))
    assert printed and all(link.startswith(f"{PUBLIC}/certificates/") for link in printed)
    page = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert links_to_this_site_elsewhere(page) == []


def test_calendar_files_link_to_the_public_address(client, site_tree):
    start = (timezone.now() + dt.timedelta(days=5)).replace(second=0, microsecond=0)
    event = EventPageFactory(
        parent=site_tree["events"], format=EventPage.Format.IN_PERSON, start=start, end=start + dt.timedelta(hours=2)
    )
    for url in (event.ics_url, "/events/feed.ics"):
        calendar = Calendar.from_ical(client.get(url).content)
        (component,) = list(calendar.walk("VEVENT"))
        assert str(component["URL"]) == f"{PUBLIC}{event.url}"
        assert links_to_this_site_elsewhere(calendar.to_ical().decode()) == []
