import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import CasePage, CaseRelation
from cases.views import EXPORT_COLUMNS
from core.models import Topic
from members.models import Region
from tests.factories import CasePageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(site_tree):
    return site_tree["cases"]


@pytest.fixture
def make_case(library):
    def make(**fields):
        topics = fields.pop("topics", [])
        case = CasePageFactory(parent=library, **fields)
        if topics:
            case.topics.set(Topic.objects.filter(slug__in=topics))
            case.save()  # modelcluster keeps parental relations in memory until the page is saved
        return case

    return make


@pytest.fixture
def topics(db):
    return [
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("open-data", "Open data"), ("e-government", "E-government")]
    ]


@pytest.fixture
def sample(make_case, topics):
    seoul = OrganisationFactory(name="Seoul", city="Seoul", country="KR", region=Region.ASIA_PACIFIC)
    return {
        "bukchon": make_case(
            title="Bukchon IoT pilot",
            organisation=seoul,
            kind="pilot_project",
            stage="pilot",
            start_year=2017,
            end_year=2019,
            budget_band="1m_10m",
            topics=["open-data"],
        ),
        "owl": make_case(
            title="Owl bus routes",
            organisation=seoul,
            kind="scaled_deployment",
            stage="scaled",
            start_year=2013,
            budget_band="100k_1m",
            topics=["open-data"],
        ),
        "paris": make_case(
            title="School streets study",
            city="Paris",
            country="FR",
            region=Region.EUROPE,
            kind="feasibility_study",
            stage="feasibility",
            start_year=2020,
            topics=["e-government"],
        ),
    }


def titles(response):
    return [item.title for item in response.context["items"]]


def test_region_and_place_come_from_the_member_city(sample):
    bukchon = sample["bukchon"]
    assert (bukchon.city, str(bukchon.country), bukchon.region) == ("Seoul", "KR", "asia_pacific")


def test_a_case_needs_a_member_city_or_a_free_text_place(library):
    case = CasePage(title="Nowhere", slug="nowhere", summary="?", start_year=2020)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "city" in error.value.message_dict


def test_facets_combine_and_across_or_within(client, sample):
    both_kinds = client.get("/cases/", {"kind": ["pilot_project", "feasibility_study"]})
    assert sorted(titles(both_kinds)) == ["Bukchon IoT pilot", "School streets study"]
    narrowed = client.get("/cases/", {"kind": ["pilot_project", "feasibility_study"], "region": "asia_pacific"})
    assert titles(narrowed) == ["Bukchon IoT pilot"]
    by_topic = client.get("/cases/", {"topic": "open-data", "year_from": 2016})
    assert titles(by_topic) == ["Bukchon IoT pilot"]  # 2017–2019 overlaps 2016 onwards; 2013 does not
    assert titles(client.get("/cases/", {"year_to": 2015})) == ["Owl bus routes"]
    assert titles(client.get("/cases/", {"budget": "100k_1m"})) == ["Owl bus routes"]
    assert titles(client.get("/cases/", {"country": "FR"})) == ["School streets study"]


def test_each_facet_counts_under_the_other_filters(client, sample):
    html = client.get("/cases/", {"region": "asia_pacific", "kind": "pilot_project"}).content.decode()
    # Kind is counted within Asia and the Pacific (both Seoul cases), region within pilot projects.
    assert "Pilot project (1)" in html and "Scaled deployment (1)" in html and "Feasibility study (0)" in html
    assert "Asia and the Pacific (1)" in html and "Europe (0)" in html


def test_a_query_searches_title_summary_and_city_and_can_rank_title_matches_first(client, make_case, sample):
    make_case(title="Parking data", summary="Bukchon lessons for another district", city="Busan", country="KR")
    found = client.get("/cases/", {"q": "bukchon", "sort": "relevance"})
    assert titles(found) == ["Bukchon IoT pilot", "Parking data"]
    assert titles(client.get("/cases/", {"q": "busan"})) == ["Parking data"]
    assert titles(client.get("/cases/", {"sort": "title"}))[0] == "Bukchon IoT pilot"


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "party", "region": "moon", "budget": "lots"},
        {"year_from": "abc", "year_to": "99999"},
        {"sort": "chaos", "page": "-3"},
        {"q": '"'},
        {"q": "\x01"},
        {"q": "   "},
        {"q": "x" * 10_000},
    ],
)
def test_unknown_values_and_odd_queries_are_ignored(client, sample, params):
    response = client.get("/cases/", params)
    assert response.status_code == 200


def test_a_page_past_the_end_shows_the_last_page(client, make_case):
    for number in range(25):
        make_case(title=f"Case {number:02}")
    last = client.get("/cases/", {"page": 2, "sort": "title"})
    assert titles(client.get("/cases/", {"page": 99, "sort": "title"})) == titles(last)
    assert titles(client.get("/cases/", {"page": "x", "sort": "title"}))[0] == "Case 00"


def count_queries(client, params):
    client.get("/cases/", params)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cases/", params).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "pilot_project", "region": "asia_pacific", "topic": "open-data"},
        {"q": "pilot", "sort": "relevance"},
    ],
)
def test_the_library_query_count_does_not_grow_with_cases(client, make_case, topics, params):
    for number in range(50):
        if number == 5:
            few = count_queries(client, params)
        make_case(title=f"Pilot {number}", kind="pilot_project", region="asia_pacific", topics=["open-data"])
    assert count_queries(client, params) == few


def test_exports_follow_the_selection_with_stable_columns(client, sample):
    response = client.get("/cases/export/csv/", {"region": "asia_pacific"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0].keys()) == EXPORT_COLUMNS
    assert {row["title"] for row in rows} == {"Bukchon IoT pilot", "Owl bus routes"}
    bukchon = next(row for row in rows if row["title"] == "Bukchon IoT pilot")
    assert (bukchon["region"], bukchon["member_organisation"], bukchon["topics"]) == (
        "asia_pacific",
        "Seoul",
        "open-data",
    )
    data = json.loads(client.get("/cases/export/json/", {"kind": "feasibility_study"}).content)
    assert data["columns"] == EXPORT_COLUMNS
    assert [case["title"] for case in data["cases"]] == ["School streets study"]
    assert data["cases"][0]["end_year"] is None


def test_relations_show_on_both_cases(client, sample):
    CaseRelation.objects.create(case=sample["owl"], other=sample["bukchon"], kind="replicates")
    assert "Replicates: <a" in client.get(sample["owl"].url).content.decode()
    assert "Replicated by: <a" in client.get(sample["bukchon"].url).content.decode()


PARAMS = st.dictionaries(
    st.sampled_from(
        ["q", "kind", "stage", "region", "country", "topic", "budget", "year_from", "year_to", "sort", "page"]
    ),
    st.text(st.characters(codec="utf-8"), max_size=60)
    | st.sampled_from(['"', "'", "\x00", "  ", "%", "*", "x" * 10_000, "-1", "2100", "99999999999999999999"]),
)


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(params=PARAMS)
def test_no_library_query_string_causes_a_server_error(client, sample, params):
    nul = any("\x00" in name + value for name, value in params.items())  # core answers 400 before the library
    assert client.get("/cases/", params).status_code == (400 if nul else 200)
