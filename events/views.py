"""Thin views: parse with a form, call a service or a selector, render or redirect."""

import functools
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from core import views as core_views
from core.emails import absolute_url
from core.forms import parse_id
from core.i18n import language_path
from members.selectors import organisations_led_by

from . import calendars, selectors, services
from .exceptions import RegistrationError
from .forms import RegistrationForm
from .models import EventIndexPage, EventPage, Registration

FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR = 2000, 2100


def page_context(request, page, **extra):
    return {**Page.get_context(page, request), **extra}


def sign_in_first(view):
    """Anonymous visitors sign in and come back to the page they were on."""

    @functools.wraps(view)
    def wrapper(request, page, *args, **kwargs):
        if not request.user.is_authenticated:
            messages.info(request, _("Sign in or create an account to register."))
            next_url = request.path if request.method == "GET" else page.get_url(request)
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        return view(request, page, *args, **kwargs)

    return wrapper


def refuse(request, event, error):
    return core_views.refuse(request, error, back_url=event.get_url(request), back_label=_("Back to the event"))


# --- Listing, calendar, feeds ----------------------------------------------------------------------


def event_list(request, index, *, archive):
    context = page_context(request, index, **selectors.event_list_context(request, index, archive=archive))
    return TemplateResponse(request, "events/event_index_page.html", context)


def calendar_now(request, index):
    today = timezone.localdate()
    kwargs = {"year": today.year, "month": today.month}
    return redirect(index.get_url(request) + index.reverse_subpage("calendar_month", kwargs=kwargs))


def calendar_month(request, index, year, month):
    if not (1 <= month <= 12 and FIRST_CALENDAR_YEAR <= year <= LAST_CALENDAR_YEAR):
        raise Http404(_("There is no calendar for that month."))
    previous_month = (year - 1, 12) if month == 1 else (year, month - 1)
    next_month = (year + 1, 1) if month == 12 else (year, month + 1)

    def month_url(year_month):
        if not FIRST_CALENDAR_YEAR <= year_month[0] <= LAST_CALENDAR_YEAR:
            return ""
        kwargs = {"year": year_month[0], "month": year_month[1]}
        return index.get_url(request) + index.reverse_subpage("calendar_month", kwargs=kwargs)

    context = page_context(
        request,
        index,
        weeks=selectors.month_calendar(index, year, month),
        month_start=date(year, month, 1),
        previous_url=month_url(previous_month),
        next_url=month_url(next_month),
    )
    return TemplateResponse(request, "events/event_calendar.html", context)


def _url_maker(request):
    # With the request, Wagtail reads the site's root paths once, not once per event.
    return lambda event: absolute_url(event.get_url(request) or "/events/")


def _page_at(request, page_path, page_type):
    """The live, public page of ``page_type`` whose URL is exactly /<page_path> (in the request's language), or 404."""
    page = Page.find_for_request(request, "/" + page_path)
    page = page.specific if page else None
    if (
        not isinstance(page, page_type)
        or not page.live
        or page.get_url(request) != language_path("/" + page_path)
        or page.get_view_restrictions().exists()
    ):
        raise Http404(_("There is no calendar at this address."))
    return page


def calendar_file(request, page_path, name):
    if name == "feed":
        index = _page_at(request, page_path, EventIndexPage)
        return calendars.calendar_response(_public_feed(request, index), "wego-hub-events.ics")
    event = _page_at(request, page_path, EventPage)
    content = calendars.build_calendar([event], url_for=_url_maker(request), name=event.title)
    return calendars.calendar_response(content, calendars.event_filename(event))


FEED_CACHE_SECONDS = 3600


def _public_feed(request, index):
    """The feed is built once per change (or hour) and shared by every worker through the cache."""
    events = selectors.listed_events(index).upcoming().order_by("start")
    key = f"events:feed:{index.pk}:{translation.get_language()}:{selectors.feed_version(events)}"
    content = cache.get(key)
    if content is None:
        content = calendars.build_calendar(events, url_for=_url_maker(request), name=_("WeGo Hub events"))
        cache.set(key, content, FEED_CACHE_SECONDS)
    return content


