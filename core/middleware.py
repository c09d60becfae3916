from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader
from django.utils import timezone, translation
from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware

from core.timezones import viewer_time_zone

ADMIN_PREFIX = "/admin/"
MEDIA_PREFIX = "/media/"  # the public_media route of wego_hub/urls.py


def is_media(request):
    """Public media (core.views.public_media) is served without the database; these middlewares leave it alone."""
    return request.path_info.startswith(MEDIA_PREFIX)


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
