"""Registration workflows: register, cancel, promote, approve, decline, check in.

Each runs in one transaction that first takes the event's row lock (core.locking), then counts
seats from the rows, then writes. Emails go out on commit. Nothing is half-written on failure.

An event's seats, waiting list and calendar state belong to the event, not to its wording: whichever translation
(or alias) a person registers on, the lock, the count and the rows are the original page's (core.i18n.original),
so the event is one pool in every language.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from core.i18n import original
from core.locking import lock_for_seats
from core.tasks import enqueue_on_commit
from members.models import Membership, Organisation
from members.services import can_manage

from . import emails, tasks
from .exceptions import (
    ConsentRequired,
    EventCancelled,
    ModeNotOffered,
    NotAllowedToDecide,
    NotAwaitingApproval,
    NotConfirmed,
    RegistrationClosed,
    RegistrationNotOpenYet,
    RegistrationsOff,
)
from .models import CalendarFeed, EventCalendarState, EventPage, Registration
from .models.calendar import new_feed_token

Status = Registration.Status

REFUSALS = {
    "off": RegistrationsOff,
    "cancelled": EventCancelled,
    "not_yet_open": RegistrationNotOpenYet,
    "closed": RegistrationClosed,
}


def organisation_of(user):
    """The organisation whose seats the person takes: their approved membership of an active organisation."""
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, status=Membership.Status.APPROVED, organisation__status=Organisation.Status.ACTIVE)
        .first()
    )
    return membership.organisation if membership else None


def register(
    *,
    event: EventPage,
    user,
    mode: str,
    answers: dict | None = None,
    dietary_needs: str = "",
    accessibility_needs: str = "",
    consent: bool = False,
) -> Registration:
    """Take a seat, or a place on the waiting list, or wait for the focal point's approval.

    Registering again while a registration is active returns that registration unchanged.
    """
    if not consent:
        raise ConsentRequired
    organisation = organisation_of(user)
    with transaction.atomic():
        event = lock_for_seats(EventPage, original(event).pk)
        existing = Registration.objects.active().filter(event=event, user=user).first()
        if existing:
            return existing
        _ensure_open(event)
        if mode not in event.offered_modes():
            raise ModeNotOffered
        # The baseline that later changes are compared with, before anyone holds the event in a calendar.
        EventCalendarState.objects.get_or_create(event=event, defaults={"fingerprint": event.schedule_fingerprint()})
        now = timezone.now()
        registration = Registration(
            event=event,
            user=user,
            organisation=organisation,
            mode=mode,
            answers=answers or {},
            dietary_needs=dietary_needs,
            accessibility_needs=accessibility_needs,
            consent_given_at=now,
            created_at=now,
            queued_at=now,
        )
        if _needs_approval(event, user, organisation):
            registration.status = Status.PENDING_APPROVAL
        else:
            _seat_or_queue(event, registration, now)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # the unique backstop: a simultaneous request registered this person
            return Registration.objects.active().get(event=event, user=user)
        _tell(registration, "registration_received")
        return registration


def cancel(*, event: EventPage, user) -> Registration | None:
    """Cancel my active registration (idempotent); a freed seat goes to the waiting list at once."""
    with transaction.atomic():
        event = lock_for_seats(EventPage, original(event).pk)
        registration = Registration.objects.active().filter(event=event, user=user).first()
        if registration is None:
            return None
        previous_status = registration.status
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _promote_locked(event)
        # Their own seat went on only if they held one and someone waiting for that mode took it.
        place_passed_on = previous_status == Status.CONFIRMED and any(r.mode == registration.mode for r in promoted)
        _tell(registration, "cancelled_by_attendee", previous_status=previous_status, place_passed_on=place_passed_on)
        return registration


def promote(*, event: EventPage) -> list[Registration]:
    """Fill every free seat from the waiting list, first come first served (e.g. after seats were added)."""
    with transaction.atomic():
        event = lock_for_seats(EventPage, original(event).pk)
        return _promote_locked(event)


def approve(*, registration: Registration, by) -> Registration:
    """The focal point lets a pending registration take a seat (or join the waiting list)."""
    return _decide(registration=registration, by=by, approve=True)


def decline(*, registration: Registration, by) -> Registration:
    return _decide(registration=registration, by=by, approve=False)


def check_in(*, registration: Registration, attended: bool = True) -> Registration:
    """Mark a confirmed attendee as present (or undo it)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.CONFIRMED:
            raise NotConfirmed
        registration.attended_at = (registration.attended_at or timezone.now()) if attended else None
        registration.save(update_fields=["attended_at"])
        return registration


def publish_changes(*, event: EventPage) -> list[Registration]:
    """After an event is published: if its time, place or status changed since attendees were last told,
    raise SEQUENCE and email them (a cancellation as METHOD:CANCEL); seats added since go to the waiting list.
    Publishing an unchanged event changes nothing (nor does publishing a translation: the time, place and status
    attendees hold are the original's). Returns the people told."""
    with transaction.atomic():
        event = lock_for_seats(EventPage, original(event).pk)
        fingerprint = event.schedule_fingerprint()
        state, created = EventCalendarState.objects.get_or_create(event=event, defaults={"fingerprint": fingerprint})
        _promote_locked(event)
        if created or state.fingerprint == fingerprint:
            return []
        newly_cancelled = event.is_cancelled and not state.fingerprint.endswith(f"|{EventPage.Status.CANCELLED}")
        state.sequence += 1
        state.fingerprint = fingerprint
        state.save(update_fields=["sequence", "fingerprint"])
        told = list(
            Registration.objects.filter(event=event, status__in=[Status.CONFIRMED, Status.WAITLISTED]).select_related(
                "user", "event__calendar_state"
            )
        )
        _tell(told, "event_cancelled" if newly_cancelled else "event_changed")
        return told


