from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.middleware import ADMIN_PREFIX

from . import selectors

# Signing out of the admin stays open: a superuser without a second factor must still be able to leave.
OPEN_ADMIN_PATHS = (f"{ADMIN_PREFIX}logout/", f"{ADMIN_PREFIX}login/")


class SecondFactorForStaffMiddleware:
    """Under MFA_REQUIRED_FOR_STAFF, the Wagtail admin refuses a superuser or a secretariat editor who has not set up
    two-step sign-in, and sends them to set it up. Only /admin/ is checked, so the set-up pages (/accounts/2fa/) and
    signing out stay open, and the public site costs no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and request.path_info.startswith(ADMIN_PREFIX)
            and not request.path_info.startswith(OPEN_ADMIN_PATHS)
            and selectors.must_use_second_factor(request.user)
            and not selectors.has_second_factor(request.user)
        ):
            messages.warning(
                request,
                _(
                    "The admin needs two-step sign-in. Set it up once: after your password, you will also enter "
                    "a code from an app on your phone, or use a passkey."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)
