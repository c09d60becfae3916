"""The case library's world map: its cases per city and country, linked to the library's own filters."""

from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cases import maps as case_maps
from members.models import Region
from tests.factories import CasePageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(site_tree):
    return site_tree["cases"]


@pytest.fixture
def cities(db):
    return {
        "busan": OrganisationFactory(
            name="Busan Metropolitan City", city="Busan", country="KR", region=Region.ASIA_PACIFIC,
            latitude=Decimal("35.17960"), longitude=Decimal("129.07560"),
        ),
        "dakar": OrganisationFactory(
            name="Dakar City Hall", city="Dakar", country="SN", region=Region.AFRICA,
            latitude=Decimal("14.71670"), longitude=Decimal("-17.46770"),
        ),
    }  # fmt: skip


@pytest.fixture
def cases(library, cities):
    return [
        CasePageFactory(parent=library, title="Parking data", organisation=cities["busan"]),
        CasePageFactory(parent=library, title="Smart port", organisation=cities["busan"]),
        # Not naming the member city, but in it: placed at the city's coordinates all the same.
        CasePageFactory(parent=library, title="Harbour sensors", city="Busan", country="KR", region="asia_pacific"),
        CasePageFactory(parent=library, title="Mobile money", organisation=cities["dakar"]),
        # A city no organisation locates: counted for its country, in the table, not a dot.
        CasePageFactory(parent=library, title="School streets", city="Paris", country="FR", region="europe"),
    ]


class MapParser(HTMLParser):
    """The map's dots and countries (link, name), its table's rows and links, and whether the map is unfolded."""

    def __init__(self):
        super().__init__()
        self.points, self.countries, self.rows, self.table_links, self.open_panels = [], [], [], [], []
        self.where, self.cell, self.row = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "details" and "map-panel" in classes:
            self.open_panels.append("open" in attrs)
        if tag in ("svg", "table"):
            self.where.append(tag)
        if tag == "a" and "map-point" in classes:
            self.points.append((attrs["href"], attrs["aria-label"]))
        elif tag == "a" and "map-country" in classes:
            self.countries.append((attrs["href"], attrs["aria-label"]))
        elif tag == "a" and "table" in self.where:
            self.table_links.append(attrs["href"])
        if tag == "tr" and "table" in self.where:
            self.row = []
        if tag in ("th", "td") and self.row is not None:
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag in ("svg", "table"):
            self.where.pop()
        if tag in ("th", "td") and self.row is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None


def parse(response):
    parser = MapParser()
    parser.feed(response.content.decode())
    return parser


def query(url):
    return parse_qs(urlsplit(url).query)


def test_the_library_shows_where_its_cases_are(client, cases):
    found = parse(client.get("/cases/"))
    assert found.open_panels == [True]
    assert sorted(found.points) == [
        ("/cases/?country=KR&q=Busan", "Busan, South Korea: 3 cases"),
        ("/cases/?country=SN&q=Dakar", "Dakar, Senegal: 1 case"),
    ]
    assert sorted(found.countries) == [
        ("/cases/?country=FR", "France: 1 case"),
        ("/cases/?country=KR", "South Korea: 3 cases"),
        ("/cases/?country=SN", "Senegal: 1 case"),
    ]


def test_the_table_holds_the_same_figures_and_links_as_the_map(client, cases):
    found = parse(client.get("/cases/"))
    assert found.rows[1:] == [
        ["France", "Europe", "1", "Paris (1)"],
        ["Senegal", "Africa", "1", "Dakar (1)"],
        ["South Korea", "Asia and the Pacific", "3", "Busan (3)"],
    ]
    links = set(found.table_links)
    assert {href for href, _name in found.points + found.countries} <= links
    assert "/cases/?country=FR&q=Paris" in links  # no coordinates: only in the table
    assert "1 city has no coordinates yet" in client.get("/cases/").content.decode()


def test_a_dot_leads_to_the_library_filtered_to_its_city(client, cases):
    busan = client.get("/cases/", query("/cases/?country=KR&q=Busan"))
    assert sorted(item.title for item in busan.context["items"]) == ["Harbour sensors", "Parking data", "Smart port"]
    korea = client.get("/cases/", {"country": "KR"})
    assert korea.context["items"].paginator.count == 3
    assert parse(korea).open_panels == [False]  # filtered: the results come first, the map one click away


def test_only_live_public_cases_are_counted(client, library, cases, cities):
    CasePageFactory(parent=library, title="Draft", organisation=cities["dakar"], live=False)
    private = CasePageFactory(parent=library, title="Members only", organisation=cities["dakar"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert ("/cases/?country=SN&q=Dakar", "Dakar, Senegal: 1 case") in parse(client.get("/cases/")).points


def test_an_empty_library_has_no_map(client, library):
    assert 'class="world-map"' not in client.get("/cases/").content.decode()


def test_the_map_is_the_same_for_every_reader_and_sets_no_cookie(cases, member_client):
    anonymous = Client().get("/cases/")
    assert not anonymous.cookies and "csrfmiddlewaretoken" not in anonymous.content.decode()
    assert parse(anonymous).points == parse(member_client.get("/cases/")).points


def map_queries(rf, library):
    request = rf.get("/cases/")
    request.user = None
    with CaptureQueriesContext(connection) as queries:
        layer = case_maps.library_layer(request, library)
    return len(queries.captured_queries), layer


def library_queries(client):
    client.get("/cases/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cases/").status_code == 200
    return len(queries.captured_queries)


def test_query_counts_do_not_grow_with_cases_and_cities(client, rf, library, cases, django_assert_num_queries):
    few_map, layer = map_queries(rf, library)
    few_page = library_queries(client)
    assert few_map <= 5 and len(layer.places) == 3
    for number in range(40):
        city = OrganisationFactory(
            city=f"Town {number}", country="BR", region=Region.LATIN_AMERICA_CARIBBEAN,
            latitude=Decimal("-23.5") + number // 10, longitude=Decimal("-46.6") + number % 10,
        )  # fmt: skip
        CasePageFactory(parent=library, title=f"Case {number}", organisation=city)
    many_map, layer = map_queries(rf, library)
    assert many_map == few_map and len(layer.places) == 43
    client.get("/cases/")  # the new version of the library's listing is rendered once, then reused
    with django_assert_num_queries(few_page):
        client.get("/cases/")
