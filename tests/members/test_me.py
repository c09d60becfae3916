import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from members.models import Membership, User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_my_page_shows_my_organisation_and_role(client):
    city = OrganisationFactory(name="City of Kigali")
    client.force_login(make_member(city, role=Membership.Role.FOCAL_POINT))
    html = client.get(reverse("members:me")).content.decode()
    assert "City of Kigali" in html and "Focal point" in html
    assert reverse("members:dashboard", args=[city.slug]) in html


def test_asking_to_join_from_my_page(client):
    city = OrganisationFactory(name="City of Lima")
    user = UserFactory(email="me@gmail.example")
    client.force_login(user)
    response = client.post(reverse("members:me"), {"join-organisation": city.pk, "join-submit": ""}, follow=True)
    assert "Your request is sent" in response.content.decode()
    assert Membership.objects.get(user=user).status == Membership.Status.PENDING
    assert "waiting for approval" in client.get(reverse("members:me")).content.decode()


def test_asking_to_join_a_suspended_organisation_is_refused_with_a_reason(client):
    city = OrganisationFactory(status="suspended")
    client.force_login(UserFactory())
    response = client.post(reverse("members:me"), {"join-organisation": city.pk, "join-submit": ""})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()  # only active organisations are offered
    assert not Membership.objects.exists()


def test_profile_is_validated_and_saved(client, member):
    client.force_login(member)
    url = reverse("members:me")
    bad = client.post(
        url, {"profile-time_zone": "Mars/Olympus", "profile-preferred_language": "en", "profile-submit": ""}
    )
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    client.post(
        url,
        {
            "profile-first_name": "Mina",
            "profile-last_name": "Park",
            "profile-job_title": "CIO",
            "profile-department": "Digital",
            "profile-preferred_language": "ko",
            "profile-time_zone": "Asia/Seoul",
            "profile-submit": "",
        },
    )
    member.refresh_from_db()
    assert (member.job_title, member.time_zone, member.preferred_language) == ("CIO", "Asia/Seoul", "ko")


def test_download_my_data_is_a_json_file_of_what_is_held(client):
    user = make_member(OrganisationFactory(name="City of Quito"), job_title="Analyst")
    client.force_login(user)
    response = client.get(reverse("members:my_data"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["job_title"] == "Analyst"
    assert data["membership"]["organisation"] == "City of Quito"
    assert data["email_addresses"][0]["verified"] is True


def test_delete_my_account_needs_confirmation_and_removes_personal_data(client):
    city = OrganisationFactory()
    user = make_member(city, first_name="Mina", last_name="Park", job_title="CIO")
    client.force_login(user)
    url = reverse("members:delete_account")
    assert client.get(url).status_code == 200
    refused = client.post(url, {"password": "wrong-password", "confirm": "on"})
    assert refused.status_code == 200 and "That is not your password." in refused.content.decode()
    assert User.objects.get(pk=user.pk).is_active

    response = client.post(url, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    deleted = User.objects.get(pk=user.pk)
    assert (deleted.first_name, deleted.last_name, deleted.job_title) == ("", "", "")
    assert deleted.email.endswith("@deleted.invalid") and not deleted.is_active
    assert not deleted.has_usable_password()
    assert not EmailAddress.objects.filter(user=deleted).exists()
    assert not deleted.groups.exists()
    # The organisation's figures keep counting the (now anonymous) membership.
    assert Membership.objects.get(organisation=city, user=deleted).status == Membership.Status.REMOVED
    assert "_auth_user_id" not in client.session
