"""Two reminder runs at once (two schedulers, a retry that overlaps the first run) send each reminder once: each is
recorded on its row under the row's lock before it is written. On PostgreSQL only (the SQLite test database lives in
memory, where concurrent writers get "table locked" instead of waiting)."""

import datetime as dt

import pytest
from django.utils import timezone

from consultations import emails
from consultations.models import Application, Assignment
from tests.concurrency.test_membership_races import run_at_once
from tests.consultations.conftest import complete

pytestmark = pytest.mark.django_db(transaction=True)

RUNS = 6


def test_simultaneous_reminder_runs_remind_each_draft_and_each_reviewer_once(
    require_postgres, draft, in_review, open_call, secretary, reviewer, lisbon_focal_point
):
    from consultations import services

    lisbon_draft = services.start_application(call=open_call, user=lisbon_focal_point, title="Lisbon's plan")
    complete(lisbon_draft, lisbon_focal_point)
    services.assign_reviewer(application=in_review, by=secretary, reviewer=reviewer)
    Assignment.objects.update(assigned_at=timezone.now() - dt.timedelta(days=8))
    open_call.closes_at = timezone.now() + dt.timedelta(days=3)
    open_call.save()
    counts = []

    def remind():
        counts.append((emails.deadline_reminders(), emails.reviewer_reminders()))

    assert run_at_once(remind, count=RUNS) == []
    assert sum(cities for cities, _reviewers in counts) == 1  # Lisbon's draft (Seoul's was submitted)
    assert sum(reviewers for _cities, reviewers in counts) == 1
    assert Application.objects.get(pk=lisbon_draft.pk).reminded_for == "7"
