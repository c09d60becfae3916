"""The conference calendar as data: events with the calendar's filters (events.selectors), upcoming or past, each
with its times in UTC and in the event's own zone, and, for one event, the seats left per way of attending."""

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from django.http import Http404
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema

from core.forms import MAX_ID
from events import selectors
from events.models import EventPage, Registration
from members.models import Region

from .access import readable
from .common import ERRORS, ITEM_ERRORS, LANGUAGES, OrganisationRef, PageOut, Text, page_url
from .pagination import PageInfo, PageQuery, page_of

router = Router(tags=["events"])

Kind = Literal[tuple(EventPage.Kind.values)]
Format = Literal[tuple(EventPage.Format.values)]
RegionCode = Literal[tuple(Region.values)]


class EventFilters(Schema):
    """The calendar's query string (/events/ and /events/past/)."""

    when: Literal["upcoming", "past"] = Field("upcoming", description="Upcoming soonest first, or past latest first.")
    kind: Kind | None = None
    format: Format | None = None
    region: RegionCode | None = None
    topic: Text = Field("", max_length=100, description="A topic slug, as on /events/.")
    language: LANGUAGES = Field("en", description="The language of the event pages listed (their translations).")


class EventOut(PageOut):
    calendar_url: str = Field(description="The event as an iCalendar file.")
    kind: Kind
    status: Literal[tuple(EventPage.Status.values)]
    format: Format
    start: datetime = Field(description="In UTC.")
    end: datetime = Field(description="In UTC.")
    time_zone: str = Field(description="The venue's IANA zone, e.g. Asia/Seoul.")
    local_start: str = Field(description="The start in the event's zone, with its offset.")
    local_end: str = Field(description="The end in the event's zone, with its offset.")
    venue: str
    city: str
    country: str
    region: str
    organiser: str
    host_organisation: OrganisationRef | None
    accepts_registrations: bool

    @staticmethod
    def resolve_calendar_url(event, context):
        return page_url(event, context) + "event.ics"

    @staticmethod
    def resolve_local_start(event):
        return event.start.astimezone(ZoneInfo(event.time_zone)).isoformat()

    @staticmethod
    def resolve_local_end(event):
        return event.end.astimezone(ZoneInfo(event.time_zone)).isoformat()

    @staticmethod
    def resolve_country(event):
        return str(event.country or "")


class SeatsOut(Schema):
    mode: Literal[tuple(Registration.Mode.values)]
    capacity: int | None = Field(description="Null: no limit.")
    seats_left: int | None
    waiting: int = Field(description="People on the waiting list.")


class EventDetailOut(EventOut):
    seats: list[SeatsOut] = Field(description="Per way of attending, counted from the registrations now.")

    @staticmethod
    def resolve_seats(event):
        return selectors.availability(event)


class EventList(PageInfo):
    results: list[EventOut]


def _events(user):
    return readable(EventPage, user, "host_organisation")


@router.get("/", response={200: EventList, **ERRORS}, summary="List and filter events")
def list_events(request, filters: Query[EventFilters], paging: Query[PageQuery]):
    """Live events in one language, filtered as the calendar does: upcoming (not ended) or past."""
    with translation.override(filters.language):
        events = _events(request.user).filter(locale__language_code=filters.language)
        wanted = {"kind": filters.kind, "format": filters.format, "region": filters.region, "topic": filters.topic}
        events = selectors.filter_events(events, wanted)
        if filters.when == "past":
            events = events.past().order_by("-start", "id")
        else:
            events = events.upcoming().order_by("start", "id")
        info, rows = page_of(request, events, paging)
    return {**info, "results": rows}


@router.get("/{event_id}/", response={200: EventDetailOut, **ITEM_ERRORS}, summary="One event, with its seats")
def get_event(request, event_id: int = Path(..., ge=1, le=MAX_ID)):
    event = _events(request.user).filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event
