"""Events and courses as data (/api/v1/events/, /api/v1/courses/): the calendar's and the catalogue's filters, times
in UTC and in the event's zone, the seats left, and constant query counts."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import CoursePage
from events.models import EventPage
from events.services import register
from members.models import Region
from tests.factories import CoursePageFactory, EventPageFactory, OrganisationFactory, TopicFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(site_tree):
    now = timezone.now().replace(second=0, microsecond=0)
    return {
        "assembly": EventPageFactory(
            parent=site_tree["events"],
            title="General assembly",
            kind=EventPage.Kind.GENERAL_ASSEMBLY,
            region=Region.ASIA_PACIFIC,
            start=now + dt.timedelta(days=30),
            end=now + dt.timedelta(days=30, hours=8),
            in_person_capacity=2,
        ),
        "webinar": EventPageFactory(
            parent=site_tree["events"],
            title="Open data webinar",
            kind=EventPage.Kind.WEBINAR,
            format=EventPage.Format.ONLINE,
            time_zone="Europe/Lisbon",
            start=now + dt.timedelta(days=3),
            end=now + dt.timedelta(days=3, hours=1),
        ),
        "last_year": EventPageFactory(
            parent=site_tree["events"],
            title="Last year's summit",
            start=now - dt.timedelta(days=300),
            end=now - dt.timedelta(days=299),
        ),
    }


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def test_upcoming_soonest_first_past_latest_first_and_the_calendars_filters(client, calendar):
    assert titles(client.get("/api/v1/events/")) == ["Open data webinar", "General assembly"]
    assert titles(client.get("/api/v1/events/", {"when": "past"})) == ["Last year's summit"]
    assert titles(client.get("/api/v1/events/", {"format": "online"})) == ["Open data webinar"]
    both = {"kind": "general_assembly", "region": "asia_pacific"}
    assert titles(client.get("/api/v1/events/", both)) == ["General assembly"]
    assert client.get("/api/v1/events/", {"when": "tomorrow"}).status_code == 422


def test_an_event_gives_its_times_in_utc_and_in_its_own_zone_and_its_calendar_file(client, calendar):
    webinar = calendar["webinar"]
    [listed] = client.get("/api/v1/events/", {"format": "online"}).json()["results"]
    assert dt.datetime.fromisoformat(listed["start"]) == webinar.start
    local = dt.datetime.fromisoformat(listed["local_start"])
    lisbon = webinar.start.astimezone(zoneinfo.ZoneInfo("Europe/Lisbon"))
    assert local == webinar.start and local.utcoffset() == lisbon.utcoffset() and local.hour == lisbon.hour
    assert listed["time_zone"] == "Europe/Lisbon" and listed["calendar_url"].endswith(f"{webinar.url}event.ics")


def test_one_event_counts_its_seats_from_the_registrations(client, calendar):
    assembly = calendar["assembly"]
    city = OrganisationFactory()
    for _ in range(3):  # two seats: the third person waits
        register(event=assembly, user=make_member(city), mode="in_person", consent=True)
    [seats] = client.get(f"/api/v1/events/{assembly.pk}/").json()["seats"]
    assert seats == {"mode": "in_person", "capacity": 2, "seats_left": 0, "waiting": 1}


def test_the_event_list_costs_the_same_queries_for_three_events_or_twenty(client, calendar, site_tree):
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/events/", {"page_size": 100})
    for number in range(17):
        EventPageFactory(parent=site_tree["events"], title=f"Workshop {number}").topics.add(TopicFactory())
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/v1/events/", {"page_size": 100})
    assert response.json()["count"] == 19
    assert len(many) == len(few)


@pytest.fixture
def catalogue(site_tree):
    open_data = TopicFactory(name="Open data", slug="open-data")
    basics = CoursePageFactory(
        parent=site_tree["courses"], title="Open data basics", level=CoursePage.Level.INTRODUCTORY
    )
    basics.topics.add(open_data)
    basics.save_revision().publish()
    CoursePageFactory(
        parent=site_tree["courses"],
        title="Data strategy for leaders",
        level=CoursePage.Level.ADVANCED,
        audience=CoursePage.Audience.MEMBERS,
        language="fr",
        learning_outcomes="Write a data strategy\n\nName a chief data officer\n",
    )


def test_the_course_list_filters_and_counts_as_the_catalogue_does(client, catalogue):
    body = client.get("/api/v1/courses/").json()
    assert [course["title"] for course in body["results"]] == ["Data strategy for leaders", "Open data basics"]
    assert body["facets"]["level"] == {"advanced": 1, "introductory": 1}
    assert body["facets"]["topic"] == {"open-data": 1}
    assert titles(client.get("/api/v1/courses/", {"topic": "open-data"})) == ["Open data basics"]
    assert titles(client.get("/api/v1/courses/", {"course_language": "fr"})) == ["Data strategy for leaders"]
    [members_only] = client.get("/api/v1/courses/", {"audience": "members"}).json()["results"]
    assert members_only["learning_outcomes"] == ["Write a data strategy", "Name a chief data officer"]
    assert members_only["course_language"] == "fr" and members_only["language"] == "en"
    assert client.get("/api/v1/courses/", {"level": "expert"}).status_code == 422


def test_the_course_list_costs_the_same_queries_for_two_courses_or_twelve(client, catalogue, site_tree):
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/courses/", {"page_size": 100})
    for number in range(10):
        CoursePageFactory(parent=site_tree["courses"], title=f"Course {number}")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/v1/courses/", {"page_size": 100})
    assert response.json()["count"] == 12
    assert len(many) == len(few)
