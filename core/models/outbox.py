"""The outbox: every email the hub sends, written in the sender's transaction and delivered by a task."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def stuck(self, *, older_than=timedelta(minutes=15)):
        """Claimed by a worker that never finished (it died while sending): to be tried again."""
        return self.filter(status=OutgoingEmail.Status.SENDING, claimed_at__lte=timezone.now() - older_than)


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not delivered")

    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    # What a task run wrote it as ("<task result id>:<n>"): the same run, repeated, does not write it twice.
    once_key = models.CharField(max_length=100, unique=True, null=True, blank=True, editable=False)
    recipients = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=998)
    # The whole message (headers, text, HTML, attachments as base64), as core.mail serialises it.
    message = models.JSONField()
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_status_due")]

    def __str__(self):
        return f"{self.subject} → {self.recipients}"
