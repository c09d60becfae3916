"""The demo seeders of issue 17: city profiles from members/demo_data/city_profiles.csv, event hosts and toolkit
authors. Each fills only what is empty and changes nothing on a second run."""

import io

import pytest

from core.seeding import Progress
from events import demo_hosts
from members import demo
from members.models import Organisation, Region
from tests.factories import EventPageFactory, OrganisationFactory, ToolkitPageFactory
from toolkits import demo_authors

pytestmark = pytest.mark.django_db


def progress():
    return Progress(stream=io.StringIO())


def test_city_profiles_fill_empty_fields_from_the_file_and_only_once(tmp_path):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", description=demo.DEMO_NOTE)
    paris = OrganisationFactory(name="City of Paris", city="Paris", website="https://paris.city.example/")
    demo.seed_city_profiles(progress())

    seoul.refresh_from_db()
    assert seoul.native_name == "서울"
    assert {"서울", "Seoul City"} <= set(seoul.aliases.splitlines())
    assert seoul.website.startswith("https://english.seoul.go.kr")
    assert seoul.description.startswith("Seoul is the capital of the Republic of Korea")
    assert seoul.description.endswith("(Demo data.)")
    paris.refresh_from_db()
    assert paris.website == "https://paris.city.example/"  # an editor's value stays
    assert Organisation.objects.matching("서울").get() == seoul  # the search column follows

    seoul.description = "Written by the secretariat."
    seoul.save()
    again = progress()
    demo.seed_city_profiles(again)
    seoul.refresh_from_db()
    assert seoul.description == "Written by the secretariat."
    assert again.created == 0


def test_the_demo_file_has_the_expected_columns():
    rows = demo.load_organisation_rows(demo.CITY_PROFILES_CSV)
    assert set(rows[0]) == {"name", "native_name", "aliases", "website", "description"}
    known = {row["name"] for row in demo.load_organisation_rows()}
    assert {row["name"] for row in rows} <= known


def test_seeded_events_are_hosted_by_the_city_they_take_place_in(site_tree):
    OrganisationFactory(name="WeGo Secretariat", city="Seoul", country="KR", kind=Organisation.Kind.SECRETARIAT)
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", country="KR")
    nairobi = OrganisationFactory(name="Nairobi City County", city="Nairobi", country="KE", region=Region.AFRICA)
    events = site_tree["events"]
    assembly = EventPageFactory(parent=events, slug="general-assembly-2026", city="Seoul", country="KR")
    training = EventPageFactory(parent=events, slug="training-cybersecurity-nairobi", city="Nairobi", country="KE")
    webinar = EventPageFactory(parent=events, slug="webinar-digital-inclusion", city="", country="")
    other = EventPageFactory(parent=events, slug="not-a-demo-event", city="Seoul", country="KR")

    demo_hosts.seed(progress())
    for page in (assembly, training, webinar, other):
        page.refresh_from_db()
    assert assembly.host_organisation == seoul  # the city, not the secretariat in the same city
    assert training.host_organisation == nairobi
    assert webinar.host_organisation is None
    assert other.host_organisation is None  # not seeded: left alone
    assert assembly.get_latest_revision().as_object().host_organisation == seoul  # the editor shows it

    again = progress()
    demo_hosts.seed(again)
    assert again.created == 0


def test_seeded_toolkits_name_the_cities_that_wrote_them(site_tree):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government")
    secretariat = OrganisationFactory(name="WeGo Secretariat", kind=Organisation.Kind.SECRETARIAT)
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], slug="e-government-strategy-toolkit")
    demo_authors.seed(progress())
    toolkit.refresh_from_db()
    assert set(toolkit.authoring_organisations.all()) == {seoul, secretariat}
    assert set(toolkit.get_latest_revision().as_object().authoring_organisations.all()) == {seoul, secretariat}
    again = progress()
    demo_authors.seed(again)
    assert again.created == 0


def test_demo_cities_get_a_drawn_skyline_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", city="Seoul", is_demo=True)
    real = OrganisationFactory(name="City of Paris", city="Paris", is_demo=False)
    demo.seed_city_covers()
    seoul.refresh_from_db()
    real.refresh_from_db()
    assert seoul.cover_image.description.startswith("Illustration: Seoul")
    assert real.cover_image is None  # a real member's profile gets its own picture from the secretariat
    image = seoul.cover_image_id
    demo.seed_city_covers()
    seoul.refresh_from_db()
    assert seoul.cover_image_id == image
