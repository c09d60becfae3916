"""Toolkits as data (/api/v1/toolkits/): the catalogue's filters and facets, releases newest first with their files,
and a members-only file's address that still checks who asks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.toolkits.conftest import file_of
from toolkits.models import ToolkitPage

pytestmark = pytest.mark.django_db

URL = "/api/v1/toolkits/"
PDF = b"%PDF-1.4 the guide"


@pytest.fixture
def catalogue(make_toolkit):
    return {
        "strategy": make_toolkit(
            title="E-government strategy toolkit",
            kind=ToolkitPage.Kind.TOOLKIT,
            releases=(
                ("1.0", 400, [("strategy.pdf", PDF, "en")]),
                ("2.0", 20, [("strategy.pdf", PDF, "en"), ("strategie.pdf", PDF, "fr")]),
            ),
        ),
        "template": make_toolkit(
            title="Feasibility-study template",
            kind=ToolkitPage.Kind.TEMPLATE,
            audience=ToolkitPage.Audience.MEMBERS,
            releases=(("1.0", 5, [("template.docx", b"PK\x03\x04 a docx", "en")]),),
        ),
    }


def titles(response):
    return [toolkit["title"] for toolkit in response.json()["results"]]


def test_the_list_filters_and_counts_as_the_catalogue_does(client, catalogue):
    body = client.get(URL).json()
    assert body["count"] == 2 and titles(client.get(URL)) == [
        "E-government strategy toolkit",
        "Feasibility-study template",
    ]
    assert body["facets"]["kind"] == {"template": 1, "toolkit": 1}
    assert body["facets"]["language"] == {"en": 2, "fr": 1}
    assert titles(client.get(URL, {"file_language": "fr"})) == ["E-government strategy toolkit"]
    assert titles(client.get(URL, {"audience": "members"})) == ["Feasibility-study template"]
    assert titles(client.get(URL, {"kind": "template", "audience": "public"})) == []
    assert titles(client.get(URL, {"q": "strategy"})) == ["E-government strategy toolkit"]
    # Recently released first: the template's release is 5 days old, the toolkit's newest 20.
    assert titles(client.get(URL, {"sort": "updated"})) == [
        "Feasibility-study template",
        "E-government strategy toolkit",
    ]


def test_a_toolkit_lists_its_releases_newest_first_with_their_files(client, catalogue):
    toolkit = catalogue["strategy"]
    body = client.get(f"{URL}{toolkit.pk}/").json()
    assert [release["version"] for release in body["releases"]] == ["2.0", "1.0"]
    newest = body["releases"][0]["files"]
    assert [(file["language"], file["format"], file["size"]) for file in newest] == [
        ("en", "pdf", len(PDF)),
        ("fr", "pdf", len(PDF)),
    ]
    assert newest[0]["download_url"].startswith("http")
    english = file_of(toolkit, "en", version="2.0")
    assert newest[0]["download_url"].endswith(f"{toolkit.url}download/{english.pk}/")


def test_a_members_only_file_is_listed_but_its_address_still_refuses_a_visitor(client, catalogue, city_member):
    template = catalogue["template"]
    [file] = client.get(f"{URL}{template.pk}/").json()["releases"][0]["files"]
    path = file["download_url"][file["download_url"].index("/toolkits/") :]
    refused = client.get(path)
    assert refused.status_code in (302, 403) and not refused.get("Content-Disposition")
    client.force_login(city_member)
    assert client.get(path).status_code == 200


def test_an_unknown_filter_value_is_refused(client, catalogue):
    for query in ({"kind": "poster"}, {"audience": "everyone"}, {"sort": "size"}):
        assert client.get(URL, query).status_code == 422


def test_the_list_costs_the_same_queries_for_two_toolkits_or_ten(client, catalogue, make_toolkit):
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"page_size": 100})
    for number in range(8):
        make_toolkit(title=f"Toolkit {number}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 10
    assert len(many) == len(few)
