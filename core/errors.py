"""Error reporting: who hears about a server error, and what may leave the site when they do.

Settings import this module (to start Sentry), so it must not import models or anything that needs the app
registry at import time.
"""

import logging
import re
from contextvars import ContextVar
from itertools import islice

import sentry_sdk
from django.conf import settings
from django.utils.log import AdminEmailHandler
from django.views.debug import SafeExceptionReporterFilter
from sentry_sdk.scrubber import EventScrubber

# Backends that accept a message and deliver it to no one.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}

REDACTED = "[redacted]"
# An address, also when URL-encoded (@ as %40) in a query string or a path.
# The domain ends in letters, so that a release such as "wego-hub@1.2.3" stays readable.
EMAIL_ADDRESS = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# A key whose value is secret or personal wherever it appears in an error report (substring, any case).
SENSITIVE_KEY = re.compile(
    r"pass|pwd|secret|token|auth|cookie|session|csrf|email|mail|signature|api_?key|private_?key|credential"
    r"|forwarded|real_ip|ip_address|remote_addr",
    re.IGNORECASE,
)
# Parts of a Sentry event that describe the software, not the person: scrubbing keys there only loses information.
SOFTWARE_PARTS = {"modules", "sdk", "release", "environment", "dist"}


def sentry_is_on():
    client = sentry_sdk.get_client()
    return client.is_active() and bool(client.dsn)


def admins_are_mailed():
    """Whether an error logged on django.request reaches a mail_admins handler that sends to real inboxes."""
    if not settings.ADMINS or settings.EMAIL_BACKEND in UNDELIVERED_EMAIL_BACKENDS:
        return False
    logger = logging.getLogger("django.request")
    record = logger.makeRecord(logger.name, logging.ERROR, __file__, 0, "Internal Server Error", (), None)
    if not logger.isEnabledFor(logging.ERROR) or not logger.filter(record):
        return False
    while logger is not None:
        for handler in logger.handlers:
            # The handler's own filters (Django's require_debug_false) decide, as they would for a real error.
            if isinstance(handler, AdminEmailHandler) and record.levelno >= handler.level and handler.filter(record):
                return True
        if not logger.propagate:
            break
        logger = logger.parent
    return False


def someone_is_told():
    """True when a server error reaches a person: Sentry is sending events, or ADMINS get Django's error email.

    The 500 page says "the team has been told" only when this is true."""
    return sentry_is_on() or admins_are_mailed()


# --- What leaves the site -------------------------------------------------------------------------


class ErrorReportFilter(SafeExceptionReporterFilter):
    """Django's error email (and debug page) without cookie values or password-like form fields.

    Django hides POST fields only for views marked @sensitive_post_parameters, and cookies only by name."""

    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if not self.is_active(request) or not parameters:
            return parameters
        cleansed = parameters.copy()
        for key in cleansed:
            if SENSITIVE_KEY.search(key) or self.hidden_settings.search(key):
                cleansed[key] = self.cleansed_substitute
        return cleansed

    def get_safe_cookies(self, request):
        if not self.is_active(request):
            return super().get_safe_cookies(request)
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)


def _secrets_in(value, key, found, depth=0):
    """Collect the values stored under sensitive keys, so that a copy of one elsewhere is redacted too.

    Before Sentry serialises an event its local variables are live objects: bounded like Sentry's own serialiser,
    so a huge or self-containing one cannot stall or break the report."""
    if depth > 8:
        return
    if isinstance(value, dict):
        for child_key, child in islice(value.items(), 100):
            _secrets_in(child, str(child_key), found, depth + 1)
    elif isinstance(value, list | tuple):
        for child in islice(value, 100):
            _secrets_in(child, key, found, depth + 1)
    elif isinstance(value, str) and SENSITIVE_KEY.search(key):
        found.add(value)
        if "cookie" in key.lower():
            # "a=1; b=2": each cookie's value on its own, as it would appear in request.COOKIES.
            for pair in value.split(";"):
                found.add(pair.partition("=")[2].strip())


def _scrub(value, key, secrets):
    if isinstance(value, dict):
        return {k: _scrub(v, str(k), secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, key, secrets) for v in value]
    if key and SENSITIVE_KEY.search(key):
        return REDACTED
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return EMAIL_ADDRESS.sub(REDACTED, value)
    return value


def _collect_secrets(event):
    secrets = set()
    for part, value in event.items():
        if part not in SOFTWARE_PARTS:
            _secrets_in(value, part, secrets)
    return secrets


# The secrets Sentry's own scrubber is about to replace, kept for scrub_event, which runs next in the same thread.
_removed_secrets = ContextVar("removed_secrets", default=frozenset())


class SecretCollectingScrubber(EventScrubber):
    """Sentry's scrubber (its denylist of key names), noting the values it removes first: scrub_event
    then redacts copies of them elsewhere (a local variable holding the POSTed password under another name)."""

    def scrub_event(self, event):
        try:
            secrets = frozenset(_collect_secrets(event))
        except Exception:  # a variable whose items cannot be read: report the error without that help
            secrets = frozenset()
        _removed_secrets.set(secrets)
        super().scrub_event(event)


def scrub_event(event, hint=None):
    """Sentry's before_send: no cookie, password, token or email address leaves, wherever in the event it is.

    Sentry's own scrubber matches exact key names; this matches parts of names (password1, __Host-sessionid),
    redacts every email address in any text (exception messages, local variables, SQL, breadcrumbs), and
    redacts a secret's value wherever else it was copied (a local variable holding the POSTed password)."""
    secrets = _collect_secrets(event) | _removed_secrets.get()
    _removed_secrets.set(frozenset())
    # Longest first, so a secret containing another is removed whole; short values would redact ordinary words.
    secrets = sorted((s for s in secrets if len(s) >= 6 and s != REDACTED), key=len, reverse=True)
    scrubbed = {part: value if part in SOFTWARE_PARTS else _scrub(value, "", secrets) for part, value in event.items()}
    request = scrubbed.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
    return scrubbed


def init_sentry(*, dsn, environment, release=None, traces_sample_rate=0.0):
    """Start Sentry; the settings call this only when SENTRY_DSN is set."""
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        # send_default_pii stays off (no user, IP address or cookies): that is the SDK's default, and passing
        # send_default_pii=False is deprecated in sentry-sdk 2.7x (a warning at every start). scrub_event goes further.
        # Not recursive: Sentry's recursive scrubber follows a variable that contains itself for ever. Nested keys
        # are scrubbed by scrub_event, after Sentry's serialiser has cut such loops.
        event_scrubber=SecretCollectingScrubber(),
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        # Performance tracing costs a request's time and quota: off unless SENTRY_TRACES_SAMPLE_RATE says so.
        traces_sample_rate=traces_sample_rate,
    )
