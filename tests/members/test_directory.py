import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Organisation, Region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_directory_counts_active_organisations_from_the_data(client):
    OrganisationFactory.create_batch(3)
    OrganisationFactory(status=Organisation.Status.SUSPENDED, name="Suspended City")
    html = client.get("/members/").content.decode()
    assert "3 member cities and partners" in html
    assert "Suspended City" not in html


def test_directory_filters_by_region_and_country(client):
    OrganisationFactory(name="City of Nairobi", country="KE", region=Region.AFRICA)
    OrganisationFactory(name="City of Lima", country="PE", region=Region.LATIN_AMERICA_CARIBBEAN)
    html = client.get("/members/", {"region": "africa"}).content.decode()
    assert "City of Nairobi" in html and "City of Lima" not in html
    html = client.get("/members/", {"country": "PE"}).content.decode()
    assert "City of Lima" in html and "City of Nairobi" not in html


@pytest.mark.parametrize("params", [{"region": "atlantis"}, {"country": "ZZ"}, {"page": "x"}, {"region": "\x01"}])
def test_directory_ignores_invalid_filters_without_an_error(client, params):
    OrganisationFactory()
    response = client.get("/members/", params)
    assert response.status_code == 200


def test_directory_query_count_does_not_grow_with_organisations(client, django_assert_num_queries):
    OrganisationFactory.create_batch(3)
    client.get("/members/")  # warm the site-settings and root-path caches
    with CaptureQueriesContext(connection) as few:
        client.get("/members/")
    OrganisationFactory.create_batch(30)
    with django_assert_num_queries(len(few)):
        client.get("/members/")


def test_organisation_profile_shows_public_facts_only(client):
    organisation = OrganisationFactory(name="City of Kigali", city="Kigali", country="RW", region=Region.AFRICA)
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert "City of Kigali" in response.content.decode()
    suspended = OrganisationFactory(status=Organisation.Status.SUSPENDED)
    assert client.get(suspended.get_absolute_url()).status_code == 404
