"""The secretariat's membership figures, in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from core import charts
from core.exports import csv_response

from . import selectors


def membership_report(request):
    if not request.user.has_perm("members.view_membership"):
        raise PermissionDenied
    rows = selectors.membership_figures_by_region_and_kind()
    if request.GET.get("export") == "csv":
        header = [_("Region"), _("Kind"), _("Active organisations"), _("Suspended"), _("Members"), _("Waiting")]
        keys = ("region_label", "kind_label", "active", "suspended", "members", "pending")
        return csv_response(header, ([row[key] for key in keys] for row in rows), "membership-by-region")
    totals = {key: sum(row[key] for row in rows) for key in ("active", "suspended", "members", "pending")}
    return render(request, "members/admin/membership_report.html", {"rows": rows, "totals": totals})


def charts_report(request):
    """The secretariat's charts: each one the reader has the permission for (the same as its table report's)."""
    if not charts.specs(charts.SECRETARIAT, request.user):
        raise PermissionDenied
    found = charts.report_charts(charts.SECRETARIAT, user=request.user)
    return render(request, "members/admin/charts_report.html", {"charts": found})
