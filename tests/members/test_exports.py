"""The city report and the secretariat's membership exports cannot attack the people who open them (issue 16)."""

import pytest
from django.urls import reverse

from courses import services as course_services
from members.models import Membership, Region
from tests.factories import OrganisationFactory, make_course, make_member
from tests.spreadsheets import (
    PAYLOADS,
    PRINTABLE_PAYLOADS,
    assert_csv_neutralised,
    assert_xlsx_neutralised,
    body,
    column,
    read_csv,
    read_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    return OrganisationFactory(name="City of Seoul", region=Region.ASIA_PACIFIC)


@pytest.fixture
def hostile_staff(city):
    return [make_member(city, first_name=payload, last_name="", job_title=payload) for payload in PAYLOADS]


def test_the_city_report_csv_neutralises_names_and_job_titles(client, site_tree, city, hostile_staff):
    course, _ = make_course(site_tree["courses"])
    course_services.enroll(user=hostile_staff[0], course=course)
    client.force_login(make_member(city, role=Membership.Role.FOCAL_POINT, first_name="Focal"))
    rows = read_csv(client.get(reverse("members:report_csv", args=[city.slug])))
    enrolled = rows[0].index("Courses: Courses enrolled")
    assert_csv_neutralised(rows)
    assert set(column(rows, "Job title")) >= {"'" + payload for payload in PAYLOADS}
    assert set(column(rows, "Name")) >= {"'" + payload for payload in PRINTABLE_PAYLOADS}
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email[hostile_staff[0].email][enrolled] == "1"  # a count stays a plain number


def test_the_membership_figures_csv_keeps_counts_as_numbers(admin_client, city, hostile_staff):
    response = admin_client.get(reverse("members_membership_report"), {"export": "csv"})
    assert body(response).startswith("\ufeff".encode())  # like every other CSV here, for Excel
    assert response["Content-Disposition"] == 'attachment; filename="membership-by-region.csv"'
    rows = read_csv(response)
    assert rows[0] == ["Region", "Kind", "Active organisations", "Suspended", "Members", "Waiting"]
    asia = next(row for row in rows if row[0] == "Asia and the Pacific")
    assert asia[2:] == ["1", "0", str(len(hostile_staff)), "0"]


def test_the_secretariats_membership_listing_exports_neutralise_names(admin_client, hostile_staff):
    url = reverse("wagtailsnippets_members_membership:list")
    rows = read_csv(admin_client.get(url, {"export": "csv"}))
    assert_csv_neutralised(rows, PRINTABLE_PAYLOADS)
    cells = read_xlsx(admin_client.get(url, {"export": "xlsx"}))
    assert_xlsx_neutralised(cells, PRINTABLE_PAYLOADS)
    requested = [cell.value for cell in cells[0]].index("Requested")
    assert {row[requested].data_type for row in cells[1:]} == {"d"}  # dates stay dates
