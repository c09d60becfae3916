"""Page editors whose times are typed and shown in the page's own time zone (an event's venue, a call's deadline),
not in the editor's."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.timezones import time_zone_choices, zone_or_none
from core.widgets import TimeZoneSelect


class ZonedTimesPageForm(WagtailAdminPageForm):
    """The page's ``time_zone`` field is picked from the current IANA names, and its ``local_time_fields`` are read
    and written as wall-clock times in that zone."""

    local_time_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            # Pick from the current IANA names; the model's validator still accepts any real zone, so a page
            # saved with an older name keeps it (renaming it would count as a change).
            self.fields["time_zone"].widget = TimeZoneSelect(choices=time_zone_choices)
        zone = zone_or_none(getattr(self.instance, "time_zone", ""))
        if zone is None:
            return
        for name in self.local_time_fields:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                # A naive wall-clock time is rendered as it is, whatever zone the editor's admin uses.
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = zone_or_none(cleaned.get("time_zone", ""))
        if zone is None:
            return cleaned
        for name in self.local_time_fields:
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
        return cleaned
