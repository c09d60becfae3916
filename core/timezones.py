"""Time zones: which names are real, which ones a person picks from, and which zone a viewer reads times in.

Two lists, on purpose:

- ``available_time_zones()`` is every name zoneinfo can read, including older spellings kept as links
  (Asia/Calcutta, Europe/Kiev, US/Pacific). Reading accepts all of them: a profile or an event saved with one
  still works, and browsers still report some of them (Chrome says Asia/Calcutta).
- ``canonical_time_zones()`` is what a picker offers: the current names only (Asia/Kolkata, Europe/Kyiv,
  America/Los_Angeles) and UTC, from ``zone.tab`` of the tzdata package, so no backward links, no Etc/GMT+5
  and no EST5EDT-style names.
"""

import functools
import importlib.resources
import zoneinfo
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Names zoneinfo lists that are not zones a person or an event is in: the server's own setting and "unset".
NOT_ZONES = frozenset({"localtime", "Factory"})

# zone.tab: one line per country and zone, in the zones' current spelling. Shipped by the tzdata package
# (which icalendar requires); the system's copy is the fallback.
ZONE_TAB = "zone.tab"

REGION_LABELS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


@functools.cache
def available_time_zones():
    return frozenset(zoneinfo.available_timezones()) - NOT_ZONES


def validate_time_zone(value):
    if value not in available_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Use an IANA name such as Europe/Paris."), params={"value": value}
        )


def zone_or_none(name):
    """A ZoneInfo for a real IANA name, current or older; None for anything else (never reads an arbitrary path)."""
    return zoneinfo.ZoneInfo(name) if name in available_time_zones() else None


def _zone_tab_text():
    try:
        return importlib.resources.files("tzdata").joinpath("zoneinfo", ZONE_TAB).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        for folder in zoneinfo.TZPATH:
            path = Path(folder) / ZONE_TAB
            if path.is_file():
                return path.read_text(encoding="utf-8")
    return ""


@functools.cache
def canonical_time_zones():
    """The current IANA names, sorted: every zone in zone.tab that zoneinfo can read, and UTC."""
    names = {"UTC"}
    for line in _zone_tab_text().splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("\t")[2])
    return tuple(sorted(names & available_time_zones()))


def zone_label(name):
    """How a zone reads inside its region's group: America/Argentina/Buenos_Aires is "Argentina/Buenos Aires"."""
    return name.partition("/")[2].replace("_", " ") or name


@functools.cache
def _grouped_zones():
    groups = {}
    for name in canonical_time_zones():
        region = name.partition("/")[0]
        if region in REGION_LABELS:
            groups.setdefault(region, []).append((name, zone_label(name)))
    return tuple((region, tuple(sorted(zones, key=lambda zone: zone[1]))) for region, zones in sorted(groups.items()))


def time_zone_choices(blank_label=None):
    """Choices for a time-zone <select>: an optional blank, UTC, then one group per region (an <optgroup>),
    each zone labelled by its place so typing "Par" finds Paris."""
    choices = [("", blank_label)] if blank_label is not None else []
    choices.append(("UTC", "UTC"))
    choices.extend((REGION_LABELS[region], list(zones)) for region, zones in _grouped_zones())
    return choices


def viewer_time_zone(request):
    """The signed-in person's profile zone, else None (a visitor, or a profile that names none).

    Never anything the browser sends: a signed-out page is the same for every visitor, so a shared cache may keep
    it. Where the zone is unknown here, static/js/local-times.js shows an event's time in the browser's own zone."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return zone_or_none(getattr(user, "time_zone", ""))
