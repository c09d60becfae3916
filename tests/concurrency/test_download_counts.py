"""A double click is one download, whatever the timing: simultaneous requests through a live server (PostgreSQL)."""

import time

import pytest
from django.test import override_settings

from tests.concurrency.live_server import get_all_at_once, signed_in_session
from tests.factories import OrganisationFactory, ToolkitPageFactory, build_site_tree, make_member
from tests.toolkits.conftest import file_of, publish_releases
from toolkits.models import Download
from toolkits.models.downloads import CLICK_WINDOW_SECONDS

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT = b"%PDF-1.4 " + bytes(256 * 1024)


@pytest.fixture
def toolkit(require_postgres, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        page = ToolkitPageFactory(parent=build_site_tree()["toolkits"], audience="members")
        yield publish_releases(page, [("1.0", 1, [("guide.pdf", CONTENT, "en")])])


def start_of_a_click_window(margin=10):
    """Wait for a fresh click window when fewer than ``margin`` seconds are left in this one: clicks that straddle
    two windows count twice by design (a window is a fixed 30-second slot), and a loaded machine can take seconds
    to answer twenty requests at once."""
    left = CLICK_WINDOW_SECONDS - time.time() % CLICK_WINDOW_SECONDS
    if left < margin:
        time.sleep(left + 0.1)


def test_twenty_simultaneous_clicks_by_one_person_count_once_and_ten_people_count_ten(live, toolkit):
    city = OrganisationFactory()
    path = toolkit.url + toolkit.reverse_subpage("download", args=[file_of(toolkit).id])
    person = make_member(city)
    sessions = [(signed_in_session(person), path) for _ in range(20)]
    start_of_a_click_window()
    responses = get_all_at_once(live, sessions)
    assert [response.status_code for response in responses] == [200] * 20
    assert all(response.content == CONTENT for response in responses)
    assert Download.objects.filter(user=person).count() == 1

    people = [make_member(city) for _ in range(10)]
    get_all_at_once(live, [(signed_in_session(someone), path) for someone in people])
    assert Download.objects.filter(user__in=people).count() == 10
    assert Download.objects.filter(organisation=city).count() == 11
