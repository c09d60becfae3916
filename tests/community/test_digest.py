"""The digest: the right items once per person and period, in their language, never empty, never twice; the
one-click unsubscribe link; the building's query count does not grow with follows, people or items."""

import datetime as dt
import re
import time

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from community import digest, follows
from community.models import DigestFrequency, DigestSent, DigestSettings
from community.tasks import send_digests
from core.models import OutgoingEmail
from members.services import restrict_page_to_members
from tests.community.conftest import days_ago, published
from tests.factories import CoursePageFactory, EventPageFactory, OrganisationFactory, ToolkitPageFactory, UserFactory
from tests.translations import translate
from toolkits.models import ToolkitRelease

pytestmark = pytest.mark.django_db

UNSUBSCRIBE = re.compile(r"https://hub\.example\.org(/(?:[a-z]{2}/)?community/digest/unsubscribe/[^/\s\"]+/)")


def follower(*, topics=(), cities=(), frequency="weekly", **fields):
    person = UserFactory(**fields)
    follows.set_following(
        user=person,
        topic_keys={str(topic.translation_key) for topic in topics},
        organisation_ids={city.pk for city in cities},
        frequency=frequency,
    )
    return person


def digests(outbox, run_tasks, **kwargs):
    """Run the digest as the scheduler does, deliver, and return the emails written."""
    outbox.clear()
    digest.send_digests(**kwargs)
    run_tasks()
    return list(outbox)


def text_of(message):
    return message.body


def test_the_digest_lists_new_things_in_followed_topics_and_cities_once_and_nothing_else(
    site_tree, open_data, mobility, publish_case, outbox, run_tasks
):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", slug="seoul")
    dakar = OrganisationFactory(name="Dakar", slug="dakar")
    person = follower(topics=[open_data], cities=[seoul])

    publish_case("Open data portal", topics=[open_data])
    publish_case("Seoul's smart bus stops", topics=[mobility], organisation=seoul)
    publish_case("Dakar's bike lanes", topics=[mobility], organisation=dakar)  # neither followed
    publish_case("Old open budget", topics=[open_data], when=days_ago(30))  # before the week
    secret = publish_case("Members-only open data", topics=[open_data])
    restrict_page_to_members(secret)
    toolkit = published(ToolkitPageFactory(parent=site_tree["toolkits"], title="Open data toolkit"), topics=[open_data])
    ToolkitRelease.objects.create(toolkit=toolkit, version="2.0", released_on=timezone.localdate())
    ToolkitRelease.objects.create(toolkit=toolkit, version="1.0", released_on=timezone.localdate() - dt.timedelta(60))
    published(CoursePageFactory(parent=site_tree["courses"], title="Open data basics"), topics=[open_data])
    published(CoursePageFactory(parent=site_tree["courses"], title="Mobility basics"), topics=[mobility])
    published(EventPageFactory(parent=site_tree["events"], title="Seoul smart city week", host_organisation=seoul))
    published(EventPageFactory(parent=site_tree["events"], title="Open data summit"), topics=[open_data])
    past = EventPageFactory(parent=site_tree["events"], title="Open data past meetup",
                            start=days_ago(3), end=days_ago(3) + dt.timedelta(hours=2))  # fmt: skip
    published(past, topics=[open_data])

    [email] = digests(outbox, run_tasks)
    assert email.to == [person.email]
    assert email.subject == "Your weekly digest: 6 new items in what you follow"
    body = text_of(email)
    for title in ["Open data portal", "Seoul's smart bus stops", "Open data toolkit", "Version 2.0",
                  "Open data basics", "Seoul smart city week", "Open data summit"]:  # fmt: skip
        assert body.count(title) == 1, title
    for title in ["Dakar's bike lanes", "Old open budget", "Members-only", "Version 1.0", "Mobility basics",
                  "past meetup"]:  # fmt: skip
        assert title not in body
    for heading in ["New cases", "Toolkit releases", "New courses", "New events"]:
        assert heading in body
    assert "https://hub.example.org/cases/open-data-portal/" in body
    html = email.alternatives[0][0]
    assert '<a href="https://hub.example.org/cases/open-data-portal/"' in html
    assert DigestSent.objects.get(user=person).period == digest.period_of("weekly", timezone.now())


