"""allauth, speaking as the hub: its emails carry the site's name and links on the one public address, and a
stranger's wrong passwords do not lock an account's owner out."""

import hashlib
from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter

# allauth's own pre_authenticate uses the internal module: it returns the usage that a success rolls back.
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from core.clients import client_network
from core.i18n import active_language, path_in_language
from core.public_url import public_host, rebase

# The links allauth builds from the request's host before it sends (confirmation, password reset, sign-up).
LINKS_IN_CONTEXT = ("activate_url", "password_reset_url", "signup_url")

# How long a client that gave a wrong password for an address counts as failing there: the window of the
# per-address part of ACCOUNT_RATE_LIMITS["login_failed"] ("5/5m/key").
FAILING_CLIENT_SECONDS = 5 * 60


@dataclass(frozen=True)
class PublicSite:
    """What allauth's templates read as ``current_site``: "Hello from WeGo Hub!" … "hub.example.org"."""

    name: str
    domain: str


def failing_client_key(account, request):
    """The cache key that says "this client gave a wrong password for this address lately"."""
    digest = hashlib.sha256(f"{account}|{client_network(request)}".encode()).hexdigest()
    return f"wego:login-failing:{digest}"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context = {
            **context,
            "current_site": PublicSite(name=settings.WAGTAIL_SITE_NAME, domain=public_host()),
            **{key: rebase(context[key]) for key in LINKS_IN_CONTEXT if context.get(key)},
        }
        # A member's own language (their profile); a newcomer's is the one they are reading the hub in.
        user = context.get("user")
        with translation.override(getattr(user, "preferred_language", "") or active_language()):
            super().send_mail(template_prefix, email, context)

    def save_user(self, request, user, form, commit=True):
        """A newcomer's preferred language is the one they joined in (they can change it on "My hub")."""
        user.preferred_language = active_language()
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """Where signing in leads, in the member's preferred language: a French member lands on French pages."""
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        return path_in_language(url, language) if language and url.startswith("/") else url

    def pre_authenticate(self, request, **credentials):
        """allauth's check, except that an address whose failures are used up still takes one password from a
        client that has not been failing on it.

        allauth counts every try on the client (10 a minute) and on the address (5 in 5 minutes) and, once the
        address has used up its 5, refuses even the right password from anyone: a stranger who fails 5 times
        every 5 minutes keeps the owner out for ever. Here the stranger still waits, and so does any client that
        failed on the address; the owner's first try from their own client is checked. A wrong one marks that
        client as failing too: while the address stays locked, a client gets one guess per 5 minutes on it.
        """
        account = self._get_login_attempts_cache_key(request, **credentials)
        self._failing_client_key = failing_client_key(account, request)
        if cache.get(self._failing_client_key) or ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=account, dry_run=True
        ):
            super().pre_authenticate(request, **credentials)
            return
        # The client's own limits still apply: the same rates keyed on this client and address, so that its 10
        # a minute across the site can refuse it here; a success rolls the count back, as allauth does.
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=self._failing_client_key
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials):
        cache.set(self._failing_client_key, True, FAILING_CLIENT_SECONDS)
        super().authentication_failed(request, **credentials)
