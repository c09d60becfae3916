"""The profile's time-zone picker (issue 15, item 13): current IANA names, grouped; a stored older name is kept."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROFILE = {
    "profile-first_name": "Mina",
    "profile-last_name": "Park",
    "profile-preferred_language": "en",
    "profile-submit": "",
}


def time_zone_select(html):
    return re.search(r'<select[^>]*name="profile-time_zone".*?</select>', html, re.S).group(0)


def test_the_profile_offers_current_zones_grouped_by_region(client, member):
    client.force_login(member)
    select = time_zone_select(client.get(reverse("members:me")).content.decode())
    for legacy in ["Africa/Asmera", "Africa/Timbuktu", "US/Pacific", "Etc/GMT+5", "Asia/Calcutta", "localtime"]:
        assert f'value="{legacy}"' not in select, legacy
    assert '<option value="Africa/Asmara">Asmara</option>' in select
    assert '<optgroup label="Europe">' in select and 'value="Europe/Kyiv"' in select
    # The browser's zone, then UTC, come before the regions.
    assert select.index("Use my browser") < select.index('value="UTC"') < select.index("<optgroup")


def test_a_stored_older_name_is_shown_and_kept_and_a_current_one_saved(client, member):
    member.time_zone = "US/Pacific"
    member.save()
    client.force_login(member)
    select = time_zone_select(client.get(reverse("members:me")).content.decode())
    assert '<option value="US/Pacific" selected>' in select and select.count(" selected") == 1
    client.post(reverse("members:me"), {**PROFILE, "profile-time_zone": "US/Pacific", "profile-job_title": "CIO"})
    member.refresh_from_db()
    assert (member.job_title, member.time_zone) == ("CIO", "US/Pacific")
    client.post(reverse("members:me"), {**PROFILE, "profile-time_zone": "America/Los_Angeles"})
    member.refresh_from_db()
    assert member.time_zone == "America/Los_Angeles"
