"""The secretariat's report: toolkit downloads by member city, in the Wagtail admin."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.countries import country_name
from core.exports import csv_response
from core.widgets import LongSelect
from members.models import Region

from . import selectors
from .models import ToolkitPage


class DownloadReportForm(forms.Form):
    since = forms.DateField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    toolkit = forms.ModelChoiceField(
        label=gettext_lazy("Toolkit"),
        required=False,
        queryset=ToolkitPage.objects.order_by("title"),
        empty_label=gettext_lazy("All toolkits"),
        widget=LongSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", _("The end date comes before the start date."))
        return cleaned


def report_rows(rows):
    regions = dict(Region.choices)
    for row in rows:
        if row["organisation_id"]:
            who = row["organisation__name"]
        elif row["signed_in"]:
            who = _("Signed in, no member city")
        else:
            who = _("Not signed in")
        yield [
            who,
            country_name(row["organisation__country"]) if row["organisation__country"] else "",
            regions.get(row["organisation__region"], ""),
            row["downloads"],
            row["people"],
            row["toolkits"],
            timezone.localtime(row["last"]).strftime("%Y-%m-%d %H:%M") if row["last"] else "",
        ]


def downloads_report(request):
    if not request.user.has_perm("toolkits.view_download"):
        raise PermissionDenied
    form = DownloadReportForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(report_rows(selectors.downloads_by_city(**filters)))
    header = [_("Member city"), _("Country"), _("Region"), _("Downloads"), _("People"), _("Toolkits"), _("Last")]
    if request.GET.get("export") == "csv":
        return csv_response(header, rows, "toolkit-downloads-by-city")
    total = sum(row[3] for row in rows)
    context = {
        "title": _("Toolkit downloads by city"),
        "icon": "download",
        "caption": _("Toolkit downloads by member city"),
        "empty_text": _("No downloads in this period."),
        "form": form,
        "header": header,
        "rows": rows,
        "total": total,
        "footer": [_("All downloads"), "", "", total, "", "", ""],
        "csv_query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "core/admin/report.html", context)
