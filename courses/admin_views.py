"""The secretariat's learning report: enrolled, completed and certificates by course and region, with CSV."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import csv_response
from core.widgets import LongSelect
from members.models import Region

from . import selectors
from .models import CoursePage


class LearningReportForm(forms.Form):
    region = forms.ChoiceField(
        label=gettext_lazy("Region"), required=False, choices=[("", gettext_lazy("All regions")), *Region.choices]
    )
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        required=False,
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("All courses"),
        widget=LongSelect,
    )


def learning_report(request):
    if not request.user.has_perm("courses.view_enrollment"):
        raise PermissionDenied
    form = LearningReportForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    regions = dict(Region.choices)
    figures = sorted(
        selectors.learning_by_region_and_course(region=filters.get("region", ""), course=filters.get("course")),
        # People without a member city last in each course, on every database.
        key=lambda row: (row["course__title"], row["user__membership__organisation__region"] is None),
    )
    rows = [
        [
            row["course__title"],
            regions.get(row["user__membership__organisation__region"], _("No member city")),
            row["enrolled"],
            row["completed"],
            row["certificates"],
        ]
        for row in figures
    ]
    header = [_("Course"), _("Region"), _("Enrolled"), _("Completed"), _("Certificates")]
    if request.GET.get("export") == "csv":
        return csv_response(header, rows, "learning-by-course-and-region")
    totals = [sum(row[index] for row in rows) for index in (2, 3, 4)]
    context = {
        "title": _("Learning by course and region"),
        "icon": "doc-full",
        "caption": _("Enrolled, completed and certificates by course and region"),
        "empty_text": _("Nobody is enrolled yet."),
        "form": form,
        "header": header,
        "rows": rows,
        "totals": totals,
        "footer": [_("All"), "", *totals],
        "csv_query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "core/admin/report.html", context)
