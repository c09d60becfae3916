"""The event editor: times are typed and shown in the event's own time zone, not the editor's."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.timezones import time_zone_choices
from core.widgets import TimeZoneSelect

LOCAL_TIME_FIELDS = ("start", "end", "registration_opens_at", "registration_closes_at")


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            # Pick from the current IANA names; the model's validator still accepts any real zone, so an event
            # saved with an older name keeps it (renaming it would count as a change and email the attendees).
            self.fields["time_zone"].widget = TimeZoneSelect(choices=time_zone_choices)
        zone = _zone(getattr(self.instance, "time_zone", ""))
        if zone is None:
            return
        for name in LOCAL_TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                # A naive wall-clock time is rendered as it is, whatever zone the editor's admin uses.
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = _zone(cleaned.get("time_zone", ""))
        if zone is None:
            return cleaned
        for name in LOCAL_TIME_FIELDS:
            value = cleaned.get(name)
            if value is None:
                continue
            wall_time = timezone.make_naive(value)  # as typed: the form read it in the editor's zone
            local = wall_time.replace(tzinfo=zone)
            if local.astimezone(zoneinfo.ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != wall_time:
                self.add_error(
                    name, _("This time does not exist in %(zone)s: the clocks change then.") % {"zone": zone.key}
                )
                continue
            cleaned[name] = local
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("An event cannot end before it starts."))
        return cleaned


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
