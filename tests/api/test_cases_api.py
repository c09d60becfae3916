"""The case library as data (/api/v1/cases/): the library's filters and facets, live public cases only, pages that
link to each other, and HTTP that a partner's cache and browser can use (ETag, 304, Cache-Control, CORS)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cases.models import CasePage
from members.models import Region
from tests.factories import CasePageFactory, OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/cases/"


@pytest.fixture
def library(site_tree):
    open_data = TopicFactory(name="Open data", slug="open-data")
    lisbon = OrganisationFactory(name="City of Lisbon", city="Lisbon", country="PT", region=Region.EUROPE)
    cases = {
        "lisbon": CasePageFactory(
            parent=site_tree["cases"],
            title="Mobility data lab",
            organisation=lisbon,
            kind=CasePage.Kind.RESEARCH_PROJECT,
            start_year=2021,
        ),
        "seoul": CasePageFactory(
            parent=site_tree["cases"],
            title="Smart parking",
            region=Region.ASIA_PACIFIC,
            kind=CasePage.Kind.PILOT_PROJECT,
        ),
        "dakar": CasePageFactory(
            parent=site_tree["cases"],
            title="Open budget portal",
            city="Dakar",
            country="SN",
            region=Region.AFRICA,
            kind=CasePage.Kind.PILOT_PROJECT,
            start_year=2024,
        ),
    }
    cases["dakar"].topics.add(open_data)
    cases["dakar"].save_revision().publish()
    return cases


def titles(response):
    return [case["title"] for case in response.json()["results"]]


def test_the_list_filters_as_the_library_does_and_counts_each_facet_under_the_others(client, library):
    response = client.get(URL, {"kind": "pilot_project"})
    assert response.status_code == 200
    body = response.json()
    assert sorted(titles(response)) == ["Open budget portal", "Smart parking"] and body["count"] == 2
    # The kind facet is counted without the kind filter (so a reader sees what a second kind would add).
    assert body["facets"]["kind"] == {"pilot_project": 2, "research_project": 1}
    assert body["facets"]["region"] == {"africa": 1, "asia_pacific": 1}

    assert titles(client.get(URL, {"kind": "pilot_project", "region": "africa"})) == ["Open budget portal"]
    assert sorted(titles(client.get(URL, {"region": ["africa", "europe"]}))) == [
        "Mobility data lab",
        "Open budget portal",
    ]
    assert titles(client.get(URL, {"topic": "open-data"})) == ["Open budget portal"]
    assert titles(client.get(URL, {"country": "pt"})) == ["Mobility data lab"]
    assert titles(client.get(URL, {"q": "parking"})) == ["Smart parking"]
    assert titles(client.get(URL, {"year_from": 2024})) == ["Open budget portal"]
    assert titles(client.get(URL, {"sort": "title"})) == ["Mobility data lab", "Open budget portal", "Smart parking"]


def test_a_result_carries_its_address_its_city_and_its_topics(client, library):
    [dakar] = client.get(URL, {"topic": "open-data"}).json()["results"]
    assert dakar["url"].endswith(library["dakar"].url) and dakar["url"].startswith("http")
    assert dakar["topics"] == ["open-data"] and dakar["language"] == "en" and dakar["country"] == "SN"
    [lisbon] = client.get(URL, {"region": "europe"}).json()["results"]
    assert lisbon["organisation"]["slug"] == "city-of-lisbon"
    assert lisbon["organisation"]["url"].endswith("/members/city-of-lisbon/")


def test_one_case_has_its_story_as_html_and_never_an_address(client, library):
    case = library["seoul"]
    dakar = library["dakar"]
    case.challenge = f'<p>Drivers circle for 15 minutes, as in <a linktype="page" id="{dakar.pk}">Dakar</a>.</p>'
    case.partners = "Seoul Metropolitan Government\n\nA parking start-up\n"
    case.contact_name, case.contact_email = "Parking office", "parking@seoul.example"
    case.save_revision().publish()
    response = client.get(f"{URL}{case.pk}/")
    assert response.status_code == 200
    body = response.json()
    # An internal link is written out as the page shows it.
    assert body["challenge"] == f'<p>Drivers circle for 15 minutes, as in <a href="{dakar.url}">Dakar</a>.</p>'
    assert body["partners"] == ["Seoul Metropolitan Government", "A parking start-up"]
    assert body["contact_name"] == "Parking office" and "parking@seoul.example" not in response.content.decode()


def test_drafts_unpublished_and_restricted_cases_are_never_shown(client, library, site_tree):
    live = library["seoul"]
    live.title = "A draft title nobody approved"
    live.save_revision()  # a draft on top of the live page
    unpublished = CasePageFactory(parent=site_tree["cases"], title="Withdrawn case")
    unpublished.unpublish()
    private = CasePageFactory(parent=site_tree["cases"], title="Private case")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listed = titles(client.get(URL, {"page_size": 100}))
    assert "Smart parking" in listed
    assert not {"A draft title nobody approved", "Withdrawn case", "Private case"} & set(listed)
    assert client.get(f"{URL}{live.pk}/").json()["title"] == "Smart parking"
    for hidden in (unpublished, private):
        assert client.get(f"{URL}{hidden.pk}/").status_code == 404


@pytest.mark.parametrize("value", ["abc", "²", "0", "-1", "99999999999999999999999"])
def test_a_malformed_id_is_a_clear_client_error(client, library, value):
    response = client.get(f"{URL}{value}/")
    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "spaceship"},
        {"region": "atlantis"},
        {"sort": "random"},
        {"year_from": "1800"},
        {"page": "0"},
        {"page_size": "1000"},
        {"language": "xx"},
        {"q": "x" * 1001},
    ],
)
def test_an_unknown_filter_value_is_refused_with_the_reason(client, library, query):
    response = client.get(URL, query)
    assert response.status_code == 422
    [name] = query
    assert any(name in error["loc"] for error in response.json()["detail"])


def test_pages_link_to_each_other_in_a_stable_order(client, library, site_tree, settings):
    for number in range(4):
        CasePageFactory(parent=site_tree["cases"], title=f"Same year {number}", start_year=2022)
    first = client.get(URL, {"page_size": 3}).json()
    assert first["count"] == 7 and first["pages"] == 3 and first["previous"] is None
    assert first["next"].startswith(settings.PUBLIC_URL) and "page=2" in first["next"]
    seen = list(titles_of(first))
    page = first
    while page["next"]:
        page = client.get(page["next"].removeprefix(settings.PUBLIC_URL)).json()
        seen += titles_of(page)
    assert len(seen) == 7 and len(set(seen)) == 7  # every case once, none twice
    assert page["next"] is None and "page=2" in page["previous"]
    beyond = client.get(URL, {"page_size": 3, "page": 9}).json()
    assert beyond["results"] == [] and beyond["count"] == 7 and "page=3" in beyond["previous"]


def titles_of(page):
    return [case["title"] for case in page["results"]]


def test_a_read_is_cacheable_revalidates_with_its_etag_and_may_be_read_from_any_site(client, library):
    response = client.get(URL)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies
    again = client.get(URL, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""
    library["seoul"].title = "Smart parking, scaled"
    library["seoul"].save_revision().publish()
    changed = client.get(URL, headers={"If-None-Match": response["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != response["ETag"]


def test_a_browser_preflight_is_answered_without_credentials(client):
    response = client.options(
        URL, headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"}
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*" and "GET" in response["Access-Control-Allow-Methods"]


def test_the_list_costs_the_same_queries_for_three_cases_or_thirty(client, library, site_tree, no_page_cache):
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"page_size": 100})
    for number in range(27):
        CasePageFactory(parent=site_tree["cases"], title=f"More {number}", region=Region.EUROPE)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 30
    assert len(many) == len(few), [query["sql"][:150] for query in many.captured_queries][-5:]
