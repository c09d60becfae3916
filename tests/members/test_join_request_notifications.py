"""A focal point hears of a join request only when it needs her decision: once, after the address is confirmed."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail
from django.test import Client
from django.urls import reverse

from members import services
from members.models import Membership
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db

PASSWORD = "seoul-digital-city-2026"
SECRETARIAT = "secretariat@wego-hub.example"  # the site settings' default contact address


@pytest.fixture
def seoul(db):
    return OrganisationFactory(name="Seoul Metropolitan Government", email_domains="seoul.city.example")


@pytest.fixture
def focal_point(seoul):
    return make_member(seoul, role=Membership.Role.FOCAL_POINT, email="focal@seoul.city.example")


def sign_up(client, organisation, email):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "Sun-woo",
            "last_name": "Lee",
            "organisation": organisation.pk,
        },
    )


def confirmation_link(address):
    message = next(m for m in reversed(mail.outbox) if m.to == [address] and "/accounts/confirm-email/" in m.body)
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def requests_to(address):
    return [m for m in mail.outbox if m.to == [address] and "asks to join" in m.subject]


def dashboard(user, organisation):
    client = Client()  # the focal point's own browser
    client.force_login(user)
    return client.get(reverse("members:dashboard", args=[organisation.slug])).content.decode()


def test_the_focal_point_hears_of_a_sign_up_only_once_the_address_is_confirmed(client, seoul, focal_point, tasks_done):
    with tasks_done():
        sign_up(client, seoul, "sunwoo.lee@gmail.example")
    assert Membership.objects.get(user__email="sunwoo.lee@gmail.example").status == Membership.Status.PENDING
    assert requests_to(focal_point.email) == []
    html = dashboard(focal_point, seoul)
    assert "Sun-woo Lee" not in html and "sunwoo.lee@gmail.example" not in html
    assert "One more person asked to join but has not confirmed their email address yet" in html

    with tasks_done():
        client.post(confirmation_link("sunwoo.lee@gmail.example"))
    [request] = requests_to(focal_point.email)
    assert "Sun-woo Lee" in request.body and f"/members/{seoul.slug}/dashboard/" in request.body
    html = dashboard(focal_point, seoul)
    assert "Sun-woo Lee" in html and "has not confirmed" not in html


def test_an_address_on_the_citys_domain_never_asks_the_focal_point(client, seoul, focal_point, tasks_done):
    with tasks_done():
        sign_up(client, seoul, "sunwoo.lee@seoul.city.example")
    with tasks_done():
        client.post(confirmation_link("sunwoo.lee@seoul.city.example"))
    membership = Membership.objects.get(user__email="sunwoo.lee@seoul.city.example")
    assert membership.status == Membership.Status.APPROVED and membership.via == Membership.Via.EMAIL_DOMAIN
    assert requests_to(focal_point.email) == []
    assert any(m.to == ["sunwoo.lee@seoul.city.example"] and "approved" in m.body for m in mail.outbox)


def test_the_secretariat_fallback_follows_the_same_rule(client, tasks_done):
    no_focal_point = OrganisationFactory(name="City of Tshwane")
    with tasks_done():
        sign_up(client, no_focal_point, "thandi@mail.example")
    assert requests_to(SECRETARIAT) == []
    with tasks_done():
        client.post(confirmation_link("thandi@mail.example"))
    assert len(requests_to(SECRETARIAT)) == 1


def test_the_request_goes_once_however_often_an_address_is_confirmed(seoul, focal_point, tasks_done):
    user = UserFactory(email="applicant@gmail.example", verified=False)
    first = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    services.request_membership(user=user, organisation=seoul)
    with tasks_done():
        first.verified = True
        first.save()
        email_confirmed.send(sender=EmailAddress, request=None, email_address=first)
        email_confirmed.send(sender=EmailAddress, request=None, email_address=first)  # the signal fires twice
    with tasks_done():
        second = EmailAddress.objects.create(user=user, email="applicant@work.example", verified=True)
        email_confirmed.send(sender=EmailAddress, request=None, email_address=second)  # a second address
    assert len(requests_to(focal_point.email)) == 1


def test_asking_again_after_a_rejection_is_a_new_request(seoul, focal_point, tasks_done):
    user = UserFactory(email="applicant@gmail.example")
    with tasks_done():
        membership = services.request_membership(user=user, organisation=seoul)
        services.reject_membership(membership=membership, by=focal_point, reason="Which department?")
        services.request_membership(user=user, organisation=seoul)
    assert len(requests_to(focal_point.email)) == 2


def test_an_unconfirmed_request_cannot_be_decided(client, seoul, focal_point):
    applicant = UserFactory(email="applicant@gmail.example", verified=False)
    EmailAddress.objects.create(user=applicant, email=applicant.email, verified=False, primary=True)
    membership = services.request_membership(user=applicant, organisation=seoul)
    client.force_login(focal_point)
    response = client.post(reverse("members:approve", args=[seoul.slug, membership.pk]), follow=True)
    assert "has not confirmed their email address yet" in response.content.decode()
    client.post(reverse("members:reject", args=[seoul.slug, membership.pk]), {"reason": "?"})
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.PENDING
