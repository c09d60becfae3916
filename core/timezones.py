"""Time zones: which names are real, and which zone a viewer reads times in."""

import functools
import zoneinfo
from urllib.parse import unquote

TIME_ZONE_HINT_COOKIE = "tz"


@functools.cache
def available_time_zones():
    return frozenset(zoneinfo.available_timezones())


def zone_or_none(name):
    """A ZoneInfo for a real IANA name; None for anything else (never reads an arbitrary path)."""
    return zoneinfo.ZoneInfo(name) if name in available_time_zones() else None


def viewer_time_zone(request):
    """The profile's zone; else the browser's hint (a cookie set by time-zone-hint.js); else None."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and (zone := zone_or_none(getattr(user, "time_zone", ""))):
        return zone
    return zone_or_none(unquote(request.COOKIES.get(TIME_ZONE_HINT_COOKIE, ""))[:64])
