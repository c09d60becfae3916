"""The secretariat's membership figures, in the Wagtail admin."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors


def membership_report(request):
    if not request.user.has_perm("members.view_membership"):
        raise PermissionDenied
    rows = selectors.membership_figures_by_region_and_kind()
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="membership-by-region.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Region"), _("Kind"), _("Active organisations"), _("Suspended"), _("Members"), _("Waiting")])
        for row in rows:
            writer.writerow(
                [
                    row["region_label"],
                    row["kind_label"],
                    row["active"],
                    row["suspended"],
                    row["members"],
                    row["pending"],
                ]
            )
        return response
    totals = {key: sum(row[key] for row in rows) for key in ("active", "suspended", "members", "pending")}
    return render(request, "members/admin/membership_report.html", {"rows": rows, "totals": totals})
