"""HTTP for the open-data API (/api/). A read without a token is public data, the same for every client: cacheable by
anyone for five minutes. A read with a token is that person's: private, revalidated each time. Every JSON answer
carries a strong ETag, so a client asks again with If-None-Match and gets a 304 without the body, and every answer
may be read from any web page (CORS). A file keeps the Cache-Control its view gave it. Placed below GZip, so the
ETag is the uncompressed body's."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag

API_PREFIX = "/api/"
MAX_AGE = 300  # seconds: a partner's page shows a new case within five minutes


class OpenDataHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        # A browser's preflight is answered here: reads need nothing but the token header.
        response = self._preflight() if request.method == "OPTIONS" else self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        patch_vary_headers(response, ("Authorization",))
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not response.has_header("Cache-Control"):
            if "HTTP_AUTHORIZATION" in request.META:
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=MAX_AGE)
        if response.streaming:
            return response
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _preflight():
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Authorization, If-None-Match"
        response["Access-Control-Max-Age"] = "86400"
        return response
