"""The focal-point dashboard's charts: the city's learning and event participation per month, drawn from the
courses' and events' ``register_report_chart`` hooks, each with its table; only the city's focal point and the
secretariat see them; a constant number of queries; valid markup."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core import charts
from courses.models import Enrollment
from events.models import Registration
from members.models import Membership
from tests.factories import CoursePageFactory, EventPageFactory, OrganisationFactory, build_site_tree, make_member
from tests.test_html_validity import check_html, html_checker

pytestmark = pytest.mark.django_db


def at(day, hour=12):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def tree():
    return build_site_tree()


@pytest.fixture
def city():
    return OrganisationFactory(name="City of Kigali")


@pytest.fixture
def focal_point(city):
    return make_member(city, role=Membership.Role.FOCAL_POINT)


def add_activity(tree, city, people, months):
    """``people`` staff of ``city``, each enrolled three months ago and done this month, registered for an event
    two months ago and checked in this month; one more registration cancelled (not counted)."""
    course = CoursePageFactory(parent=tree["courses"])
    event = EventPageFactory(parent=tree["events"])
    for _ in range(people):
        person = make_member(city)
        Enrollment.objects.create(
            user=person,
            course=course,
            enrolled_at=at(months[-3]),
            completed_at=at(months[-1], hour=0),
            status=Enrollment.Status.COMPLETED,
        )
        Registration.objects.create(
            event=event,
            user=person,
            organisation=city,
            mode=Registration.Mode.IN_PERSON,
            status=Registration.Status.CONFIRMED,
            consent_given_at=at(months[-2]),
            created_at=at(months[-2]),
            attended_at=at(months[-1], hour=0),
        )
    Registration.objects.create(
        event=event,
        user=make_member(city),
        organisation=city,
        mode=Registration.Mode.ONLINE,
        status=Registration.Status.CANCELLED,
        consent_given_at=at(months[-2]),
        created_at=at(months[-2]),
    )


def table(soup, key):
    figure = soup.find("figure", id=f"chart-{key}")
    assert figure is not None, f"no chart {key}"
    rows = figure.find("table").find_all("tr")
    return {row.find("th").get_text(): [td.get_text() for td in row.find_all("td")] for row in rows[1:]}


def test_the_focal_point_sees_the_citys_learning_and_events_per_month(client, tree, city, focal_point):
    months = charts.last_months(12)
    add_activity(tree, city, 3, months)
    other = OrganisationFactory(name="Elsewhere")
    add_activity(tree, other, 5, months)  # another city's people: never in this city's charts
    make_member(city)  # staff with no activity
    client.force_login(focal_point)
    html = client.get(reverse("members:dashboard", args=[city.slug])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "charts-heading"})
    assert section.find("h2").get_text() == "Learning and events over time"

    learning = table(section, "city-learning")
    assert len(learning) == 12
    assert learning[charts.table_label(months[-3])] == ["3", "0"]
    assert learning[charts.table_label(months[-1])] == ["0", "3"]
    assert learning[charts.table_label(months[0])] == ["0", "0"]
    events = table(section, "city-events")
    assert events[charts.table_label(months[-2])] == ["3", "0"]
    assert events[charts.table_label(months[-1])] == ["0", "3"]

    for key in ("city-learning", "city-events"):
        svg = section.find("figure", id=f"chart-{key}").find("svg")
        assert svg["role"] == "img" and svg.find("title").get_text() and svg.find("desc").get_text()
    assert "3 in all" in section.find("figure", id="chart-city-learning").find("desc").get_text()


def test_a_city_without_activity_reads_no_data_yet(client, city, focal_point):
    client.force_login(focal_point)
    soup = BeautifulSoup(client.get(reverse("members:dashboard", args=[city.slug])).content, "html.parser")
    for key in ("city-learning", "city-events"):
        figure = soup.find("figure", id=f"chart-{key}")
        assert figure.find("svg") is None
        assert figure.select_one(".chart-empty").get_text() == "No data yet."


def test_the_secretariat_sees_the_charts_and_nobody_else_does(client, admin_client, tree, city, focal_point):
    add_activity(tree, city, 1, charts.last_months(12))
    url = reverse("members:dashboard", args=[city.slug])
    assert 'id="chart-city-learning"' in admin_client.get(url).content.decode()

    staff = make_member(city)
    other_focal_point = make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT)
    for person in (staff, other_focal_point):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Nor does the city's public profile show them.
    assert "chart-city-learning" not in client.get(reverse("members:organisation", args=[city.slug])).content.decode()


def test_the_charts_cost_the_same_queries_for_one_person_or_many(
    client, tree, city, focal_point, django_assert_num_queries, django_assert_max_num_queries
):
    months = charts.last_months(12)
    other = OrganisationFactory()
    add_activity(tree, city, 1, months)
    add_activity(tree, other, 1, months)
    with CaptureQueriesContext(connection) as few:
        small = charts.report_charts(charts.ORGANISATION, organisation=city)
    assert len(few) == 4  # courses: enrolled, completed; events: registered, attended
    client.force_login(focal_point)
    url = reverse("members:dashboard", args=[city.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as page:
        client.get(url)

    add_activity(tree, city, 30, months)
    add_activity(tree, other, 30, months)
    with django_assert_num_queries(len(few)):
        large = charts.report_charts(charts.ORGANISATION, organisation=city)
    assert [chart.key for chart in large] == [chart.key for chart in small]
    assert not any(chart.is_empty for chart in large)
    with django_assert_max_num_queries(len(page)):
        client.get(url)


def test_the_dashboard_with_charts_is_valid_html_in_english_and_arabic(client, tree, city, focal_point, tmp_path):
    command = html_checker()
    add_activity(tree, city, 2, charts.last_months(12))
    client.force_login(focal_point)
    documents = []
    for language in ("en", "ar"):
        with translation.override(language):
            url = reverse("members:dashboard", args=[city.slug])
        html = client.get(url, headers={"accept-language": language}).content.decode()
        assert 'class="chart-svg' in html
        documents.append((url, html))
    assert 'direction="rtl"' in documents[1][1]
    assert check_html(command, documents, tmp_path) == []
