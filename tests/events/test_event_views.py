import datetime as dt
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import Topic
from events import services
from events.models import EventPage, Registration, RegistrationQuestion
from members.models import Region
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

IN_PERSON, ONLINE = Registration.Mode.IN_PERSON, Registration.Mode.ONLINE
FORM = {"mode": IN_PERSON, "consent": "on"}


def register_url(event):
    return event.url + "register/"


# --- Listing, archive, calendar ---------------------------------------------------------------------


def make_many(make_event, count, **fields):
    topic = Topic.objects.get_or_create(slug="open-data", defaults={"name": "Open data"})[0]
    events = []
    for _ in range(count):
        event = make_event(kind=EventPage.Kind.WEBINAR, region=Region.EUROPE, **fields)
        event.topics.add(topic)
        events.append(event)
    return events


def count_queries(client, path):
    client.get(path)  # warm the per-process caches (site root paths, translations)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("path", ["/events/", "/events/?kind=webinar&region=europe&topic=open-data", "/events/past/"])
def test_listing_queries_do_not_grow_with_events(client, make_event, django_assert_num_queries, path):
    make_many(make_event, 5)
    make_many(make_event, 5, start=timezone.now() - dt.timedelta(days=30))
    few = count_queries(client, path)
    make_many(make_event, 40)
    make_many(make_event, 40, start=timezone.now() - dt.timedelta(days=30))
    with django_assert_num_queries(few):
        assert client.get(path).status_code == 200


def test_calendar_month_queries_do_not_grow_with_events(client, make_event, django_assert_num_queries):
    start = timezone.now().replace(day=10, hour=12, minute=0, second=0, microsecond=0)
    url = f"/events/calendar/{start.year}/{start.month}/"
    make_many(make_event, 5, start=start)
    few = count_queries(client, url)
    make_many(make_event, 50, start=start)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('href="/events/event-') >= 55


def test_feed_queries_do_not_grow_with_events(client, make_event, django_assert_num_queries):
    make_many(make_event, 5)
    client.get("/events/feed.ics")
    make_event()  # a new event: the cached feed is stale, so this request builds it
    with CaptureQueriesContext(connection) as built:
        assert client.get("/events/feed.ics").status_code == 200
    few = len(built.captured_queries)
    make_many(make_event, 50)
    with django_assert_num_queries(few):
        assert client.get("/events/feed.ics").status_code == 200


def test_the_feed_is_rebuilt_when_an_event_changes(client, make_event):
    event = make_event(title="First title")
    assert b"First title" in client.get("/events/feed.ics").content
    event.title = "Second title"
    event.save_revision().publish()
    assert b"Second title" in client.get("/events/feed.ics").content
    make_event(title="Newcomer")
    assert b"Newcomer" in client.get("/events/feed.ics").content


def test_filters_combine_and_past_events_go_to_the_archive(client, make_event):
    make_event(
        title="Berlin webinar", kind=EventPage.Kind.WEBINAR, format=EventPage.Format.ONLINE, region=Region.EUROPE
    )
    make_event(title="Seoul conference", kind=EventPage.Kind.CONFERENCE, region=Region.ASIA_PACIFIC)
    make_event(title="Old webinar", kind=EventPage.Kind.WEBINAR, start=timezone.now() - dt.timedelta(days=40))
    upcoming = client.get("/events/", {"kind": "webinar", "format": "online"}).content.decode()
    assert "Berlin webinar" in upcoming and "Seoul conference" not in upcoming and "Old webinar" not in upcoming
    assert "Seoul conference" in client.get("/events/", {"region": "asia_pacific"}).content.decode()
    archive = client.get("/events/past/").content.decode()
    assert "Old webinar" in archive and "Berlin webinar" not in archive
    # An unknown value is ignored, not an error.
    assert client.get("/events/", {"kind": "party", "page": "x"}).status_code == 200


