"""Attendee lists for organisers, as CSV (UTF-8 with BOM, so spreadsheet programs read Hangul, Arabic and
Cyrillic names right) and XLSX. The online join link is never exported."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core import exports

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header():
    return [
        _("Name"),
        _("Email"),
        _("Member city"),
        _("Attends"),
        _("Status"),
        _("Registered"),
        _("Dietary needs"),
        _("Accessibility needs"),
        _("Answers"),
        _("Checked in"),
    ]


def _moment(value, zone):
    return timezone.localtime(value, zone).strftime("%Y-%m-%d %H:%M") if value else ""


def rows(event, registrations):
    zone = event.zone
    for registration in registrations:
        user = registration.user
        yield [
            user.get_full_name(),
            user.email,
            registration.organisation.name if registration.organisation else "",
            registration.get_mode_display(),
            registration.get_status_display(),
            _moment(registration.created_at, zone),
            registration.dietary_needs,
            registration.accessibility_needs,
            "; ".join(f"{question}: {answer}" for question, answer in registration.answers.items()),
            _moment(registration.attended_at, zone),
        ]


def csv_response(event, registrations, filename):
    return exports.csv_response(header(), rows(event, registrations), filename)


def xlsx_response(event, registrations, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Registrations")[:31])
    sheet.append(header())
    for row in rows(event, registrations):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    add_never_cache_headers(response)  # names and needs of attendees
    return response
