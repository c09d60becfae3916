from django.urls import path, reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from core import charts
from core.countries import country_name
from core.i18n import in_reader_language, language_path
from core.sections import Card, Section, page_cards
from members.reports import OrganisationReport
from members.selectors import organisations_led_by

from . import admin_views, demo, demo_hosts, selectors, services
from .models import EventIndexPage, EventPage, Registration


def event_facts(event):
    where = ", ".join(filter(None, [event.city, country_name(event.country) if event.country else ""]))
    return (formats.date_format(event.local_start, "DATE_FORMAT"), where or event.get_format_display())


@hooks.register("register_home_section")
def upcoming_events_section(request):
    return Section(
        key="events",
        title=_("Upcoming events"),
        cards=page_cards(request, selectors.upcoming_events(), meta=event_facts),
        empty_text=_("No events are scheduled yet."),
        more_url=language_path("/events/"),
        more_label=_("All events"),
        order=20,
    )


@hooks.register("register_organisation_profile_section")
def hosted_events_section(request, organisation):
    """The events the city hosts on its public profile: upcoming and recent, newest first (two queries)."""
    events = in_reader_language(EventPage.objects.live().public().filter(host_organisation=organisation))
    events = events.order_by("-start")[:6]
    return Section(
        key="hosted-events",
        title=_("Events it hosts"),
        cards=page_cards(request, events, meta=event_facts),
        empty_text=_("%(organisation)s has not hosted an event on WeGo Hub yet.") % {"organisation": organisation},
        more_url=language_path("/events/"),
        more_label=_("All events"),
        order=20,
    )


def registration_label(registration):
    if registration.attended_at:
        return _("Attended")
    return registration.get_status_display()


@hooks.register("register_me_section")
def my_events_section(request):
    registrations = selectors.my_registrations(request.user)
    cards = [
        Card(
            title=registration.shown_event.title,  # in the reader's language when translated
            url=registration.shown_event.get_url(request),
            meta=(
                formats.date_format(registration.event.local_start, "DATE_FORMAT"),
                registration.get_mode_display(),
                registration_label(registration),
            ),
        )
        for registration in registrations
    ]
    index = in_reader_language(EventIndexPage.objects.live()).first() or EventIndexPage.objects.live().first()
    feed_url = new_link_url = ""
    if index is not None:
        token = selectors.calendar_feed_for(request.user).token
        feed_url = index.personal_feed_url(request, token)
        new_link_url = index.get_url(request) + index.reverse_subpage("new_calendar_link")
    return Section(
        key="events",
        title=_("My events"),
        cards=cards,
        empty_text=_("You have not registered for an event yet."),
        more_url=feed_url,
        more_label=_("Subscribe to my events in my calendar app (private address: do not share it)"),
        form_url=new_link_url,
        form_label=_("Get a new calendar link"),
        form_note=_(
            "If someone else may have your calendar link, get a new one. The old link stops working at once, and "
            "your calendar app shows no updates until you subscribe to the new link."
        ),
        order=20,
    )


@hooks.register("register_learning_record")
def events_attended(user, request=None):
    """Events count as learning on the learner's transcript (courses): each one the person was checked in at, with
    its title in the reader's language, its date (in the event's zone) and its hours (events.selectors)."""
    return [
        {
            "kind": "event",
            "title": registration.shown_event.title,
            # An address only for a page (with its request); the PDF prints none.
            "url": registration.shown_event.get_url(request) if request and registration.shown_event.live else "",
            "date": registration.event.local_start.date(),
            "hours": selectors.learning_hours(registration.event),
        }
        for registration in selectors.attended_events(user)
    ]


@hooks.register("register_private_link_reset")
def new_calendar_link(user):
    services.new_calendar_link(user=user)


@hooks.register("register_me_section")
def registrations_to_approve_section(request):
    organisation_ids = organisations_led_by(request.user)
    if not organisation_ids:
        return None
    pending = list(selectors.pending_approvals(organisation_ids)[:20])
    index = in_reader_language(EventIndexPage.objects.live()).first() or EventIndexPage.objects.live().first()
    approvals_url = index.get_url(request) + index.reverse_subpage("approvals") if index else ""
    return Section(
        key="event-approvals",
        title=_("Event registrations to approve"),
        cards=[
            Card(
                title=str(registration.user),
                url=approvals_url,
                meta=(registration.event.title, registration.get_mode_display()),
                action_url=approvals_url,
                action_label=_("Decide"),
            )
            for registration in pending
        ],
        empty_text=_("No registration from your city is waiting for your approval."),
        more_url=approvals_url,
        more_label=_("All registrations to approve"),
        order=25,
    )