def test_a_multi_day_event_shows_on_each_of_its_local_days(client, make_event):
    import zoneinfo

    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    # 30 Jan 23:00 UTC is already 31 Jan in Seoul: the calendar follows the event's own zone.
    make_event(
        title="Summit",
        time_zone="Asia/Seoul",
        start=dt.datetime(2027, 1, 31, 8, tzinfo=seoul),
        end=dt.datetime(2027, 2, 2, 17, tzinfo=seoul),
    )
    january = client.get("/events/calendar/2027/1/").content.decode()
    february = client.get("/events/calendar/2027/2/").content.decode()
    assert january.count(">Summit</a>") == 1  # on Sunday 31 January (the last week of the month)
    assert february.count(">Summit</a>") == 2  # and on 1 and 2 February


@pytest.mark.parametrize(
    "path",
    ["/events/calendar/2027/13/", "/events/calendar/2027/0/", "/events/calendar/1999/5/", "/events/calendar/abcd/1/"],
)
def test_impossible_months_are_404(client, site_tree, path):
    assert client.get(path).status_code == 404


def test_the_calendar_redirects_to_this_month(client, site_tree):
    today = timezone.localdate()
    response = client.get("/events/calendar/")
    assert response.status_code == 302 and response.url.endswith(f"/events/calendar/{today.year}/{today.month}/")


# --- The event page ---------------------------------------------------------------------------------


