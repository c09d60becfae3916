from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils import timezone
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


class RedirectMiddleware(WagtailRedirectMiddleware):
    """Wagtail's redirects, except for a missing media file: editors redirect pages, and the lookup needs the
    database, which /media/ does without."""

    def process_response(self, request, response):
        if is_media(request):
            return response
        return super().process_response(request, response)
