"""Races on PostgreSQL: simultaneous requests and approvals for one person leave one membership."""

import pytest
from django.core import mail

from members import services
from members.models import Membership
from tests.background import run_ready_tasks
from tests.concurrency.threads import run_at_once
from tests.factories import OrganisationFactory, UserFactory, make_member


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_create_one_membership(require_postgres):
    organisation = OrganisationFactory()
    user = UserFactory()
    errors = run_at_once(lambda: services.request_membership(user=user, organisation=organisation))
    assert errors == []
    assert Membership.objects.filter(user=user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_approvals_approve_once(require_postgres):
    organisation = OrganisationFactory()
    focal_point = make_member(organisation, role=Membership.Role.FOCAL_POINT)
    membership = services.request_membership(user=UserFactory(), organisation=organisation)
    run_ready_tasks()
    mail.outbox.clear()
    errors = run_at_once(lambda: services.approve_membership(membership=membership, by=focal_point))
    assert errors == []
    run_ready_tasks()
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.APPROVED
    assert len([m for m in mail.outbox if "approved" in m.body]) == 1