def test_the_digest_is_in_the_readers_language_with_links_to_the_translation(
    open_data, publish_case, outbox, run_tasks
):
    case = publish_case("Open data portal", topics=[open_data])
    translate(case, "fr", title="Portail de données ouvertes")
    english = follower(topics=[open_data], email="en@city.example")
    french = follower(topics=[open_data], email="fr@city.example", preferred_language="fr")

    emails = {email.to[0]: email for email in digests(outbox, run_tasks)}
    assert set(emails) == {english.email, french.email}
    en, fr = emails[english.email], emails[french.email]
    assert "Open data portal" in en.body and "Portail" not in en.body  # the French translation is not a second item
    assert "https://hub.example.org/cases/open-data-portal/" in en.body
    assert "Portail de données ouvertes" in fr.body and "Open data portal" not in fr.body
    assert "https://hub.example.org/fr/cases/open-data-portal/" in fr.body
    assert '<html lang="fr" dir="ltr">' in fr.alternatives[0][0]
    assert UNSUBSCRIBE.search(fr.body).group(1).startswith("/fr/community/")
    assert UNSUBSCRIBE.search(en.body).group(1).startswith("/community/")


def test_running_twice_sends_once_and_the_next_week_lists_only_what_is_new(open_data, publish_case, outbox, run_tasks):
    person = follower(topics=[open_data])
    publish_case("Open data portal", topics=[open_data])
    assert len(digests(outbox, run_tasks)) == 1
    assert digests(outbox, run_tasks) == []  # the same week: already sent
    publish_case("Open budget", topics=[open_data])
    assert digests(outbox, run_tasks) == []  # still the same week: it waits for the next digest

    [next_week] = digests(outbox, run_tasks, now=timezone.now() + dt.timedelta(days=7))
    assert "Open budget" in next_week.body and "Open data portal" not in next_week.body
    assert DigestSent.objects.filter(user=person).count() == 2
    assert OutgoingEmail.objects.count() == 2


def test_the_task_enqueued_twice_writes_one_email_per_person(open_data, publish_case, outbox, run_tasks):
    people = [follower(topics=[open_data]) for _ in range(3)]
    publish_case("Open data portal", topics=[open_data])
    outbox.clear()
    send_digests.enqueue()
    send_digests.enqueue()
    run_tasks()
    assert sorted(email.to[0] for email in outbox) == sorted(person.email for person in people)
    assert DigestSent.objects.count() == 3


def test_a_daily_digest_goes_every_day(open_data, publish_case, outbox, run_tasks):
    follower(topics=[open_data], frequency="daily")
    publish_case("Open data portal", topics=[open_data])
    [email] = digests(outbox, run_tasks)
    assert email.subject.startswith("Your daily digest: 1 new item")
    publish_case("Open budget", topics=[open_data])
    [tomorrow] = digests(outbox, run_tasks, now=timezone.now() + dt.timedelta(days=1))
    assert "Open budget" in tomorrow.body and "Open data portal" not in tomorrow.body


def test_nobody_gets_an_empty_digest_nor_one_they_turned_off_or_to_an_unconfirmed_address(
    open_data, mobility, publish_case, outbox, run_tasks
):
    follower(topics=[mobility])  # nothing new in mobility
    follower(topics=[open_data], frequency="off")
    follower(topics=[open_data], verified=False)
    gone = follower(topics=[open_data])
    gone.is_active = False
    gone.save()
    UserFactory()  # follows nothing
    publish_case("Open data portal", topics=[open_data])
    assert digests(outbox, run_tasks) == []
    assert not DigestSent.objects.exists()


# --- Unsubscribe -----------------------------------------------------------------------------------------------


@pytest.fixture
def subscribed(open_data, publish_case, outbox, run_tasks):
    person = follower(topics=[open_data])
    publish_case("Open data portal", topics=[open_data])
    [email] = digests(outbox, run_tasks)
    return person, email


