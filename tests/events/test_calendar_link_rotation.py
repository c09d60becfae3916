"""The personal calendar address is a secret: the person gets a new one from /me/, and it is replaced when their
password changes or is reset and when their membership is rejected or ends. The old address stops working at once."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from events import services
from events.models import CalendarFeed
from members import services as member_services
from members.models import Membership
from tests.background import run_ready_tasks
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db

IN_PERSON = "in_person"
NEW_PASSWORD = "a-brand-new-password-2026"


def feed_path(token):
    return f"/events/my/{token}.ics"


@pytest.fixture
def summit(make_event):
    return make_event(title="Smart city summit")


@pytest.fixture
def subscribed(client, summit):
    """Someone registered for an event whose /me/ page has shown them their calendar address."""

    def subscribe(person):
        services.register(event=summit, user=person, mode=IN_PERSON, consent=True)
        client.force_login(person)
        page = client.get("/me/").content.decode()
        token = CalendarFeed.objects.get(user=person).token
        assert feed_path(token) in page
        client.logout()
        return token

    return subscribe


def assert_replaced(client, person, old_token):
    assert client.get(feed_path(old_token)).status_code == 404
    new_token = CalendarFeed.objects.get(user=person).token
    assert new_token != old_token
    response = client.get(feed_path(new_token))
    assert response.status_code == 200
    assert "Smart city summit" in response.content.decode()


def test_a_new_calendar_link_from_my_hub(client, subscribed):
    person = UserFactory()
    old_token = subscribed(person)
    client.force_login(person)
    page = client.get("/me/").content.decode()
    assert "Get a new calendar link" in page and "The old link stops working at once" in page
    action = re.search(r'<form method="post" action="([^"]+)">\s*<input type="hidden" name="csrfmiddlewaretoken"', page)
    assert action and action.group(1) == "/events/calendar-link/"

    assert client.get(action.group(1)).status_code == 405  # only a POST replaces it
    assert CalendarFeed.objects.get(user=person).token == old_token

    response = client.post(action.group(1), follow=True)
    assert response.redirect_chain[-1][0] == reverse("members:me")
    page = response.content.decode()
    assert "Your calendar has a new link. The old link no longer works" in page
    new_token = CalendarFeed.objects.get(user=person).token
    assert feed_path(new_token) in page and feed_path(old_token) not in page
    assert_replaced(client, person, old_token)


def test_signed_out_visitors_cannot_replace_a_link(client, subscribed):
    person = UserFactory()
    old_token = subscribed(person)
    response = client.post("/events/calendar-link/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert CalendarFeed.objects.get(user=person).token == old_token


def test_changing_the_password_replaces_the_link(client, subscribed):
    person = UserFactory()
    old_token = subscribed(person)
    client.force_login(person)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert_replaced(client, person, old_token)


def test_resetting_the_password_replaces_the_link(client, subscribed):
    person = UserFactory()
    old_token = subscribed(person)
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": person.email})
    run_ready_tasks()
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body).group(1)
    form_url = client.get(path)["Location"]  # allauth moves the key into the session
    assert client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert_replaced(client, person, old_token)


@pytest.fixture
def seoul(db):
    return OrganisationFactory(name="Seoul", city="Seoul")


@pytest.fixture
def focal_point(seoul):
    return make_member(seoul, role=Membership.Role.FOCAL_POINT)


def test_removal_from_the_city_replaces_the_link(client, subscribed, seoul, focal_point):
    person = make_member(seoul)
    old_token = subscribed(person)
    member_services.remove_member(membership=person.membership, by=focal_point)
    assert_replaced(client, person, old_token)


def test_a_rejected_request_replaces_the_link(client, subscribed, seoul, focal_point):
    person = UserFactory()
    old_token = subscribed(person)
    membership = member_services.request_membership(user=person, organisation=seoul)
    member_services.reject_membership(membership=membership, by=focal_point, reason="Not city staff")
    assert_replaced(client, person, old_token)


def test_moving_to_another_city_replaces_the_link_and_staying_does_not(client, subscribed, seoul):
    person = make_member(seoul)
    old_token = subscribed(person)
    member_services.add_member(user=person, organisation=seoul, role=Membership.Role.FOCAL_POINT)
    assert CalendarFeed.objects.get(user=person).token == old_token  # a new role in the same city
    member_services.add_member(user=person, organisation=OrganisationFactory(name="Busan"))
    assert_replaced(client, person, old_token)


def test_other_people_keep_their_links(client, subscribed, seoul, focal_point):
    leaving, staying = make_member(seoul), make_member(seoul)
    subscribed(leaving)
    kept = subscribed(staying)
    member_services.remove_member(membership=leaving.membership, by=focal_point)
    assert CalendarFeed.objects.get(user=staying).token == kept
    assert client.get(feed_path(kept)).status_code == 200
