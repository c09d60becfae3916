"""Attendee data lives in plain models, never in pages. Seats are counted from these rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Registration.ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)

    def in_queue_order(self):
        return self.order_by("queued_at", "id")


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending", _("Awaiting focal point approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        DECLINED = "declined", _("Not approved")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    ACTIVE_STATUSES = (Status.PENDING_APPROVAL, Status.CONFIRMED, Status.WAITLISTED)

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("member city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        help_text=_("The person's organisation when they registered; it counts towards the per-city limit."),
    )
    mode = models.CharField(_("attends"), max_length=16, choices=Mode.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    queued_at = models.DateTimeField(
        _("queued"), default=timezone.now, help_text=_("First come, first served: the waiting list follows this.")
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("promoted from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # The backstop behind the event lock: one active registration per person and event.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["pending", "confirmed", "waitlisted"]),
                name="one_active_registration_per_person",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "mode", "queued_at"])]

    def __str__(self):
        return f"{self.user} – {self.event_id} ({self.status})"

    @property
    def is_active(self):
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def can_see_join_link(self):
        """Only confirmed online attendees ever see the join link: of an online event (whatever mode they chose
        before it went online), or of the online part of a hybrid one. An in-person attendee is not offered it."""
        event = self.event
        if not (self.is_confirmed and event.online_join_url):
            return False
        return event.format == event.Format.ONLINE or (
            event.format == event.Format.HYBRID and self.mode == self.Mode.ONLINE
        )
