"""Personal API tokens: made and revoked on My hub, kept as a hash, shown once; the API shows with a token exactly
what the person may see on the site (the access matrix below), refuses a revoked or unknown token, and limits
requests per token and per real client address."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import APIToken, Collection, PageViewRestriction

from api import tokens
from members.personal_data import delete_account, export_personal_data
from tests.factories import CasePageFactory, OrganisationFactory, ToolkitPageFactory, UserFactory, make_member
from toolkits.models import ReleaseFile, ToolkitPage, ToolkitRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {"member": make_member(OrganisationFactory()), "outsider": UserFactory()}


def bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


# --- My hub → API tokens -----------------------------------------------------------------------------


def test_a_person_makes_a_token_sees_it_once_and_revokes_it(client, people):
    member = people["member"]
    client.force_login(member)
    assert "API tokens" in client.get("/me/").content.decode()
    page = client.post("/me/api-tokens/", {"name": "  City   portal "})
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    secret = page.context["new_token"]
    assert secret.startswith("wagtail_") and secret in page.content.decode()
    [token] = APIToken.objects.filter(user=member)
    assert token.name == "City portal" and secret not in (token.key_hash, token.prefix)  # only a keyed hash is kept
    again = client.get("/me/api-tokens/").content.decode()
    assert secret not in again and token.prefix in again  # never shown twice
    assert client.get("/api/v1/cases/", headers=bearer(secret)).status_code == 200

    response = client.post(f"/me/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    refused = client.get("/api/v1/cases/", headers=bearer(secret))
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]


def test_nobody_revokes_another_persons_token(client, people):
    token, _secret = tokens.create_token(user=people["member"], name="Mine")
    client.force_login(people["outsider"])
    for value in (str(token.pk), "abc", "²", "99999999999999999999999"):
        response = client.post(f"/me/api-tokens/{value}/revoke/", follow=True)
        assert response.status_code == 200 and "not one of yours" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_name_is_required_and_ten_tokens_is_the_most(client, people):
    client.force_login(people["member"])
    assert client.post("/me/api-tokens/", {"name": "   "}).status_code == 400
    for number in range(tokens.MAX_TOKENS):
        tokens.create_token(user=people["member"], name=f"Script {number}")
    response = client.post("/me/api-tokens/", {"name": "One more"})
    assert response.status_code == 409 and "revoke one" in response.content.decode()
    assert APIToken.objects.filter(user=people["member"]).count() == tokens.MAX_TOKENS


def test_a_password_change_revokes_the_tokens_and_they_go_with_the_account(client, people):
    from members.services import new_private_links

    member = people["member"]
    token, secret = tokens.create_token(user=member, name="Portal")
    exported = export_personal_data(member)
    assert exported["api_tokens"][0]["name"] == "Portal" and secret not in str(exported)
    new_private_links(member)  # what a password change, reset or first password calls
    assert client.get("/api/v1/cases/", headers=bearer(secret)).status_code == 401
    delete_account(user=member)
    assert not APIToken.objects.filter(pk=token.pk).exists()


# --- The access matrix ---------------------------------------------------------------------------------


@pytest.fixture
def content(site_tree, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    public_case = CasePageFactory(parent=site_tree["cases"], title="Public case")
    members_case = CasePageFactory(parent=site_tree["cases"], title="Members' case")
    restriction = PageViewRestriction.objects.create(page=members_case, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get_or_create(name="Members")[0])
    secret_case = CasePageFactory(parent=site_tree["cases"], title="Password case")
    PageViewRestriction.objects.create(page=secret_case, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = CasePageFactory(parent=site_tree["cases"], title="Draft case", live=False)
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Template", audience=ToolkitPage.Audience.MEMBERS)
    document = get_document_model()(title="template.docx", collection=Collection.get_first_root_node())
    document.file.save("template.docx", ContentFile(b"PK\x03\x04 a template"), save=False)
    document.save()
    release = ToolkitRelease(version="1.0", released_on=timezone.localdate())
    release.files = [ReleaseFile(document=document, language="en")]
    toolkit.releases.add(release)
    toolkit.save_revision().publish()
    file = ReleaseFile.objects.get(release__toolkit=toolkit)
    return {
        "cases": (public_case, members_case, secret_case, draft),
        "file_url": f"/api/v1/toolkits/{toolkit.pk}/files/{file.pk}/",
    }


@pytest.mark.parametrize(
    ("who", "cases_seen", "file_status"),
    [
        ("nobody", {"Public case"}, 401),
        ("outsider", {"Public case"}, 403),
        ("member", {"Public case", "Members' case"}, 200),
    ],
)
def test_the_api_shows_each_person_what_the_site_shows_them(client, people, content, who, cases_seen, file_status):
    headers = {} if who == "nobody" else bearer(tokens.create_token(user=people[who], name="t")[1])
    listed = client.get("/api/v1/cases/", {"page_size": 100}, headers=headers).json()
    assert {case["title"] for case in listed["results"]} == cases_seen
    public, members_only, password, draft = content["cases"]
    for case in (public, members_only, password, draft):
        status = client.get(f"/api/v1/cases/{case.pk}/", headers=headers).status_code
        assert status == (200 if case.title in cases_seen else 404), (who, case.title)
    download = client.get(content["file_url"], headers=headers)
    assert download.status_code == file_status
    if file_status == 200:
        assert b"".join(download.streaming_content) == b"PK\x03\x04 a template"
        assert download["Cache-Control"] == "private, no-store"  # the API's public caching does not apply
    else:
        assert download["Content-Type"].startswith("application/json") and download.json()["detail"]


def test_a_session_cookie_does_not_count_and_a_token_is_never_shared_cached(client, people, content):
    client.force_login(people["member"])  # signed in on the site, but no token
    listed = client.get("/api/v1/cases/", {"page_size": 100})
    assert {case["title"] for case in listed.json()["results"]} == {"Public case"}
    assert client.get(content["file_url"]).status_code == 401
    secret = tokens.create_token(user=people["member"], name="t")[1]
    with_token = client.get("/api/v1/cases/", headers=bearer(secret))
    assert "private" in with_token["Cache-Control"] and "public" not in with_token["Cache-Control"]
    assert "Authorization" in with_token["Vary"] and "Authorization" in listed["Vary"]


@pytest.mark.parametrize("header", ["Bearer wagtail_nonsense", "Bearer ", "Bearer " + "x" * 5000])
def test_an_unknown_token_is_refused_not_read_as_nobody(client, header):
    response = client.get("/api/v1/cases/", HTTP_AUTHORIZATION=header)
    assert response.status_code in (401, 400) and response["Content-Type"].startswith("application/json")


# --- Limits ------------------------------------------------------------------------------------------------


@override_settings(API_RATE_LIMITS={"client": "3/m", "token": "5/m"})
def test_requests_are_limited_per_client_address_and_per_token(client, people, site_tree):
    from django.core.cache import cache

    cache.clear()
    for _ in range(3):
        assert client.get("/api/v1/organisations/", REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = client.get("/api/v1/organisations/", REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert client.get("/api/v1/organisations/", REMOTE_ADDR="203.0.113.8").status_code == 200  # another client

    secret = tokens.create_token(user=people["member"], name="t")[1]
    for _ in range(5):  # a token has its own allowance, wherever it is used from
        assert (
            client.get("/api/v1/organisations/", REMOTE_ADDR="203.0.113.7", headers=bearer(secret)).status_code == 200
        )
    assert client.get("/api/v1/organisations/", REMOTE_ADDR="198.51.100.1", headers=bearer(secret)).status_code == 429
    cache.clear()