def forget_person(*, user) -> None:
    """Account deletion: free their upcoming seats (the waiting list moves up) and erase their answers.

    The rows stay, without personal answers, so attendance figures per city remain right.
    """
    for registration in Registration.objects.active().filter(user=user, event__end__gte=timezone.now()):
        cancel(event=registration.event, user=user)
    Registration.objects.filter(user=user).update(dietary_needs="", accessibility_needs="", answers={})
    CalendarFeed.objects.filter(user=user).delete()


def new_calendar_link(*, user) -> None:
    """A new secret address for the person's calendar: the old one stops working at once. Nothing to do when they
    never had one (the first is made when /me/ shows it)."""
    CalendarFeed.objects.filter(user=user).update(token=new_feed_token())


REMINDER_LEAD = timedelta(days=1)


def send_due_reminders(*, now=None) -> int:
    """Remind confirmed attendees of scheduled events starting within a day; each person once.

    A reminder is claimed with a conditional UPDATE before it is sent, so two runs at the same
    time never send it twice.
    """
    now = now or timezone.now()
    due = (
        Registration.objects.confirmed()
        .filter(
            reminder_sent_at__isnull=True,
            event__live=True,
            event__status=EventPage.Status.SCHEDULED,
            event__start__gt=now,
            event__start__lte=now + REMINDER_LEAD,
        )
        .select_related("user", "event")
    )
    sent = 0
    for registration in due.iterator(chunk_size=200):
        with transaction.atomic():  # the claim and the email in the outbox, or neither
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                emails.reminder(registration)  # into the outbox: a worker sends it
                sent += 1
    return sent


def _tell(registrations, notice, **details):
    """Email the attendees once the transaction commits (a worker writes and sends the emails)."""
    if isinstance(registrations, Registration):
        registrations = [registrations]
    if registrations:
        ids = [registration.pk for registration in registrations]
        enqueue_on_commit(tasks.send_notice, notice=notice, registration_ids=ids, **details)


# --- Inside the lock -----------------------------------------------------------------------------


def _needs_approval(event, user, organisation):
    """Member-city staff wait for their focal point; the focal point (or the secretariat) does not wait for itself."""
    return bool(
        event.requires_focal_point_approval
        and organisation
        and organisation.kind == Organisation.Kind.MEMBER_CITY
        and not can_manage(user, organisation)
    )


def _ensure_open(event):
    state = event.registration_state()
    if state != "open":
        raise REFUSALS[state]


def _seat_or_queue(event, registration, now):
    if _has_room(event, registration.mode, registration.organisation_id):
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = Status.WAITLISTED


def _has_room(event, mode, organisation_id, confirmed_by_mode=None, confirmed_by_city=None):
    capacity = event.capacity_for(mode)
    if capacity is not None:
        taken = (
            confirmed_by_mode.get(mode, 0)
            if confirmed_by_mode is not None
            else Registration.objects.confirmed().filter(event=event, mode=mode).count()
        )
        if taken >= capacity:
            return False
    if event.city_seat_limit and organisation_id:
        taken = (
            confirmed_by_city.get(organisation_id, 0)
            if confirmed_by_city is not None
            else Registration.objects.confirmed().filter(event=event, organisation_id=organisation_id).count()
        )
        if taken >= event.city_seat_limit:
            return False
    return True


def _promote_locked(event):
    """Confirm waiting people in queue order while their mode (and their city) has room."""
    if event.is_cancelled:
        return []
    confirmed = Registration.objects.confirmed().filter(event=event)
    by_mode = dict(confirmed.values_list("mode").annotate(n=Count("id")).order_by())
    by_city = dict(
        confirmed.exclude(organisation=None).values_list("organisation_id").annotate(n=Count("id")).order_by()
    )
    promoted = []
    now = timezone.now()
    for registration in Registration.objects.waitlisted().filter(event=event).in_queue_order().select_related("user"):
        if not _has_room(event, registration.mode, registration.organisation_id, by_mode, by_city):
            continue
        registration.status = Status.CONFIRMED
        registration.confirmed_at = registration.promoted_at = now
        registration.save(update_fields=["status", "confirmed_at", "promoted_at"])
        by_mode[registration.mode] = by_mode.get(registration.mode, 0) + 1
        if registration.organisation_id:
            by_city[registration.organisation_id] = by_city.get(registration.organisation_id, 0) + 1
        promoted.append(registration)
    _tell(promoted, "promoted")
    return promoted


def _decide(*, registration, by, approve):
    with transaction.atomic():
        event = lock_for_seats(EventPage, registration.event_id)
        registration = Registration.objects.select_related("organisation", "user").get(pk=registration.pk)
        if registration.organisation is None or not can_manage(by, registration.organisation):
            raise NotAllowedToDecide
        if registration.status != Status.PENDING_APPROVAL:
            raise NotAwaitingApproval
        now = timezone.now()
        registration.decided_by = by
        if approve:
            registration.queued_at = now  # the waiting list counts from the approval
            _seat_or_queue(event, registration, now)
        else:
            registration.status = Status.DECLINED
            registration.cancelled_at = now
        registration.save(update_fields=["status", "decided_by", "queued_at", "confirmed_at", "cancelled_at"])
        _tell(registration, "registration_received" if approve else "declined")
        return registration
