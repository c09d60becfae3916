"""The secretariat's charts in the admin (Reports → Charts): members per region, courses completed per month,
downloads per toolkit and cases published per year, from the apps' ``register_report_chart`` hooks. Each chart
needs the permission of the matching table report; a constant number of queries as data grow."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import CasePage
from core import charts
from courses.models import Enrollment
from members.models import Membership, Organisation, Region, User
from members.wagtail_hooks import register_charts_report_menu_item
from tests.factories import (
    CasePageFactory,
    CoursePageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
    UserFactory,
    build_site_tree,
    make_member,
)
from toolkits.models import Download

pytestmark = pytest.mark.django_db

URL = "members_charts_report"


def at(day, hour=12):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def tree():
    return build_site_tree()


def grow(tree, scale):
    """Members in Africa (half signed in lately) and Europe, a suspended city's (not counted), courses completed,
    toolkit downloads and published cases, ``scale`` times over."""
    months = charts.last_months(12)
    nairobi = OrganisationFactory(region=Region.AFRICA, country="KE")
    lyon = OrganisationFactory(region=Region.EUROPE, country="FR")
    closed = OrganisationFactory(region=Region.EUROPE, country="FR", status=Organisation.Status.SUSPENDED)
    course = CoursePageFactory(parent=tree["courses"])
    toolkits = [ToolkitPageFactory(parent=tree["toolkits"], title=f"Toolkit {scale}-{n:02}") for n in range(12)]
    for n in range(scale):
        recent, old = make_member(nairobi), make_member(nairobi)
        User.objects.filter(pk=recent.pk).update(last_login=timezone.now() - dt.timedelta(days=3))
        User.objects.filter(pk=old.pk).update(last_login=timezone.now() - dt.timedelta(days=200))
        make_member(lyon)
        make_member(closed)
        Enrollment.objects.create(
            user=recent, course=course, completed_at=at(months[-2]), status=Enrollment.Status.COMPLETED
        )
        Download.objects.bulk_create(
            Download(toolkit=toolkit, version="1.0", language="en", visitor=f"{n}-{position}-{copy}", click_window=1)
            for position, toolkit in enumerate(toolkits)
            for copy in range(position + 1)  # toolkit n is downloaded n + 1 times
        )
        case = CasePageFactory(parent=tree["cases"])
        CasePage.objects.filter(pk=case.pk).update(first_published_at=at(dt.date(timezone.localdate().year - 1, 3, 1)))
    return months


def tables(html):
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for figure in soup.find_all("figure", class_="chart"):
        rows = figure.find("table").find_all("tr") if figure.find("table") else []
        found[figure["id"]] = {row.th.get_text(): [td.get_text() for td in row.find_all("td")] for row in rows[1:]}
    return found


def test_the_secretariat_sees_four_charts_with_the_right_figures(admin_client, tree):
    months = grow(tree, 2)
    html = admin_client.get(reverse(URL)).content.decode()
    found = tables(html)
    assert list(found) == [
        "chart-members-per-region",
        "chart-courses-completed",
        "chart-toolkit-downloads",
        "chart-cases-published",
    ]
    regions = found["chart-members-per-region"]
    assert regions["Africa"] == ["4", "2"]
    assert regions["Europe"] == ["2", "0"]  # the suspended city's members are not counted
    assert regions["North America"] == ["0", "0"]
    assert found["chart-courses-completed"][charts.table_label(months[-2])] == ["2"]
    downloads = found["chart-toolkit-downloads"]
    assert list(downloads) == [f"Toolkit 2-{n:02}" for n in range(11, 1, -1)]  # the top 10, most first
    assert downloads["Toolkit 2-11"] == ["24"]
    last_year = str(timezone.localdate().year - 1)
    assert found["chart-cases-published"] == {last_year: ["2"], str(timezone.localdate().year): ["0"]}
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("figure.chart svg[role=img]")) == 4


def test_each_chart_needs_the_permission_of_its_report(client, tree):
    grow(tree, 1)
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(person)
    response = client.get(reverse(URL))  # Wagtail turns the view's PermissionDenied into "Sorry, …" on its home
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(pk=person.pk)
    assert not register_charts_report_menu_item().is_shown(request)

    person.user_permissions.add(Permission.objects.get(codename="view_download", content_type__app_label="toolkits"))
    person = User.objects.get(pk=person.pk)  # permissions are cached on the instance
    request.user = person
    assert register_charts_report_menu_item().is_shown(request)
    found = tables(client.get(reverse(URL)).content.decode())
    assert list(found) == ["chart-toolkit-downloads"]


def test_a_focal_point_cannot_open_the_charts(client, tree):
    focal_point = make_member(OrganisationFactory(), role=Membership.Role.FOCAL_POINT)
    client.force_login(focal_point)
    assert client.get(reverse(URL)).status_code in (302, 403)
    client.logout()
    assert client.get(reverse(URL)).status_code == 302


def test_the_charts_cost_the_same_queries_as_data_grow(admin_client, tree, django_assert_num_queries):
    grow(tree, 1)
    admin_client.get(reverse(URL))
    with CaptureQueriesContext(connection) as few:
        admin_client.get(reverse(URL))
    with CaptureQueriesContext(connection) as counting:
        charts.report_charts(charts.SECRETARIAT)
    assert len(counting) == 4  # one aggregate query per chart
    grow(tree, 6)
    with django_assert_num_queries(len(few)):
        admin_client.get(reverse(URL))


def test_the_menu_links_to_the_charts(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(URL) in html
