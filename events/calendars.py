"""iCalendar files: the public feed, one event, the emailed invitation and the personal feed.

One UID per event everywhere; SEQUENCE comes from EventCalendarState and rises when time or place
changes; times carry TZID with a VTIMEZONE; every event names its ORGANIZER (the site's contact
address, with the organiser's name). The online join link is never written here.
"""

import functools
from datetime import date
from email.utils import parseaddr

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event, Timezone, vCalAddress

from core.models import SiteSettings

from .models import EventCalendarState

PRODID = "-//WeGo Hub//Events//EN"
STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}

# The right-hand side of every event UID. A UID must never change once a calendar holds the event, so it
# is a fixed name, never read from a setting: moving the site to another public address (a new
# WAGTAILADMIN_BASE_URL) keeps every UID. Changing this constant duplicates every event in every calendar
# that subscribed before the change. See docs/operations.md, "Calendar UIDs".
CALENDAR_UID_DOMAIN = "wego-hub.org"


def event_uid(event):
    return f"event-{event.translation_key}@{CALENDAR_UID_DOMAIN}"


def organizer_address(site):
    """The address replies go to: the site's contact email (core SiteSettings), else the sender's address."""
    contact = SiteSettings.for_site(site).contact_email if site else ""
    return contact or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def organizer(event, address):
    """ORGANIZER: a mailto: URI, with the event's organiser (else the site's name) as CN."""
    value = vCalAddress(f"mailto:{address}")
    value.params["cn"] = event.organiser or settings.WAGTAIL_SITE_NAME
    return value


def event_sequence(event):
    if hasattr(event, "calendar_sequence"):  # read with the listing (events.selectors); None: never published yet
        return event.calendar_sequence or 0
    try:
        return event.calendar_state.sequence
    except EventCalendarState.DoesNotExist:  # a translation (the state is the original's), or never published yet
        state = EventCalendarState.objects.filter(event__translation_key=event.translation_key).first()
        return state.sequence if state is not None else 0


def event_component(event, *, url, organizer_email, attendee=None, cancel=False):
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", timezone.now())
    component.add("sequence", event_sequence(event))
    component.add("summary", event.title)
    # Aware datetimes in the event's zone: icalendar writes TZID=<zone> and we add the VTIMEZONE.
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    if location := event.location_text():
        component.add("location", location)
    component.add("description", f"{event.summary}\n\n{url}".strip())
    component.add("url", url)
    component.add("status", "CANCELLED" if cancel else STATUS.get(event.status, "CONFIRMED"))
    component.add("organizer", organizer(event, organizer_email))
    if attendee is not None:
        address = vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = str(attendee)
        address.params["partstat"] = "DECLINED" if cancel else "ACCEPTED"
        component.add("attendee", address)
    return component


def build_calendar(events, *, url_for, name, method=None, attendee=None, cancel=False):
    """Serialised calendar of ``events``; ``url_for(event)`` gives each event's absolute URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    events = list(events)
    if events:
        # The clock changes each zone has over the span the calendar covers, whole years either side.
        first_year = min(e.start for e in events).year - 1
        last_year = max(e.end for e in events).year + 1
        for zone in sorted({event.zone.key for event in events}):
            calendar.add_component(vtimezone(zone, first_year, last_year))
    # Looked up once per calendar, not per event: a calendar's events all belong to one site.
    organizer_email = organizer_address(events[0].get_site()) if events else ""
    for event in events:
        component = event_component(
            event, url=url_for(event), organizer_email=organizer_email, attendee=attendee, cancel=cancel
        )
        calendar.add_component(component)
    return calendar.to_ical()


@functools.lru_cache(maxsize=256)
def vtimezone(zone, first_year, last_year):
    """A zone's VTIMEZONE, worked out once per process (it takes tens of milliseconds)."""
    return Timezone.from_tzid(zone, first_date=date(first_year, 1, 1), last_date=date(last_year, 12, 31))


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_filename(event):
    return f"{slugify(event.slug) or 'event'}.ics"
