"""A member follows a topic, an item in it is published, the digest task runs, the email lists the item once, and
its unsubscribe link turns the digest off."""

import datetime as dt
import re

from django.core import mail
from django.utils import timezone

from community.models import DigestFrequency, DigestSettings
from community.tasks import send_digests
from tests.background import run_ready_tasks
from tests.browser.helpers import sign_in
from tests.factories import CasePageFactory, TopicFactory, UserFactory


def test_a_member_follows_a_topic_gets_the_new_case_once_and_unsubscribes_in_one_click(page, site, live_server):
    open_data = TopicFactory(name="Open data", slug="open-data")
    TopicFactory(name="Mobility", slug="mobility")
    member = UserFactory(email="jiwoo@seoul.city.example")

    sign_in(page, member.email)
    page.get_by_role("link", name="Choose what you follow").click()
    page.wait_for_url("**/community/following/")
    page.get_by_role("heading", name="Following", exact=True).wait_for()
    page.get_by_label("Open data").check()
    page.get_by_label("Weekly").check()
    page.get_by_role("button", name="Save my choices").click()
    page.get_by_text("Your choices are saved.").wait_for()
    assert page.get_by_label("Open data").is_checked() and not page.get_by_label("Mobility").is_checked()

    case = CasePageFactory(parent=site["cases"], title="Seoul's open data portal")
    case.topics.set([open_data])
    case.save_revision().publish()
    other = CasePageFactory(parent=site["cases"], title="Bike lanes in Dakar")
    other.save_revision().publish()

    mail.outbox.clear()
    for _ in range(2):  # the scheduler runs it again: nothing more
        send_digests.enqueue()
        run_ready_tasks()
    [email] = [message for message in mail.outbox if message.to == [member.email]]
    assert email.body.count("Seoul's open data portal") == 1 and "Bike lanes" not in email.body
    assert f"{live_server.url}{case.url}" in email.body

    # The link from the email, in a browser without a session (as from a phone's mail program).
    link = re.search(rf"{re.escape(live_server.url)}/community/digest/unsubscribe/\S+/", email.body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("heading", name="Stop the digest").wait_for()
    assert DigestSettings.objects.get(user=member).frequency == DigestFrequency.WEEKLY  # opening it changes nothing
    page.get_by_role("button", name="Stop the digest").click()
    page.get_by_role("heading", name="Digest stopped").wait_for()
    assert DigestSettings.objects.get(user=member).frequency == DigestFrequency.OFF

    newer = CasePageFactory(parent=site["cases"], title="Open budget")
    newer.topics.set([open_data])
    newer.save_revision().publish()
    mail.outbox.clear()
    send_digests.enqueue(now=(timezone.now() + dt.timedelta(days=7)).isoformat())
    run_ready_tasks()
    assert [message for message in mail.outbox if message.to == [member.email]] == []
