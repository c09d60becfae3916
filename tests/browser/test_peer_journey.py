"""A member publishes a profile; another finds them by topic and writes; the first reads the email (through the
outbox, once the tasks ran) and the message in Messages, and answers; the second reads the answer. At desktop and
phone width."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from tests.background import run_ready_tasks
from tests.browser.conftest import BrowserProblems
from tests.browser.helpers import sign_in
from tests.factories import OrganisationFactory, TopicFactory, make_member

LINK = re.compile(r"https?://\S+/community/messages/\d+/")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def no_sideways_scroll(page, width):
    """On a phone, the page fits the window; at every width, axe finds no serious or critical violation."""
    if width < 500:
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], f"{page.url}\n{results.generate_report()}"


def journey(page, width):
    topic = TopicFactory(name="Open data")
    mina = make_member(OrganisationFactory(name="Seoul", city="Seoul"), first_name="Mina", last_name="Park")
    luc = make_member(
        OrganisationFactory(name="Lyon", city="Lyon", country="FR", region="europe"),
        first_name="Luc",
        last_name="Martin",
    )
    mail.outbox.clear()

    # Mina publishes her profile from My hub.
    sign_in(page, mina.email)
    page.get_by_role("link", name="Edit my profile").click()
    page.get_by_role("heading", name="Who sees your profile").wait_for()
    no_sideways_scroll(page, width)
    page.get_by_label("Show my profile to other members").check()
    page.get_by_label("Job title").fill("Chief data officer")
    page.get_by_label(topic.name, exact=True).check()
    page.get_by_label("Korean", exact=True).check()
    page.get_by_label("Short bio").fill("I run Seoul's open data portal.")
    page.get_by_role("button", name="Save my profile").click()
    page.get_by_text("Your profile is saved and shown to other members.").wait_for()
    sign_out(page)

    # Luc finds her by topic and writes.
    sign_in(page, luc.email)
    page.goto("/community/peers/")
    page.get_by_label("Topic", exact=True).select_option(label="Open data")
    page.get_by_role("button", name="Show").click()
    no_sideways_scroll(page, width)
    page.get_by_role("link", name="Mina Park").click()
    page.get_by_text("I run Seoul's open data portal.").wait_for()
    no_sideways_scroll(page, width)
    page.get_by_label("Subject").fill("Your open data portal")
    page.get_by_label("Message:", exact=True).fill("How did you choose the first data sets?")
    page.get_by_role("button", name="Send the message").click()
    page.get_by_text("Your message is sent.").wait_for()
    sign_out(page)

    run_ready_tasks()  # the worker writes the notice and the outbox delivers it
    [email] = [m for m in mail.outbox if m.to == [mina.email]]
    assert "How did you choose the first data sets?" in email.body and luc.email not in email.body
    link = LINK.search(email.body).group(0)

    # Mina follows the email's link, reads the message in Messages and answers.
    page.goto(link)
    page.get_by_label("Email").fill(mina.email)
    page.get_by_label("Password:", exact=True).fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("heading", name="Your open data portal").wait_for()
    page.get_by_text("How did you choose the first data sets?").wait_for()
    no_sideways_scroll(page, width)
    assert luc.email not in page.content()
    page.get_by_label("Your answer").fill("We asked citizens which ones they wanted.")
    page.get_by_role("button", name="Send my answer").click()
    page.get_by_text("Your answer is sent.").wait_for()
    sign_out(page)

    run_ready_tasks()
    assert any(m.to == [luc.email] and "We asked citizens" in m.body for m in mail.outbox)

    # Luc reads the answer.
    sign_in(page, luc.email)
    page.goto("/community/messages/")
    no_sideways_scroll(page, width)
    page.get_by_role("link", name="Your open data portal").click()
    page.get_by_text("We asked citizens which ones they wanted.").wait_for()
    no_sideways_scroll(page, width)
    assert mina.email not in page.content()


def test_a_member_publishes_a_profile_another_finds_and_writes_and_gets_an_answer(page, site):
    journey(page, 1280)


@pytest.mark.parametrize("width", [375])
def test_the_same_journey_on_a_phone(browser, live_server, site, width):
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = BrowserProblems(page)
    try:
        journey(page, width)
    finally:
        context.close()
    assert problems.seen == []
