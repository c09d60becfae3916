"""Find a peer: members only, published profiles of approved members only, filters, constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import PeerProfile
from members import services as member_services
from members.models import Organisation, Region
from tests.factories import OrganisationFactory, TopicFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def profile(organisation, *, published=True, topics=(), languages=(), bio="", **user_fields):
    user = make_member(organisation, **user_fields)
    peer = PeerProfile(user=user, is_published=published, bio=bio)
    peer.language_codes = list(languages)
    peer.save()
    peer.topics.set(topics)
    return peer


@pytest.fixture
def viewer(client):
    user = make_member(OrganisationFactory(name="City of Viewer"))
    client.force_login(user)
    return user


def names(response):
    return [p.user.get_full_name() for p in response.context["profiles"]]


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get("/community/peers/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_signed_in_non_member_gets_a_clear_403(client):
    client.force_login(UserFactory())
    response = client.get("/community/peers/")
    assert response.status_code == 403
    assert "staff of member cities" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_only_published_profiles_of_approved_members_of_active_cities_appear(client, viewer):
    city = OrganisationFactory()
    shown = profile(city, first_name="Ana", last_name="Shown")
    profile(city, published=False, first_name="Bo", last_name="Hidden")
    removed = profile(city, first_name="Cy", last_name="Removed")
    member_services.remove_member(membership=removed.user.membership, by=UserFactory(is_superuser=True))
    suspended_city = OrganisationFactory()
    profile(suspended_city, first_name="Di", last_name="Suspended")
    member_services.set_organisation_status(organisation=suspended_city, status=Organisation.Status.SUSPENDED)
    unverified = profile(city, first_name="Ed", last_name="Unverified")
    unverified.user.emailaddress_set.update(verified=False)
    response = client.get("/community/peers/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert names(response) == ["Ana Shown"]
    assert client.get(f"/community/peers/{shown.pk}/").status_code == 200
    hidden = PeerProfile.objects.get(user__last_name="Hidden")
    assert client.get(f"/community/peers/{hidden.pk}/").status_code == 404


def test_search_and_filters(client, viewer):
    open_data, mobility = TopicFactory(name="Open data"), TopicFactory(name="Mobility")
    seoul = OrganisationFactory(name="Seoul", region=Region.ASIA_PACIFIC)
    lyon = OrganisationFactory(name="Lyon", country="FR", region=Region.EUROPE)
    profile(seoul, first_name="Mina", last_name="Park", topics=[open_data], languages=["ko", "en"], job_title="CDO")
    profile(lyon, first_name="Luc", last_name="Martin", topics=[mobility], languages=["fr"], bio="Tramways.")
    assert names(client.get("/community/peers/", {"topic": "open-data"})) == ["Mina Park"]
    assert names(client.get("/community/peers/", {"region": "europe"})) == ["Luc Martin"]
    assert names(client.get("/community/peers/", {"city": str(seoul.pk)})) == ["Mina Park"]
    assert names(client.get("/community/peers/", {"language": "fr"})) == ["Luc Martin"]
    assert names(client.get("/community/peers/", {"q": "tramWAYS"})) == ["Luc Martin"]
    assert names(client.get("/community/peers/", {"q": "Mina Park"})) == ["Mina Park"]
    assert names(client.get("/community/peers/", {"q": "cdo"})) == ["Mina Park"]
    assert names(client.get("/community/peers/", {"language": "en", "region": "europe"})) == []


@pytest.mark.parametrize(
    "params",
    [{"city": "²"}, {"city": "9" * 5000}, {"topic": "nope"}, {"language": "xx"}, {"q": "x" * 5000}, {"page": "-1"}],
)
def test_odd_filters_are_ignored_never_a_500(client, viewer, params):
    profile(OrganisationFactory(), first_name="Ana")
    response = client.get("/community/peers/", params)
    assert response.status_code == 200


@pytest.mark.parametrize("bad", ["²", "0", "9" * 30, "abc"])
def test_a_malformed_profile_id_is_a_404(client, viewer, bad):
    assert client.get(f"/community/peers/{bad}/").status_code == 404


@pytest.mark.parametrize("params", [{}, {"topic": "open-data", "q": "data"}, {"language": "en", "region": "europe"}])
def test_the_query_count_does_not_grow_with_profiles(client, viewer, django_assert_num_queries, params):
    topics = [TopicFactory(name="Open data"), TopicFactory(name="Mobility")]

    def add(count):
        for _ in range(count):
            profile(OrganisationFactory(region=Region.EUROPE), topics=topics, languages=["en", "fr"], bio="data")

    add(3)
    client.get("/community/peers/", params)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        response = client.get("/community/peers/", params)
    assert len(response.context["profiles"]) == 3
    add(30)
    with django_assert_num_queries(len(few)):
        response = client.get("/community/peers/", params)
    assert response.context["total"] == 33
