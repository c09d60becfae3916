"""Reads for the event pages, /me/, the focal point and the organisers. Each is a fixed number of queries.

Registrations and the calendar state belong to the event, not to its wording: they are kept against the original
page (events.services) and read for any translation or alias of it by ``translation_key`` (a join, not another
query), so seats and the waiting list are one pool across the event's languages."""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone

from core.facets import with_topic
from core.i18n import in_reader_language
from core.models import Topic
from core.pagination import paginate
from core.timezones import viewer_time_zone

from .forms import EventFilterForm
from .models import CalendarFeed, EventCalendarState, EventPage, Registration

LIST_PAGE_SIZE = 12
Status = Registration.Status


def upcoming_events(limit=3):
    """The next events, each once: in the reader's language (its translation, or the alias standing in)."""
    return in_reader_language(EventPage.objects.live().public()).upcoming().order_by("start")[:limit]


def with_calendar_sequence(events):
    """``events`` with ``calendar_sequence``: the SEQUENCE attendees' calendars hold, kept with the original event
    (events.services.publish_changes), for whichever translation each is. A subquery, not another query."""
    state = EventCalendarState.objects.filter(event__translation_key=OuterRef("translation_key"))
    return events.annotate(calendar_sequence=Subquery(state.values("sequence")[:1]))


def listed_events(index_page):
    return with_calendar_sequence(EventPage.objects.child_of(index_page).live().public())


def feed_version(events):
    """Changes whenever the feed would: an event published, unpublished, moved or re-sequenced, or the hour."""
    figures = events.aggregate(
        count=Count("id"), published=Max("last_published_at"), sequences=Sum("calendar_sequence")
    )
    hour = timezone.now().strftime("%Y%m%d%H")  # events drop out of "upcoming" as they end
    published = figures["published"].timestamp() if figures["published"] else 0
    return f"{figures['count']}-{published}-{figures['sequences']}-{hour}"


# --- Listing and calendar ------------------------------------------------------------------------


def filter_events(events, filters):
    for name in ("kind", "format", "region"):
        if filters.get(name):
            events = events.filter(**{name: filters[name]})
    if filters.get("topic"):
        events = with_topic(EventPage, events, [filters["topic"]])  # any translation of the topic
    return events


def event_list_context(request, index_page, *, archive):
    form = EventFilterForm(request.GET or None, topics=Topic.objects.for_reader().order_by("name"))
    form.is_valid()  # an unknown value in one filter is ignored; the others still apply
    filters = getattr(form, "cleaned_data", {})
    events = filter_events(listed_events(index_page), filters)
    events = events.past().order_by("-start") if archive else events.upcoming().order_by("start")
    items = paginate(request, events, LIST_PAGE_SIZE)
    viewer_zone = viewer_time_zone(request)
    for event in items:
        # People join an online event (or a hybrid one's online part) from wherever they are.
        event.viewer_zone = viewer_zone if event.has_online_part and shows_viewer_time(event, viewer_zone) else None
        event.time_in_browser_zone = event.has_online_part and viewer_zone is None
    return {
        "form": form,
        "items": items,
        "archive": archive,
        "active_filters": {k: v for k, v in filters.items() if v},
    }


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    events: list


