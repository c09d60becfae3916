import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from members.models import User
from tests.background import run_ready_tasks
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "seoul-digital-city-2026"


def sign_up(client, email="newcomer@city.example", password=GOOD_PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "first_name": "New", "last_name": "Comer"},
    )


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_sends_a_verification_email_and_login_waits_for_it(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="newcomer@city.example")
    assert user.has_usable_password()
    assert mail.outbox == []  # written to the outbox: a worker sends it
    run_ready_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["newcomer@city.example"]

    # Mandatory verification: signing in before confirming only re-sends the link.
    client.post(reverse("account_login"), {"login": user.email, "password": GOOD_PASSWORD})
    assert "_auth_user_id" not in client.session

    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200  # a GET shows the confirmation page only
    assert "_auth_user_id" not in client.session
    response = client.post(link)  # confirming signs the person in (tests/members/test_email_confirmation.py)
    assert response.status_code == 302
    assert response["Location"] == reverse("members:me")
    assert client.get(reverse("members:me")).status_code == 200


@pytest.mark.parametrize(
    ("password", "message"),
    [("short-pw", "at least 12 characters"), ("password1234", "too common")],
)
def test_signup_refuses_weak_passwords_with_a_clear_message(client, password, message):
    response = sign_up(client, password=password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_with_a_malformed_email_re_renders_the_form(client):
    response = sign_up(client, email="not-an-email")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()


def test_login_is_by_email_and_logout_needs_a_post(client):
    user = UserFactory(email="mina.park@seoul.city.example")
    response = client.post(reverse("account_login"), {"login": "Mina.Park@seoul.city.example", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("account_logout")).status_code == 200  # a confirmation page, still signed in
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_rate_limited(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong-password!"})
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_rate_limits_live_in_a_cache_every_worker_shares():
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend in {
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
    }


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    UserFactory(email="known@city.example")
    known = client.post(reverse("account_reset_password"), {"email": "known@city.example"})
    unknown = client.post(reverse("account_reset_password"), {"email": "unknown@city.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    run_ready_tasks()
    reset_mail = next(m for m in mail.outbox if m.to == ["known@city.example"])
    assert "/accounts/password/reset/key/" in reset_mail.body


def test_password_reset_link_sets_a_new_password(client):
    user = UserFactory(email="known@city.example")
    client.post(reverse("account_reset_password"), {"email": user.email})
    run_ready_tasks()
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body).group(1)
    form_url = client.get(path)["Location"]  # allauth moves the key into the session
    new_password = "a-brand-new-password-2026"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_a_member_can_add_another_email_address(member_client, member):
    response = member_client.post(reverse("account_email"), {"action_add": "", "email": "second@city.example"})
    assert response.status_code == 302
    assert member.emailaddress_set.filter(email="second@city.example", verified=False).exists()
    run_ready_tasks()
    assert any(m.to == ["second@city.example"] for m in mail.outbox)


def test_my_page_requires_sign_in(client):
    response = client.get(reverse("members:me"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_account_pages_use_the_site_shell(client):
    for name in ["account_login", "account_signup", "account_reset_password"]:
        html = client.get(reverse(name)).content.decode()
        assert 'class="site-header"' in html
        assert html.count("<h1") == 1
