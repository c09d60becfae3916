from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils import timezone

from core.timezones import viewer_time_zone

ADMIN_PREFIX = "/admin/"


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
