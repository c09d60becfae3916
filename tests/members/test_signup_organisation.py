"""The sign-up form's choice of city: grouped by region, preselected from a profile's link, usable without JavaScript,
and named with the same words as the header's link (issue 17)."""

import re

import pytest
from django.urls import reverse

from members.models import Membership, Organisation, Region, User
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "seoul-digital-city-2026"


@pytest.fixture
def cities(db):
    return {
        "seoul": OrganisationFactory(
            name="Seoul Metropolitan Government", city="Seoul", region=Region.ASIA_PACIFIC, native_name="서울"
        ),
        "busan": OrganisationFactory(name="Busan Metropolitan City", city="Busan", region=Region.ASIA_PACIFIC),
        "nairobi": OrganisationFactory(name="Nairobi City County", city="Nairobi", region=Region.AFRICA, country="KE"),
        "paris": OrganisationFactory(name="City of Paris", city="Paris", region=Region.EUROPE, country="FR"),
        "former": OrganisationFactory(name="Former City", status=Organisation.Status.FORMER),
    }


def signup_page(client, **params):
    response = client.get(reverse("account_signup"), params)
    assert response.status_code == 200
    return response.content.decode()


def organisation_select(html):
    return re.search(r'<select[^>]* name="organisation".*?</select>', html, re.S).group(0)


def test_the_choices_are_grouped_by_region_in_order_of_the_region_names(client, cities):
    select = organisation_select(signup_page(client))
    assert re.findall(r'<optgroup label="([^"]+)"', select) == ["Africa", "Asia and the Pacific", "Europe"]
    asia = re.search(r"<optgroup label=\"Asia and the Pacific\">(.*?)</optgroup>", select, re.S).group(1)
    assert re.findall(r">([^<]+)</option>", asia) == [
        "Busan Metropolitan City (Busan, South Korea)",
        "Seoul Metropolitan Government – 서울 (Seoul, South Korea)",
    ]
    assert select.index("I am not staff of a member organisation") < select.index("<optgroup")
    assert "Former City" not in select


def test_each_choice_carries_its_names_for_the_filter_box(client, cities):
    select = organisation_select(signup_page(client))
    assert f'data-search="seoul metropolitan government\nseoul\n서울" value="{cities["seoul"].pk}"' in select
    assert 'data-filter-label="Find your city in the list' in select
    assert '<script src="/static/js/organisation-filter.js" defer></script>' in signup_page(client)


def test_a_profile_link_preselects_the_city(client, cities):
    select = organisation_select(signup_page(client, organisation="nairobi-city-county"))
    assert f'value="{cities["nairobi"].pk}" selected>Nairobi City County' in select
    assert select.count(" selected") == 1


@pytest.mark.parametrize("slug", ["atlantis", "former-city", "x" * 500, "<script>"])
def test_an_unknown_or_former_city_in_the_link_preselects_nothing(client, cities, slug):
    select = organisation_select(signup_page(client, organisation=slug))
    assert " selected" not in select.replace('<option value="" selected>', "")


def test_without_javascript_the_chosen_city_is_requested(client, cities):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@mail.example",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
            "first_name": "Nadia",
            "last_name": "Newcomer",
            "organisation": str(cities["paris"].pk),
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="newcomer@mail.example")
    assert membership.organisation == cities["paris"]
    assert membership.status == Membership.Status.PENDING


@pytest.mark.parametrize("value", [str(10**9), "paris", "-1"])
def test_a_city_that_is_not_on_the_list_is_refused_with_a_clear_message(client, cities, value):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@mail.example",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
            "first_name": "Nadia",
            "last_name": "Newcomer",
            "organisation": value,
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice. That choice is not one of the available choices." in response.content.decode()
    assert not User.objects.exists()


def test_the_header_link_the_heading_and_the_button_say_the_same_words(client, cities):
    home = client.get(reverse("members:directory")).content.decode()
    assert re.search(r'<a class="button button-small" href="/accounts/signup/">Join WeGo Hub</a>', home)
    html = signup_page(client)
    assert re.search(r"<h1>\s*Join WeGo Hub\s*</h1>", html)
    assert re.search(r'<button class="button"\s+type="submit"\s*>\s*Join WeGo Hub\s*</button>', html)
    assert "<title>Join WeGo Hub · WeGo Hub</title>" in html