@hooks.register("register_organisation_report")
def event_attendance_report(organisation):
    values = selectors.organisation_events(organisation)
    return OrganisationReport(
        key="events",
        title=_("Events"),
        columns=[_("Events registered"), _("Events attended")],
        values_by_user=values,
        summary=[
            (_("Event registrations"), sum(v[0] for v in values.values())),
            (_("Events attended"), sum(v[1] for v in values.values())),
        ],
        order=20,
    )


@hooks.register("register_personal_data")
def my_registrations_data(user):
    rows = Registration.objects.filter(user=user).select_related("event").order_by("created_at")
    return (
        "event_registrations",
        [
            {
                "event": registration.event.title,
                "starts": registration.event.start.isoformat(),
                "attends": registration.mode,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "dietary_needs": registration.dietary_needs,
                "accessibility_needs": registration.accessibility_needs,
                "answers": registration.answers,
                "checked_in_at": registration.attended_at.isoformat() if registration.attended_at else None,
            }
            for registration in rows
        ],
    )


@hooks.register("register_account_deletion")
def forget_my_registrations(user):
    services.forget_person(user=user)


# --- Admin: the organisers' registration desk -------------------------------------------------------


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [path("events/<int:event_id>/registrations/", admin_views.registrations, name="events_registrations")]


def registrations_button(page, user, priority, button_class=Button, **attrs):
    if not issubclass(page.specific_class or type(None), EventPage) or not page.permissions_for_user(user).can_edit():
        return []
    return [
        button_class(
            _("Registrations"),
            reverse("events_registrations", args=[page.id]),
            icon_name="group",
            priority=priority,
            **attrs,
        )
    ]


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    return registrations_button(page, user, priority=12)


# In the events listing the desk is a button on each event's row, beside "Edit", not one more entry in the "…" menu:
# the secretariat opens it for every event.
@hooks.register("register_page_listing_buttons")
def registrations_listing_button(page, user, next_url=None):
    label = _("Registrations for “%(title)s”") % {"title": page.get_admin_display_title()}
    return registrations_button(page, user, priority=15, button_class=ListingButton, attrs={"aria-label": label})


@hooks.register("register_demo_seeder", order=50)
def seed_events(progress):
    """Events: a year of conferences, workshops, webinars and trainings, with registrations"""
    demo.seed(progress)


@hooks.register("register_demo_seeder", order=51)
def seed_event_hosts(progress):
    """Event hosts: each seeded event in a member city is hosted by that city (listed on its profile)"""
    demo_hosts.seed(progress)


@hooks.register("register_digest_items")
def new_events_for_digest(*, since, until, topic_keys, organisation_ids):
    """Upcoming events first published in the window, in the followed topics or hosted by the followed cities
    (community's digest): each event once (its original), in the active language. Five queries."""
    from types import SimpleNamespace

    from django.db.models import Q

    from core.i18n import in_default_language, in_reader_language_each

    tagged = EventPage.topics.through.objects.filter(topic__translation_key__in=topic_keys).values("eventpage_id")
    events = list(
        in_default_language(EventPage.objects.live().public())
        .upcoming()
        .filter(first_published_at__gte=since, first_published_at__lt=until)
        .filter(Q(host_organisation_id__in=organisation_ids) | Q(pk__in=tagged))
        .prefetch_related("topics")
        .order_by("-first_published_at")
    )
    shown = in_reader_language_each(events)
    site_paths = SimpleNamespace()  # Wagtail keeps the site's root paths on it: read once for every link
    return [
        {
            "key": f"event:{event.translation_key}",
            "kind": "events",
            "heading": _("New events"),
            "title": page.title,
            "url": page.get_full_url(site_paths),
            "date": event.first_published_at,
            "meta": " · ".join(event_facts(page)),
            "topic_keys": {str(topic.translation_key) for topic in event.topics.all()},
            "organisation_ids": {event.host_organisation_id} if event.host_organisation_id else set(),
        }
        for event, page in zip(events, shown, strict=True)
    ]


# --- Charts: the city's event participation over time (focal-point dashboard) ---------------------------------------


def city_events_per_month(organisation):
    """The city's event registrations (by the day they registered) and attendance (by check-in) per month, over the
    last 12: two queries."""
    months = charts.last_months(12)
    registrations = Registration.objects.filter(organisation=organisation).exclude(
        status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED]
    )
    return charts.ChartData(
        labels=tuple(months),
        series=(
            charts.Series(_("Registrations"), charts.per_month(registrations, "created_at", months)),
            charts.Series(_("Attended"), charts.per_month(registrations, "attended_at", months)),
        ),
    )


@hooks.register("register_report_chart")
def event_charts():
    return [
        charts.ChartSpec(
            key="city-events",
            title=gettext_lazy("Events: registrations and attendance per month"),
            description=gettext_lazy("Your city's people over the last 12 months."),
            scope=charts.ORGANISATION,
            numbers=city_events_per_month,
            kind="line",
            category_label=charts.MONTH,
            order=20,
        )
    ]