def test_the_unsubscribe_link_asks_first_then_turns_the_digest_off_without_signing_in(subscribed):
    person, email = subscribed
    path = UNSUBSCRIBE.search(email.body).group(1)
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)  # what a mail scanner does: nothing changes
    assert page.status_code == 200 and "Stop the digest" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and not page.cookies
    assert follows.frequency_of(person) == DigestFrequency.WEEKLY
    done = client.post(path)  # no form token: the signed link is the proof
    assert done.status_code == 200 and "You will get no more digests" in done.content.decode()
    assert follows.frequency_of(person) == DigestFrequency.OFF
    assert "already off" in client.get(path).content.decode()


def test_mail_programs_unsubscribe_in_one_click_from_the_headers(subscribed):
    person, email = subscribed
    link = email.extra_headers["List-Unsubscribe"]
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link == f"<https://hub.example.org{UNSUBSCRIBE.search(email.body).group(1)}>"
    path = link.strip("<>").removeprefix("https://hub.example.org")
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert DigestSettings.objects.get(user=person).frequency == DigestFrequency.OFF


@pytest.mark.parametrize("change", ["tampered", "other salt", "garbage", "not a user"])
def test_a_changed_unsubscribe_link_is_refused_clearly(subscribed, client, change):
    person, email = subscribed
    path = UNSUBSCRIBE.search(email.body).group(1)
    token = path.rstrip("/").rsplit("/", 1)[1]
    bad = {
        "tampered": token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"),
        "other salt": signing.dumps({"user": person.pk}, salt="somewhere.else", compress=True),
        "garbage": "%00not-a-token",
        "not a user": signing.dumps({"user": "1 OR 1=1"}, salt=digest.UNSUBSCRIBE_SALT),
    }[change]
    for method in (client.get, client.post):
        response = method(f"/community/digest/unsubscribe/{bad}/")
        assert response.status_code == 400
        if change != "garbage":  # a NUL is refused before any view (core.middleware)
            assert "not complete or was changed" in response.content.decode()
    assert follows.frequency_of(person) == DigestFrequency.WEEKLY


def test_an_old_unsubscribe_link_says_it_is_too_old(subscribed, client):
    person, _email = subscribed

    class HalfAYearAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - digest.UNSUBSCRIBE_MAX_AGE.total_seconds() - 60))

    token = HalfAYearAgo(salt=digest.UNSUBSCRIBE_SALT).sign_object({"user": person.pk}, compress=True)
    response = client.post(f"/community/digest/unsubscribe/{token}/")
    assert response.status_code == 400 and "too old" in response.content.decode()
    assert follows.frequency_of(person) == DigestFrequency.WEEKLY


# --- Query counts --------------------------------------------------------------------------------------------------


def test_building_the_digest_costs_the_same_queries_with_more_follows_people_and_items(
    site_tree, open_data, mobility, publish_case
):
    def build():
        with CaptureQueriesContext(connection) as queries, translation.override("fr"):
            recipients = digest.due_recipients(timezone.now())
            items = digest.collect_items(
                since=timezone.now() - digest.LONGEST_WINDOW,
                until=timezone.now(),
                topic_keys=set().union(*(r.topic_keys for r in recipients)),
                organisation_ids=set().union(*(r.organisation_ids for r in recipients)),
            )
            chosen = [digest.items_for(r, items, timezone.now()) for r in recipients]
        return len(queries), sum(map(len, chosen))

    def add_content(number):
        city = OrganisationFactory()
        follower(topics=[open_data], cities=[city])
        publish_case(f"Case {number}", topics=[open_data])
        publish_case(f"City case {number}", organisation=city)
        toolkit = published(ToolkitPageFactory(parent=site_tree["toolkits"]), topics=[open_data])
        ToolkitRelease.objects.create(toolkit=toolkit, version="1.0", released_on=timezone.localdate())
        published(CoursePageFactory(parent=site_tree["courses"]), topics=[open_data])
        published(EventPageFactory(parent=site_tree["events"], host_organisation=city), topics=[mobility])

    add_content(0)
    few_queries, few_items = build()
    for number in range(1, 8):
        add_content(number)
    many_queries, many_items = build()
    assert many_items > few_items * 8
    assert many_queries == few_queries
