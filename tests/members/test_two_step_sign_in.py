"""Two-step sign-in (allauth's MFA): an authenticator app with recovery codes for everyone, required for the admin's
superusers and secretariat editors when MFA_REQUIRED_FOR_STAFF is on (production)."""

import json
import os
import re
import subprocess
import sys
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group
from django.urls import reverse

from cases import review
from tests.core.test_security import PRODUCTION, REPO
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
SECOND_STEP = "/accounts/2fa/authenticate/"
REAUTHENTICATE = "/accounts/reauthenticate/"


def code_for(secret, steps_from_now=0):
    """What the person's app shows (allauth's own RFC 6238 implementation); ±1 step is accepted."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + steps_from_now
    return format_hotp_value(hotp_value(secret, counter))


def sign_in_with_password(client, user):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD})


def sign_out(client):
    client.post(reverse("account_logout"))


def open_set_up_page(client):
    page = client.get(reverse("mfa_activate_totp"))
    if page.status_code == 302 and page["Location"].startswith(REAUTHENTICATE):
        # allauth asks for the password again before a second step is added (MFA_REAUTHENTICATION_REQUIRED).
        confirmed = client.post(page["Location"], {"password": PASSWORD})
        assert confirmed["Location"] == reverse("mfa_activate_totp")
        page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    return page


def set_up_app(client):
    """Through the pages: open the set-up page, read the key it shows, enter the app's code."""
    page = open_set_up_page(client)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.content.decode()).group(1)
    done = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("mfa_view_recovery_codes")
    return secret


def signed_in(client):
    return client.get(reverse("members:me")).status_code == 200


@pytest.fixture
def person(db):
    return UserFactory(email="mina@seoul.city.example", first_name="Mina")


def test_my_hub_links_to_two_step_sign_in_and_says_whether_it_is_on(client, person):
    sign_in_with_password(client, person)
    html = client.get(reverse("members:me")).content.decode()
    assert reverse("mfa_index") in html and "Two-step sign-in" in html
    assert re.search(r"Two-step sign-in</a>\s*<span class=\"badge badge-warning\">off<", html)

    set_up_app(client)
    html = client.get(reverse("members:me")).content.decode()
    assert re.search(r"Two-step sign-in</a>\s*<span class=\"badge badge-done\">on<", html)


def test_after_setting_up_an_app_signing_in_needs_its_code_and_a_wrong_one_is_refused(client, person):
    sign_in_with_password(client, person)
    secret = set_up_app(client)
    codes_page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert codes_page.count("<li><code>") == mfa_settings.RECOVERY_CODE_COUNT
    sign_out(client)

    response = sign_in_with_password(client, person)
    assert response.status_code == 302 and response["Location"] == SECOND_STEP
    assert not signed_in(client)  # the password alone is not enough
    step = client.get(SECOND_STEP)
    assert "Enter the 6-digit code" in step.content.decode()

    wrong = format_hotp_value((int(code_for(secret)) + 1) % 10**6)
    refused = client.post(SECOND_STEP, {"code": wrong})
    assert refused.status_code == 200 and "Incorrect code" in refused.content.decode()
    assert not signed_in(client)

    accepted = client.post(SECOND_STEP, {"code": code_for(secret)})
    assert accepted.status_code == 302 and accepted["Location"] == reverse("members:me")
    assert signed_in(client)


def test_a_code_cannot_be_used_twice(client, person):
    sign_in_with_password(client, person)
    secret = set_up_app(client)
    code = code_for(secret, steps_from_now=-1)
    sign_out(client)
    sign_in_with_password(client, person)
    client.post(SECOND_STEP, {"code": code})
    assert signed_in(client)
    sign_out(client)

    sign_in_with_password(client, person)
    replayed = client.post(SECOND_STEP, {"code": code})
    assert replayed.status_code == 200 and not signed_in(client)


def test_a_recovery_code_signs_in_once(client, person):
    sign_in_with_password(client, person)
    set_up_app(client)
    recovery_code = re.search(
        r"<li><code>(\w+)</code></li>", client.get(reverse("mfa_view_recovery_codes")).content.decode()
    ).group(1)
    sign_out(client)

    sign_in_with_password(client, person)
    assert client.post(SECOND_STEP, {"code": recovery_code}).status_code == 302
    assert signed_in(client)
    assert f"<code>{recovery_code}</code>" not in client.get(reverse("mfa_view_recovery_codes")).content.decode()
    sign_out(client)

    sign_in_with_password(client, person)
    again = client.post(SECOND_STEP, {"code": recovery_code})
    assert again.status_code == 200 and "Incorrect code" in again.content.decode()
    assert not signed_in(client)


