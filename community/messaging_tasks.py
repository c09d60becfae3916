"""The email that tells someone a message is waiting for them on the hub, written by a worker."""

from django.utils import timezone

from core.tasks import email_task

from . import messaging_emails
from .models import Message


@email_task
def send_message_notice(*, message_id: int):
    """One email to the message's recipient, once: the message is claimed by a conditional update, so a second run
    of the task (a redelivery, the sweep) writes nothing."""
    claimed = Message.objects.filter(pk=message_id, notified_at__isnull=True).update(notified_at=timezone.now())
    if not claimed:
        return
    message = Message.objects.select_related(
        "sender", "conversation", "conversation__starter", "conversation__recipient", "conversation__page"
    ).get(pk=message_id)
    messaging_emails.message_notice(message)