@never_cache
def personal_feed(request, page_path, token):
    _page_at(request, page_path, EventIndexPage)
    feed, events = selectors.personal_feed_events(token)
    if feed is None:
        raise Http404(_("This calendar address is not valid any more."))
    content = calendars.build_calendar(events, url_for=_url_maker(request), name=_("My WeGo Hub events"))
    return calendars.calendar_response(content, "my-wego-hub-events.ics")


@never_cache
@sign_in_first
def new_calendar_link(request, index):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.new_calendar_link(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new link. The old link no longer works: subscribe to the new one in your calendar "
            "app, and remove the old subscription."
        ),
    )
    return redirect("members:me")


# --- Registration -----------------------------------------------------------------------------------


@never_cache
@sign_in_first
def register(request, event):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    existing = selectors.my_registration(request.user, event)
    if existing:
        messages.info(request, _("You are already registered for this event."))
        return redirect(event.get_url(request))
    extra = selectors.register_page_context(event)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, event=event, full_modes=extra["full_modes"]
    )
    if request.method == "POST":
        if not form.is_valid():
            context = page_context(request, event, form=form, **extra)
            return TemplateResponse(request, "events/register.html", context, status=400)
        try:
            registration = services.register(event=event, user=request.user, **form.service_arguments())
        except RegistrationError as error:
            return refuse(request, event, error)
        messages.success(request, _confirmation_message(registration))
        return redirect(event.get_url(request))
    return TemplateResponse(request, "events/register.html", page_context(request, event, form=form, **extra))


def _confirmation_message(registration):
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are registered. We have emailed you the details with a calendar file.")
    if registration.status == Registration.Status.WAITLISTED:
        position = selectors.waitlist_position(registration)
        return _("The event is full: you are number %(position)s on the waiting list.") % {"position": position}
    return _("Your registration is waiting for your focal point's approval. We will email you.")


CONFIRM_CANCEL = "yes"


@never_cache
@sign_in_first
def cancel(request, event):
    """GET asks for confirmation and never cancels; only a POST that carries the explicit confirmation does."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST" and request.POST.get("confirm") == CONFIRM_CANCEL:
        if services.cancel(event=event, user=request.user):
            messages.success(request, _("Your registration is cancelled."))
        else:
            messages.info(request, _("You had no registration to cancel."))
        return redirect(event.get_url(request))
    registration = selectors.my_registration(request.user, event)
    if registration is None:
        messages.info(request, _("You had no registration to cancel."))
        return redirect(event.get_url(request))
    context = page_context(request, event, registration=registration, confirm_value=CONFIRM_CANCEL)
    return TemplateResponse(request, "events/cancel.html", context)


# --- The focal point's approvals --------------------------------------------------------------------


@never_cache
@sign_in_first
def approvals(request, index):
    organisation_ids = organisations_led_by(request.user)
    if not organisation_ids:
        raise Http404(_("Only focal points approve registrations."))
    if request.method == "POST":
        return _decide(request, index, organisation_ids)
    context = page_context(request, index, pending=list(selectors.pending_approvals(organisation_ids)))
    return TemplateResponse(request, "events/approvals.html", context)


def _decide(request, index, organisation_ids):
    registration_id, decision = parse_id(request.POST.get("registration", "")), request.POST.get("decision", "")
    if registration_id is None or decision not in ("approve", "decline"):
        return core_views.refuse(
            request,
            RegistrationError(_("That request was not understood.")),
            back_url=request.path,
            back_label=_("Back"),
        )
    registration = Registration.objects.filter(id=registration_id, organisation_id__in=organisation_ids).first()
    if registration is None:
        raise Http404(_("No such registration awaits your approval."))
    decide = services.approve if decision == "approve" else services.decline
    try:
        decide(registration=registration, by=request.user)
    except RegistrationError as error:
        return core_views.refuse(request, error, back_url=request.path, back_label=_("Back to the approvals"))
    if decision == "approve":
        messages.success(request, _("Approved: %(name)s.") % {"name": registration.user})
    else:
        messages.success(request, _("Declined: %(name)s.") % {"name": registration.user})
    return redirect(request.path)
