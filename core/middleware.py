import logging
import re
import time

import sentry_sdk
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils import timezone
from django.utils.functional import empty

from core.errors import EMAIL_ADDRESS, REDACTED
from core.timezones import viewer_time_zone

ADMIN_PREFIX = "/admin/"

request_logger = logging.getLogger("wego_hub.requests")
# A request id from the proxy is logged only if it looks like one: nothing else of the client's reaches the logs.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Query keys are the client's text too: only ones that look like our parameter names are logged.
QUERY_KEY = re.compile(r"[A-Za-z0-9_.\[\]-]{1,40}")
# URL parts that are secrets (invitation and calendar tokens, allauth's keys, certificate codes): logged by name.
SECRET_URL_KWARGS = ("token", "key", "uidb36", "code")


class RequestLogMiddleware:
    """One line per request on the "wego_hub.requests" logger: method, path, status, duration, user, request id.

    Nothing personal: the path without its query string (the query's keys only), secrets in the path by name, the
    user by id. First in MIDDLEWARE, so the duration covers every other middleware and an error's 500 is seen.
    The duration ends when the response is returned: a streamed file's transfer is not in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request_id = request.headers.get("X-Request-ID", "")
        request_id = request_id if REQUEST_ID.fullmatch(request_id) else ""
        if request_id:
            # Ties a Sentry event to the proxy's and this log's line for the same request.
            sentry_sdk.set_tag("request_id", request_id)
        response = self.get_response(request)
        if not request_logger.isEnabledFor(logging.INFO):  # LOG_LEVEL=WARNING: skip building the line
            return response
        fields = {
            "method": request.method,
            "path": logged_path(request),
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user": logged_user(request),
        }
        query_keys = sorted(key for key in set(request.GET) if QUERY_KEY.fullmatch(key))
        if query_keys:
            fields["query_keys"] = query_keys
        if request_id:
            fields["request_id"] = request_id
        request_logger.info(logfmt(fields), extra=fields)
        return response


def logged_path(request):
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name in SECRET_URL_KWARGS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(str(value), f"<{name}>")
    # Anyone can ask for /someone@example.org (a 404): an address in a path is not logged either.
    return EMAIL_ADDRESS.sub(REDACTED, path)


def logged_user(request):
    """The user's id, "anon", or "-" when nothing in the request looked (finding out would cost two queries)."""
    user = request.__dict__.get("user")
    # No user yet (a static file answered before AuthenticationMiddleware) or its lazy user never evaluated.
    if user is None or getattr(user, "_wrapped", None) is empty:
        return "-" if settings.SESSION_COOKIE_NAME in request.COOKIES else "anon"
    return str(user.pk) if user.is_authenticated else "anon"


def logfmt(fields):
    """key=value pairs, values quoted when they hold a space, a quote or an equals sign."""
    parts = []
    for key, value in fields.items():
        text = ",".join(value) if isinstance(value, list) else str(value)
        if not text or re.search(r'[\s"=]', text):
            text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        parts.append(f"{key}={text}")
    return " ".join(parts)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy (files from 'self' only) everywhere except the Wagtail admin, which needs inline code."""

    def get_policy_parts(self, request, response, report_only=False):
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY)
        return super().get_policy_parts(request, response, report_only=report_only)


class AdminFramingMiddleware:
    """The admin's live preview frames admin pages; everything else keeps X-Frame-Options: DENY."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class ViewerTimeZoneMiddleware:
    """Show times in the viewer's zone on the public site (the admin keeps Wagtail's own setting)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = None if request.path_info.startswith(ADMIN_PREFIX) else viewer_time_zone(request)
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
