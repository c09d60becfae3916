"""Member profiles: opt-in, off by default, edited at /community/profile/, in the data export and account deletion."""

import pytest

from community.models import PeerProfile
from members.personal_data import delete_account, export_personal_data
from tests.factories import OrganisationFactory, TopicFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def publish(client, user, **fields):
    client.force_login(user)
    data = {"job_title": "Data officer", "department": "Smart city", "bio": "Open data portals.", **fields}
    return client.post("/community/profile/", data)


def test_a_profile_is_off_by_default_and_says_who_sees_it(client):
    person = make_member(OrganisationFactory())
    client.force_login(person)
    response = client.get("/community/profile/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "only signed-in staff of member cities whose membership is approved" in page
    assert "never shown to the public" in page
    assert 'name="published"' in page and 'name="published" checked' not in page
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_visitor_is_sent_to_sign_in_to_edit_a_profile(client):
    response = client.get("/community/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_publishes_their_profile_with_topics_and_languages(client):
    person = make_member(OrganisationFactory(name="City of Kigali"))
    topic = TopicFactory(name="Open data")
    response = publish(client, person, published="on", topics=[topic.pk], languages=["fr", "en"])
    assert response.status_code == 302
    profile = PeerProfile.objects.get(user=person)
    assert profile.is_published and profile.language_codes == ["fr", "en"] and list(profile.topics.all()) == [topic]
    person.refresh_from_db()
    assert (person.job_title, person.department) == ("Data officer", "Smart city")
    # Saved without the box ticked: hidden again.
    publish(client, person, topics=[topic.pk])
    assert not PeerProfile.objects.get(user=person).is_published


def test_an_unknown_language_or_topic_is_refused_on_the_form(client):
    person = make_member(OrganisationFactory())
    response = publish(client, person, published="on", languages=["xx"], topics=["999999"])
    assert response.status_code == 200
    assert not PeerProfile.objects.filter(user=person).exists()


def test_the_profile_is_in_my_data_and_gone_with_the_account(client):
    person = make_member(OrganisationFactory())
    topic = TopicFactory(name="Mobility")
    publish(client, person, published="on", topics=[topic.pk], languages=["ko"], bio="Buses and bikes.")
    data = export_personal_data(person)["peers"]
    assert data["profile"] == {
        "shown_to_members": True,
        "topics": ["Mobility"],
        "languages": ["ko"],
        "bio": "Buses and bikes.",
        "updated_at": data["profile"]["updated_at"],
    }
    delete_account(user=person)
    assert not PeerProfile.objects.filter(user=person).exists()


def test_my_hub_links_to_the_profile_and_says_whether_it_is_shown(client):
    person = make_member(OrganisationFactory())
    client.force_login(person)
    page = client.get("/me/").content.decode()
    assert "Not shown to anyone" in page and "/community/profile/" in page and "/community/peers/" in page
    publish(client, person, published="on")
    page = client.get("/me/").content.decode()
    assert "Shown to other members of member cities." in page


def test_someone_without_an_approved_membership_is_told_their_profile_is_not_shown(client):
    person = UserFactory()
    client.force_login(person)
    page = client.get("/community/profile/").content.decode()
    assert "is not shown even if you publish it" in page
