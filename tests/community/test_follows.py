"""Following topics and cities: the Following page, the button on a city's profile, /me/, personal data."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community import follows
from community.models import CityFollow, DigestFrequency, DigestSettings, TopicFollow
from core.models import Topic
from members import personal_data
from members.models import Organisation
from tests.factories import OrganisationFactory, TopicFactory, UserFactory
from tests.translations import locale

pytestmark = pytest.mark.django_db

FOLLOWING = "/community/following/"
INPUT = re.compile(r"<input [^>]*>")


def checked(html):
    """The values of the ticked boxes and chosen radio buttons."""
    return {re.search(r'value="([^"]*)"', tag).group(1) for tag in INPUT.findall(html) if " checked" in tag}


def test_the_following_page_asks_a_visitor_to_sign_in(client):
    response = client.get(FOLLOWING)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(FOLLOWING, {"frequency": "weekly"}).status_code == 302
    assert not DigestSettings.objects.exists()


def test_a_member_chooses_topics_cities_and_the_digest_and_sees_them_chosen(member_client, member, open_data, mobility):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", slug="seoul")
    OrganisationFactory(name="Dakar", slug="dakar")
    page = member_client.get(FOLLOWING)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert checked(page.content.decode()) == {"weekly"}

    response = member_client.post(
        FOLLOWING, {"topics": [str(open_data.translation_key)], "cities": ["seoul"], "frequency": "daily"}
    )
    assert response.status_code == 302
    assert list(TopicFollow.objects.filter(user=member).values_list("topic", flat=True)) == [open_data.pk]
    assert list(CityFollow.objects.filter(user=member).values_list("organisation", flat=True)) == [seoul.pk]
    assert DigestSettings.objects.get(user=member).frequency == DigestFrequency.DAILY

    assert checked(member_client.get(FOLLOWING).content.decode()) == {str(open_data.translation_key), "seoul", "daily"}

    # Saving again with fewer choices unfollows; the same choices twice change nothing.
    for _ in range(2):
        member_client.post(FOLLOWING, {"topics": [str(mobility.translation_key)], "frequency": "weekly"})
    assert list(TopicFollow.objects.filter(user=member).values_list("topic", flat=True)) == [mobility.pk]
    assert not CityFollow.objects.filter(user=member).exists()


def test_a_topic_chosen_in_french_is_followed_as_the_topic_itself(client, open_data):
    french = open_data.copy_for_translation(locale("fr"))
    french.name, french.slug = "Données ouvertes", "donnees-ouvertes"
    french.save()
    person = UserFactory(preferred_language="fr")
    client.force_login(person)
    html = client.get("/fr" + FOLLOWING).content.decode()
    assert "Données ouvertes" in html and ">Open data<" not in html
    client.post("/fr" + FOLLOWING, {"topics": [str(french.translation_key)], "frequency": "weekly"})
    # The original is followed: the digest matches pages tagged with any translation of it.
    assert TopicFollow.objects.get(user=person).topic == open_data
    assert follows.following_of(person).topic_keys == {str(open_data.translation_key)}


@pytest.mark.parametrize(
    "data",
    [
        {"topics": ["not-a-topic"], "frequency": "weekly"},
        {"cities": ["no-such-city"], "frequency": "weekly"},
        {"cities": ["²"], "frequency": "weekly"},
        {"topics": ["9" * 5000], "frequency": "weekly"},
        {"frequency": "hourly"},
        {},
    ],
)
def test_odd_choices_are_refused_clearly_and_nothing_is_saved(member_client, member, open_data, data):
    response = member_client.post(FOLLOWING, data)
    assert response.status_code == 400
    assert "Your choices were not saved" in response.content.decode()
    assert not TopicFollow.objects.exists() and not DigestSettings.objects.exists()


def test_a_suspended_city_is_not_offered_and_cannot_be_followed(member_client, member):
    OrganisationFactory(name="Suspended town", slug="suspended", status="suspended")
    assert "Suspended town" not in member_client.get(FOLLOWING).content.decode()
    assert member_client.post(FOLLOWING, {"cities": ["suspended"], "frequency": "weekly"}).status_code == 400
    assert member_client.post(reverse("community:follow_city", args=["suspended"])).status_code == 404


def test_the_follow_button_on_a_city_profile_follows_and_stops_following(client, member):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", slug="seoul")
    profile = seoul.get_absolute_url()
    # A visitor's profile has no button and no form token: it stays the same for everyone, and cacheable.
    visitor = client.get(profile)
    assert "Follow this city" not in visitor.content.decode() and "csrfmiddlewaretoken" not in visitor.content.decode()
    assert "csrftoken" not in visitor.cookies

    client.force_login(member)
    html = client.get(profile).content.decode()
    assert f'action="{reverse("community:follow_city", args=["seoul"])}"' in html
    assert client.get(reverse("community:follow_city", args=["seoul"])).status_code == 405  # a GET changes nothing
    response = client.post(reverse("community:follow_city", args=["seoul"]))
    assert response.status_code == 302 and response["Location"] == profile
    assert CityFollow.objects.filter(user=member, organisation=seoul).exists()
    assert DigestSettings.objects.get(user=member).frequency == DigestFrequency.WEEKLY  # the default
    html = client.get(profile).content.decode()
    assert "Stop following" in html
    client.post(reverse("community:unfollow_city", args=["seoul"]))
    assert not CityFollow.objects.exists()


def test_my_hub_shows_what_i_follow_and_links_to_the_following_page(member_client, member, open_data):
    html = member_client.get("/me/").content.decode()
    assert "Follow topics and cities to get a digest" in html and f'href="{FOLLOWING}"' in html
    follows.set_following(
        user=member, topic_keys={str(open_data.translation_key)}, organisation_ids=set(), frequency="weekly"
    )
    assert "You follow 1 topic and 0 cities, with a weekly digest." in member_client.get("/me/").content.decode()


def test_my_data_lists_what_i_follow_and_deleting_my_account_forgets_it(member_client, member, open_data):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", slug="seoul")
    follows.set_following(
        user=member, topic_keys={str(open_data.translation_key)}, organisation_ids={seoul.pk}, frequency="daily"
    )
    data = json.loads(member_client.get("/me/data.json").content)["following"]
    assert data["digest"] == "daily"
    assert [row["topic"] for row in data["topics"]] == ["Open data"]
    assert [row["city"] for row in data["cities"]] == ["Seoul Metropolitan Government"]
    personal_data.delete_account(user=member)
    assert not TopicFollow.objects.exists() and not CityFollow.objects.exists()
    assert not DigestSettings.objects.exists()


def test_the_following_page_costs_the_same_queries_with_many_topics_cities_and_follows(
    member_client, member, django_assert_num_queries
):
    def follow_everything():
        follows.set_following(
            user=member,
            topic_keys={str(key) for key in Topic.objects.values_list("translation_key", flat=True)},
            organisation_ids=set(Organisation.objects.values_list("pk", flat=True)),
            frequency="weekly",
        )

    TopicFactory(name="Water")
    OrganisationFactory()
    follow_everything()
    member_client.get(FOLLOWING)  # the first request of a session reads what later ones find cached
    with CaptureQueriesContext(connection) as few:
        assert member_client.get(FOLLOWING).status_code == 200
    for number in range(15):
        TopicFactory(name=f"Topic {number}")
        OrganisationFactory()
    follow_everything()
    with django_assert_num_queries(len(few)):
        assert member_client.get(FOLLOWING).status_code == 200
