"""The focal point's report on their city's staff, assembled from what each app contributes.

A content app registers ``register_organisation_report``: fn(organisation) -> OrganisationReport,
with one row of values per staff member (by user id), and optionally a table of its own (for example one row
per course), shown on the dashboard and downloadable as CSV. Members never imports the content apps.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail import hooks

from . import selectors


@dataclass(frozen=True)
class OrganisationReport:
    key: str
    title: str
    columns: list[str]
    values_by_user: dict[int, list] = field(default_factory=dict)
    summary: list[tuple[str, object]] = field(default_factory=list)
    order: int = 100
    table_caption: str = ""
    table_header: list[str] = field(default_factory=list)
    table_rows: list[list] = field(default_factory=list)


def organisation_report(organisation, key):
    return next((report for report in organisation_reports(organisation) if report.key == key), None)


def organisation_reports(organisation):
    reports = [fn(organisation) for fn in hooks.get_hooks("register_organisation_report")]
    return sorted((r for r in reports if r is not None), key=lambda r: (r.order, r.key))


def staff_report(organisation):
    """(header, rows) for the CSV export: one row per approved staff member."""
    reports = organisation_reports(organisation)
    header = [_("Name"), _("Email"), _("Job title"), _("Role"), _("Member since")]
    for report in reports:
        header += [f"{report.title}: {column}" for column in report.columns]
    rows = []
    for membership in selectors.staff(organisation):
        user = membership.user
        row = [
            user.get_full_name(),
            user.email,
            user.job_title,
            membership.get_role_display(),
            membership.decided_at.date().isoformat() if membership.decided_at else "",
        ]
        for report in reports:
            row += report.values_by_user.get(user.id, [""] * len(report.columns))
        rows.append(row)
    return header, rows
