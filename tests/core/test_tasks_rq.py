"""The production task backend: the same tasks on RQ, against the Redis that runs on the machine (CI sets
REQUIRE_REDIS=1, so a missing Redis fails there instead of skipping)."""

import os

import pytest
import redis
from django.core import mail
from django.test import TestCase

from core.models import OutgoingEmail
from members import services
from members.models import Membership
from tests.conftest import skip_or_fail
from tests.factories import OrganisationFactory, make_member

pytestmark = pytest.mark.django_db

# One Redis database per pytest-xdist worker (gw0 → 10, gw1 → 11, …), so two workers never run each other's jobs.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw-1")
REDIS_URL = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{10 + int(WORKER.removeprefix('gw'))}")


@pytest.fixture
def rq_queue(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        skip_or_fail(f"needs Redis at {REDIS_URL}", "REQUIRE_REDIS")
    name = "default"
    settings.RQ_QUEUES = {name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    settings.TASK_BACKEND = "rq"
    settings.TASKS = {"default": {"BACKEND": "core.task_backends.OnCommitRQBackend", "QUEUES": [name]}}
    import django_rq

    queue = django_rq.get_queue(name)
    queue.empty()
    yield queue
    queue.empty()


def work(queue):
    """What `manage.py rqworker` does, in this process (RQ's SimpleWorker), until the queue is empty."""
    import django_rq

    for _ in range(5):
        if not len(queue):
            return
        worker = django_rq.get_worker(queue.name, worker_class="rq.SimpleWorker")  # RQ["JOB_CLASS"], as rqworker
        with TestCase.captureOnCommitCallbacks(execute=True):  # what the jobs enqueue on commit
            worker.work(burst=True)


def test_invitations_go_through_rq_workers(rq_queue, client):
    city = OrganisationFactory(name="Dakar City Hall")
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.invite(organisation=city, addresses=["one@dakar.example", "two@dakar.example"], by=focal_point)
    ours = [job for job in rq_queue.jobs if job.func_name == "members.tasks.send_invitations"]
    assert len(ours) == 1 and mail.outbox == []  # one job for the whole submission, nothing sent yet
    assert client.get("/healthz").json()["tasks"]["backend"] == "rq"
    work(rq_queue)
    assert sorted(message.to[0] for message in mail.outbox) == ["one@dakar.example", "two@dakar.example"]
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {OutgoingEmail.Status.SENT}


def test_a_job_reaches_redis_only_when_its_transaction_commits(rq_queue, settings):
    """A worker elsewhere must never run a job before the rows it names exist (Wagtail enqueues from post_save)."""
    from django.db import transaction
    from wagtail.tasks import update_reference_index_task

    city = OrganisationFactory(name="Dakar City Hall")
    with TestCase.captureOnCommitCallbacks(execute=False) as on_commit, transaction.atomic():
        result = update_reference_index_task.enqueue("members", "organisation", str(city.pk))
        assert len(rq_queue) == 0  # not while the transaction may still roll back
    assert len(rq_queue) == 0 and len(on_commit) == 1
    on_commit[0]()  # the commit
    assert rq_queue.job_ids == [result.id]
    work(rq_queue)
    assert rq_queue.fetch_job(result.id).get_status() == "finished"
