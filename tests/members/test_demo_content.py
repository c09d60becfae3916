"""The demo members' corner: real member content, dated relative to today, behind Wagtail privacy."""

import io
import re

import pytest
from django.utils import timezone

from core.models import StandardPage
from core.seeding import Progress
from events.models import EventPage
from members.demo import seed_members_corner
from members.models import User

pytestmark = pytest.mark.django_db


def test_the_members_corner_has_news_dates_and_documents_that_members_see(client, demo_site):
    page = StandardPage.objects.get(locale__language_code="en", slug="members-corner")
    headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
    assert headings == ["News from the secretariat", "Dates ahead", "Working documents", "From the member cities"]

    secret = "Consultation programme, call for pilot projects"
    anonymous = client.get(page.url)
    assert anonymous.status_code == 302 and secret not in anonymous.content.decode()

    client.force_login(User.objects.get(email="mina.park@seoul.city.example"))
    html = client.get(page.url).content.decode()
    assert secret in html and "Demo content" in html
    # The General Assembly dates are the event's own, and every link on the page leads somewhere for a member.
    assembly = EventPage.objects.get(locale__language_code="en", slug="general-assembly-2026")
    start = assembly.local_start.date()
    assert f"{start:%A} {start.day} {start:%B %Y}" in html
    links = set(re.findall(r'href="(/(?:toolkits|events)/[^"]+)"', html)) - {"/events/"}
    assert {assembly.url, "/toolkits/smart-city-maturity-self-assessment/"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_an_editors_members_corner_is_left_alone(db):
    seed_members_corner(Progress(io.StringIO()))
    page = StandardPage.objects.get(locale__language_code="en", slug="members-corner")
    assert str(timezone.localdate().year) in str(page.body.raw_data)
    page.body = [("paragraph", "<p>Our own news.</p>")]
    page.save_revision().publish()
    seed_members_corner(Progress(io.StringIO()))
    page.refresh_from_db()
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert "Our own news." in str(page.body[0].value)
