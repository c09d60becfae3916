"""The community's background work."""

from django.utils.dateparse import parse_datetime
from django_tasks import task

from . import digest


@task()
def send_digests(*, now: str = ""):
    """The digests due now (a scheduler enqueues it, or runs ``manage.py send_digests``): one email per person and
    period, written into the outbox with the row that records it, so a second run writes nothing twice.
    ``now``: an ISO datetime, for a run that catches up on a given moment; the current time by default."""
    return digest.send_digests(now=parse_datetime(now) if now else None)
