import csv
import io

import pytest
from django.urls import reverse

from members import services
from members.models import Membership, Organisation, Region
from tests.factories import OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    nairobi = OrganisationFactory(name="Nairobi City County", region=Region.AFRICA, country="KE")
    lima = OrganisationFactory(name="Lima", region=Region.LATIN_AMERICA_CARIBBEAN, country="PE")
    make_member(nairobi)
    make_member(nairobi)
    services.request_membership(user=UserFactory(first_name="Waiting", last_name="Applicant"), organisation=lima)
    # Not counted as waiting for a decision until the address is confirmed (the focal point cannot decide it yet).
    services.request_membership(user=UserFactory(first_name="Unconfirmed", verified=False), organisation=lima)
    return nairobi, lima


def test_secretariat_lists_requests_across_cities_with_filters(admin_client, data):
    url = reverse("wagtailsnippets_members_membership:list")
    html = admin_client.get(url).content.decode()
    assert "Waiting Applicant" in html
    pending_only = admin_client.get(url, {"status": "pending"}).content.decode()
    assert "Waiting Applicant" in pending_only
    africa = admin_client.get(url, {"organisation__region": "africa"}).content.decode()
    assert "Waiting Applicant" not in africa


def test_membership_report_counts_per_region_and_kind(admin_client, data):
    html = admin_client.get(reverse("members_membership_report")).content.decode()
    assert "Africa" in html and "Latin America and the Caribbean" in html
    response = admin_client.get(reverse("members_membership_report"), {"export": "csv"})
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode()))}
    assert rows["Africa"][2:] == ["1", "0", "2", "0"]
    assert rows["Latin America and the Caribbean"][2:] == ["1", "0", "0", "1"]


def test_the_report_is_for_the_secretariat_only(client, data):
    client.force_login(make_member(data[0], role=Membership.Role.FOCAL_POINT))
    response = client.get(reverse("members_membership_report"))
    assert response.status_code in (302, 403)


def test_suspending_an_organisation_in_the_admin_closes_access_at_once(admin_client, data):
    nairobi, _ = data
    person = Membership.objects.filter(organisation=nairobi).first().user
    assert person.groups.filter(name="Members").exists()
    edit_url = reverse("wagtailsnippets_members_organisation:edit", args=[nairobi.pk])
    form = {
        "name": nairobi.name,
        "slug": nairobi.slug,
        "kind": nairobi.kind,
        "status": Organisation.Status.SUSPENDED,
        "city": nairobi.city,
        "country": "KE",
        "region": nairobi.region,
        "year_joined": "2015",
        "website": "",
        "description": "",
        "email_domains": "",
    }
    response = admin_client.post(edit_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.get(pk=nairobi.pk).status == Organisation.Status.SUSPENDED
    assert not person.groups.filter(name="Members").exists()
