"""Learning exports (the city's course table, the secretariat's report, enrolments and certificates) cannot attack
the people who open them (issue 16)."""

import pytest
from django.urls import reverse

from courses import services
from members.models import Membership, Region
from tests.factories import OrganisationFactory, make_course, make_member
from tests.spreadsheets import (
    PAYLOADS,
    PRINTABLE_PAYLOADS,
    assert_csv_neutralised,
    assert_xlsx_neutralised,
    column,
    read_csv,
    read_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning(site_tree):
    """One course per payload in its title, each completed by a person with a payload for a name."""
    city = OrganisationFactory(name="Seoul", region=Region.ASIA_PACIFIC)
    for number, payload in enumerate(PAYLOADS):
        course, lessons = make_course(site_tree["courses"], title=payload, slug=f"hostile-{number}", modules=1)
        person = make_member(city, first_name=PRINTABLE_PAYLOADS[number % len(PRINTABLE_PAYLOADS)], last_name="")
        services.enroll(user=person, course=course)
        for lesson in lessons:
            services.mark_lesson_complete(user=person, course=course, lesson=lesson)
    return city


def test_the_citys_course_table_neutralises_course_titles(client, learning):
    client.force_login(make_member(learning, role=Membership.Role.FOCAL_POINT))
    rows = read_csv(client.get(f"/members/{learning.slug}/dashboard/courses.csv"))
    assert_csv_neutralised(rows)
    assert set(column(rows, "Enrolled")) == {"1"}  # counts stay plain numbers


def test_the_secretariats_learning_report_neutralises_course_titles(admin_client, learning):
    rows = read_csv(admin_client.get("/admin/reports/learning/", {"export": "csv"}))
    assert_csv_neutralised(rows)
    assert set(column(rows, "Completed")) == {"1"}


def test_the_enrolment_listing_exports_neutralise_people_and_courses(admin_client, learning):
    url = reverse("wagtailsnippets_courses_enrollment:list")
    assert_csv_neutralised(read_csv(admin_client.get(url, {"export": "csv"})))
    assert_xlsx_neutralised(read_xlsx(admin_client.get(url, {"export": "xlsx"})))


def test_the_certificate_listing_exports_neutralise_names_and_keep_hours_a_number(admin_client, learning):
    url = reverse("wagtailsnippets_courses_certificate:list")
    rows = read_csv(admin_client.get(url, {"export": "csv"}))
    assert_csv_neutralised(rows)
    assert set(column(rows, "Name as issued")) == {"'" + payload for payload in PRINTABLE_PAYLOADS}
    cells = read_xlsx(admin_client.get(url, {"export": "xlsx"}))
    assert_xlsx_neutralised(cells)
    hours = [cell.value for cell in cells[0]].index("Hours")
    assert {row[hours].data_type for row in cells[1:]} == {"n"}
    assert all(isinstance(row[hours].value, int) for row in cells[1:])
