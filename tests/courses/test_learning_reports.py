"""Learning reports: per course for a city's focal point, by course and region for the secretariat."""

import csv
import io

import pytest
from django.test import Client

from courses import services
from courses.models import Certificate
from tests.factories import OrganisationFactory, UserFactory, make_course, make_member

pytestmark = pytest.mark.django_db


def complete(person, course, lessons):
    services.enroll(user=person, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=person, course=course, lesson=lesson)


@pytest.fixture
def learning(site_tree):
    seoul = OrganisationFactory(name="Seoul", region="asia_pacific")
    hamburg = OrganisationFactory(name="Hamburg", region="europe")
    open_data, open_lessons = make_course(site_tree["courses"], title="Open data basics")
    strategy, _ = make_course(site_tree["courses"], title="Smart-city strategy")
    seoul_staff = [make_member(seoul) for _ in range(3)]
    complete(seoul_staff[0], open_data, open_lessons)
    complete(seoul_staff[1], open_data, open_lessons)
    services.enroll(user=seoul_staff[2], course=open_data)
    services.enroll(user=seoul_staff[2], course=strategy)
    complete(make_member(hamburg), open_data, open_lessons)
    services.enroll(user=UserFactory(), course=strategy)  # nobody's staff
    revoked = Certificate.objects.get(enrollment__user=seoul_staff[1])
    services.revoke_certificate(certificate=revoked, reason="Issued by mistake.")
    return {"seoul": seoul, "hamburg": hamburg}


def test_the_focal_point_sees_enrolled_completed_and_certificates_per_course(learning):
    client = Client()
    client.force_login(make_member(learning["seoul"], role="focal_point"))
    page = client.get(f"/members/{learning['seoul'].slug}/dashboard/")
    courses = next(report for report in page.context["reports"] if report.key == "courses")
    assert courses.table_rows == [["Open data basics", 3, 2, 1], ["Smart-city strategy", 1, 0, 0]]
    assert "By course" in page.content.decode()
    exported = client.get(f"/members/{learning['seoul'].slug}/dashboard/courses.csv")
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert table == [
        ["Course", "Enrolled", "Completed", "Certificates"],
        ["Open data basics", "3", "2", "1"],
        ["Smart-city strategy", "1", "0", "0"],
    ]
    assert client.get(f"/members/{learning['seoul'].slug}/dashboard/nothing.csv").status_code == 404
    assert client.get(f"/members/{learning['hamburg'].slug}/dashboard/courses.csv").status_code == 404


def test_the_secretariat_reads_learning_by_course_and_region(admin_client, learning):
    response = admin_client.get("/admin/reports/learning/")
    assert response.status_code == 200
    assert response.context["rows"] == [
        ["Open data basics", "Asia and the Pacific", 3, 2, 1],
        ["Open data basics", "Europe", 1, 1, 1],
        ["Smart-city strategy", "Asia and the Pacific", 1, 0, 0],
        ["Smart-city strategy", "No member city", 1, 0, 0],
    ]
    assert response.context["totals"] == [6, 3, 2]
    europe = admin_client.get("/admin/reports/learning/?region=europe&export=csv")
    table = list(csv.reader(io.StringIO(europe.content.decode("utf-8-sig"))))
    assert table == [
        ["Course", "Region", "Enrolled", "Completed", "Certificates"],
        ["Open data basics", "Europe", "1", "1", "1"],
    ]
    assert admin_client.get("/admin/reports/learning/?region=mars&course=abc").status_code == 200


def test_people_without_permission_do_not_see_the_learning_report(client, learning):
    client.force_login(UserFactory())
    assert client.get("/admin/reports/learning/").status_code in (302, 403)
