"""A partner's script, start to end: a member makes a personal token on My hub, filters and pages the toolkits
through the API, reads a members-only toolkit and downloads its file with the token, then revokes it on My hub and
is refused from then on. Nothing of the API is called but over HTTP, as a script would (the Django test client)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from api import tokens
from tests.factories import OrganisationFactory, ToolkitPageFactory, UserFactory, make_member
from tests.toolkits.conftest import make_document
from toolkits.models import ReleaseFile, ToolkitPage, ToolkitRelease

pytestmark = pytest.mark.django_db
WORKBOOK = b"PK\x03\x04 the members-only maturity workbook"


@pytest.fixture
def toolkits(site_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    made = {}
    for number in range(5):
        audience = ToolkitPage.Audience.MEMBERS if number % 2 else ToolkitPage.Audience.PUBLIC
        toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title=f"Toolkit {number}", audience=audience)
        release = ToolkitRelease(version="1.0", released_on=timezone.localdate())
        release.files = [ReleaseFile(document=make_document(f"workbook-{number}.xlsx", WORKBOOK), language="en")]
        toolkit.releases.add(release)
        toolkit.save_revision().publish()
        made[toolkit.title] = toolkit
    return made


def test_token_filter_page_members_only_item_and_revoke(client, toolkits):
    member = make_member(OrganisationFactory(name="City of Seoul"), first_name="Jiho")
    client.force_login(member)
    made = client.post(reverse("api_tokens"), {"name": "City portal"})
    secret = re.search(r"wagtail_[A-Za-z0-9_-]+", made.content.decode()).group(0)
    client.logout()  # the script has only the token
    auth = {"Authorization": f"Bearer {secret}"}

    # Filter: the members-only toolkits, two a page, following the next links.
    seen, address = [], "/api/v1/toolkits/?audience=members&page_size=1"
    while address:
        page = client.get(address, headers=auth)
        assert page.status_code == 200 and page["Cache-Control"].startswith("private")
        body = page.json()
        assert body["count"] == 2 and body["facets"]["audience"] == {"members": 2, "public": 3}
        seen += [item["title"] for item in body["results"]]
        address = body["next"]
    assert sorted(seen) == ["Toolkit 1", "Toolkit 3"]

    # A members-only item and its file.
    toolkit = toolkits["Toolkit 3"]
    item = client.get(f"/api/v1/toolkits/{toolkit.pk}/", headers=auth).json()
    [file] = item["releases"][0]["files"]
    assert file["title"] == "workbook-3.xlsx"
    download = client.get(file["api_url"].removeprefix("https://hub.example.org"), headers=auth)
    assert download.status_code == 200 and b"".join(download.streaming_content) == WORKBOOK
    assert client.get(file["api_url"].removeprefix("https://hub.example.org")).status_code == 401  # no token

    # Revoked on My hub: refused at once.
    client.force_login(member)
    tokens_page = client.get(reverse("api_tokens")).content.decode()
    revoke = re.search(r'action="(/me/api-tokens/\d+/revoke/)"', tokens_page).group(1)
    assert client.post(revoke).status_code == 302
    client.logout()
    refused = client.get("/api/v1/toolkits/?audience=members", headers=auth)
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]

    # Anyone's token lists the members-only toolkits, as the catalogue does; only a member's downloads their files.
    _token, outsider = tokens.create_token(user=UserFactory(), name="Curious")
    outsider_auth = {"Authorization": f"Bearer {outsider}"}
    assert client.get("/api/v1/toolkits/?audience=members", headers=outsider_auth).json()["count"] == 2
    assert client.get(file["api_url"].removeprefix("https://hub.example.org"), headers=outsider_auth).status_code == 403
