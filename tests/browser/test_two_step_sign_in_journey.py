import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group

from cases import review
from tests.browser.helpers import sign_in
from tests.factories import PASSWORD, UserFactory

SERIOUS = {"serious", "critical"}


def app_code(secret):
    """What the editor's phone shows: allauth's own RFC 6238 code for this 30-second step."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def assert_accessible(page):
    results = Axe().run(page)
    assert [v for v in results.response["violations"] if v["impact"] in SERIOUS] == [], results.generate_report()


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_a_secretariat_editor_sets_up_two_step_sign_in_before_the_admin_opens(page, site, settings, width):
    settings.MFA_REQUIRED_FOR_STAFF = True
    review.ensure_review_workflow(site["cases"])
    editor = UserFactory(email="sam@secretariat.example", first_name="Sam")
    editor.groups.add(Group.objects.get(name=review.SECRETARIAT))
    page.set_viewport_size({"width": width, "height": 900})

    sign_in(page, editor.email)
    page.goto("/admin/")
    page.wait_for_url("**/accounts/2fa/")
    page.get_by_text("The admin needs two-step sign-in").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Set up an authenticator app").click()

    # allauth asks for the password once more before a second step is added.
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url("**/accounts/2fa/totp/activate/")
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")  # the data: image loads under the CSP
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text().strip()  # what the phone reads from the QR code
    page.get_by_label("Authenticator code").fill(app_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    assert page.locator(".recovery-codes li").count() == mfa_settings.RECOVERY_CODE_COUNT
    page.get_by_role("link", name="Go to the admin").click()
    page.wait_for_url("**/admin/")
    page.locator("main").get_by_role("heading", level=1).first.wait_for()

    # Next time, the password is not enough: the admin opens after the app's code.
    page.context.clear_cookies()
    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(editor.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill(app_code(secret))
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/admin/")
