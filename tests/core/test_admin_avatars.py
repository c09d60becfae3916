"""The admin draws no broken images: avatars are never fetched from gravatar.com, which our CSP blocks (and which
would learn a hash of each editor's email address)."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtailadmin_account"])
def test_admin_pages_draw_no_gravatar(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert 'class="avatar' in html  # the editor's avatar is still drawn, from our own static files


def test_the_admin_dashboard_does_not_ask_wagtail_org_for_new_releases(admin_client):
    """The upgrade panel's request to releases.wagtail.org is refused by our CSP: a console error for every editor."""
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "w-upgrade" not in html
