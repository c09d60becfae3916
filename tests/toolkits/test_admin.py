"""The editor's side: releases in the page editor, upload checks, and the secretariat's report by city."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import querydict_from_html

from members.services import MEMBERS_COLLECTION
from tests.background import run_ready_tasks
from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.toolkits.conftest import file_of, make_document
from toolkits.models import Download, ReleaseFile, ToolkitPage, ToolkitRelease


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def edit_form_data(client, page):
    data = querydict_from_html(client.get(edit_url(page)).content.decode(), form_id="page-edit-form")
    data.update({"body-count": "0", "action-publish": "action-publish"})
    return data


@pytest.mark.django_db
def test_an_editor_adds_a_release_with_a_file_in_the_page_editor(admin_client, make_toolkit):
    toolkit = make_toolkit(audience=ToolkitPage.Audience.MEMBERS)
    new_file = make_document("guide-v2.pdf", b"%PDF-v2")
    data = edit_form_data(admin_client, toolkit)
    assert data["releases-TOTAL_FORMS"] == "1"
    data.update(
        {
            "releases-TOTAL_FORMS": "2",
            "releases-1-version": "2.0",
            "releases-1-released_on": "2026-11-01",
            "releases-1-changelog": "New chapter.",
            "releases-1-ORDER": "2",
            "releases-1-files-TOTAL_FORMS": "1",
            "releases-1-files-INITIAL_FORMS": "0",
            "releases-1-files-MIN_NUM_FORMS": "1",
            "releases-1-files-MAX_NUM_FORMS": "1000",
            "releases-1-files-0-document": str(new_file.id),
            "releases-1-files-0-language": "fr",
            "releases-1-files-0-title": "Guide",
            "releases-1-files-0-ORDER": "1",
        }
    )
    response = admin_client.post(edit_url(toolkit), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(
        ToolkitRelease.objects.filter(toolkit=toolkit).order_by("version").values_list("version", flat=True)
    ) == [
        "1.0",
        "2.0",
    ]
    added = ReleaseFile.objects.get(release__version="2.0", release__toolkit=toolkit)
    assert (added.document_id, added.language) == (new_file.id, "fr")
    new_file.refresh_from_db()
    assert new_file.collection.name == MEMBERS_COLLECTION  # published members-only: the file moved


@pytest.mark.django_db
def test_release_versions_are_unique_and_dates_not_in_the_future(admin_client, make_toolkit):
    toolkit = make_toolkit()
    data = edit_form_data(admin_client, toolkit)
    data.update(
        {
            "releases-TOTAL_FORMS": "2",
            "releases-1-version": "1.0",
            "releases-1-released_on": "2099-01-01",
            "releases-1-ORDER": "2",
            "releases-1-files-TOTAL_FORMS": "1",
            "releases-1-files-INITIAL_FORMS": "0",
            "releases-1-files-MIN_NUM_FORMS": "1",
            "releases-1-files-MAX_NUM_FORMS": "1000",
            "releases-1-files-0-document": str(file_of(toolkit).document_id),
            "releases-1-files-0-language": "en",
            "releases-1-files-0-ORDER": "1",
        }
    )
    page = admin_client.post(edit_url(toolkit), data).content.decode()
    assert "Another release of this toolkit has this version already." in page
    assert "A release date cannot be in the future." in page
    assert ToolkitRelease.objects.filter(toolkit=toolkit).count() == 1


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"), {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("guide.pdf", b"MZ\x90\x00 a renamed program", "This file&#x27;s content is not a PDF file"),
        ("sheet.xlsx", b"#!/bin/sh\nrm -rf /", "content is not a XLSX file"),
        ("notes.txt", b"binary\x00\x01", "content is not a TXT file"),
        ("tool.exe", b"MZ", "is not allowed"),
    ],
)
def test_a_disallowed_or_disguised_upload_gets_a_clear_form_error(admin_client, name, content, message):
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_real_documents_upload(admin_client):
    for name, content in (
        ("a.pdf", b"%PDF-1.7 x"),
        ("b.docx", b"PK\x03\x04 x"),
        ("c.csv", "name,city\n김,서울".encode()),
    ):
        assert upload(admin_client, name, content).status_code == 302
    assert get_document_model().objects.count() == 3


@pytest.fixture
def downloads(make_toolkit):
    seoul = OrganisationFactory(name="Seoul Metropolitan Government", country="KR")
    hamburg = OrganisationFactory(name="Hamburg", country="DE", region="europe")
    toolkit = make_toolkit(title="Open-data policy kit")
    file = file_of(toolkit)
    people = [make_member(seoul), make_member(seoul), make_member(hamburg), UserFactory()]
    rows = [(people[0], seoul), (people[0], seoul), (people[1], seoul), (people[2], hamburg), (people[3], None)]
    for window, (person, city) in enumerate(rows):
        Download.objects.create(
            toolkit=toolkit,
            file=file,
            version="1.0",
            language="en",
            user=person,
            organisation=city,
            visitor=f"v{person.id}",
            click_window=window,
        )
    Download.objects.create(toolkit=toolkit, file=file, version="1.0", language="en", visitor="anon", click_window=9)
    return {"seoul": seoul, "hamburg": hamburg, "people": people, "toolkit": toolkit}


REPORT = "/admin/reports/toolkit-downloads/"


@pytest.mark.django_db
def test_the_secretariat_reads_downloads_by_city(admin_client, downloads):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row[:6] for row in rows] == [
        ["Seoul Metropolitan Government", "South Korea", "Asia and the Pacific", 3, 2, 1],
        ["Hamburg", "Germany", "Europe", 1, 1, 1],
        ["Signed in, no member city", "", "", 1, 1, 1],
        ["Not signed in", "", "", 1, 0, 1],
    ]
    assert response.context["total"] == 6
    exported = admin_client.get(REPORT + "?export=csv")
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["Member city", "Country", "Region", "Downloads"]
    assert table[1][:4] == ["Seoul Metropolitan Government", "South Korea", "Asia and the Pacific", "3"]
    assert admin_client.get(REPORT + "?since=2001-01-01&until=2001-01-02").context["rows"] == []
    other = admin_client.get(REPORT + f"?toolkit={downloads['toolkit'].id}&since=2000-01-01")
    assert other.context["total"] == 6


@pytest.mark.django_db
def test_the_report_refuses_bad_dates_and_people_without_permission(client, admin_client, downloads):
    response = admin_client.get(REPORT + "?since=2026-12-01&until=2026-01-01&toolkit=abc")
    assert response.status_code == 200
    assert "The end date comes before the start date." in response.content.decode()
    client.force_login(downloads["people"][0])
    assert client.get(REPORT).status_code in (302, 403)
    client.logout()
    assert client.get(REPORT).status_code == 302


@pytest.mark.django_db
def test_the_focal_point_sees_downloads_by_their_staff_only(client, downloads):
    focal_point = make_member(downloads["seoul"], role="focal_point")
    client.force_login(focal_point)
    dashboard = client.get(f"/members/{downloads['seoul'].slug}/dashboard/").content.decode()
    assert "Toolkit downloads" in dashboard
    report = client.get(f"/members/{downloads['seoul'].slug}/dashboard/report.csv").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(report)))
    by_email = {row["Email"]: row for row in table}
    first, second = downloads["people"][:2]
    assert by_email[first.email]["Toolkits: Downloads"] == "2"
    assert by_email[second.email]["Toolkits: Downloads"] == "1"
    assert downloads["people"][2].email not in by_email  # Hamburg's staff are not Seoul's


@pytest.mark.django_db
def test_my_hub_lists_my_toolkits_and_says_when_a_new_version_is_out(client, downloads):
    from tests.toolkits.conftest import publish_releases

    person = downloads["people"][0]
    publish_releases(
        downloads["toolkit"],
        [("1.0", 10, [("a.pdf", b"%PDF-a", "en")]), ("2.0", 0, [("b.pdf", b"%PDF-b", "en")])],
    )
    client.force_login(person)
    page = client.get("/me/").content.decode()
    assert "My toolkits" in page
    assert "You downloaded version 1.0" in page
    assert "Version 2.0 is out" in page
    data = client.get("/me/data.json").json()
    assert [row["version"] for row in data["toolkit_downloads"]] == ["1.0", "1.0"]


@pytest.mark.django_db
def test_a_document_a_release_uses_cannot_be_deleted_from_under_it(admin_client, make_toolkit):
    toolkit = make_toolkit()
    document = file_of(toolkit).document
    run_ready_tasks()  # the worker updates Wagtail's reference index, which is what shows the document is in use
    response = admin_client.post(reverse("wagtaildocs:delete", args=[document.id]))
    assert response.status_code in (200, 302)
    assert get_document_model().objects.filter(id=document.id).exists()
    assert admin_client.get(toolkit.url + "download/" + str(file_of(toolkit).id) + "/").status_code == 200
