import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventCalendarState(models.Model):
    """What attendees' calendars were last told about an event.

    Kept out of the page so publishing an old revision never rewinds SEQUENCE.
    """

    event = models.OneToOneField("events.EventPage", on_delete=models.CASCADE, related_name="calendar_state")
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.TextField(blank=True)

    class Meta:
        verbose_name = _("calendar state")

    def __str__(self):
        return f"{self.event_id}: sequence {self.sequence}"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's own calendar of registrations."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal calendar feed")

    def __str__(self):
        return f"{self.user}"
