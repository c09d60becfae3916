"""Every calendar we emit, parsed back with icalendar and compared with zoneinfo."""

import datetime as dt
import zoneinfo

import pytest
from django.core.validators import validate_email
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from core.models import SiteSettings
from events import services
from events.calendars import CALENDAR_UID_DOMAIN
from events.models import EventCalendarState, EventPage, Registration
from events.selectors import calendar_feed_for

pytestmark = pytest.mark.django_db

# Five zones, three of them with a clock change inside the event.
ZONED_EVENTS = [
    ("America/New_York", dt.datetime(2027, 3, 13, 10), dt.datetime(2027, 3, 15, 10)),  # DST starts on the 14th
    ("Europe/Berlin", dt.datetime(2027, 10, 30, 18), dt.datetime(2027, 10, 31, 12)),  # DST ends on the 31st
    ("Australia/Sydney", dt.datetime(2027, 4, 3, 9), dt.datetime(2027, 4, 4, 17)),  # DST ends on the 4th
    ("Asia/Seoul", dt.datetime(2027, 1, 24, 9), dt.datetime(2027, 1, 26, 17)),
    ("Asia/Kolkata", dt.datetime(2027, 6, 1, 16), dt.datetime(2027, 6, 1, 17, 30)),
    ("Pacific/Chatham", dt.datetime(2027, 4, 4, 1), dt.datetime(2027, 4, 4, 6)),  # +13:45 → +12:45
]


def parse(content):
    calendar = Calendar.from_ical(content)
    assert calendar.get_missing_tzids() == set()  # every TZID has its VTIMEZONE
    return calendar


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def zoned_events(make_event):
    """Events in 2027, so they are upcoming and in the feed."""
    events = []
    for zone, start, end in ZONED_EVENTS:
        tz = zoneinfo.ZoneInfo(zone)
        events.append(
            make_event(
                title=f"Event in {zone}", time_zone=zone, start=start.replace(tzinfo=tz), end=end.replace(tzinfo=tz)
            )
        )
    return events


def test_the_feed_carries_every_event_in_its_own_zone(client, zoned_events):
    response = client.get("/events/feed.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = parse(response.content)
    by_uid = {str(component["UID"]): component for component in vevents(calendar)}
    assert len(by_uid) == len(ZONED_EVENTS)
    for event, (zone, start, end) in zip(zoned_events, ZONED_EVENTS, strict=True):
        component = next(c for c in by_uid.values() if str(c["SUMMARY"]) == event.title)
        assert component["DTSTART"].params["TZID"] == zone
        tz = zoneinfo.ZoneInfo(zone)
        parsed_start, parsed_end = component.decoded("DTSTART"), component.decoded("DTEND")
        # The same instants, and the same wall-clock times with the offsets zoneinfo gives.
        assert parsed_start == start.replace(tzinfo=tz) == event.start
        assert parsed_end == end.replace(tzinfo=tz) == event.end
        assert parsed_start.replace(tzinfo=None) == start and parsed_end.replace(tzinfo=None) == end
        assert parsed_start.utcoffset() == start.replace(tzinfo=tz).utcoffset()
        assert parsed_end.utcoffset() == end.replace(tzinfo=tz).utcoffset()


def test_a_dst_change_inside_the_event_is_kept(client, zoned_events):
    new_york = zoned_events[0]
    component = vevents(parse(client.get(new_york.ics_url).content))[0]
    start, end = component.decoded("DTSTART"), component.decoded("DTEND")
    assert start.utcoffset() == dt.timedelta(hours=-5) and end.utcoffset() == dt.timedelta(hours=-4)
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=47)  # an hour lost to DST


