import logging
import re
import time

import sentry_sdk
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import empty
from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware

from core import page_cache
from core.errors import EMAIL_ADDRESS, REDACTED
from core.i18n import front_door_language, language_path, set_language_cookie
from core.timezones import viewer_time_zone

ADMIN_PREFIX = "/admin/"
MEDIA_PREFIX = "/media/"  # the public_media route of wego_hub/urls.py


def is_media(request):
    """Public media (core.views.public_media) is served without the database; these middlewares leave it alone."""
    return request.path_info.startswith(MEDIA_PREFIX)


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
        # Media gets no zone: reading the signed-in person's profile would load the session and user from the database.
        skip = request.path_info.startswith(ADMIN_PREFIX) or is_media(request)
        zone = None if skip else viewer_time_zone(request)
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def has_nul(request):
    """Whether the path, a query or form name or value, or a cookie carries a NUL character.

    PostgreSQL refuses NUL in text, so a lookup with one fails deep inside any view (a page's path, an invitation
    token, an allauth form, an admin search); no real browser or person sends one.
    """
    if "\x00" in request.path_info:
        return True
    sources = [request.GET, request.COOKIES]
    if request.method == "POST":
        sources.append(request.POST)
    for source in sources:
        items = source.lists() if hasattr(source, "lists") else ((key, [value]) for key, value in source.items())
        for key, values in items:
            if "\x00" in key or any("\x00" in value for value in values):
                return True
    return False


NUL_REFUSED = "The request holds a NUL character, which WeGo Hub never accepts."


class RejectUnreadableInputMiddleware:
    """Answer 400 with a plain page for input no view can use: a NUL anywhere the client controls (see has_nul).

    It runs right after SecurityMiddleware, before static files, the session, the locale or any lookup, so the page
    it renders needs no request context (templates/400.html, also Django's page for its own 400s); it is in the
    language the visitor asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            if request.path.startswith("/api/"):  # a program reads the answer: the API's JSON shape (api.common)
                return JsonResponse({"detail": NUL_REFUSED}, status=400)
            with translation.override(translation.get_language_from_request(request)):
                return HttpResponseBadRequest(loader.render_to_string("400.html"))
        return self.get_response(request)


class RedirectMiddleware(WagtailRedirectMiddleware):
    """Wagtail's redirects, except for a missing media file: editors redirect pages, and the lookup needs the
    database, which /media/ does without."""

    def process_response(self, request, response):
        if is_media(request):
            return response
        return super().process_response(request, response)


class LanguageMiddleware:
    """After Django's LocaleMiddleware: the front door and a member's language.

    - ``/`` (English, unprefixed) sends a reader whose language cookie, or else browser, asks for another of ours to
      that language's home page; every other address keeps the language its prefix says.
    - A signed-in member's preferred language (their profile) is the cookie's, so the front door and the next visit
      follow it after they sign in on any device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_media(request):
            return self.get_response(request)
        if request.path_info == "/" and request.method in ("GET", "HEAD"):
            language = front_door_language(request)
            if language != settings.LANGUAGE_CODE:
                response = HttpResponseRedirect(language_path("/", language))
            else:
                response = self.get_response(request)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
        else:
            response = self.get_response(request)
        user = getattr(request, "user", None)
        preferred = user and user.is_authenticated and getattr(user, "preferred_language", "")
        if preferred and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != preferred:
            set_language_cookie(response, preferred)
        return response


class PublicPageCacheMiddleware:
    """Signed-out public pages from the shared cache (core.page_cache); ``Cache-Control: private`` on the rest.

    Right after static files, so a hit skips the session, locale, CSRF and authentication middlewares (a kept
    page holds the headers they add); before GZipMiddleware, so a page is kept compressed and a hit is not
    compressed again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_media(request) or request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        lookup = None
        if page_cache.may_be_served_kept(request):
            lookup = page_cache.Lookup(request)
            if lookup.entry:
                return lookup.response()
        response = self.get_response(request)
        if lookup and page_cache.may_be_kept(request, response):
            lookup.store(response)
        else:
            page_cache.private_headers(response)
        return response
