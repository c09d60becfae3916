"""Rate limits per person behind the TLS proxy, and an address that a stranger cannot lock.

Every request here reaches the site the way production traffic does: REMOTE_ADDR is the proxy's, and the proxy
appends the address it saw to X-Forwarded-For (or sets X-Real-IP). The limits are the production ones from
wego_hub/settings/base.py, not the relaxed ones of the test settings.
"""

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from members.models import User
from tests.factories import PASSWORD, UserFactory
from wego_hub.settings import base

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
CLIENT_A = "203.0.113.10"
CLIENT_B = "198.51.100.20"
OWNER = "192.0.2.30"
TOO_MANY = "Too many failed login attempts"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def production_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


PROXY_SETTINGS = ("ALLAUTH_TRUSTED_PROXY_COUNT", "ALLAUTH_TRUSTED_CLIENT_IP_HEADER")


@functools.cache
def production_run(**environment):
    """What wego_hub.settings.production makes of ``environment``: its proxy settings, or the error it raised."""
    code = (
        f"import json, wego_hub.settings.production as s; print(json.dumps([getattr(s, n) for n in {PROXY_SETTINGS}]))"
    )
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"TRUSTED_PROXY_COUNT", "CLIENT_IP_HEADER"}},
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "hub.example.org",
        "OPEN_BADGES_SIGNING_KEYS": "probe:" + "A" * 43,
        **environment,
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True)
    if result.returncode:
        return result.stderr
    return dict(zip(PROXY_SETTINGS, json.loads(result.stdout), strict=True))


def configure_like_production(settings, **environment):
    for name, value in production_run(**environment).items():
        setattr(settings, name, value)


@pytest.fixture
def behind_one_proxy(settings):
    configure_like_production(settings, TRUSTED_PROXY_COUNT="1")