def test_the_set_up_and_sign_in_pages_run_no_inline_script_and_the_qr_code_is_an_allowed_image(client, person):
    sign_in_with_password(client, person)
    set_up = open_set_up_page(client)
    html = set_up.content.decode()
    qr = re.search(r'<img class="totp-qr" src="([^"]+)"', html).group(1)
    assert qr.startswith("data:image/svg+xml;base64,")
    # The directives come in no fixed order: compare them one by one.
    policy = dict(directive.strip().split(" ", 1) for directive in set_up["Content-Security-Policy"].split(";"))
    assert policy["img-src"] == "'self' data:"
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no nonce

    set_up_app(client)
    sign_out(client)
    sign_in_with_password(client, person)
    second_step = client.get(SECOND_STEP).content.decode()
    assert 'id="mfa_webauthn_authenticate"' in second_step  # a passkey is offered too
    for page in (html, second_step, client.get(LOGIN).content.decode()):
        for script in re.findall(r"<script\b[^>]*>", page):
            # Files from 'self', or JSON data that the browser never runs.
            assert " src=" in script or 'type="application/json"' in script, script


def test_my_data_lists_my_second_steps_without_their_secrets_and_deleting_my_account_removes_them(client, person):
    sign_in_with_password(client, person)
    secret = set_up_app(client)
    codes = re.findall(r"<li><code>(\w+)</code></li>", client.get(reverse("mfa_view_recovery_codes")).content.decode())
    export = client.get(reverse("members:my_data")).content.decode()
    assert sorted(entry["type"] for entry in json.loads(export)["two_step_sign_in"]) == ["recovery_codes", "totp"]
    assert secret not in export and not any(code in export for code in codes)

    client.post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert not Authenticator.objects.filter(user=person).exists()


# --- Required for the admin's superusers and secretariat editors ----------------------------------------------


@pytest.fixture
def required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@secretariat.example", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(site_tree):
    review.ensure_review_workflow(site_tree["cases"])
    user = UserFactory(email="sam@secretariat.example")
    user.groups.add(Group.objects.get(name=review.SECRETARIAT))
    return user


def with_app(user):
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_without_a_second_step_the_admin_sends_staff_to_set_it_up(client, required, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_index"), path
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "The admin needs two-step sign-in" in page.content.decode()
    # The set-up pages and signing out stay open.
    set_up = client.get(reverse("mfa_activate_totp"))
    assert set_up["Location"].startswith(REAUTHENTICATE)  # confirm the password first, then the app
    assert client.get(set_up["Location"]).status_code == 200
    assert client.post("/admin/logout/")["Location"] != reverse("mfa_index")
    assert not signed_in(client)


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_with_a_second_step_staff_reach_the_admin(client, required, request, who):
    client.force_login(with_app(request.getfixturevalue(who)))
    assert client.get("/admin/").status_code == 200


def test_a_superuser_who_sets_it_up_through_the_pages_then_reaches_the_admin(client, required, superuser):
    sign_in_with_password(client, superuser)
    assert client.get("/admin/")["Location"] == reverse("mfa_index")
    set_up_app(client)
    assert client.get("/admin/").status_code == 200


def test_a_passkey_counts_as_the_second_step(client, required, superuser):
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.WEBAUTHN, data={"name": "Laptop"})
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def test_recovery_codes_alone_do_not_open_the_admin(client, required, superuser):
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00"})
    client.force_login(superuser)
    assert client.get("/admin/")["Location"] == reverse("mfa_index")


def test_members_and_consultants_are_never_forced(client, required, site_tree, person):
    review.ensure_review_workflow(site_tree["cases"])
    consultant = UserFactory(email="daniela@consult.example")
    consultant.groups.add(Group.objects.get(name=review.CONSULTANTS))
    client.force_login(consultant)
    assert client.get("/admin/").status_code == 200

    client.force_login(person)  # no admin access: Wagtail's own refusal, not the set-up page
    response = client.get("/admin/")
    assert response.get("Location") != reverse("mfa_index")
    assert client.get(reverse("members:me")).status_code == 200


def test_off_by_default_so_the_embedded_demo_admin_signs_in_with_a_password(client, superuser, settings):
    assert settings.MFA_REQUIRED_FOR_STAFF is False
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(("override", "expected"), [({}, "True"), ({"MFA_REQUIRED_FOR_STAFF": "0"}, "False")])
def test_production_settings_require_it_unless_the_environment_says_otherwise(override, expected):
    probe = "import django; django.setup(); from django.conf import settings; print(settings.MFA_REQUIRED_FOR_STAFF)"
    env = {k: v for k, v in os.environ.items() if k != "MFA_REQUIRED_FOR_STAFF"}
    env.update({**PRODUCTION, **override})
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == expected, result.stderr
