import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import Invitation, Membership
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    return OrganisationFactory(name="Dakar City Hall")


@pytest.fixture
def focal_point(city):
    return make_member(city, role=Membership.Role.FOCAL_POINT)


def invite(city, focal_point, address="invitee@dakar.city.example"):
    return services.invite(organisation=city, addresses=[address], by=focal_point)[0]


def test_focal_point_pastes_addresses_invalid_lines_are_reported_valid_ones_sent(client, city, focal_point, tasks_done):
    client.force_login(focal_point)
    with tasks_done():
        response = client.post(
            reverse("members:invite", args=[city.slug]),
            {"addresses": "one@dakar.city.example\nnonsense\ntwo@dakar.city.example", "role": "staff"},
            follow=True,
        )
    html = response.content.decode()
    assert "nonsense" in html and "skipped" in html
    assert "Invitations sent to 2 addresses." in html
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "one@dakar.city.example",
        "two@dakar.city.example",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["one@dakar.city.example", "two@dakar.city.example"]
    assert "/invitations/" in mail.outbox[0].body


def test_the_invited_person_accepts_and_lands_approved(client, city, focal_point):
    invitation = invite(city, focal_point)
    invitee = UserFactory(email="invitee@dakar.city.example")
    client.force_login(invitee)
    response = client.post(reverse("members:invitation", args=[invitation.token]))
    assert response.status_code == 302
    membership = Membership.objects.get(user=invitee)
    assert membership.status == Membership.Status.APPROVED and membership.via == Membership.Via.INVITATION
    assert invitee.groups.filter(name="Members").exists()


def test_an_invitation_works_once(client, city, focal_point):
    invitation = invite(city, focal_point)
    client.force_login(UserFactory(email="invitee@dakar.city.example"))
    client.post(reverse("members:invitation", args=[invitation.token]))
    other_client_user = UserFactory()
    client.force_login(other_client_user)
    response = client.post(reverse("members:invitation", args=[invitation.token]))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert not Membership.objects.filter(user=other_client_user).exists()


def test_an_expired_invitation_gets_a_clear_message_and_changes_nothing(client, city, focal_point):
    invitation = invite(city, focal_point)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    user = UserFactory(email="invitee@dakar.city.example")
    client.force_login(user)
    response = client.post(reverse("members:invitation", args=[invitation.token]))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()


def test_an_invitation_for_another_address_changes_nothing(client, city, focal_point):
    invitation = invite(city, focal_point)
    user = UserFactory(email="someone.else@dakar.city.example")
    client.force_login(user)
    response = client.post(reverse("members:invitation", args=[invitation.token]))
    assert response.status_code == 410
    assert "another email address" in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_a_revoked_invitation_no_longer_works(client, city, focal_point):
    invitation = invite(city, focal_point)
    client.force_login(focal_point)
    client.post(reverse("members:revoke_invitation", args=[city.slug, invitation.pk]))
    client.force_login(UserFactory(email="invitee@dakar.city.example"))
    response = client.post(reverse("members:invitation", args=[invitation.token]))
    assert "withdrawn" in response.content.decode()


def test_resending_extends_and_sends_again(client, city, focal_point, tasks_done):
    invitation = invite(city, focal_point)
    mail.outbox.clear()
    client.force_login(focal_point)
    with tasks_done():
        client.post(reverse("members:resend_invitation", args=[city.slug, invitation.pk]))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [invitation.email]


def test_unknown_invitation_token_is_a_404(client):
    assert client.get(reverse("members:invitation", args=["no-such-token"])).status_code == 404


def test_a_newcomer_signs_up_from_the_invitation_without_a_second_confirmation(client, city, focal_point):
    invitation = invite(city, focal_point)
    page = client.get(reverse("members:invitation", args=[invitation.token]))
    signup_url = re.search(r'href="(/accounts/signup/\?[^"]+)"', page.content.decode()).group(1).replace("&amp;", "&")
    password = "dakar-digital-2026!"
    response = client.post(
        signup_url,
        {
            "email": invitation.email,
            "password1": password,
            "password2": password,
            "first_name": "Moussa",
            "last_name": "Ndiaye",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("members:invitation", args=[invitation.token])
    response = client.post(response["Location"])
    assert response.status_code == 302
    assert Membership.objects.get(user__email=invitation.email).status == Membership.Status.APPROVED


def test_the_invitation_box_takes_at_most_fifty_addresses_and_says_so(client, city, focal_point):
    client.force_login(focal_point)
    form = client.get(reverse("members:dashboard", args=[city.slug])).content.decode()
    assert "Up to 50 addresses at a time." in form
    many = "\n".join(f"person{n}@dakar.city.example" for n in range(51))
    response = client.post(
        reverse("members:invite", args=[city.slug]), {"addresses": many, "role": "staff"}, follow=True
    )
    assert "That is 51 addresses: paste at most 50 at a time, then the next ones." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_focal_point_sends_at_most_ten_invitation_submissions_an_hour(client, city, focal_point):
    from django.core.cache import cache

    cache.clear()
    client.force_login(focal_point)
    url = reverse("members:invite", args=[city.slug])
    for n in range(10):
        client.post(url, {"addresses": f"person{n}@dakar.city.example", "role": "staff"})
    response = client.post(url, {"addresses": "one-more@dakar.city.example", "role": "staff"}, follow=True)
    assert "You have sent many invitations in the last hour." in response.content.decode()
    assert Invitation.objects.count() == 10
