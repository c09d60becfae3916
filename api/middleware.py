"""HTTP for the open-data API (/api/): every successful read is cacheable by anyone (public data, the same for every
client), carries a strong ETag so a client asks again with If-None-Match and gets a 304 without the body, and may be
read from any web page (CORS). Placed below GZip, so the ETag is the uncompressed body's."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

API_PREFIX = "/api/"
MAX_AGE = 300  # seconds: a partner's page shows a new case within five minutes


class OpenDataHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        # A browser's preflight is answered here: reads need no credentials.
        response = self._preflight() if request.method == "OPTIONS" else self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response

    @staticmethod
    def _preflight():
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match"
        response["Access-Control-Max-Age"] = "86400"
        return response
