"""The event editor: times are typed and shown in the event's own time zone, not the editor's."""

from django.utils.translation import gettext as _

from core.admin_forms import ZonedTimesPageForm


class EventPageForm(ZonedTimesPageForm):
    local_time_fields = ("start", "end", "registration_opens_at", "registration_closes_at")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("An event cannot end before it starts."))
        return cleaned
