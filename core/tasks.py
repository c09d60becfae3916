"""Background work: how the apps enqueue it, and the outbox's own tasks.

Apps write their tasks in ``<app>/tasks.py`` and enqueue them with ``enqueue_on_commit``: a task takes ids, re-reads
the rows, and is safe to run twice. ``email_task`` is for tasks that write emails: they run in one transaction (an
error writes none) and a repeated run of the same enqueued task writes none twice.
"""

import logging

from django.db import transaction
from django_tasks import task

from . import mail

logger = logging.getLogger(__name__)


def enqueue_on_commit(task_, /, **kwargs):
    """Enqueue ``task_`` once the current transaction commits (at once outside one).

    robust: if the broker is down, the committed action still answers its normal page; the error is logged. A named
    function, not a ``partial``: Django's robust on_commit names the failed callback by its ``__qualname__``."""

    def enqueue():
        task_.enqueue(**kwargs)

    enqueue.__qualname__ = f"enqueue {getattr(task_, 'name', task_)}"
    transaction.on_commit(enqueue, robust=True)


def email_task(function):
    """Make ``function`` (keyword arguments: ids and plain values) a task that writes emails into the outbox."""

    def run(context, **kwargs):
        token = mail.task_run.set([context.task_result.id, 0])
        try:
            with transaction.atomic():
                return function(**kwargs)
        finally:
            mail.task_run.reset(token)

    # The task is found by its module and name (not functools.wraps: its __wrapped__ would hide `context`).
    for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(run, attribute, getattr(function, attribute))
    return task(takes_context=True)(run)


@task()
def deliver_email(*, email_id: int):
    """Hand one outbox email to the relay; after a failure, try again later (backoff) up to the limit."""
    delivery = mail.deliver(email_id)
    if delivery.retry_at is not None:
        deliver_email.using(run_after=delivery.retry_at).enqueue(email_id=email_id)
    return delivery.status


@task()
def send_waiting_emails(*, now: bool = False, include_failed: bool = False):
    """The sweep (cron or a scheduler, every few minutes): emails whose delivery job was lost go out again."""
    return mail.hand_over_waiting(now=now, include_failed=include_failed)
