"""What /healthz reports about background work: is someone taking the tasks off the queue?"""

from datetime import UTC, timedelta

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone

from .models import OutgoingEmail


def _oldest_waiting_database_task():
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    enqueued = ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"]
    deferred = ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"]
    return min((moment for moment in (enqueued, deferred) if moment), default=None)


def _oldest_waiting_rq_task():
    import django_rq

    jobs = django_rq.get_queue("default").get_jobs(0, 1)
    return jobs[0].enqueued_at.replace(tzinfo=UTC) if jobs and jobs[0].enqueued_at else None


def tasks_report():
    """The age of the oldest task waiting for a worker, and whether that is too old (workers gone or overwhelmed)."""
    waiting_since = _oldest_waiting_rq_task() if settings.TASK_BACKEND == "rq" else _oldest_waiting_database_task()
    age = max(timedelta(0), timezone.now() - waiting_since) if waiting_since else timedelta(0)
    Status = OutgoingEmail.Status
    emails = OutgoingEmail.objects.aggregate(
        waiting=Count("pk", filter=Q(status=Status.WAITING)), failed=Count("pk", filter=Q(status=Status.FAILED))
    )
    return {
        "backend": settings.TASK_BACKEND,
        "oldest_waiting_seconds": int(age.total_seconds()),
        "ok": age.total_seconds() <= settings.TASKS_MAX_WAIT_SECONDS,
        "emails_waiting": emails["waiting"],
        "emails_not_delivered": emails["failed"],
    }
