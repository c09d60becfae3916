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


# --- Search by name and sort (issue 17) ------------------------------------------------------------


def names_on(response):
    return [organisation.name for organisation in response.context["organisations"]]


@pytest.mark.parametrize("query", ["Seoul", "seoul", "서울", "SEOUL", "  seoul city ", "Séoul"])
def test_directory_finds_a_city_by_any_spelling_of_its_name(client, query):
    OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", native_name="서울", aliases="Seoul City")
    OrganisationFactory(name="Busan Metropolitan City", city="Busan", native_name="부산")
    response = client.get("/members/", {"q": query})
    assert response.status_code == 200
    assert names_on(response) == ["Seoul Metropolitan Government"]


def test_directory_search_matches_aliases_and_non_ascii_case(client):
    OrganisationFactory(name="City of Paris", city="Paris", country="FR", aliases="Ville de Paris")
    OrganisationFactory(name="Istanbul Metropolitan Municipality", city="İstanbul", native_name="İSTANBUL")
    OrganisationFactory(name="Municipality of São Paulo", city="São Paulo", country="BR")
    assert names_on(client.get("/members/", {"q": "ville de"})) == ["City of Paris"]
    assert names_on(client.get("/members/", {"q": "ВИЛЛЕ"})) == []
    assert names_on(client.get("/members/", {"q": "SÃO PAULO"})) == ["Municipality of São Paulo"]
    assert names_on(client.get("/members/", {"q": "sao paulo"})) == ["Municipality of São Paulo"]
    assert names_on(client.get("/members/", {"q": "istanbul"})) == ["Istanbul Metropolitan Municipality"]


def test_editing_the_names_keeps_the_search_up_to_date(client):
    city = OrganisationFactory(name="Tokyo Metropolitan Government", city="Tokyo", country="JP")
    assert names_on(client.get("/members/", {"q": "東京"})) == []
    city.native_name = "東京都"
    city.save(update_fields=["native_name"])
    assert names_on(client.get("/members/", {"q": "東京"})) == ["Tokyo Metropolitan Government"]


def test_a_search_without_a_match_says_so(client):
    OrganisationFactory(name="City of Nairobi", city="Nairobi")
    response = client.get("/members/", {"q": "Atlantis"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No member city is called “Atlantis”" in html
    assert "0 organisations" in html


def test_the_directory_sorts_by_name_newest_members_or_region(client):
    OrganisationFactory(name="Nairobi City County", region=Region.AFRICA, year_joined=2019)
    OrganisationFactory(name="Busan Metropolitan City", region=Region.ASIA_PACIFIC, year_joined=2011)
    OrganisationFactory(name="City of Lisbon", region=Region.EUROPE, year_joined=2022)
    OrganisationFactory(name="Almaty City", region=Region.EURASIA, year_joined=None)
    by_name = ["Almaty City", "Busan Metropolitan City", "City of Lisbon", "Nairobi City County"]
    assert names_on(client.get("/members/")) == by_name
    assert names_on(client.get("/members/", {"sort": "name"})) == by_name
    assert names_on(client.get("/members/", {"sort": "newest"})) == [
        "City of Lisbon",
        "Nairobi City County",
        "Busan Metropolitan City",
        "Almaty City",  # no year: last
    ]
    assert names_on(client.get("/members/", {"sort": "region"})) == [
        "Nairobi City County",  # Africa
        "Busan Metropolitan City",  # Asia and the Pacific
        "Almaty City",  # Eurasia
        "City of Lisbon",  # Europe
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sort": "cheapest"}, "Select a valid choice. cheapest is not one of the available choices."),
        ({"q": "x" * 101}, "Ensure this value has at most 100 characters (it has 101)."),
    ],
)
def test_a_bad_sort_or_search_value_gets_a_clear_message_and_the_rest_still_applies(client, params, message):
    OrganisationFactory(name="City of Nairobi", region=Region.AFRICA)
    OrganisationFactory(name="City of Lima", region=Region.LATIN_AMERICA_CARIBBEAN)
    response = client.get("/members/", {**params, "region": "africa"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert names_on(response) == ["City of Nairobi"]


@pytest.mark.parametrize("params", [{"q": "city", "sort": "region"}, {"q": "서울", "sort": "newest"}])
def test_directory_search_query_count_does_not_grow_with_organisations(client, django_assert_num_queries, params):
    OrganisationFactory.create_batch(3, native_name="서울")
    client.get("/members/", params)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        client.get("/members/", params)
    OrganisationFactory.create_batch(40, native_name="서울")
    with django_assert_num_queries(len(few)):
        response = client.get("/members/", params)
    assert response.status_code == 200
