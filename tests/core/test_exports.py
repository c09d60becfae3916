"""core.exports: spreadsheet cells that a spreadsheet program would run as formulas are neutralised (issue 16)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from core import exports
from tests.factories import CasePageFactory, OrganisationFactory
from tests.spreadsheets import (
    PAYLOADS,
    assert_csv_neutralised,
    assert_xlsx_neutralised,
    read_csv,
    read_xlsx,
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_that_would_start_a_formula_gets_an_apostrophe(payload):
    assert exports.neutralise(payload) == "'" + payload


@pytest.mark.parametrize("text", ["Seoul", "", "a=b", "1+1", " =1", "'=quoted already", "김민지", "e-mail"])
def test_other_text_is_unchanged(text):
    assert exports.neutralise(text) == text


@pytest.mark.parametrize(
    "value",
    [None, 0, 7, -2, -2.5, Decimal("-1.50"), True, False, dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 9, 30)],
)
def test_numbers_dates_booleans_and_none_keep_their_type(value):
    result = exports.neutralise(value)
    assert result == value and type(result) is type(value)


def test_other_objects_are_written_as_their_text_and_neutralised_too():
    class Named:
        def __str__(self):
            return "=1+1"

    assert exports.neutralise(Named()) == "'=1+1"
    assert exports.neutralise(gettext_lazy("Seoul")) == "Seoul"


def test_csv_response_neutralises_text_and_leaves_numbers_alone():
    response = exports.csv_response(["=Name", "Count"], [[payload, -3] for payload in PAYLOADS], "people")
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = read_csv(response)
    assert rows[0] == ["'=Name", "Count"]
    assert [row[0] for row in rows[1:]] == ["'" + payload for payload in PAYLOADS]
    assert {row[1] for row in rows[1:]} == {"-3"}  # a negative number stays a number


def test_xlsx_response_stores_text_as_strings_and_keeps_types():
    moment = timezone.make_aware(dt.datetime(2026, 3, 1, 9, 30))
    rows = [[payload, -3, 2.5, True, dt.date(2026, 3, 1), moment, None] for payload in PAYLOADS]
    rows.append(["bell\x07 and nul\x00 removed", 0, 0, False, None, None, None])
    response = exports.xlsx_response(["Name", "Count", "Score", "Done", "Day", "At", "Empty"], rows, "people", "Böök")
    assert response["Content-Disposition"] == 'attachment; filename="people.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.active.title == "Böök"
    cells = read_xlsx(response)
    assert_xlsx_neutralised(cells)
    first = cells[1]
    assert [cell.data_type for cell in first] == ["s", "n", "n", "b", "d", "d", "n"]
    assert (first[1].value, first[2].value, first[3].value) == (-3, 2.5, True)
    assert first[4].value.date() == dt.date(2026, 3, 1)
    assert first[5].value == timezone.make_naive(moment)
    assert first[6].value is None
    assert cells[-1][0].value == "bell and nul removed"


# --- Wagtail's own exports: list_export on our viewsets and its reports -------------------------------------------


@pytest.fixture
def hostile_organisations(db):
    return [
        OrganisationFactory(name=payload, slug=f"hostile-{number}", city=payload, year_joined=2010 + number)
        for number, payload in enumerate(PAYLOADS)
    ]


def test_wagtail_listing_exports_neutralise_text_in_csv_and_xlsx(admin_client, hostile_organisations):
    url = reverse("wagtailsnippets_members_organisation:list")
    rows = read_csv(admin_client.get(url, {"export": "csv"}))
    assert_csv_neutralised(rows)
    assert rows[0][0] == "Name"

    cells = read_xlsx(admin_client.get(url, {"export": "xlsx"}))
    assert_xlsx_neutralised(cells)
    year = cells[0].index(next(cell for cell in cells[0] if cell.value == "Year joined"))
    assert {cell[year].data_type for cell in cells[1:]} == {"n"}
    assert {cell[year].value for cell in cells[1:]} == {2010 + number for number in range(len(PAYLOADS))}


def test_wagtail_reports_neutralise_page_titles(admin_client, admin_user, site_tree):
    for number, payload in enumerate(PAYLOADS):
        case = CasePageFactory(parent=site_tree["cases"], title=payload, slug=f"hostile-{number}")
        Page.objects.filter(id=case.id).update(locked=True, locked_at=timezone.now(), locked_by=admin_user)
    url = reverse("wagtailadmin_reports:locked_pages")
    assert_csv_neutralised(read_csv(admin_client.get(url, {"export": "csv"})))
    assert_xlsx_neutralised(read_xlsx(admin_client.get(url, {"export": "xlsx"})))


def test_wagtail_is_wrapped_once_and_neutralising_twice_changes_nothing():
    exports.protect_wagtail_exports()
    view = SpreadsheetExportMixin()
    assert view.preprocess_field_value("name", "=1", "csv") == "'=1"
    assert view.preprocess_field_value("count", -1, "xlsx") == -1
    assert exports.neutralise(exports.neutralise("=1")) == "'=1"
