"""Attendee emails. The wording is here (translatable); one pair of templates lays every notice out.

Confirmations, promotions and changes carry the event as an .ics with the same UID as the feeds.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from core.emails import absolute_url, send_templated_email

from . import calendars

ICS_REQUEST = "text/calendar; method=REQUEST; charset=utf-8"
ICS_CANCEL = "text/calendar; method=CANCEL; charset=utf-8"


def _event(registration):
    """The event as the recipient reads it: its translation in their language (active here), else the original."""
    return registration.event.localized


def _event_url(event):
    return absolute_url(event.get_url() or "/events/")


def _when(event):
    start, end = (formats.date_format(moment, "DATETIME_FORMAT") for moment in (event.local_start, event.local_end))
    return f"{start} – {end} ({event.time_zone})"


def _invitation(registration, *, cancel=False):
    event = _event(registration)
    content = calendars.build_calendar(
        [event],
        url_for=_event_url,
        name=event.title,
        method="CANCEL" if cancel else "REQUEST",
        attendee=registration.user,
        cancel=cancel,
    )
    return (calendars.event_filename(event), content, ICS_CANCEL if cancel else ICS_REQUEST)


def _send(registration, *, subject, lines, with_calendar=False, cancel=False, show_join_link=False):
    user, event = registration.user, _event(registration)
    if not user.is_active:  # a deleted account: nobody to tell
        return
    send_templated_email(
        "events/email/notice",
        to=[user.email],
        language=user.preferred_language,
        context={
            "subject": subject,
            "lines": lines,
            "event": event,
            "when": _when(event),
            "where": event.location_text() or event.get_format_display(),
            "event_url": _event_url(event),
            "join_url": event.online_join_url if show_join_link else "",
            "registration": registration,
        },
        attachments=[_invitation(registration, cancel=cancel)] if with_calendar else (),
    )


def _in_their_language(fn):
    """Word and format the notice in the recipient's language."""

    def wrapper(registration, *args, **kwargs):
        with translation.override(registration.user.preferred_language or None):
            return fn(registration, *args, **kwargs)

    return wrapper


@_in_their_language
def registration_received(registration):
    from .models import Registration
    from .selectors import waitlist_position

    title = _event(registration).title
    if registration.status == Registration.Status.CONFIRMED:
        _send(
            registration,
            subject=_("You are registered: %s") % title,
            lines=[_("Your place is confirmed. The event is attached: open it to add it to your calendar.")],
            with_calendar=True,
            show_join_link=registration.can_see_join_link,
        )
    elif registration.status == Registration.Status.WAITLISTED:
        position = waitlist_position(registration)
        _send(
            registration,
            subject=_("You are on the waiting list: %s") % title,
            lines=[
                _("The event is full, so you are number %(position)s on the waiting list.") % {"position": position},
                _("If a place frees up, it is given to you automatically and we email you at once."),
            ],
        )
    elif registration.status == Registration.Status.PENDING_APPROVAL:
        _send(
            registration,
            subject=_("Your registration awaits approval: %s") % title,
            lines=[_("Your city's focal point approves registrations for this event. We email you when they decide.")],
        )


@_in_their_language
def promoted(registration):
    _send(
        registration,
        subject=_("A place is yours: %s") % _event(registration).title,
        lines=[
            _("A place became available and you were next on the waiting list: your registration is now confirmed."),
            _("The event is attached: open it to add it to your calendar."),
        ],
        with_calendar=True,
        show_join_link=registration.can_see_join_link,
    )


@_in_their_language
def cancelled_by_attendee(registration, *, previous_status, place_passed_on=False):
    """What cancelling did: a seat given up (passed on to the next person only if someone was waiting for it),
    a place on the waiting list left, or a request for approval withdrawn. Only a seat was in their calendar."""
    from .models import Registration

    Status = Registration.Status
    had_seat = previous_status == Status.CONFIRMED
    if had_seat and place_passed_on:
        lines = [_("You cancelled your registration. Your place has gone to the next person on the waiting list.")]
    elif had_seat:
        lines = [_("You cancelled your registration. Your place is free for someone else to take.")]
    elif previous_status == Status.WAITLISTED:
        lines = [_("You cancelled your registration and left the waiting list.")]
    else:
        lines = [_("You cancelled your registration: your focal point no longer needs to approve it.")]
    if had_seat:
        lines.append(_("The attached file removes the event from your calendar."))
    _send(
        registration,
        subject=_("Registration cancelled: %s") % _event(registration).title,
        lines=lines,
        with_calendar=had_seat,
        cancel=True,
    )


@_in_their_language
def declined(registration):
    _send(
        registration,
        subject=_("Registration not approved: %s") % _event(registration).title,
        lines=[_("Your city's focal point did not approve your registration. Ask them if you have questions.")],
    )


@_in_their_language
def event_changed(registration):
    # Only confirmed attendees hold the event in their calendar; the waiting list gets no file. What changed may be
    # the time, the place, the format or the status: say so plainly and show the event as it is now.
    lines = [_("This event has changed: below are its time and place as they are now.")]
    if registration.is_confirmed:
        lines.append(_("The attached file updates your calendar."))
    else:
        lines.append(_("You are still on the waiting list."))
    _send(
        registration,
        subject=_("Event changed: %s") % _event(registration).title,
        lines=lines,
        with_calendar=registration.is_confirmed,
        show_join_link=registration.can_see_join_link,
    )


@_in_their_language
def event_cancelled(registration):
    if registration.is_confirmed:
        lines = [_("We are sorry: this event has been cancelled. The attached file removes it from your calendar.")]
    else:
        lines = [_("We are sorry: this event has been cancelled, so its waiting list is closed.")]
    _send(
        registration,
        subject=_("Event cancelled: %s") % _event(registration).title,
        lines=lines,
        with_calendar=registration.is_confirmed,
        cancel=True,
    )


@_in_their_language
def reminder(registration):
    _send(
        registration,
        subject=_("Tomorrow: %s") % _event(registration).title,
        lines=[_("A reminder that this event starts within a day. We look forward to seeing you.")],
        show_join_link=registration.can_see_join_link,
    )