def through_proxy(address, spoofed=""):
    """What our proxy passes on for a client at ``address`` that sent ``spoofed`` as its own X-Forwarded-For."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def log_in(client, email, password, **meta):
    response = client.post(reverse("account_login"), {"login": email, "password": password}, **meta)
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return response, signed_in


def fail_on_other_addresses(client, times, address, spoofed=lambda i: ""):
    for i in range(times):
        response, signed_in = log_in(
            client, f"nobody{i}@city.example", "wrong-password!", **through_proxy(address, spoofed(i))
        )
        assert not signed_in
        assert TOO_MANY not in response.content.decode()


def test_failed_logins_from_one_client_block_that_client_and_not_the_next(client, behind_one_proxy):
    a, b = UserFactory(), UserFactory()
    fail_on_other_addresses(client, 10, CLIENT_A)

    response, signed_in = log_in(client, a.email, PASSWORD, **through_proxy(CLIENT_A))
    assert TOO_MANY in response.content.decode()  # the 11th try from A, even with the right password
    assert not signed_in

    response, signed_in = log_in(client, b.email, PASSWORD, **through_proxy(CLIENT_B))
    assert signed_in


def test_spoofed_forwarded_for_entries_do_not_let_a_client_escape(client, behind_one_proxy):
    a = UserFactory()
    fail_on_other_addresses(client, 10, CLIENT_A, spoofed=lambda i: f"192.0.2.{100 + i}")
    response, signed_in = log_in(client, a.email, PASSWORD, **through_proxy(CLIENT_A, spoofed="192.0.2.250"))
    assert TOO_MANY in response.content.decode()
    assert not signed_in


def test_a_client_ip_header_set_by_the_proxy_is_used_when_configured(client, settings):
    configure_like_production(settings, CLIENT_IP_HEADER="X-Real-IP")
    a, b = UserFactory(), UserFactory()
    for i in range(10):
        log_in(client, f"nobody{i}@city.example", "wrong-password!", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=CLIENT_A)
    response, signed_in = log_in(client, a.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=CLIENT_A)
    assert TOO_MANY in response.content.decode()
    assert not signed_in
    _response, signed_in = log_in(client, b.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=CLIENT_B)
    assert signed_in


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    # The default: anyone can write X-Forwarded-For, so a client that rotates it is still one client.
    configure_like_production(settings)
    a = UserFactory()
    for i in range(10):
        log_in(
            client,
            f"nobody{i}@city.example",
            "wrong-password!",
            REMOTE_ADDR=CLIENT_A,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}",
        )
    response, signed_in = log_in(client, a.email, PASSWORD, REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert TOO_MANY in response.content.decode()
    assert not signed_in


def test_a_stranger_failing_on_a_known_address_does_not_lock_its_owner_out(client, behind_one_proxy):
    owner = UserFactory()
    for _ in range(8):  # past the 5 an address may fail in 5 minutes, under the stranger's own 10 a minute
        log_in(client, owner.email, "wrong-password!", **through_proxy(CLIENT_A))

    response, signed_in = log_in(client, owner.email, PASSWORD, **through_proxy(CLIENT_A))
    assert TOO_MANY in response.content.decode()  # the stranger, had they guessed it, still waits
    assert not signed_in

    _response, signed_in = log_in(client, owner.email, PASSWORD, **through_proxy(OWNER))
    assert signed_in
    _response, signed_in = log_in(client, owner.email, PASSWORD, **through_proxy(OWNER))
    assert signed_in  # and again: a success gives back what it took


def test_while_an_address_is_under_attack_a_new_client_gets_one_try(client, behind_one_proxy):
    owner = UserFactory()
    for _ in range(5):
        log_in(client, owner.email, "wrong-password!", **through_proxy(CLIENT_A))

    response, signed_in = log_in(client, owner.email, "another-wrong-one", **through_proxy(CLIENT_B))
    assert not signed_in
    assert TOO_MANY not in response.content.decode()  # its password was checked, and it was wrong
    response, signed_in = log_in(client, owner.email, PASSWORD, **through_proxy(CLIENT_B))
    assert TOO_MANY in response.content.decode()  # now B has been failing on this address too
    assert not signed_in


def test_one_client_failing_on_its_own_account_still_waits(client, behind_one_proxy):
    # allauth's per-address limit, kept: five wrong passwords and the right one waits, from the same client.
    user = UserFactory()
    for _ in range(5):
        log_in(client, user.email, "wrong-password!", **through_proxy(CLIENT_A))
    response, signed_in = log_in(client, user.email, PASSWORD, **through_proxy(CLIENT_A))
    assert TOO_MANY in response.content.decode()
    assert not signed_in


def test_sign_ups_are_limited_per_client_behind_the_proxy(client, behind_one_proxy, settings):
    settings.ACCOUNT_RATE_LIMITS = {**base.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}

    def sign_up(email, address):
        password = "seoul-digital-city-2026"
        form = {"email": email, "password1": password, "password2": password, "first_name": "N", "last_name": "C"}
        return client.post(reverse("account_signup"), form, **through_proxy(address))

    assert sign_up("one@city.example", CLIENT_A).status_code == 302
    assert sign_up("two@city.example", CLIENT_A).status_code == 302
    assert sign_up("three@city.example", CLIENT_A).status_code == 429
    assert sign_up("four@city.example", CLIENT_B).status_code == 302
    assert set(User.objects.values_list("email", flat=True)) == {
        "one@city.example",
        "two@city.example",
        "four@city.example",
    }


def test_deleting_an_account_is_throttled_like_changing_a_password(member_client, member):
    url = reverse("members:delete_account")
    for _ in range(5):
        response = member_client.post(url, {"password": "not-my-password!", "confirm": "on"})
        assert response.status_code == 200
        assert "That is not your password." in response.content.decode()

    response = member_client.post(url, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 429
    assert "You have tried too many times" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert member_client.get(url).status_code == 200  # the page itself still shows


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, (0, None)),
        ({"TRUSTED_PROXY_COUNT": "1"}, (1, None)),
        ({"CLIENT_IP_HEADER": "X-Real-IP"}, (0, "X-Real-IP")),
    ],
)
def test_production_reads_the_trusted_proxy_from_the_environment(environment, expected):
    assert production_run(**environment) == dict(zip(PROXY_SETTINGS, expected, strict=True))


@pytest.mark.parametrize(
    "environment",
    [
        {"TRUSTED_PROXY_COUNT": "1", "CLIENT_IP_HEADER": "X-Real-IP"},
        {"TRUSTED_PROXY_COUNT": "-1"},
        {"TRUSTED_PROXY_COUNT": "one"},
    ],
)
def test_production_refuses_a_confusing_proxy_configuration(environment):
    assert "ImproperlyConfigured" in production_run(**environment)
