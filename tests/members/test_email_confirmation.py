"""Confirming the address signs the person in and lands them where they were going, through allauth's real views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from members.models import User
from tests.background import run_ready_tasks

pytestmark = pytest.mark.django_db

EMAIL = "newcomer@city.example"
PASSWORD = "seoul-digital-city-2026"


def sign_up(client, next_url=None):
    url = reverse("account_signup") + (f"?next={next_url}" if next_url else "")
    response = client.post(
        url,
        {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD, "first_name": "New", "last_name": "Comer"},
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    return response


def confirmation_link():
    run_ready_tasks()
    [message] = [m for m in mail.outbox if m.to == [EMAIL]]
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def confirm(client):
    link = confirmation_link()
    assert client.get(link).status_code == 200  # the page with the button; a GET confirms nothing
    assert not EmailAddress.objects.get(email=EMAIL).verified
    return client.post(link)


def test_confirming_signs_in_and_lands_on_the_page_the_person_signed_up_from(client):
    sign_up(client, next_url="/some/page/")
    assert signed_in_as(client) is None
    response = confirm(client)
    assert response.status_code == 302
    assert response["Location"] == "/some/page/"
    assert signed_in_as(client) == str(User.objects.get(email=EMAIL).pk)
    assert EmailAddress.objects.get(email=EMAIL).verified


def test_without_a_next_confirming_lands_on_my_hub(client):
    sign_up(client)
    response = confirm(client)
    assert response["Location"] == reverse("members:me")
    assert signed_in_as(client) == str(User.objects.get(email=EMAIL).pk)


def test_a_next_on_another_site_is_not_followed(client):
    sign_up(client, next_url="https://elsewhere.example/")
    response = confirm(client)
    assert response["Location"] == reverse("members:me")


def test_confirming_in_another_browser_confirms_and_asks_to_sign_in(client):
    sign_up(client, next_url="/some/page/")
    other_browser = Client()
    response = confirm(other_browser)
    assert response["Location"] == reverse("account_login")
    assert signed_in_as(other_browser) is None
    assert EmailAddress.objects.get(email=EMAIL).verified
    response = other_browser.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response["Location"] == reverse("members:me")  # the sign-up's `next` lived in the first browser
    assert signed_in_as(other_browser) is not None


def test_confirming_after_the_pending_sign_in_expired_asks_to_sign_in(client, settings):
    sign_up(client, next_url="/some/page/")
    settings.ACCOUNT_LOGIN_TIMEOUT = 0  # allauth keeps the pending sign-in for 15 minutes
    response = confirm(client)
    assert response["Location"] == reverse("account_login")
    assert signed_in_as(client) is None
    assert EmailAddress.objects.get(email=EMAIL).verified