def month_calendar(index_page, year, month, *, today=None):
    """Weeks of CalendarDay for a month; each event is shown on the days it spans in its own zone."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    # A day either side: an event's local date can differ from its UTC date by up to 14 hours.
    window_start = datetime.combine(first - timedelta(days=1), time.min, tzinfo=UTC)
    window_end = datetime.combine(last + timedelta(days=2), time.min, tzinfo=UTC)
    events = listed_events(index_page).overlapping(window_start, window_end).order_by("start")
    by_day = defaultdict(list)
    for event in events:
        day, end_day = event.local_start.date(), event.local_end.date()
        while day <= end_day and day <= last:
            if day >= first:
                by_day[day].append(event)
            day += timedelta(days=1)
    today = today or timezone.localdate()
    return [
        [CalendarDay(day=d, in_month=d.month == month, is_today=d == today, events=by_day.get(d, [])) for d in week]
        for week in weeks
    ]


# --- One event -------------------------------------------------------------------------------------


@dataclass
class Availability:
    mode: str
    label: str
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def seats_left(self):
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


def of_event(event):
    """The registrations of ``event``, whichever translation of it (or alias) this is."""
    return Registration.objects.filter(event__translation_key=event.translation_key)


def availability(event):
    """[Availability] per offered mode, counted from the rows in one query (the seats of every translation)."""
    counts = defaultdict(int)
    for mode, status, total in (
        of_event(event)
        .filter(status__in=[Status.CONFIRMED, Status.WAITLISTED])
        .values_list("mode", "status")
        .annotate(total=Count("id"))
        .order_by()
    ):
        counts[mode, status] = total
    labels = dict(Registration.Mode.choices)
    return [
        Availability(
            mode=mode,
            label=labels[mode],
            capacity=event.capacity_for(mode),
            confirmed=counts[mode, Status.CONFIRMED],
            waiting=counts[mode, Status.WAITLISTED],
        )
        for mode in event.offered_modes()
    ]


def waitlist_only(seats):
    """Every mode the event offers is full: registering now means joining the waiting list."""
    return bool(seats) and all(mode.is_full for mode in seats)


def register_page_context(event):
    """The register page besides its form: whether registration is open, and whether only the waiting list is left."""
    seats = availability(event)
    return {
        "state": event.registration_state(),
        "waitlist_only": waitlist_only(seats),
        "full_modes": frozenset(mode.mode for mode in seats if mode.is_full),
    }


def waitlist_position(registration):
    if registration.status != Status.WAITLISTED:
        return None
    ahead = (
        Registration.objects.waitlisted()
        .filter(event_id=registration.event_id, mode=registration.mode)
        .filter(Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, id__lt=registration.id))
        .count()
    )
    return ahead + 1


def my_registration(user, event):
    if not user.is_authenticated:
        return None
    return of_event(event).active().filter(user=user).first()


def agenda(event):
    """[(day, [sessions])] in the event's local time."""
    days = defaultdict(list)
    for session in event.sessions.order_by("day", "starts_at", "sort_order"):
        days[session.day].append(session)
    return sorted(days.items())


def shows_viewer_time(event, viewer_zone):
    """The viewer's zone (core.timezones.viewer_time_zone: their profile's) is worth showing next to the event's own
    when it is known and differs. When it is not known (a visitor, a profile without a zone), the page carries the
    event's instants instead and static/js/local-times.js shows them in the browser's zone if that one differs:
    the HTML is then the same for every visitor."""
    return viewer_zone is not None and viewer_zone.key != event.time_zone


def sign_in_links(request, event):
    """Where a signed-out visitor signs in or creates an account, each then going on to the register page: links,
    not forms, so the event page carries no CSRF token or cookie and stays cacheable. (Going to the register page
    first would redirect with a message, which is a cookie.)"""
    back = urlencode({"next": event.get_url(request) + event.reverse_subpage("register")})
    return {"login_url": f"{reverse('account_login')}?{back}", "signup_url": f"{reverse('account_signup')}?{back}"}


def event_page_context(request, event):
    registration = my_registration(request.user, event)
    viewer_zone = viewer_time_zone(request)
    show_viewer_time = shows_viewer_time(event, viewer_zone)
    seats = availability(event)
    return {
        "registration": registration,
        "waitlist_position": waitlist_position(registration) if registration else None,
        "join_url": event.online_join_url if registration and registration.can_see_join_link else "",
        "availability": seats,
        "waitlist_only": waitlist_only(seats),
        "registration_state": event.registration_state(),
        "agenda": agenda(event),
        "speakers": list(event.speakers.all()),
        "viewer_zone": viewer_zone if show_viewer_time else None,
        "time_in_browser_zone": viewer_zone is None,
        "sign_in": {} if request.user.is_authenticated else sign_in_links(request, event),
    }


# --- /me/, the focal point and the organisers -----------------------------------------------------


