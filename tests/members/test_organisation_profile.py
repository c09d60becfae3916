"""A city's public profile: who it is, what it shares, how its staff join (issue 17)."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection

from courses import services as course_services
from members.models import Membership, Organisation, Region
from tests.factories import (
    CasePageFactory,
    EventPageFactory,
    OrganisationFactory,
    ToolkitPageFactory,
    UserFactory,
    make_course,
    make_member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seoul(db):
    return OrganisationFactory(
        name="Seoul Metropolitan Government",
        city="Seoul",
        country="KR",
        region=Region.ASIA_PACIFIC,
        native_name="서울특별시",
        aliases="Seoul City\nSMG",
        year_joined=2010,
        website="https://seoul.city.example/",
        description="Seoul shares its e-government and open-data practice with the association. (Demo data.)",
        email_domains="seoul.city.example\nseoul.go.example",
    )


def profile(client, organisation):
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_profile_says_who_the_city_is(client, seoul):
    html = profile(client, seoul)
    assert "Seoul shares its e-government and open-data practice" in html
    assert "서울특별시" in html
    assert "Seoul City, SMG" in html
    assert "Asia and the Pacific" in html
    assert "South Korea" in html
    assert "Member since" in html and "2010" in html
    assert 'href="https://seoul.city.example/"' in html
    assert html.count("<h1") == 1


def test_the_profile_lists_the_events_the_city_hosts_and_the_toolkits_it_wrote(client, site_tree, seoul):
    busan = OrganisationFactory(name="Busan Metropolitan City")
    EventPageFactory(parent=site_tree["events"], title="Seoul Smart City Summit", host_organisation=seoul)
    EventPageFactory(parent=site_tree["events"], title="Busan Port Data Workshop", host_organisation=busan)
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="E-government strategy toolkit")
    toolkit.authoring_organisations.set([seoul, busan])
    toolkit.save_revision().publish()
    ToolkitPageFactory(parent=site_tree["toolkits"], title="Harbour sensors guide")

    html = profile(client, seoul)
    assert "Events it hosts" in html and "Seoul Smart City Summit" in html
    assert "Busan Port Data Workshop" not in html
    assert "Toolkits it wrote" in html and "E-government strategy toolkit" in html
    assert "Harbour sensors guide" not in html
    assert "E-government strategy toolkit" in profile(client, busan)


def test_the_profile_lists_the_cases_the_city_shares(client, site_tree, seoul):
    CasePageFactory(parent=site_tree["cases"], title="Seoul open-data plaza", organisation=seoul)
    CasePageFactory(parent=site_tree["cases"], title="Busan port data", city="Busan")
    html = profile(client, seoul)
    assert "Cases it shares" in html and "Seoul open-data plaza" in html
    assert "Busan port data" not in html


def test_a_city_that_shares_nothing_yet_says_so(client, site_tree, seoul):
    html = profile(client, seoul)
    assert "Seoul Metropolitan Government has not shared a case on WeGo Hub yet." in html
    assert "Seoul Metropolitan Government has not hosted an event on WeGo Hub yet." in html
    assert "Seoul Metropolitan Government has not published a toolkit on WeGo Hub yet." in html


def test_the_profile_shows_learning_totals_without_names(client, site_tree, seoul):
    course, lessons = make_course(site_tree["courses"], title="Open data basics")
    make_course(site_tree["courses"], title="Smart mobility")
    finisher = make_member(seoul, first_name="Jiho", last_name="Kim")
    learner = make_member(seoul, first_name="Sun-woo", last_name="Lee")
    outsider = UserFactory(first_name="Not", last_name="Staff")  # no membership: not counted
    for person in (finisher, learner, outsider):
        course_services.enroll(user=person, course=course)
    for lesson in lessons:
        course_services.mark_lesson_complete(user=finisher, course=course, lesson=lesson)

    response = client.get(seoul.get_absolute_url())
    figures = {str(figure.label): figure.value for figure in response.context["figures"]}
    assert figures == {"Staff enrolled in a course": 2, "Courses completed": 1, "Certificates earned": 1}
    html = response.content.decode()
    assert "Learning in Seoul" in html
    assert "Jiho" not in html and "Kim" not in html and "Sun-woo" not in html


def test_the_profile_tells_staff_how_to_join_without_a_personal_address(client, seoul):
    focal_point = make_member(seoul, role=Membership.Role.FOCAL_POINT, email="mina.park@seoul.city.example")
    html = profile(client, seoul)
    assert "@seoul.city.example" in html and "@seoul.go.example" in html
    assert "The city's focal point approves other requests." in html
    assert focal_point.email not in html
    assert "Mina" not in html
    assert 'href="/accounts/signup/?organisation=seoul-metropolitan-government"' in html
    assert "Join as staff of Seoul Metropolitan Government" in html


def test_the_cover_image_is_shown_when_there_is_one(client, seoul):
    image = wagtail_factories.ImageFactory(title="Seoul skyline at dusk", collection=Collection.get_first_root_node())
    assert 'class="city-cover"' not in profile(client, seoul)
    seoul.cover_image = image
    seoul.save()
    html = profile(client, seoul)
    assert 'class="city-cover"' in html and 'alt="Seoul skyline at dusk"' in html


def test_a_published_contact_address_is_shown(client, seoul):
    seoul.public_contact_email = "digital-cooperation@seoul.city.example"
    seoul.save()
    assert 'href="mailto:digital-cooperation@seoul.city.example"' in profile(client, seoul)


def test_without_a_focal_point_the_profile_says_the_secretariat_approves(client):
    city = OrganisationFactory(name="Nairobi City County", email_domains="")
    html = profile(client, city)
    assert "the WeGo secretariat approves requests to join" in html
    assert "join at once" not in html


def test_a_signed_in_visitor_joins_from_my_hub_with_the_city_chosen(client, seoul):
    client.force_login(UserFactory())
    html = profile(client, seoul)
    assert 'href="/me/?organisation=seoul-metropolitan-government#membership-heading"' in html
    me = client.get("/me/", {"organisation": seoul.slug}).content.decode()
    assert f'value="{seoul.pk}" selected>' in me


def test_the_profile_has_a_one_line_summary_for_its_meta_description(client, seoul):
    response = client.get(seoul.get_absolute_url())
    summary = response.context["meta_description"]
    assert summary.startswith("Seoul Metropolitan Government: Seoul, South Korea, Asia and the Pacific.")
    assert len(summary) <= 160


def test_the_profile_query_count_does_not_grow_with_what_the_city_shares(client, site_tree, seoul):
    def add(start, count):
        for n in range(start, start + count):
            EventPageFactory(parent=site_tree["events"], title=f"Seoul event {n}", host_organisation=seoul)
            toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title=f"Seoul toolkit {n}")
            toolkit.authoring_organisations.set([seoul])
            toolkit.save_revision().publish()
            CasePageFactory(parent=site_tree["cases"], title=f"Seoul case {n}", organisation=seoul)

    add(0, 1)
    client.get(seoul.get_absolute_url())  # warm the site and root-path caches
    with CaptureQueriesContext(connection) as few:
        client.get(seoul.get_absolute_url())
    add(1, 5)
    with CaptureQueriesContext(connection) as many:
        client.get(seoul.get_absolute_url())
    assert len(many) == len(few)


def test_a_suspended_city_has_no_public_profile(client):
    city = OrganisationFactory(status=Organisation.Status.SUSPENDED)
    assert client.get(city.get_absolute_url()).status_code == 404


def test_the_focal_point_publishes_and_withdraws_the_public_contact_from_the_dashboard(client, seoul):
    focal_point = make_member(seoul, role=Membership.Role.FOCAL_POINT, email="mina.park@seoul.city.example")
    client.force_login(focal_point)
    dashboard = client.get(f"/members/{seoul.slug}/dashboard/").content.decode()
    assert "Your city&#x27;s public contact" in dashboard or "Your city's public contact" in dashboard
    url = f"/members/{seoul.slug}/dashboard/contact/"

    response = client.post(url, {"public_contact_email": " Digital@Seoul.city.example "}, follow=True)
    assert "now shows digital@seoul.city.example" in response.content.decode()
    client.logout()
    assert 'href="mailto:digital@seoul.city.example"' in profile(client, seoul)

    client.force_login(focal_point)
    response = client.post(url, {"public_contact_email": "not an address"}, follow=True)
    assert "Enter a valid email address" in response.content.decode()
    seoul.refresh_from_db()
    assert seoul.public_contact_email == "digital@seoul.city.example"

    client.post(url, {"public_contact_email": ""})
    seoul.refresh_from_db()
    assert seoul.public_contact_email == ""


def test_only_the_citys_focal_point_may_set_its_public_contact(client, seoul):
    other_city = OrganisationFactory(name="Busan Metropolitan City")
    other_focal_point = make_member(other_city, role=Membership.Role.FOCAL_POINT)
    staff = make_member(seoul)
    url = f"/members/{seoul.slug}/dashboard/contact/"
    for person in (other_focal_point, staff):
        client.force_login(person)
        assert client.post(url, {"public_contact_email": "x@city.example"}).status_code == 404
    client.logout()
    assert client.post(url, {"public_contact_email": "x@city.example"}).status_code == 302  # to sign in
    seoul.refresh_from_db()
    assert seoul.public_contact_email == ""