def test_times_are_shown_in_the_events_zone_and_the_viewers(client, make_event, member):
    import zoneinfo

    make_event(
        title="Summit",
        time_zone="Asia/Seoul",
        start=dt.datetime(2027, 1, 24, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")),
        end=dt.datetime(2027, 1, 24, 17, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")),
    )
    anonymous = client.get(EventPage.objects.get().url).content.decode()
    assert "9 a.m." in anonymous and not shows_a_zone(anonymous)  # the browser's zone is left to a script
    member.time_zone = "Europe/Paris"
    member.save()
    client.force_login(member)
    page = client.get(EventPage.objects.get().url).content.decode()
    assert "In your time zone (Europe/Paris)" in page
    assert "Jan. 24, 2027, 1 a.m." in page  # 09:00 in Seoul is 01:00 in Paris
    assert "data-local-time" not in page  # the server knows the zone: nothing left for the script


SEOUL_SUMMIT = {
    "time_zone": "Asia/Seoul",
    "start": dt.datetime(2027, 1, 24, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")),
    "end": dt.datetime(2027, 1, 24, 17, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")),
}


def shows_a_zone(html):
    """Whether the server wrote a viewer's zone (the script's label template says "{zone}")."""
    return re.search(r"In your time zone \((?!\{zone\})", html) is not None


def local_time_elements(html):
    """The attributes of each element local-times.js fills in, as {name: value}."""
    return [
        dict(re.findall(r'(data-[\w-]+|hidden)(?:="([^"]*)")?', tag))
        for tag in re.findall(r"<[a-z]+ [^>]*\bdata-local-time(?![\w-])[^>]*>", html)
    ]


def test_a_visitors_event_page_is_the_same_whatever_zone_cookie_they_send(client, make_event):
    event = make_event(**SEOUL_SUMMIT)
    plain = client.get(event.url)
    client.cookies["tz"] = "America%2FSao_Paulo"  # what the old time-zone hint script left in browsers
    hinted = client.get(event.url)
    assert hinted.content == plain.content
    assert not plain.cookies and not hinted.cookies
    assert "In your time zone (America/Sao_Paulo)" not in hinted.content.decode()


def test_the_page_hands_the_script_the_instants_the_zone_and_the_label(client, make_event):
    event = make_event(**SEOUL_SUMMIT)
    html = client.get(event.url).content.decode()
    [element] = local_time_elements(html)
    assert element == {
        "hidden": "",  # nothing shows without JavaScript, nor in the event's own zone
        "data-local-time": "",
        "data-start": "2027-01-24T00:00:00+00:00",
        "data-end": "2027-01-24T08:00:00+00:00",
        "data-zone": "Asia/Seoul",
        "data-label": "In your time zone ({zone})",
    }
    assert '<script src="/static/js/local-times.js" defer></script>' in html
    assert "data-local-time-label" in html and "data-local-time-value" in html


def test_a_profile_zone_is_shown_by_the_server_and_a_profile_without_one_gets_the_script(client, make_event, member):
    event = make_event(**SEOUL_SUMMIT)
    client.force_login(member)
    member.time_zone = ""
    member.save()
    client.cookies["tz"] = "Europe%2FParis"  # never read: only the profile counts
    page = client.get(event.url).content.decode()
    assert "In your time zone (Europe/Paris)" not in page and len(local_time_elements(page)) == 1
    member.time_zone = "America/Sao_Paulo"
    member.save()
    page = client.get(event.url).content.decode()
    assert "In your time zone (America/Sao_Paulo)" in page and "Jan. 23, 2027, 9 p.m." in page
    assert local_time_elements(page) == []
    member.time_zone = "Asia/Seoul"  # in the event's zone: nothing to add, by either
    member.save()
    page = client.get(event.url).content.decode()
    assert not shows_a_zone(page) and local_time_elements(page) == []


def test_the_listing_shows_an_online_events_time_in_the_viewers_zone_too(client, make_event, member):
    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    start = dt.datetime(2027, 1, 24, 9, tzinfo=seoul)
    make_event(title="Online", format=EventPage.Format.ONLINE, time_zone="Asia/Seoul", start=start)
    make_event(title="Hybrid", format=EventPage.Format.HYBRID, time_zone="Asia/Seoul", start=start)
    make_event(title="In Seoul", format=EventPage.Format.IN_PERSON, time_zone="Asia/Seoul", start=start)
    response = client.get("/events/")  # signed out: the browser's zone, by the script
    client.cookies["tz"] = "America%2FSao_Paulo"
    assert client.get("/events/").content == response.content  # a cookie changes nothing
    html = response.content.decode()
    cards = card_texts(html)
    assert "Jan. 24, 2027, 9 a.m. (Asia/Seoul)" in cards["Online"]  # the event's own zone stays
    assert not shows_a_zone(html)
    elements = {title: local_time_elements(card) for title, card in card_htmls(html).items()}
    for title in ("Online", "Hybrid"):
        [element] = elements[title]
        assert element["data-start"] == "2027-01-24T00:00:00+00:00" and element["data-zone"] == "Asia/Seoul"
        assert "data-end" not in element and "hidden" in element
    assert elements["In Seoul"] == []  # attended in Seoul, in Seoul's time
    assert not response.cookies
    member.time_zone = "Europe/Paris"  # a profile's zone: the server says it
    member.save()
    client.force_login(member)
    html = client.get("/events/").content.decode()
    assert "In your time zone (Europe/Paris): Jan. 24, 2027, 1 a.m." in card_texts(html)["Online"]
    assert "data-local-time" not in html
    member.time_zone = "Asia/Seoul"  # the viewer is in the event's zone: nothing to add
    member.save()
    html = client.get("/events/").content.decode()
    assert "In your time zone" not in html and "data-local-time" not in html


def card_htmls(html):
    """{event title: the HTML of its card} on a listing page."""
    cards = {}
    for card in html.split('<article class="card event-card')[1:]:
        title = re.search(r'<h3 class="card-title"><a [^>]*>([^<]+)</a>', card).group(1)
        cards[title] = card.split("</article>")[0]
    return cards


def card_texts(html):
    """{event title: the text of its card} on a listing page."""
    cards = {}
    for card in html.split('<article class="card event-card')[1:]:
        title = re.search(r'<h3 class="card-title"><a [^>]*>([^<]+)</a>', card).group(1)
        cards[title] = re.sub(r"<[^>]+>", "", card.split("</article>")[0])
    return cards


def test_the_join_link_is_shown_only_to_confirmed_attendees(client, make_event, people):
    event = make_event(
        format=EventPage.Format.ONLINE, online_capacity=1, online_join_url="https://meet.example.org/secret-room"
    )
    seated, waiting, stranger = people[:3]
    services.register(event=event, user=seated, mode=ONLINE, consent=True)
    services.register(event=event, user=waiting, mode=ONLINE, consent=True)
    assert "secret-room" not in client.get(event.url).content.decode()
    for person, sees in [(seated, True), (waiting, False), (stranger, False)]:
        client.force_login(person)
        assert ("secret-room" in client.get(event.url).content.decode()) is sees
    client.logout()
    assert "secret-room" not in client.get("/events/").content.decode()
    assert "secret-room" not in client.get("/search/", {"q": "secret"}).content.decode()


def test_the_page_shows_seats_left_and_my_waiting_position(client, make_event, people):
    event = make_event(in_person_capacity=1)
    services.register(event=event, user=people[0], mode=IN_PERSON, consent=True)
    services.register(event=event, user=people[1], mode=IN_PERSON, consent=True)
    client.force_login(people[1])
    page = client.get(event.url).content.decode()
    assert "full" in page and "1 person waiting" in page
    assert "You are number 1 on the waiting list" in page


# --- Registering and cancelling through the pages ---------------------------------------------------


def test_anonymous_visitors_sign_in_first(client, make_event):
    event = make_event()
    response = client.get(register_url(event))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post(register_url(event), FORM).status_code == 302
    assert not Registration.objects.exists()


def test_a_visitors_registration_panel_links_to_sign_in_and_back_to_the_form(client, make_event, member):
    event = make_event(title="Open data workshop")
    response = client.get(event.url)
    html = response.content.decode()
    back = "next=%2Fevents%2Fopen-data-workshop%2Fregister%2F"
    assert f'<a class="button" href="/accounts/login/?{back}">Sign in to register</a>' in html
    assert f'href="/accounts/signup/?{back}">New here? Create an account</a>' in html
    assert f'href="{register_url(event)}"' not in html  # its sign-in redirect would leave a message: a cookie
    assert "csrfmiddlewaretoken" not in html and '<form method="post"' not in html
    assert not response.cookies
    client.force_login(member)  # signed in: straight to the form
    assert f'<a class="button" href="{register_url(event)}">Register</a>' in client.get(event.url).content.decode()


def test_registering_through_the_form(client, make_event, member, outbox, tasks_done):
    event = make_event(in_person_capacity=5)
    RegistrationQuestion.objects.create(event=event, label="Study visit?", kind="yes_no", required=True)
    client.force_login(member)
    form = client.get(register_url(event)).content.decode()
    assert "Dietary needs" in form and "Study visit?" in form
    question = event.questions.get()
    with tasks_done():
        response = client.post(
            register_url(event),
            {**FORM, "dietary_needs": "Vegetarian", "accessibility_needs": "Step-free", f"q_{question.id}": "yes"},
        )
    assert response.status_code == 302 and response.url == event.url
    registration = Registration.objects.get()
    assert (registration.status, registration.dietary_needs, registration.answers) == (
        Registration.Status.CONFIRMED,
        "Vegetarian",
        {"Study visit?": "yes"},
    )
    assert outbox[0].subject == f"You are registered: {event.title}"
    # Registering again shows the existing registration and writes nothing.
    again = client.post(register_url(event), FORM, follow=True)
    assert "already registered" in again.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("event_format", "data"),
    [
        ("hybrid", {"mode": "teleport", "consent": "on"}),
        ("hybrid", {"consent": "on"}),  # a hybrid event asks how you attend
        ("in_person", {"mode": IN_PERSON}),  # no consent
        ("in_person", {"mode": IN_PERSON, "consent": "on", "dietary_needs": "x" * 301}),
        ("in_person", {}),
    ],
)
def test_tampered_or_missing_values_get_a_400_and_write_nothing(client, make_event, member, event_format, data):
    event = make_event(format=event_format)
    client.force_login(member)
    response = client.post(register_url(event), data)
    assert response.status_code == 400
    assert "Please correct the fields marked below" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_closed_event_refuses_with_a_reason(client, make_event, member):
    event = make_event(registration_closes_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(member)
    assert "Registration is not open" in client.get(register_url(event)).content.decode()
    response = client.post(register_url(event), FORM)
    assert response.status_code == 409
    assert "Registration for this event is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_cancelling_asks_for_confirmation_and_a_get_never_cancels(client, make_event, member):
    event = make_event()
    services.register(event=event, user=member, mode=IN_PERSON, consent=True)
    client.force_login(member)
    assert f'href="{event.url}cancel/"' in client.get(event.url).content.decode()
    for _ in range(2):
        question = client.get(event.url + "cancel/")
        assert question.status_code == 200
        assert "Cancel your registration?" in question.content.decode()
        assert 'name="confirm" value="yes"' in question.content.decode()
    unconfirmed = client.post(event.url + "cancel/")  # a POST without the explicit confirmation asks again
    assert unconfirmed.status_code == 200 and "Cancel your registration?" in unconfirmed.content.decode()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    assert client.post(event.url + "cancel/", {"confirm": "yes"}).status_code == 302
    assert Registration.objects.get().status == Registration.Status.CANCELLED
    assert client.get(event.url + "cancel/").status_code == 302  # nothing left to cancel
    assert client.put(event.url + "cancel/").status_code == 405


def test_a_full_event_offers_the_waiting_list_not_registration(client, make_event, people):
    event = make_event(in_person_capacity=1)
    client.force_login(people[1])
    assert "Join the waiting list" not in client.get(event.url).content.decode()
    services.register(event=event, user=people[0], mode=IN_PERSON, consent=True)
    page = client.get(event.url).content.decode()
    assert "Join the waiting list</a>" in page and ">Register</a>" not in page
    form = client.get(register_url(event)).content.decode()
    assert "<h1>Join the waiting list</h1>" in form
    assert "Join the waiting list</button>" in form and ">Register</button>" not in form
    client.post(register_url(event), {"consent": "on"})
    assert Registration.objects.get(user=people[1]).status == Registration.Status.WAITLISTED


def test_a_hybrid_event_with_one_full_mode_says_which_mode_waits(client, make_event, people):
    event = make_event(format=EventPage.Format.HYBRID, in_person_capacity=1)
    services.register(event=event, user=people[0], mode=IN_PERSON, consent=True)
    client.force_login(people[1])
    assert ">Register</a>" in client.get(event.url).content.decode()  # online still has seats
    form = client.get(register_url(event)).content.decode()
    assert "How will you attend?" in form and "In person (full: join the waiting list)" in form
    assert ">Register</button>" in form


@pytest.mark.parametrize(("event_format", "mode"), [("in_person", IN_PERSON), ("online", ONLINE)])
def test_an_event_with_one_mode_does_not_ask_how_you_attend(client, make_event, member, event_format, mode):
    event = make_event(format=event_format)
    client.force_login(member)
    form = client.get(register_url(event)).content.decode()
    assert "How will you attend?" not in form and 'name="mode"' not in form
    assert client.post(register_url(event), {"consent": "on"}).status_code == 302
    assert Registration.objects.get().mode == mode  # implied, and recorded


def test_the_events_questions_come_before_the_consent(client, make_event, member):
    event = make_event(format=EventPage.Format.HYBRID)
    RegistrationQuestion.objects.create(event=event, label="Study visit?", kind="yes_no")
    RegistrationQuestion.objects.create(event=event, label="Your role?", kind="text")
    client.force_login(member)
    form = client.get(register_url(event)).content.decode()
    positions = [form.index(text) for text in ("How will you attend?", "Study visit?", "Your role?", "I agree that")]
    assert positions == sorted(positions)


def test_an_in_person_attendee_is_not_offered_join_online(client, make_event, people):
    event = make_event(format=EventPage.Format.HYBRID, online_join_url="https://meet.example.org/secret-room")
    services.register(event=event, user=people[0], mode=IN_PERSON, consent=True)
    services.register(event=event, user=people[1], mode=ONLINE, consent=True)
    client.force_login(people[0])
    page = client.get(event.url).content.decode()
    assert "You are registered (In person)" in page
    assert "Join online" not in page and "secret-room" not in page
    client.force_login(people[1])
    page = client.get(event.url).content.decode()
    assert "Join online" in page and "secret-room" in page


# --- /me/, the focal point, the city report ---------------------------------------------------------


def test_my_hub_lists_my_events_attendance_and_my_feed(client, make_event, member):
    upcoming = make_event(title="Coming up")
    past = make_event(title="Last spring", start=timezone.now() - dt.timedelta(days=60))
    services.register(event=upcoming, user=member, mode=IN_PERSON, consent=True)
    Registration.objects.create(
        event=past,
        user=member,
        mode=IN_PERSON,
        status="confirmed",
        consent_given_at=timezone.now(),
        attended_at=past.start,
    )
    client.force_login(member)
    page = client.get("/me/").content.decode()
    assert "My events" in page and "Coming up" in page and "Last spring" in page and "Attended" in page
    token = member.calendar_feed.token
    assert f"/events/my/{token}.ics" in page


def test_focal_points_approve_on_their_page(client, make_event, city, city_staff):
    from members.models import Membership
    from tests.factories import make_member

    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    event = make_event(requires_focal_point_approval=True)
    pending = services.register(event=event, user=city_staff[0], mode=IN_PERSON, consent=True)
    client.force_login(city_staff[1])
    assert client.get("/events/approvals/").status_code == 404  # staff are not focal points
    client.force_login(focal_point)
    assert "Event registrations to approve" in client.get("/me/").content.decode()
    page = client.get("/events/approvals/").content.decode()
    assert str(city_staff[0]) in page
    assert client.post("/events/approvals/", {"registration": "abc", "decision": "approve"}).status_code == 400
    assert client.post("/events/approvals/", {"registration": pending.id, "decision": "approve"}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Registration.Status.CONFIRMED


def test_another_citys_focal_point_cannot_approve(client, make_event, city_staff):
    from members.models import Membership
    from tests.factories import OrganisationFactory, make_member

    stranger = make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT)
    event = make_event(requires_focal_point_approval=True)
    pending = services.register(event=event, user=city_staff[0], mode=IN_PERSON, consent=True)
    client.force_login(stranger)
    assert client.post("/events/approvals/", {"registration": pending.id, "decision": "approve"}).status_code == 404
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING_APPROVAL


def test_attendance_appears_in_the_city_report_and_export(client, make_event, city, city_staff):
    from members.models import Membership
    from tests.factories import make_member

    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    event = make_event()
    registration = services.register(event=event, user=city_staff[0], mode=IN_PERSON, consent=True)
    services.check_in(registration=registration)
    client.force_login(focal_point)
    dashboard = client.get(f"/members/{city.slug}/dashboard/")
    assert dashboard.status_code == 200 and "Events attended" in dashboard.content.decode()
    export = client.get(f"/members/{city.slug}/dashboard/report.csv").content.decode("utf-8-sig")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(export)))
    row = next(row for row in rows if row["Email"] == city_staff[0].email)
    assert (row["Events: Events registered"], row["Events: Events attended"]) == ("1", "1")


def test_unverified_strangers_cannot_use_someone_elses_feed(client, make_event):
    assert client.get("/events/my/" + "a" * 43 + ".ics").status_code == 404
    user = UserFactory()
    user.is_active = False
    user.save()
    from events.selectors import calendar_feed_for

    token = calendar_feed_for(user).token
    assert client.get(f"/events/my/{token}.ics").status_code == 404
