"""One journey per persona, as a person would take it, at desktop and phone width.

Every browser test fails on a console error (a CSP violation is one), a script error, a response ≥ 500 and a page
or email that links to this site by another address than the configured public one (tests/browser/conftest.py);
these journeys walk the pages each persona uses most. The staff member's, the focal point's and the consultant's
longer journeys are in test_signup_journey, test_course_journey, test_certificate_journey, test_event_journey,
test_membership_journeys and test_case_review_journey.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage
from tests.background import run_ready_tasks
from tests.browser.helpers import sign_in
from tests.factories import (
    CasePageFactory,
    EventPageFactory,
    OrganisationFactory,
    UserFactory,
    make_course,
    make_member,
)

WIDTHS = pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])


@WIDTHS
def test_a_visitor_browses_courses_cases_and_events_then_searches(page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    make_course(site["courses"], title="Open data for cities")
    CasePageFactory(parent=site["cases"], title="Night-bus routes from call data", summary="Big data for night buses.")
    start = (timezone.now() + dt.timedelta(days=20)).replace(second=0, microsecond=0)
    EventPageFactory(
        parent=site["events"], title="Smart Cities Summit", format=EventPage.Format.IN_PERSON,
        start=start, end=start + dt.timedelta(hours=6),
    )  # fmt: skip
    run_ready_tasks()  # the worker indexes what was published, as it does seconds after publishing

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses").click()
    page.get_by_role("link", name="Open data for cities").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Open data for cities"

    page.goto("/cases/")
    page.get_by_role("link", name="Night-bus routes from call data").click()
    page.get_by_role("heading", level=1, name="Night-bus routes from call data").wait_for()

    page.goto("/events/")
    page.get_by_role("link", name="Smart Cities Summit").first.click()
    page.get_by_role("heading", level=1, name="Smart Cities Summit").wait_for()

    page.goto("/search/?q=open+data")
    page.get_by_role("link", name="Open data for cities").first.click()
    page.get_by_role("heading", level=1, name="Open data for cities").wait_for()
    assert page.problems.cookie_setters == []  # a signed-out visitor's pages set no cookie, so they can be cached


def test_a_new_staff_member_signs_up_under_a_city_and_the_focal_point_is_told(page, site):
    city = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul")
    focal_point = make_member(city, role="focal_point", email="focal@seoul.city.example")

    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("newcomer@mail.example")
    page.get_by_label("First name").fill("Nadia")
    page.get_by_label("Last name").fill("Newcomer")
    page.get_by_label("Password:", exact=True).fill("seoul-digital-city-2026")
    page.get_by_label("Password (again)").fill("seoul-digital-city-2026")
    page.get_by_label("Your city or organisation").select_option(value=str(city.pk))
    page.get_by_role("button", name="Join WeGo Hub").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()
    run_ready_tasks()
    assert [message.to for message in mail.outbox] == [["newcomer@mail.example"]]  # no one is asked yet

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/me/")
    run_ready_tasks()
    assert focal_point.email in {address for message in mail.outbox for address in message.to}


def test_the_secretariat_finds_a_city_and_a_page_in_the_admin(page, site):
    OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul")
    OrganisationFactory(name="Curitiba City Hall", city="Curitiba")
    make_course(site["courses"], title="Open data for cities")
    secretariat = UserFactory(email="secretariat@wego-hub.example", is_staff=True, is_superuser=True)
    run_ready_tasks()  # the worker indexes what was saved
    sign_in(page, secretariat.email)

    page.goto("/admin/snippets/members/organisation/")
    page.locator("main").get_by_role("textbox", name=re.compile("Search", re.IGNORECASE)).fill("Seoul")
    expect(page.get_by_role("link", name="Curitiba City Hall")).to_have_count(0)  # the listing filters as you type
    page.get_by_role("link", name="Seoul Metropolitan Government").first.wait_for()

    page.goto('/admin/snippets/members/organisation/?q="')  # a lone quote once broke the database search
    page.get_by_role("heading", level=1).first.wait_for()

    page.goto("/admin/pages/search/?q=open+data")
    page.get_by_text("Open data for cities").first.wait_for()
