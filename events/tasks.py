"""Attendee emails, written by a worker from the registrations as they are when it runs."""

from core.tasks import email_task

from . import emails
from .models import Registration

# The notices a service may ask for, by name (a task's arguments are plain values).
NOTICES = {
    "registration_received": emails.registration_received,
    "promoted": emails.promoted,
    "cancelled_by_attendee": emails.cancelled_by_attendee,
    "declined": emails.declined,
    "event_changed": emails.event_changed,
    "event_cancelled": emails.event_cancelled,
}


@email_task
def send_notice(*, notice: str, registration_ids: list[int], **details):
    """One notice to each of these registrations' attendees (a bulk change is one task, one email per person)."""
    send = NOTICES[notice]
    registrations = Registration.objects.filter(pk__in=registration_ids).select_related(
        "user", "event", "event__calendar_state", "organisation"
    )
    for registration in registrations.order_by("pk"):
        send(registration, **details)
