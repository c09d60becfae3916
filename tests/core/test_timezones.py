"""The time-zone picker offers current IANA names; older names are still read; a viewer's zone is their profile's."""

import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.forms import TimeZoneField
from core.timezones import (
    available_time_zones,
    canonical_time_zones,
    time_zone_choices,
    viewer_time_zone,
    zone_or_none,
)
from tests.factories import UserFactory

LEGACY = ["Africa/Asmera", "Africa/Timbuktu", "US/Pacific", "Etc/GMT+5", "Asia/Calcutta", "Europe/Kiev", "EST5EDT"]
CURRENT = ["Africa/Asmara", "Africa/Bamako", "America/Los_Angeles", "Asia/Kolkata", "Europe/Kyiv", "Europe/Oslo"]


def offered_values(choices):
    values = []
    for value, label in choices:
        values.extend([inner for inner, _text in label] if isinstance(label, list) else [value])
    return values


def test_the_picker_offers_current_names_only():
    offered = offered_values(time_zone_choices())
    assert len(offered) == len(set(offered)) == len(canonical_time_zones()) > 300
    assert set(offered) == set(canonical_time_zones()) <= available_time_zones()
    for name in [*LEGACY, "localtime", "Factory"]:
        assert name not in offered, name
    for name in [*CURRENT, "UTC"]:
        assert name in offered, name


def test_utc_comes_first_then_one_group_per_region():
    blank, utc, *groups = time_zone_choices(blank_label="Use my browser's time zone")
    assert blank == ("", "Use my browser's time zone") and utc == ("UTC", "UTC")
    labels = [str(label) for label, _zones in groups]
    assert labels[:2] == ["Africa", "Americas"] and "Europe" in labels and "Pacific Ocean" in labels
    europe = dict({str(label): zones for label, zones in groups}["Europe"])
    assert europe["Europe/Paris"] == "Paris" and europe["Europe/Isle_of_Man"] == "Isle of Man"


def test_older_names_are_still_read():
    # Stored profiles and events, and browsers (Chrome reports Asia/Calcutta), may use them.
    for name in LEGACY:
        assert zone_or_none(name) == zoneinfo.ZoneInfo(name)
    for name in ["localtime", "Factory", "Mars/Olympus", "../../etc/passwd", ""]:
        assert zone_or_none(name) is None


def test_the_field_renders_groups_and_keeps_a_stored_older_name():
    field = TimeZoneField(required=False, blank_label="Browser")
    html = field.widget.render("time_zone", "Asia/Calcutta")
    assert '<optgroup label="Europe">' in html and '<option value="Europe/Paris">Paris</option>' in html
    assert html.index('value="UTC"') < html.index("<optgroup")
    assert '<option value="Asia/Calcutta" selected>Asia/Calcutta</option>' in html  # shown, so saving keeps it
    assert html.count(" selected") == 1
    assert 'value="US/Pacific"' not in html and 'value="Mars' not in field.widget.render("time_zone", "Mars/x")
    assert '<option value="Asia/Kolkata" selected>' in field.widget.render("time_zone", "Asia/Kolkata")
    assert field.clean("Asia/Calcutta") == "Asia/Calcutta" and field.clean("") == ""
    with pytest.raises(ValidationError):
        field.clean("Mars/Olympus")


@pytest.mark.django_db
def test_the_viewers_zone_is_their_profiles_and_never_a_cookie():
    request = RequestFactory(headers={"cookie": "tz=America%2FSao_Paulo"}).get("/events/")
    assert request.COOKIES["tz"] == "America%2FSao_Paulo"
    request.user = AnonymousUser()
    assert viewer_time_zone(request) is None  # a visitor: the page is the same whatever they send
    request.user = UserFactory(time_zone="")
    assert viewer_time_zone(request) is None  # no zone in the profile: the browser's, by local-times.js
    request.user = UserFactory(time_zone="Asia/Calcutta")
    assert viewer_time_zone(request) == zoneinfo.ZoneInfo("Asia/Calcutta")
    request.user = UserFactory(time_zone="../../etc/passwd")
    assert viewer_time_zone(request) is None