def my_registrations(user):
    """My active registrations of upcoming events, and past ones I attended: two queries. Each registration's
    ``shown_event`` is the event in the reader's language (a translation, or the alias standing in), else the
    original it is kept against."""
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=user, event__live=True)
        .filter(Q(status__in=Registration.ACTIVE_STATUSES, event__end__gte=now) | Q(attended_at__isnull=False))
        .select_related("event")
        .order_by("event__start")
    )
    return with_shown_event(registrations)


def calendar_feed_for(user):
    return CalendarFeed.objects.get_or_create(user=user)[0]


def personal_feed_events(token):
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not feed.user.is_active:
        return None, []
    # Registrations are kept against the original events; the feed shows them in the language it is read in.
    registered = EventPage.objects.filter(registrations__user=feed.user, registrations__status=Status.CONFIRMED)
    events = in_reader_language(
        EventPage.objects.live().filter(translation_key__in=registered.values("translation_key"))
    )
    return feed, list(with_calendar_sequence(events).order_by("start"))


def pending_approvals(organisation_ids):
    return (
        Registration.objects.filter(status=Status.PENDING_APPROVAL, organisation_id__in=organisation_ids)
        .select_related("user", "event", "organisation")
        .order_by("created_at")
    )


def organisation_events(organisation):
    """{user id: [registered, attended]} for the organisation's people."""
    rows = (
        Registration.objects.filter(organisation=organisation)
        .exclude(status__in=[Status.CANCELLED, Status.DECLINED])
        .values("user_id")
        .annotate(registered=Count("id"), attended=Count("id", filter=Q(attended_at__isnull=False)))
        .order_by()
    )
    return {row["user_id"]: [row["registered"], row["attended"]] for row in rows}


def registration_summary(event):
    """Counts by status, by mode and by city for the organisers' view: three queries."""
    registrations = of_event(event)
    status_labels, mode_labels = dict(Status.choices), dict(Registration.Mode.choices)
    by_status = [
        (status_labels[row["status"]], row["total"])
        for row in registrations.values("status").annotate(total=Count("id")).order_by("status")
    ]
    active = registrations.active()
    by_mode = [
        (mode_labels[row["mode"]], row["total"])
        for row in active.values("mode").annotate(total=Count("id")).order_by("mode")
    ]
    by_city = [
        (row["organisation__name"] or "—", row["total"])
        for row in active.values("organisation__name").annotate(total=Count("id")).order_by("-total")
    ]
    return {"by_status": by_status, "by_mode": by_mode, "by_city": by_city}


# --- Learning: events attended, for the learner's transcript (courses' ``register_learning_record``) ------------

HOURS_A_DAY = Decimal(8)


def learning_hours(event):
    """What attending ``event`` counts for: its length rounded to the half hour (half up), at most eight hours for
    each calendar day it runs on in its own time zone (a three-day conference counts 24 hours, not 56)."""
    length = Decimal((event.end - event.start).total_seconds()) / 3600
    halves = (length * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    last_day = event.local_end.date()
    if event.local_end.time() == time(0) and event.end > event.start:  # ends at midnight: that day is not run on
        last_day -= timedelta(days=1)
    days = max((last_day - event.local_start.date()).days + 1, 1)
    return max(min(halves / 2, HOURS_A_DAY * days), Decimal(0))


def with_shown_event(registrations):
    """``registrations`` (with their events selected), each given ``shown_event``: its event in the reader's language
    (a live translation, or the alias standing in), else the original. One query, whatever the number."""
    keys = {registration.event.translation_key for registration in registrations}
    shown = (
        {
            event.translation_key: event
            for event in in_reader_language(EventPage.objects.live().filter(translation_key__in=keys))
        }
        if keys
        else {}
    )
    for registration in registrations:
        registration.shown_event = shown.get(registration.event.translation_key, registration.event)
    return registrations


def attended_events(user):
    """The events ``user`` was checked in at, oldest first, each ``shown_event`` in the reader's language (a live
    translation, or the alias standing in), else the original: two queries, whatever the number."""
    registrations = list(
        Registration.objects.filter(user=user, attended_at__isnull=False)
        .select_related("event")
        .order_by("event__start")
    )
    return with_shown_event(registrations)
