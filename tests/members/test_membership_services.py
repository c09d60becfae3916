import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from members import services
from members.exceptions import AlreadyInAnotherOrganisation, NotAllowed, OrganisationNotAccepting
from members.models import Membership, Organisation
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def in_members_group(user):
    return user.groups.filter(name=services.MEMBERS_GROUP).exists()


@pytest.fixture
def seoul(db):
    return OrganisationFactory(name="Seoul Metropolitan Government", email_domains="seoul.city.example")


@pytest.fixture
def focal_point(seoul):
    return make_member(seoul, role=Membership.Role.FOCAL_POINT, email="focal@seoul.city.example")


def test_a_request_from_a_verified_city_address_is_approved_at_once(seoul, tasks_done):
    user = UserFactory(email="staff@seoul.city.example")
    with tasks_done():
        membership = services.request_membership(user=user, organisation=seoul)
    assert membership.status == Membership.Status.APPROVED
    assert membership.via == Membership.Via.EMAIL_DOMAIN
    assert in_members_group(user)
    assert mail.outbox[-1].to == [user.email]
    assert "approved" in mail.outbox[-1].body


def test_an_unverified_city_address_waits_until_it_is_verified(seoul):
    user = UserFactory(email="new@seoul.city.example", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    membership = services.request_membership(user=user, organisation=seoul)
    assert membership.status == Membership.Status.PENDING
    assert not in_members_group(user)
    EmailAddress.objects.filter(user=user).update(verified=True)
    services.address_verified(user)
    assert Membership.objects.get(user=user).status == Membership.Status.APPROVED
    assert in_members_group(user)


def test_other_requests_wait_for_the_focal_point_who_is_told(seoul, focal_point, tasks_done):
    user = UserFactory(email="someone@gmail.example")
    with tasks_done():
        membership = services.request_membership(user=user, organisation=seoul)
    assert membership.status == Membership.Status.PENDING
    assert not in_members_group(user)
    assert mail.outbox[-1].to == [focal_point.email]
    assert "asks to join" in mail.outbox[-1].subject


def test_approving_twice_is_a_no_op(seoul, focal_point, tasks_done):
    membership = services.request_membership(user=UserFactory(), organisation=seoul)
    with tasks_done():
        first = services.approve_membership(membership=membership, by=focal_point)
        second = services.approve_membership(membership=membership, by=focal_point)
    assert first.decided_at == second.decided_at
    assert len([m for m in mail.outbox if "approved" in m.body]) == 1


def test_a_second_request_returns_the_same_membership(seoul):
    user = UserFactory()
    assert services.request_membership(user=user, organisation=seoul) == services.request_membership(
        user=user, organisation=seoul
    )
    assert Membership.objects.filter(user=user).count() == 1


def test_one_organisation_per_person(seoul):
    user = make_member(seoul)
    with pytest.raises(AlreadyInAnotherOrganisation):
        services.request_membership(user=user, organisation=OrganisationFactory())


@pytest.mark.parametrize("status", [Organisation.Status.SUSPENDED, Organisation.Status.FORMER])
def test_suspended_and_former_organisations_refuse_requests_with_a_reason(status):
    organisation = OrganisationFactory(status=status)
    with pytest.raises(OrganisationNotAccepting) as error:
        services.request_membership(user=UserFactory(), organisation=organisation)
    assert "not accepting new members" in str(error.value.message)
    assert not Membership.objects.exists()


def test_rejection_and_removal_take_member_access_away_at_once(seoul, focal_point, tasks_done):
    staff = make_member(seoul)
    assert in_members_group(staff)
    services.remove_member(membership=staff.membership, by=focal_point)
    assert not in_members_group(staff)

    applicant = UserFactory()
    membership = services.request_membership(user=applicant, organisation=seoul)
    with tasks_done():
        services.reject_membership(membership=membership, by=focal_point, reason="Not city staff")
    assert not in_members_group(applicant)
    assert "Not city staff" in mail.outbox[-1].body


def test_suspending_an_organisation_closes_access_for_everyone_in_it_and_reactivating_reopens(seoul):
    people = [make_member(seoul) for _ in range(3)]
    services.set_organisation_status(organisation=seoul, status=Organisation.Status.SUSPENDED)
    assert not any(in_members_group(p) for p in people)
    services.set_organisation_status(organisation=seoul, status=Organisation.Status.ACTIVE)
    assert all(in_members_group(p) for p in people)


def test_saving_the_organisation_in_the_admin_also_updates_access(seoul):
    person = make_member(seoul)
    seoul.status = Organisation.Status.SUSPENDED
    seoul.save()
    assert not in_members_group(person)


def test_a_focal_point_cannot_manage_another_city(seoul, focal_point):
    other = OrganisationFactory()
    membership = services.request_membership(user=UserFactory(), organisation=other)
    with pytest.raises(NotAllowed):
        services.approve_membership(membership=membership, by=focal_point)
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.PENDING


def test_parse_addresses_reports_invalid_lines_and_keeps_valid_ones():
    valid, invalid = services.parse_addresses("a@city.example\nnot an address, B@City.example ; a@city.example\n\n")
    assert valid == ["a@city.example", "b@city.example"]
    assert invalid == ["not an address"]