def test_one_uid_everywhere_feed_download_and_email(client, make_event, people, outbox, tasks_done):
    event = make_event(in_person_capacity=10)
    with tasks_done():
        services.register(event=event, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    feed_uids = {str(c["UID"]) for c in vevents(parse(client.get("/events/feed.ics").content))}
    download = vevents(parse(client.get(event.ics_url).content))[0]
    [confirmation] = [m for m in outbox if m.to == [people[0].email]]
    filename, content, mimetype = confirmation.attachments[0]
    emailed_calendar = parse(content)
    emailed = vevents(emailed_calendar)[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar; method=REQUEST")
    assert str(emailed_calendar["METHOD"]) == "REQUEST"
    assert str(download["UID"]) == str(emailed["UID"]) and str(download["UID"]) in feed_uids
    assert emailed.decoded("DTSTART") == event.start


def test_changing_the_time_raises_sequence_and_tells_registrants(make_event, people, outbox, tasks_done, client):
    event = make_event(in_person_capacity=10, venue="City Hall")
    with tasks_done():
        services.register(event=event, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    outbox.clear()
    assert vevents(parse(client.get(event.ics_url).content))[0]["SEQUENCE"] == 0
    event.start += dt.timedelta(hours=2)
    event.end += dt.timedelta(hours=2)
    with tasks_done():
        event.save_revision().publish()
    assert EventCalendarState.objects.get(event=event).sequence == 1
    [notice] = outbox
    assert notice.subject.startswith("Event changed")
    updated = vevents(parse(notice.attachments[0][1]))[0]
    assert updated["SEQUENCE"] == 1 and updated.decoded("DTSTART") == event.start
    assert vevents(parse(client.get(event.ics_url).content))[0]["SEQUENCE"] == 1
    # A new place is a change too; a new summary is not.
    event.venue = "Convention Centre"
    event.save_revision().publish()
    event.summary = "New words, same time and place."
    event.save_revision().publish()
    assert EventCalendarState.objects.get(event=event).sequence == 2


def test_a_cancelled_event_is_sent_as_cancelled(make_event, people, outbox, tasks_done, client):
    event = make_event(in_person_capacity=10)
    with tasks_done():
        services.register(event=event, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    outbox.clear()
    event.status = EventPage.Status.CANCELLED
    with tasks_done():
        event.save_revision().publish()
    [notice] = outbox
    assert notice.subject.startswith("Event cancelled")
    calendar = parse(notice.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    component = vevents(calendar)[0]
    assert str(component["STATUS"]) == "CANCELLED" and component["SEQUENCE"] == 1
    assert str(vevents(parse(client.get(event.ics_url).content))[0]["STATUS"]) == "CANCELLED"


def test_the_join_link_is_in_no_calendar(client, make_event, people):
    event = make_event(format=EventPage.Format.ONLINE, online_join_url="https://meet.example.org/secret-room")
    services.register(event=event, user=people[0], mode=Registration.Mode.ONLINE, consent=True)
    feed = calendar_feed_for(people[0])
    for url in ["/events/feed.ics", event.ics_url, f"/events/my/{feed.token}.ics"]:
        response = client.get(url)
        assert response.status_code == 200
        assert b"secret-room" not in response.content


def test_the_personal_feed_lists_my_confirmed_events_at_a_secret_address(client, make_event, people):
    mine, waiting, other = (
        make_event(title="Mine"),
        make_event(title="Full", in_person_capacity=0),
        make_event(title="Not mine"),
    )
    services.register(event=mine, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    services.register(event=waiting, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    token = calendar_feed_for(people[0]).token
    summaries = {str(c["SUMMARY"]) for c in vevents(parse(client.get(f"/events/my/{token}.ics").content))}
    assert summaries == {"Mine"}
    assert other.title not in summaries
    assert client.get(f"/events/my/{'x' * 43}.ics").status_code == 404


def edit_form_data(client, event):
    """What the admin's edit form submits unchanged (stream fields are built by the admin's script)."""
    data = querydict_from_html(client.get(edit_url(event)).content.decode(), form_id="page-edit-form")
    data.update({"body-count": "0", "materials-count": "0", "action-publish": "action-publish"})
    return data


def edit_url(event):
    return reverse("wagtailadmin_pages:edit", args=[event.id])


def test_saving_an_unchanged_event_ten_times_in_the_admin_keeps_its_times(admin_client, admin_user, make_event):
    zone = zoneinfo.ZoneInfo("America/New_York")
    event = make_event(
        time_zone="America/New_York",
        start=dt.datetime(2027, 3, 14, 1, 30, tzinfo=zone),  # the night the clocks change
        end=dt.datetime(2027, 3, 14, 9, 0, tzinfo=zone),
    )
    event.save_revision().publish()
    # The editor's own admin zone differs from the event's: times must still be read in the event's zone.
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Asia/Seoul"
    profile.save()
    original = (event.start, event.end)
    for _ in range(10):
        data = edit_form_data(admin_client, event)
        assert data["start"] == "2027-03-14 01:30"  # shown in the event's local time
        response = admin_client.post(edit_url(event), data)
        assert response.status_code == 302
    event.refresh_from_db()
    assert (event.start, event.end) == original
    assert EventCalendarState.objects.get(event=event).sequence == 0


def test_times_typed_in_the_admin_are_read_in_the_events_zone(admin_client, make_event):
    event = make_event(time_zone="Asia/Seoul")
    data = edit_form_data(admin_client, event)
    data["start"], data["end"] = "2027-05-01 09:00", "2027-05-01 17:00"
    assert admin_client.post(edit_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.start == dt.datetime(2027, 5, 1, 0, 0, tzinfo=dt.UTC)  # 09:00 in Seoul


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus_Mons", "is not a time zone"),
        ("start", "2027-03-14 02:30", "does not exist"),  # skipped by the clocks in New York
    ],
)
def test_invalid_times_are_validation_errors_in_the_admin(admin_client, make_event, field, value, message):
    event = make_event(time_zone="America/New_York")
    before = (event.start, event.time_zone)
    data = edit_form_data(admin_client, event)
    data[field] = value
    response = admin_client.post(edit_url(event), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    event.refresh_from_db()
    assert (event.start, event.time_zone) == before


# --- ORGANIZER and UID ---------------------------------------------------------------------------------


def assert_valid_organizer(component, *, address, name):
    organizer = component["ORGANIZER"]
    assert str(organizer).startswith("mailto:")
    validate_email(str(organizer).removeprefix("mailto:"))  # a bare address, not "Name <address>"
    assert str(organizer) == f"mailto:{address}"
    assert organizer.params["CN"] == name


def test_every_calendar_names_a_valid_organizer(client, make_event, people, outbox, tasks_done):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "events@wego-hub.example"
    site_settings.save()
    event = make_event(organiser="WeGo Secretariat; Seoul", in_person_capacity=10)
    unnamed = make_event(title="No organiser named", organiser="")
    with tasks_done():
        services.register(event=event, user=people[0], mode=Registration.Mode.IN_PERSON, consent=True)
    token = calendar_feed_for(people[0]).token
    [invitation] = [m for m in outbox if m.to == [people[0].email]]
    calendars = {
        "feed": parse(client.get("/events/feed.ics").content),
        "download": parse(client.get(event.ics_url).content),
        "personal feed": parse(client.get(f"/events/my/{token}.ics").content),
        "invitation": parse(invitation.attachments[0][1]),
    }
    for where, calendar in calendars.items():
        component = next(c for c in vevents(calendar) if str(c["SUMMARY"]) == event.title)
        assert "ORGANIZER" in component, where
        assert_valid_organizer(component, address="events@wego-hub.example", name="WeGo Secretariat; Seoul")
    in_feed = next(c for c in vevents(calendars["feed"]) if str(c["SUMMARY"]) == unnamed.title)
    assert_valid_organizer(in_feed, address="events@wego-hub.example", name="WeGo Hub")


def test_without_a_contact_email_the_organizer_is_the_senders_bare_address(client, make_event, settings):
    settings.DEFAULT_FROM_EMAIL = "WeGo Hub <no-reply@wego-hub.example>"
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = ""
    site_settings.save()
    event = make_event(organiser="Urban Lab")
    component = vevents(parse(client.get(event.ics_url).content))[0]
    assert_valid_organizer(component, address="no-reply@wego-hub.example", name="Urban Lab")


def test_uids_stay_the_same_when_the_public_address_changes(client, make_event, settings):
    event = make_event()
    uids = []
    for base_url in ["https://hub.wego.example", "https://events.another-domain.example:8443"]:
        settings.WAGTAILADMIN_BASE_URL = base_url
        uids.append(str(vevents(parse(client.get(event.ics_url).content))[0]["UID"]))
        uids.append(str(vevents(parse(client.get("/events/feed.ics").content))[0]["UID"]))
    assert len(set(uids)) == 1
    assert uids[0] == f"event-{event.translation_key}@{CALENDAR_UID_DOMAIN}"


def test_the_admin_offers_current_zone_names_and_keeps_an_older_one(admin_client, make_event):
    event = make_event(time_zone="Asia/Calcutta")  # saved before the picker, with the older name
    event.save_revision().publish()
    html = admin_client.get(edit_url(event)).content.decode()
    select = html[html.index('name="time_zone"') : html.index("</select>", html.index('name="time_zone"'))]
    assert '<optgroup label="Asia">' in select and '<option value="Asia/Kolkata">Kolkata</option>' in select
    for legacy in ["US/Pacific", "Africa/Asmera", "Etc/GMT+5", "Europe/Kiev"]:
        assert f'value="{legacy}"' not in select, legacy
    assert '<option value="Asia/Calcutta" selected>' in select
    data = edit_form_data(admin_client, event)
    assert data["time_zone"] == "Asia/Calcutta"
    assert admin_client.post(edit_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.time_zone == "Asia/Calcutta"  # not renamed: a rename would tell every attendee of a change
    assert EventCalendarState.objects.get(event=event).sequence == 0
    data["time_zone"] = "Asia/Kolkata"
    assert admin_client.post(edit_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.time_zone == "Asia/Kolkata"
