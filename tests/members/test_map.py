"""The member directory's world map, and the coordinates on an organisation that place a city on it."""

import csv
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.maps import plausibly_in
from members import demo
from members.models import Organisation, Region
from tests.cases.test_map import parse
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def located(name, city, country, region, latitude, longitude, **fields):
    return OrganisationFactory(
        name=name, city=city, country=country, region=region, latitude=Decimal(latitude),
        longitude=Decimal(longitude), **fields,
    )  # fmt: skip


@pytest.fixture
def organisations(db):
    return {
        "seoul": located("Seoul Metropolitan Government", "Seoul", "KR", Region.ASIA_PACIFIC, "37.5665", "126.978"),
        "secretariat": located(
            "WeGo Secretariat", "Seoul", "KR", Region.ASIA_PACIFIC, "37.5665", "126.978", kind="secretariat"
        ),
        "kigali": located("City of Kigali", "Kigali", "RW", Region.AFRICA, "-1.9441", "30.0619"),
        "lima": OrganisationFactory(name="Lima", city="Lima", country="PE", region=Region.LATIN_AMERICA_CARIBBEAN),
        "former": located(
            "City of Nowhere", "Nowhere", "FR", Region.EUROPE, "48.85", "2.35", status=Organisation.Status.SUSPENDED
        ),
    }


def test_the_directory_shows_the_member_cities_linked_to_their_profiles(client, organisations):
    found = parse(client.get("/members/"))
    assert found.open_panels == [True]
    assert sorted(found.points) == [
        ("/members/?q=Seoul&country=KR", "Seoul, South Korea: 2 organisations"),  # two here: the directory narrowed
        ("/members/city-of-kigali/", "City of Kigali, Kigali, Rwanda"),  # one: its profile
    ]
    assert sorted(found.countries) == [
        ("/members/?country=KR", "South Korea: 2 organisations"),
        ("/members/?country=PE", "Peru: 1 organisation"),
        ("/members/?country=RW", "Rwanda: 1 organisation"),
    ]
    assert found.rows[1:] == [
        ["Peru", "Latin America and the Caribbean", "1", "Lima (1)"],  # no coordinates: only in the table
        ["Rwanda", "Africa", "1", "Kigali (1)"],
        ["South Korea", "Asia and the Pacific", "2", "Seoul (2)"],
    ]
    assert {href for href, _name in found.points + found.countries} <= set(found.table_links)


def test_the_links_lead_where_they_say(client, organisations):
    seoul = client.get("/members/", {"q": "Seoul", "country": "KR"})
    assert [organisation.name for organisation in seoul.context["organisations"]] == [
        "Seoul Metropolitan Government",
        "WeGo Secretariat",
    ]
    assert parse(seoul).open_panels == [False]
    assert client.get("/members/city-of-kigali/").status_code == 200


def test_the_directory_query_count_does_not_grow_with_cities(client, django_assert_num_queries):
    located("City of Kigali", "Kigali", "RW", Region.AFRICA, "-1.9441", "30.0619")
    client.get("/members/")
    with CaptureQueriesContext(connection) as few:
        client.get("/members/")
    for number in range(40):
        located(f"Town {number}", f"Town {number}", "BR", Region.LATIN_AMERICA_CARIBBEAN, f"-{20 + number / 10}", "-45")
    with django_assert_num_queries(len(few)):
        response = client.get("/members/")
    assert len(parse(response).points) == 41


# --- Coordinates on the organisation -------------------------------------------------------------------------


def organisation(**fields):
    values = {"name": "City of Kigali", "slug": "kigali", "city": "Kigali", "country": "RW", "region": "africa"}
    return Organisation(**{**values, **fields})


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        ("91", "30", "latitude"),
        ("-1.9", "180.5", "longitude"),
        ("-1.9", None, "longitude"),  # one without the other
        (None, "30.06", "latitude"),
        ("30.0619", "-1.9441", "latitude"),  # swapped: not in Rwanda
        ("1.9441", "30.0619", "latitude"),  # a sign lost: in Uganda
        ("-1.9441", "30.0619", None),
    ],
)
def test_coordinates_are_checked(latitude, longitude, field):
    city = organisation(
        latitude=Decimal(latitude) if latitude else None, longitude=Decimal(longitude) if longitude else None
    )
    if field is None:
        city.full_clean()
        return
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert field in error.value.message_dict


def test_coordinates_are_optional_and_kept():
    city = organisation()
    city.full_clean()
    city.latitude, city.longitude = Decimal("-1.94410"), Decimal("30.06190")
    city.full_clean()
    city.save()
    city.refresh_from_db()
    assert (city.latitude, city.longitude) == (Decimal("-1.94410"), Decimal("30.06190")) and city.has_coordinates


def test_the_secretariat_edits_coordinates_in_the_admin(admin_client):
    city = OrganisationFactory(name="City of Kigali", city="Kigali", country="RW", region=Region.AFRICA)
    html = admin_client.get(f"/admin/snippets/members/organisation/edit/{city.pk}/").content.decode()
    assert 'name="latitude"' in html and 'name="longitude"' in html


def test_every_demo_city_has_coordinates_in_its_country():
    with open(demo.ORGANISATIONS_CSV, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 100
    for row in rows:
        latitude, longitude = float(row["latitude"]), float(row["longitude"])
        assert -90 <= latitude <= 90 and -180 <= longitude <= 180, row["name"]
        assert plausibly_in(row["country"], longitude, latitude), f"{row['name']} is not in {row['country']}"


def test_seeding_places_the_demo_cities_also_those_seeded_before():
    rows = demo.load_organisation_rows()
    seoul = next(row for row in rows if row["city"] == "Seoul" and row["kind"] == "member_city")
    earlier = demo.organisation_from_row({**seoul, "latitude": "", "longitude": ""})
    earlier.save()
    edited = demo.organisation_from_row(next(row for row in rows if row["city"] == "Busan"))
    edited.latitude, edited.longitude = Decimal("35.1"), Decimal("129.0")
    edited.save()
    assert earlier.latitude is None
    demo.place_cities(rows)
    earlier.refresh_from_db()
    edited.refresh_from_db()
    assert (earlier.latitude, earlier.longitude) == (Decimal(seoul["latitude"]), Decimal(seoul["longitude"]))
    assert (edited.latitude, edited.longitude) == (Decimal("35.1"), Decimal("129.0"))  # an editor's stay
    new = demo.organisation_from_row(next(row for row in rows if row["city"] == "Dakar"))
    assert (new.latitude, new.longitude) == (Decimal("14.7167"), Decimal("-17.4677"))
