"""The member directory as data (/api/v1/organisations/): active organisations only, found by any spelling of their
name and narrowed as on /members/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Organisation, Region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/"


@pytest.fixture
def directory(db):
    return {
        "seoul": OrganisationFactory(
            name="Seoul Metropolitan Government",
            city="Seoul",
            native_name="서울특별시",
            aliases="Seoul City",
            region=Region.ASIA_PACIFIC,
            country="KR",
            year_joined=2010,
        ),
        "lisbon": OrganisationFactory(
            name="City of Lisbon", city="Lisbon", region=Region.EUROPE, country="PT", year_joined=2019
        ),
        "gone": OrganisationFactory(name="City of Nowhere", status=Organisation.Status.FORMER),
    }


def names(response):
    return [organisation["name"] for organisation in response.json()["results"]]


def test_the_list_finds_and_narrows_as_the_directory_does(client, directory):
    assert names(client.get(URL)) == ["City of Lisbon", "Seoul Metropolitan Government"]
    assert names(client.get(URL, {"q": "서울"})) == ["Seoul Metropolitan Government"]
    assert names(client.get(URL, {"region": "europe"})) == ["City of Lisbon"]
    assert names(client.get(URL, {"country": "kr"})) == ["Seoul Metropolitan Government"]
    assert names(client.get(URL, {"sort": "newest"})) == ["City of Lisbon", "Seoul Metropolitan Government"]


def test_one_organisation_and_never_an_inactive_one(client, directory):
    body = client.get(f"{URL}seoul-metropolitan-government/").json()
    assert body["native_name"] == "서울특별시" and body["other_names"] == ["Seoul City"]
    assert body["url"].endswith("/members/seoul-metropolitan-government/")
    assert client.get(f"{URL}city-of-nowhere/").status_code == 404
    assert "City of Nowhere" not in names(client.get(URL))


@pytest.mark.parametrize("query", [{"region": "atlantis"}, {"sort": "random"}, {"country": "KOR"}, {"q": "x" * 101}])
def test_an_unknown_filter_value_is_refused_with_the_reason(client, directory, query):
    response = client.get(URL, query)
    assert response.status_code == 422
    [name] = query
    assert any(name in error["loc"] for error in response.json()["detail"])


@pytest.mark.parametrize("slug", ["a b", "%00", "x" * 161])
def test_a_malformed_slug_is_a_client_error(client, slug):
    assert client.get(f"{URL}{slug}/").status_code in (400, 404, 422)  # a NUL: core's plain 400 before any view


def test_the_list_costs_the_same_queries_for_two_organisations_or_forty(client, directory):
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"page_size": 100})
    for _ in range(38):
        OrganisationFactory()
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 40
    assert len(many) == len(few)
