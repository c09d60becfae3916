"""The outbox: every email goes through it, so no request ever waits for the mail relay.

``OutboxEmailBackend`` (settings.EMAIL_BACKEND) writes each message to ``core.OutgoingEmail`` inside the sender's
transaction (nothing is written if the transaction fails; nothing is lost if the relay is down) and, on commit,
enqueues ``core.tasks.deliver_email``. ``deliver`` hands one message to the real relay
(settings.EMAIL_DELIVERY_BACKEND): it claims the row first, so two workers never send it twice, and on a failure it
says when to try again (backoff) or marks the email failed for good (the relay refused the recipients, or too many
attempts). docs/operations.md ("Background tasks", "Email") says how to watch it.
"""

import base64
import contextvars
import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Set by core.tasks.email_task while a task writes emails: [task result id, emails written so far]. The same task run
# repeated (a worker died after writing, the broker delivered twice) gives the same keys, so nothing is written twice.
task_run = contextvars.ContextVar("email_task_run", default=None)


def _next_once_key():
    run = task_run.get()
    if run is None:
        return None
    run[1] += 1
    return f"{run[0]}:{run[1]}"


def _encode(content):
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return base64.b64encode(raw).decode("ascii")


def serialise(message):
    """A message as JSON: what the worker needs to send exactly this email later."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):  # a MIMEBase part: nothing of ours attaches those
            raise TypeError("The outbox stores (filename, content, mimetype) attachments only.")
        filename, content, mimetype = attachment
        attachments.append({"filename": filename, "content": _encode(content), "mimetype": mimetype})
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def deserialise(data, *, connection=None):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        content = base64.b64decode(attachment["content"])
        mimetype = attachment["mimetype"] or ""
        if mimetype.startswith("text/"):
            content = content.decode()
        message.attach(attachment["filename"], content, mimetype)
    return message


def _enqueue_delivery(email_id):
    from .tasks import deliver_email

    deliver_email.enqueue(email_id=email_id)


class OutboxEmailBackend(BaseEmailBackend):
    """Writes messages to the outbox; a task sends them. It never talks to the relay."""

    def send_messages(self, email_messages):
        written = 0
        for message in email_messages:
            if not message.recipients():
                continue
            email = self._write(message)
            if email is not None:
                # robust: a broker that is down must not turn the committed action into an error; the sweep
                # (manage.py send_waiting_emails) hands the email to a worker later.
                transaction.on_commit(partial(_enqueue_delivery, email.pk), robust=True)
            written += 1
        return written

    def _write(self, message):
        once_key = _next_once_key()
        if once_key and OutgoingEmail.objects.filter(once_key=once_key).exists():
            return None
        try:
            with transaction.atomic():
                return OutgoingEmail.objects.create(
                    once_key=once_key,
                    recipients=", ".join(message.recipients())[:2000],
                    subject=str(message.subject)[:998],
                    message=serialise(message),
                )
        except IntegrityError:  # the same task run, at the same moment, in another worker
            if once_key is None:
                raise
            return None


class OutboxOrRelayEmailBackend(OutboxEmailBackend):
    """For the error emails to ADMINS: through the outbox like every email, or straight to the relay when the
    database is what failed (then nothing could be written, and that is when someone must hear of it)."""

    def send_messages(self, email_messages):
        try:
            with transaction.atomic():
                return super().send_messages(email_messages)
        except (DatabaseError, TransactionManagementError):
            connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=self.fail_silently)
            return connection.send_messages(email_messages)


def _is_permanent(error):
    """The relay refused the message itself (a 5xx answer, every recipient refused): trying again will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def backoff(attempts):
    """1, 2, 4, … minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


@dataclass(frozen=True)
class Delivery:
    status: str
    retry_at: datetime | None = None


def deliver(email_id):
    """Send one outbox email through the relay, once. Safe to call twice, from two workers at once."""
    now = timezone.now()
    # Due now: a second job for the same email (the sweep's, a broker's redelivery) that comes early does nothing.
    due = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.WAITING, next_attempt_at__lte=now)
    claimed = due.update(status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return Delivery(status="not waiting")
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        deserialise(email.message, connection=connection).send()
    except Exception as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        if _is_permanent(error) or email.attempts >= settings.EMAIL_DELIVERY_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
            email.save(update_fields=["status", "last_error"])
            logger.error("Email %s to %s not delivered after %s attempt(s): %s",
                         email.pk, email.recipients, email.attempts, email.last_error)  # fmt: skip
            return Delivery(status=email.status)
        email.status = OutgoingEmail.Status.WAITING
        email.next_attempt_at = timezone.now() + backoff(email.attempts)
        email.save(update_fields=["status", "last_error", "next_attempt_at"])
        logger.warning("Email %s: attempt %s failed (%s); next at %s",
                       email.pk, email.attempts, email.last_error, email.next_attempt_at)  # fmt: skip
        return Delivery(status=email.status, retry_at=email.next_attempt_at)
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.save(update_fields=["status", "sent_at"])
    return Delivery(status=email.status)


def hand_over_waiting(*, now=False, include_failed=False, settle=timedelta(minutes=2)):
    """Give a worker every email that should have gone by now: due retries whose job was lost (the broker was down
    or flushed) and emails a dead worker had claimed; with ``now`` (the relay is back) every waiting email at once;
    with ``include_failed`` the failed ones too, from a fresh count of attempts. Returns how many."""
    Status = OutgoingEmail.Status
    OutgoingEmail.objects.stuck().update(status=Status.WAITING, next_attempt_at=timezone.now())
    if include_failed:
        OutgoingEmail.objects.filter(status=Status.FAILED).update(status=Status.WAITING, attempts=0)
    waiting = OutgoingEmail.objects.filter(status=Status.WAITING)
    if not (now or include_failed):
        waiting = waiting.filter(next_attempt_at__lte=timezone.now() - settle)
    else:
        waiting.update(next_attempt_at=timezone.now())
    count = 0
    for email_id in waiting.values_list("pk", flat=True).iterator():
        _enqueue_delivery(email_id)
        count += 1
    return count
