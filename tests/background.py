"""Running background tasks in a test, as the embedded worker (django-tasks-db's ``db_worker``) runs them."""

from django.test import TestCase


def run_ready_tasks(*, rounds=50):
    """Run every task that is ready, with the worker's own ``run_task``, until none is left. Returns how many ran.

    Works inside a test's transaction: what the tasks enqueue on commit is enqueued at once (captured), and the
    worker's polling loop, which would close the test's connection, is replaced by this one. Emails written outside
    a captured commit (allauth's, in a plain test request) never had their delivery enqueued: they are handed over
    first, as the production sweep (manage.py send_waiting_emails) would."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from core.models import OutgoingEmail
    from core.tasks import deliver_email

    with TestCase.captureOnCommitCallbacks(execute=True):
        for email_id in OutgoingEmail.objects.filter(status=OutgoingEmail.Status.WAITING, attempts=0).values_list(
            "pk", flat=True
        ):
            deliver_email.enqueue(email_id=email_id)
    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="test-worker", excluded_queue_names=[])  # fmt: skip
    ran = 0
    for _ in range(rounds):
        ready = list(DBTaskResult.objects.ready())
        if not ready:
            return ran
        for result in ready:
            with TestCase.captureOnCommitCallbacks(execute=True):
                result.claim(worker.worker_id)
                worker.run_task(result)
            ran += 1
    raise AssertionError("tasks keep enqueueing tasks: a loop?")
