"""Who is asking the API: a person with a personal token (Wagtail's APIToken, stored as a keyed hash), or nobody.

A session cookie never counts (the API's answers do not depend on the browser that asks), and a token that is not,
or no longer, valid is refused with 401 rather than read as anonymous: a script learns that its token was revoked.
Limits: per token for requests with one, per real client address (behind the proxy, core.clients) without.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from ninja.errors import AuthenticationError
from ninja.throttling import SimpleRateThrottle
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken

from core.clients import client_network


class PersonalToken(BearerTokenAuth):
    def authenticate(self, request, token):
        found = super().authenticate(request, token)
        if found is None:
            raise AuthenticationError(
                message="This token is not valid: it may have been revoked. Make a new one on My hub."
            )
        return found


def per_minute(rate):
    """ "120/m" → "120", "10/s" → "600": a limit as people read it."""
    number, seconds = PerClient().parse_rate(rate)
    return f"{round(number * 60 / seconds):,}"


class _Limit(SimpleRateThrottle):
    """A limit whose rate is read from settings.API_RATE_LIMITS on each request (so tests and operators can change
    it); counted in the shared cache, so every app server sees the same figures."""

    def allow_request(self, request):
        self.rate = settings.API_RATE_LIMITS[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class PerClient(_Limit):
    scope = "client"

    def __init__(self):
        super().__init__(rate="1/s")  # replaced by the setting on each request

    def get_cache_key(self, request):
        if isinstance(request.auth, APIToken):
            return None  # counted per token
        return self.cache_format % {"scope": self.scope, "ident": client_network(request) or "unknown"}


class PerToken(_Limit):
    scope = "token"

    def __init__(self):
        super().__init__(rate="1/s")

    def get_cache_key(self, request):
        if not isinstance(request.auth, APIToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


def anonymous(request):
    """No token: nobody, whatever session cookie the browser sends. A plain function rather than Wagtail's
    AllowAnonymous, whose security scheme is not valid OpenAPI ("http" without a scheme); the schema says that a
    token is optional instead (api.v1)."""
    request.user = AnonymousUser()
    return request.user


AUTH = [PersonalToken(), anonymous]
LIMITS = [PerClient(), PerToken()]
