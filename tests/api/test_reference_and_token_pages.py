"""The API's pages for people: the reference (/open-data/), read from the schema itself, and My hub → API tokens;
both valid HTML in English and Arabic, the reference cacheable for visitors."""

import pytest

from api import reference
from api.tokens import create_token
from tests.factories import OrganisationFactory, make_member
from tests.test_html_validity import check_html, html_checker

pytestmark = pytest.mark.django_db


def test_the_reference_lists_every_operation_of_the_schema(client, site_tree):
    response = client.get("/open-data/")
    assert response.status_code == 200 and not response.cookies
    page = response.content.decode()
    operations = reference.operations()
    assert len(operations) >= 11
    for operation in operations:
        assert f'id="{operation["id"]}"' in page and operation["path"] in page
    assert "page_size" in page and "one of: pilot_project" in page and "/api/v1/schema/" in page
    arabic = client.get("/ar/open-data/")
    assert arabic.status_code == 200 and 'lang="ar"' in arabic.content.decode()


def test_the_reference_and_the_token_page_are_valid_html(client, site_tree, tmp_path):
    command = html_checker()
    member = make_member(OrganisationFactory())
    create_token(user=member, name="City portal")
    documents = [("reference", client.get("/open-data/").content.decode())]
    documents.append(("reference, Arabic", client.get("/ar/open-data/").content.decode()))
    client.force_login(member)
    documents.append(("tokens", client.get("/me/api-tokens/").content.decode()))
    documents.append(("new token, Arabic", client.post("/ar/me/api-tokens/", {"name": "Script"}).content.decode()))
    assert check_html(command, documents, tmp_path) == []
